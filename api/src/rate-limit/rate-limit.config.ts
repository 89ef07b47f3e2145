import { ConfigError, type ConfigVariable } from '@resonance/sql';
import type { TokenBucketLimits } from './token-buckets';

/** The rate limit's environment variables (for the README's configuration table). */
export const RATE_LIMIT_VARIABLES: readonly ConfigVariable[] = [
  {
    name: 'RESONANCE_RATE_LIMIT_PER_MINUTE',
    description:
      'Requests per minute per API key (GraphQL operations and exports) after the burst; 0 turns the limit off (benchmarks).',
    default: '1200',
  },
  {
    name: 'RESONANCE_RATE_LIMIT_BURST',
    description: 'Requests an API key may make at once before the per-minute rate applies.',
    default: '200',
  },
];

export const DEFAULT_LIMITS: TokenBucketLimits = { burst: 200, perMinute: 1200 };

/** The limits from the environment, checked: a bad value stops the boot with every problem listed. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): TokenBucketLimits {
  const problems: string[] = [];
  const read = (name: string, fallback: number, min: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > 1_000_000) {
      problems.push(`${name} must be an integer from ${min} to 1000000, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const limits = {
    perMinute: read('RESONANCE_RATE_LIMIT_PER_MINUTE', DEFAULT_LIMITS.perMinute, 0),
    burst: read('RESONANCE_RATE_LIMIT_BURST', DEFAULT_LIMITS.burst, 1),
  };
  if (problems.length) throw new ConfigError(problems);
  return limits;
}
