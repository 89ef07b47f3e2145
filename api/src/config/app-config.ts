import * as path from 'node:path';
import {
  CLICKHOUSE_VARIABLES,
  ConfigError,
  loadClickHouseConfig,
  type ClickHouseConfig,
  type ConfigVariable,
} from '@resonance/sql';

/** Every environment variable the api reads, with what it is for; the README lists them from here. */
export const API_VARIABLES: readonly ConfigVariable[] = [
  { name: 'PORT', description: 'HTTP port of the api and dashboard (0: any free port).', default: '3000' },
  {
    name: 'RESONANCE_DEMO',
    description:
      'on: load the demo workspace into an empty data directory at boot and create its admin key. off: serve what is there.',
    default: 'on',
  },
  { name: 'RESONANCE_DEMO_CUSTOMERS', description: 'Size of the demo workspace, in customers.', default: '50000' },
  {
    name: 'RESONANCE_WEB_DIST',
    description: 'Directory of the built dashboard (npm run build -w web).',
    default: 'web/dist',
  },
  {
    name: 'RESONANCE_KEY_CACHE_SECONDS',
    description: 'How long the api caches an API key lookup; a revoked key stops working within this time.',
    default: '30',
  },
  ...CLICKHOUSE_VARIABLES,
];

const ON = new Set(['on', 'true', '1', 'yes']);
const OFF = new Set(['off', 'false', '0', 'no']);
/** Where the repository's web/dist is, from api/src/config or api/dist/config alike. */
const DEFAULT_WEB_DIST = path.resolve(__dirname, '..', '..', '..', 'web', 'dist');

/**
 * The api's configuration, read and validated once at boot. Every problem is reported together
 * (ConfigError), so a user fixes their environment in one go.
 */
export class AppConfig {
  private constructor(
    readonly port: number,
    readonly demo: boolean,
    readonly demoCustomers: number,
    readonly webDist: string,
    readonly keyCacheSeconds: number,
    readonly clickhouse: ClickHouseConfig,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
    const problems: string[] = [];
    const integer = (name: string, fallback: number, min: number, max: number): number => {
      const raw = env[name]?.trim();
      if (!raw) return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
        return fallback;
      }
      return value;
    };
    const port = integer('PORT', 3000, 0, 65_535);
    const demoCustomers = integer('RESONANCE_DEMO_CUSTOMERS', 50_000, 1, 10_000_000);
    const keyCacheSeconds = integer('RESONANCE_KEY_CACHE_SECONDS', 30, 0, 3600);
    const demoRaw = env.RESONANCE_DEMO?.trim().toLowerCase() || 'on';
    let demo = true;
    if (OFF.has(demoRaw)) demo = false;
    else if (!ON.has(demoRaw)) problems.push(`RESONANCE_DEMO must be on or off, got "${env.RESONANCE_DEMO}"`);
    const webDist = env.RESONANCE_WEB_DIST?.trim()
      ? path.resolve(cwd, env.RESONANCE_WEB_DIST.trim())
      : DEFAULT_WEB_DIST;
    let clickhouse: ClickHouseConfig | undefined;
    try {
      clickhouse = loadClickHouseConfig(env, cwd);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
    if (problems.length || !clickhouse) throw new ConfigError(problems);
    return new AppConfig(port, demo, demoCustomers, webDist, keyCacheSeconds, clickhouse);
  }
}
