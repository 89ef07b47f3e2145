export interface TokenBucketLimits {
  /** Requests a key may make at once (the bucket's size). */
  burst: number;
  /** Tokens added per minute; 0 turns rate limiting off. */
  perMinute: number;
}

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Bounds memory against a flood of distinct callers; the least recently seen go first. */
const MAX_BUCKETS = 50_000;

/**
 * One token bucket per caller, in memory: a request takes a token, tokens come back at
 * `perMinute`, a bucket holds at most `burst`. A forgotten bucket is a full one, so evicting the
 * least recently seen never lets anyone exceed the rate they were already at.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: TokenBucketLimits,
    private readonly now: () => number,
  ) {}

  get enabled(): boolean {
    return this.limits.perMinute > 0;
  }

  take(caller: string): Take {
    if (!this.enabled) return { allowed: true };
    const now = this.now();
    const perMs = this.limits.perMinute / 60_000;
    const previous = this.buckets.get(caller);
    const tokens = previous
      ? Math.min(this.limits.burst, previous.tokens + (now - previous.at) * perMs)
      : this.limits.burst;
    this.buckets.delete(caller);
    if (tokens < 1) {
      this.buckets.set(caller, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    }
    this.buckets.set(caller, { tokens: tokens - 1, at: now });
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value as string);
    return { allowed: true };
  }
}
