/**
 * Latency of the six analytics services over a synthetic workspace generated inside ClickHouse
 * (INSERT … SELECT FROM numbers), on the embedded engine. Not part of the test suite (no timing
 * assertions); run it on purpose, it prints p50/p95 per query:
 *
 *   PERF_INTERACTIONS=10000000 npx jest --testMatch '<rootDir>/api/src/response/__tests__/analytics.perf.ts'
 */
import { openTestDatabase, toClickHouseTime, type Database } from '@resonance/sql';
import { coverageReader, filterService } from './analytics-fixture';
import { AmplificationRepository } from '../../amplification/amplification.repository';
import { AmplificationService } from '../../amplification/amplification.service';
import { DataVersionRepository } from '../../cache/data-version.repository';
import { ResultCache } from '../../cache/result-cache';
import { FixedClock } from '../../common/clock';
import { GapQueueRepository } from '../../gap-queue/gap-queue.repository';
import { GapQueueService } from '../../gap-queue/gap-queue.service';
import { SentimentRepository } from '../../sentiment/sentiment.repository';
import { SentimentService } from '../../sentiment/sentiment.service';
import { ShareOfVoiceRepository } from '../../share-of-voice/share-of-voice.repository';
import { ShareOfVoiceService } from '../../share-of-voice/share-of-voice.service';
import { SentimentClass } from '../../terms/dto/top-terms.model';
import { TermsRepository } from '../../terms/terms.repository';
import { TermsService } from '../../terms/terms.service';
import { WorkspaceRepository } from '../../workspace/workspace.repository';
import { GroupBy } from '../dto/group-by.enum';
import { ResponseRepository } from '../response.repository';
import { ResponseService } from '../response.service';

const INTERACTIONS = Number(process.env.PERF_INTERACTIONS ?? 1_000_000);
const CUSTOMERS = Math.max(1, Math.round(INTERACTIONS / 10));
const RUNS = Number(process.env.PERF_RUNS ?? 20);
const NOW = new Date('2026-01-01T00:00:00Z');
// A quarter of the generated year.
const FILTER = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

let db: Database;

async function command(query: string, params: Record<string, unknown> = {}): Promise<void> {
  await db.client.command({ query, query_params: params });
}

async function generate(): Promise<void> {
  const p = { n: INTERACTIONS, c: CUSTOMERS };
  await command(`INSERT INTO workspaces (workspace_id, name, timezone) VALUES ('perf', 'perf', 'Europe/Berlin')`);
  await command(
    `INSERT INTO brands (workspace_id, brand, name, is_own, handles) VALUES ('perf', 'acme', 'Acme', true, []), ('perf', 'rival', 'Rival', false, [])`,
  );
  await command(
    `INSERT INTO customers (workspace_id, customer_id, name, email, segment, lifecycle_stage, country, first_seen_at, attributes, source, version)
     SELECT 'perf', toString(number), concat('Customer ', toString(number)), '', ['consumer', 'smb', 'enterprise'][number % 3 + 1],
            ['new', 'active', 'loyal', 'lapsed'][number % 4 + 1], 'DE', toDateTime64('2024-01-01 00:00:00', 3, 'UTC'), map(), 'perf', 1
     FROM numbers({c:UInt64})`,
    p,
  );
  const words =
    "['late', 'refund', 'order', 'delivery', 'great', 'broken', 'app', 'crash', 'thanks', 'love', 'waiting', 'support', 'the', 'my', 'is', 'again', 'never', 'fast', 'help', 'account']";
  await command(
    `INSERT INTO interactions
     SELECT 'perf', toString(number), 'perf', if(number % 4 = 0, 'rival', 'acme'),
            ['phone', 'email', 'chat', 'twitter', 'facebook', 'instagram', 'whatsapp', 'line', 'wechat', 'messenger', 'reviews'][number % 11 + 1] AS ch,
            'inbound', ch IN ('twitter', 'facebook', 'instagram', 'reviews'),
            toDateTime64('2025-01-01 00:00:00', 3, 'UTC') + toIntervalMillisecond(cityHash64(number, 1) % 31536000000) AS at,
            if(number % 5 = 0, toString(number - 5), toString(number)), '', 'customer', concat('@u', toString(number % {c:UInt64})),
            toUInt32(cityHash64(number, 2) % 10000), toString(number % {c:UInt64}), '', false,
            arrayStringConcat(arrayMap(k -> ${words}[cityHash64(number, k) % 20 + 1], range(8)), ' '), 'en',
            toFloat32((toInt32(cityHash64(number, 3) % 2001) - 1000) / 1000), 'perf', [], NULL,
            if(cityHash64(number, 4) % 10 < 6, at + toIntervalSecond(cityHash64(number, 5) % 200000), NULL),
            '', ['ann', 'bob', 'carl', 'dora'][number % 4 + 1], if(number % 7 = 0, at + toIntervalSecond(5), NULL), 'perf', 1
     FROM numbers({n:UInt64})`,
    p,
  );
  await command(
    `INSERT INTO engagement
     SELECT 'perf', toString(number), toDateTime64('2026-01-01 00:00:00', 3, 'UTC'), 0, cityHash64(number, 6) % 50, cityHash64(number, 7) % 5, 0,
            if(number % 2 = 0, cityHash64(number, 8) % 100000, NULL)
     FROM numbers({n:UInt64}) WHERE number % 11 IN (3, 4) AND number % 10 = 0`,
    p,
  );
  await command(
    `INSERT INTO model_runs (workspace_id, run_id, segment, model, fitted_at) VALUES ('perf', 'run-1', '', 'bgnbd', '2025-12-01 00:00:00')`,
  );
  await command(
    `INSERT INTO customer_value (workspace_id, run_id, customer_id, segment, predicted_clv, computed_at)
     SELECT 'perf', 'run-1', toString(number), '', (cityHash64(number, 9) % 100000) / 100, '2025-12-01 00:00:00' FROM numbers({c:UInt64})`,
    p,
  );
  await command('OPTIMIZE TABLE interactions FINAL');
}

