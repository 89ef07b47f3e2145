import { IngestRun } from '@resonance/pipelines';
import { openTestDatabase, toClickHouseTime, type Database } from '@resonance/sql';
import { cacheKey } from '../src/cache/cache-key';
import { DataVersionRepository } from '../src/cache/data-version.repository';
import { inDataVersionScope } from '../src/cache/data-version-scope';
import { ResultCache, type ResultCacheOptions } from '../src/cache/result-cache';
import { Clock } from '../src/common/clock';
import { loadShop } from './support/shop-fixture';

class ManualClock extends Clock {
  constructor(public at = Date.UTC(2025, 2, 20)) {
    super();
  }
  now(): Date {
    return new Date(this.at);
  }
}

let db: Database;
let versions: DataVersionRepository;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadShop(db, 'shop');
  await loadShop(db, 'other', { mark: 'OTHER' });
  versions = new DataVersionRepository(db);
});

afterAll(async () => {
  await db.close();
});

function setup(options: Partial<ResultCacheOptions> = {}) {
  const clock = new ManualClock();
  const cache = new ResultCache(versions, clock, { maxEntries: 100, ttlMs: 60_000, ...options });
  let computed = 0;
  const compute = (value: string) => () => {
    computed += 1;
    return Promise.resolve(value);
  };
  return { cache, clock, compute, computed: () => computed };
}

describe('cache keys', () => {
  it('ignore field order and undefined fields, and tell dates apart', () => {
    const from = new Date('2025-03-01T00:00:00Z');
    expect(cacheKey('q', { from, brands: ['a'], segments: undefined })).toBe(
      cacheKey('q', { brands: ['a'], from: new Date(from) }),
    );
    expect(cacheKey('q', { from })).not.toBe(cacheKey('q', { from: new Date(from.getTime() + 1) }));
    expect(cacheKey('q', ['a', 'b'])).not.toBe(cacheKey('q', ['b', 'a']));
  });
});

describe('ResultCache', () => {
  it('computes once per workspace and key', async () => {
    const { cache, compute, computed } = setup();
    expect(await cache.cached('shop', 'k', compute('one'))).toBe('one');
    expect(await cache.cached('shop', 'k', compute('two'))).toBe('one');
    expect(await cache.cached('other', 'k', compute('three'))).toBe('three');
    expect(await cache.cached('shop', 'k2', compute('four'))).toBe('four');
    expect(computed()).toBe(3);
    expect(cache.stats()).toEqual({ hits: 1, misses: 3, entries: 3 });
  });

  it("recomputes after a load of the workspace, not after another workspace's", async () => {
    const { cache, compute } = setup();
    await cache.cached('shop', 'k', compute('before'));
    await cache.cached('other', 'k', compute('other before'));
    const run = await IngestRun.start(db, 'shop', 'later', ['later.csv']);
    // A load that has started already changes the version (its rows arrive before it finishes).
    expect(await cache.cached('shop', 'k', compute('running'))).toBe('running');
    await run.finish();
    expect(await cache.cached('shop', 'k', compute('after'))).toBe('after');
    expect(await cache.cached('other', 'k', compute('other after'))).toBe('other before');
  });

  it('recomputes after a model run of the workspace', async () => {
    const { cache, compute } = setup();
    await cache.cached('shop', 'clv', compute('before'));
    await db.client.insert({
      table: 'model_runs',
      format: 'JSONEachRow',
      values: [
        {
          workspace_id: 'shop',
          run_id: 'run-latest',
          segment: '*',
          model: 'bgnbd',
          fitted_at: toClickHouseTime(new Date('2025-03-20T00:00:00Z')),
        },
      ],
    });
    expect(await cache.cached('shop', 'clv', compute('after'))).toBe('after');
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const { cache, compute, computed } = setup({ maxEntries: 2 });
    await cache.cached('shop', 'a', compute('a'));
    await cache.cached('shop', 'b', compute('b'));
    await cache.cached('shop', 'a', compute('a2'));
    await cache.cached('shop', 'c', compute('c'));
    expect(cache.stats().entries).toBe(2);
    expect(await cache.cached('shop', 'a', compute('a3'))).toBe('a');
    expect(await cache.cached('shop', 'b', compute('b2'))).toBe('b2');
    expect(computed()).toBe(4);
  });

  it('serves an entry for ttlMs at most', async () => {
    const { cache, clock, compute } = setup({ ttlMs: 1000 });
    await cache.cached('shop', 'k', compute('first'));
    clock.at += 999;
    expect(await cache.cached('shop', 'k', compute('second'))).toBe('first');
    clock.at += 1;
    expect(await cache.cached('shop', 'k', compute('third'))).toBe('third');
  });

  it('never keeps a failure, and drops a workspace on invalidate()', async () => {
    const { cache, compute } = setup();
    await expect(cache.cached('shop', 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.cached('shop', 'k', compute('ok'))).toBe('ok');
    cache.invalidate('shop');
    expect(await cache.cached('shop', 'k', compute('fresh'))).toBe('fresh');
  });

  it('reads the data version once for concurrent lookups', async () => {
    const { cache, compute } = setup();
    const reads = jest.spyOn(versions, 'version');
    await Promise.all(['a', 'b', 'c', 'd'].map((k) => cache.cached('shop', k, compute(k))));
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
  });

  it('reads the data version once per request scope, and again outside one', async () => {
    const { cache, compute } = setup();
    const reads = jest.spyOn(versions, 'version');
    // One after the other, as a request's result and the coverage inside it look up.
    await inDataVersionScope(new Map(), async () => {
      await cache.cached('shop', 'a', compute('a'));
      await cache.cached('shop', 'b', compute('b'));
      await cache.cached('other', 'c', compute('c'));
    });
    expect(reads.mock.calls.map(([workspace]) => workspace)).toEqual(['shop', 'other']);
    reads.mockClear();
    await cache.cached('shop', 'd', compute('d'));
    await cache.cached('shop', 'e', compute('e'));
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockRestore();
  });

  it('sees a load in the next request scope, not in the one that read the version before it', async () => {
    const { cache, compute } = setup();
    const reads = jest.spyOn(versions, 'version');
    await inDataVersionScope(new Map(), async () => {
      await cache.cached('shop', 'k', compute('before'));
      const run = await IngestRun.start(db, 'shop', 'mid-request', ['mid.csv']);
      await run.finish();
      // The same request keeps its version: its results are of one state of the data.
      expect(await cache.cached('shop', 'k', compute('during'))).toBe('before');
    });
    expect(await inDataVersionScope(new Map(), () => cache.cached('shop', 'k', compute('after')))).toBe('after');
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockRestore();
  });

  it('forgets a failed version read within the scope', async () => {
    const { cache, compute } = setup();
    const reads = jest.spyOn(versions, 'version').mockRejectedValueOnce(new Error('database down'));
    await inDataVersionScope(new Map(), async () => {
      await expect(cache.cached('shop', 'k', compute('lost'))).rejects.toThrow('database down');
      expect(await cache.cached('shop', 'k', compute('retried'))).toBe('retried');
    });
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockRestore();
  });

  it('is off with maxEntries 0', async () => {
    const { cache, compute, computed } = setup({ maxEntries: 0 });
    await cache.cached('shop', 'k', compute('a'));
    await cache.cached('shop', 'k', compute('b'));
    expect(computed()).toBe(2);
  });
});
