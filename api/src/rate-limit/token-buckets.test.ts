import { TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  let now = 0;
  const buckets = () => new TokenBuckets({ burst: 3, perMinute: 60 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows a burst, then refuses with the time until the next token', () => {
    const b = buckets();
    expect([b.take('k'), b.take('k'), b.take('k')].every((t) => t.allowed)).toBe(true);
    expect(b.take('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // another key has its own bucket
    expect(b.take('other').allowed).toBe(true);
  });

  it('refills at the rate, never above the burst', () => {
    const b = buckets();
    for (let i = 0; i < 3; i++) b.take('k');
    now += 1_000; // one token per second
    expect(b.take('k').allowed).toBe(true);
    expect(b.take('k').allowed).toBe(false);
    now += 3_600_000;
    expect([b.take('k'), b.take('k'), b.take('k')].every((t) => t.allowed)).toBe(true);
    expect(b.take('k').allowed).toBe(false);
  });

  it('says how long to wait when the rate is slow', () => {
    const b = new TokenBuckets({ burst: 1, perMinute: 2 }, () => now);
    b.take('k');
    expect(b.take('k')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    now += 10_000;
    expect(b.take('k')).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it('is off at 0 per minute', () => {
    const b = new TokenBuckets({ burst: 1, perMinute: 0 }, () => now);
    expect(Array.from({ length: 10 }, () => b.take('k').allowed).every(Boolean)).toBe(true);
  });
});