/**
 * Wall time, and CPU time of the whole process (the embedded ClickHouse runs in it): on a machine
 * shared with other work the CPU time is the steadier figure.
 */
async function time(name: string, fn: () => Promise<unknown>): Promise<string> {
  await fn();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const at = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!.toFixed(0).padStart(5);
  };
  return `${name.padEnd(34)} p50 ${at(ms, 0.5)} ms   p95 ${at(ms, 0.95)} ms   cpu p50 ${at(cpu, 0.5)} ms`;
}

beforeAll(async () => {
  db = await openTestDatabase();
  const start = performance.now();
  await generate();
  process.stdout.write(
    `generated ${INTERACTIONS} interactions, ${CUSTOMERS} customers in ${((performance.now() - start) / 1000).toFixed(1)} s (now ${toClickHouseTime(NOW)})\n`,
  );
}, 3_600_000);

afterAll(async () => {
  await db.close();
});

it('prints p50 / p95 of each analytics query', async () => {
  const clock = new FixedClock(NOW);
  const filters = filterService(db);
  // Off: every run must reach ClickHouse.
  const cache = new ResultCache(new DataVersionRepository(db), clock, { maxEntries: 0, ttlMs: 0 });
  const response = new ResponseService(new ResponseRepository(db, coverageReader(db)), filters, clock, cache);
  const gapQueue = new GapQueueService(new GapQueueRepository(db, coverageReader(db)), filters, clock, cache);
  const sentiment = new SentimentService(new SentimentRepository(db, coverageReader(db)), filters, cache);
  const amplification = new AmplificationService(new AmplificationRepository(db, coverageReader(db)), filters, clock, cache);
  const shareOfVoice = new ShareOfVoiceService(new ShareOfVoiceRepository(db, coverageReader(db)), new WorkspaceRepository(db), cache);
  const terms = new TermsService(new TermsRepository(db, coverageReader(db)), filters, cache);
  const lines = [
    await time('response total', () => response.response('perf', FILTER)),
    await time('response by channel', () => response.response('perf', FILTER, GroupBy.CHANNEL)),
    await time('response by segment', () => response.response('perf', FILTER, GroupBy.SEGMENT)),
    await time('response by hour of week', () => response.response('perf', FILTER, GroupBy.HOUR_OF_WEEK)),
    await time('gap queue first page (50)', () => gapQueue.gapQueue('perf', FILTER, { first: 50 }, 'analyst')),
    await time('sentiment (trend, lift)', () => sentiment.sentiment('perf', FILTER)),
    await time('sentiment by segment', () => sentiment.sentiment('perf', FILTER, GroupBy.SEGMENT)),
    await time('amplification (top 10)', () => amplification.amplification('perf', FILTER, {}, 'analyst')),
    await time('share of voice', () => shareOfVoice.shareOfVoice('perf', FILTER)),
    await time('top terms negative (100)', () =>
      terms.topTerms('perf', FILTER, { sentiment: SentimentClass.NEGATIVE, limit: 100 }),
    ),
  ];
  process.stdout.write(
    `${INTERACTIONS} interactions, period ${FILTER.from.toISOString()} … ${FILTER.to.toISOString()}, ${RUNS} runs each\n${lines.join('\n')}\n`,
  );
}, 3_600_000);
