import { IngestRun } from '@resonance/pipelines';
import { openTestDatabase, type Database } from '@resonance/sql';
import { DataVersionRepository } from '../src/cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../src/cache/result-cache';
import { SystemClock } from '../src/common/clock';
import { DataRepository } from '../src/data/data.repository';
import { DataService } from '../src/data/data.service';
import { loadShop, SHOP_RUN_FILES } from './support/shop-fixture';

let db: Database;
let service: DataService;
let runId: string;

beforeAll(async () => {
  db = await openTestDatabase();
  ({ runId } = await loadShop(db));
  await loadShop(db, 'other', { mark: 'OTHER', scale: 3 });
  service = new DataService(
    new DataRepository(db),
    new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS),
  );
});

afterAll(async () => {
  await db.close();
});

describe('data', () => {
  it('lists loads with counts that add up', async () => {
    const { nodes, pageInfo } = await service.ingestRuns('shop', {});
    expect(pageInfo.hasNextPage).toBe(false);
    expect(nodes).toHaveLength(1);
    // 4 customers + 4 identities + 7 interactions + 3 transactions loaded, 3 rejects; engagement is not an input row
    expect(nodes[0]).toMatchObject({
      id: runId,
      source: 'fixture',
      files: SHOP_RUN_FILES,
      status: 'succeeded',
      rowsRead: 21,
      rowsLoaded: 18,
      rowsRejected: 3,
    });
    expect(nodes[0]!.finishedAt!.getTime()).toBeGreaterThanOrEqual(nodes[0]!.startedAt.getTime());
  });

  it('pages loads newest first, a running one included', async () => {
    const running = await IngestRun.start(db, 'shop', 'later', ['later.csv']);
    const first = await service.ingestRuns('shop', { first: 1 });
    expect(first.nodes.map((r) => [r.id, r.status])).toEqual([[running.runId, 'running']]);
    const second = await service.ingestRuns('shop', { first: 1, after: first.pageInfo.endCursor });
    expect(second.nodes.map((r) => r.id)).toEqual([runId]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    await running.finish();
  });

  it("lists a load's rejects by file and line, with the raw row, in pages", async () => {
    const first = await service.rejects('shop', runId, { first: 2 });
    expect(first.nodes.map((r) => [r.file, r.line, r.reason, r.raw])).toEqual([
      ['other.csv', 1, 'bad header', 'id;text'],
      ['shop.csv', 3, 'unknown channel "fax"', 'a,fax'],
    ]);
    const second = await service.rejects('shop', runId, { first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes.map((r) => [r.file, r.line])).toEqual([['shop.csv', 7]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    // the run id of another workspace's load shows nothing
    const other = (await service.ingestRuns('other', {})).nodes[0]!.id;
    expect((await service.rejects('shop', other, {})).nodes).toEqual([]);
  });

  it('lists model runs newest first with their parameters', async () => {
    const { nodes } = await service.modelRuns('shop', { first: 3 });
    expect(nodes.map((r) => [r.runId, r.model])).toEqual([
      ['run-new', 'gamma_gamma'],
      ['run-new', 'bgnbd'],
      ['run-old', 'gamma_gamma'],
    ]);
    expect(nodes[1]).toMatchObject({
      segment: '*',
      parameters: [
        { name: 'a', value: 0.79 },
        { name: 'alpha', value: 4.4 },
        { name: 'b', value: 2.4 },
        { name: 'r', value: 0.24 },
      ],
      standardErrors: [{ name: 'r', value: 0.01 }],
      logLikelihood: -9582.4,
      customers: 3,
      pooled: false,
      horizonMonths: 12,
      monthlyDiscount: 0.01,
      fittedAt: new Date('2025-03-16T01:00:00Z'),
    });
    const rest = await service.modelRuns('shop', {
      first: 3,
      after: (await service.modelRuns('shop', { first: 3 })).pageInfo.endCursor,
    });
    expect(rest.nodes.map((r) => [r.runId, r.model])).toEqual([['run-old', 'bgnbd']]);
  });
});
