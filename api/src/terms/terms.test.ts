import { SystemClock } from '../common/clock';
import { DataVersionRepository } from '../cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../cache/result-cache';
import {
  openTestDatabase,
  readInboundCoverage,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
} from '@resonance/sql';
import {
  coverageReader,
  loadWorkspace,
  SNAPSHOT_COVERAGE,
  filterService,
} from '../response/__tests__/analytics-fixture';
import { SentimentClass } from './dto/top-terms.model';
import { TermsRepository, type SentimentClassName } from './terms.repository';
import { TermsService } from './terms.service';

const PERIOD = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

let db: Database;
let service: TermsService;

beforeAll(async () => {
  db = await openTestDatabase();
  const at = '2025-03-10T10:00:00Z';
  await loadWorkspace(db, {
    id: 'tt',
    customers: [{ id: 'c1', segment: 'enterprise' }],
    messages: [
      {
        id: 'm1',
        at,
        sentiment: -0.5,
        channel: 'twitter',
        text: '@AcmeHelp my Order 12345 is LATE again, refund please https://t.co/abc',
      },
      {
        id: 'm2',
        at,
        sentiment: -0.75,
        channel: 'twitter',
        text: "Late delivery, late refund. Don't you read www.acme.com/help? #refund",
      },
      {
        id: 'm3',
        at,
        sentiment: 0.5,
        channel: 'email',
        customer: 'c1',
        text: 'Thanks, the refund arrived and delivery was fast!',
      },
      { id: 'm4', at, sentiment: 0, channel: 'chat', text: 'Where is my café order? a b 2nd' },
      { id: 'm5', at: '2025-02-10T10:00:00Z', sentiment: -0.5, channel: 'twitter', text: 'late late late' },
    ],
  });
  service = new TermsService(
    new TermsRepository(db, coverageReader(db)),
    filterService(db),
    new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS),
  );
});

afterAll(async () => {
  await db.close();
});

describe('topTerms', () => {
  it('counts words once per message, without stop words, handles, links or numbers', async () => {
    const { terms, sentiment } = await service.topTerms('tt', PERIOD, {});
    expect(sentiment).toBeNull();
    // refund: m1 m2 (once, with #refund) m3; late: m1 m2; delivery: m2 m3; order: m1 m4.
    // Out: acmehelp (handle), 12345 and 2nd (digits), t co abc / www acme com help (links), a b (one letter),
    // my is again please dont you the and was where (stop words).
    expect(terms).toEqual([
      { term: 'refund', messages: 3 },
      { term: 'delivery', messages: 2 },
      { term: 'late', messages: 2 },
      { term: 'order', messages: 2 },
      { term: 'arrived', messages: 1 },
      { term: 'café', messages: 1 },
      { term: 'fast', messages: 1 },
      { term: 'read', messages: 1 },
    ]);
  });

  it('takes one sentiment class, a limit and the filter', async () => {
    const negative = await service.topTerms('tt', PERIOD, { sentiment: SentimentClass.NEGATIVE, limit: 2 });
    expect(negative).toEqual({
      sentiment: SentimentClass.NEGATIVE,
      terms: [
        { term: 'late', messages: 2 },
        { term: 'refund', messages: 2 },
      ],
    });
    const neutral = await service.topTerms('tt', PERIOD, { sentiment: SentimentClass.NEUTRAL });
    expect(neutral.terms).toEqual([
      { term: 'café', messages: 1 },
      { term: 'order', messages: 1 },
    ]);
    const email = await service.topTerms(
      'tt',
      { ...PERIOD, channels: ['email'] },
      { sentiment: SentimentClass.POSITIVE },
    );
    expect(email.terms.map((t) => t.term)).toEqual(['arrived', 'delivery', 'fast', 'refund']);
    await expect(service.topTerms('tt', PERIOD, { limit: 201 })).rejects.toThrow('limit must be 1…200');
  });

  it('builds the SQL it runs (snapshot)', () => {
    const built = new TermsRepository(db, coverageReader(db)).build(
      'tt',
      { ...PERIOD, brands: ['acme'] },
      'negative',
      50,
      SNAPSHOT_COVERAGE,
    );
    expect(built.query).toMatchSnapshot();
    expect({ ...built.params, stop_words: (built.params.stop_words as string[]).length }).toMatchSnapshot();
  });

  // The term_daily rollup (migration 0020) must give the terms the rows give, for every filter.
  const NO_TERM_ROLLUP = { runs: [] };

  async function both(filter: AnalyticsFilter, sentimentClass: SentimentClassName = '') {
    const repository = new TermsRepository(db, coverageReader(db));
    const coverage = await readInboundCoverage(db, 'tt');
    const run = async (c: InboundCoverage) => {
      const { query, params } = repository.build('tt', filter, sentimentClass, 200, c);
      const result = await db.client.query({ query, query_params: params, format: 'JSONEachRow' });
      return { rows: await result.json(), rollup: params.use_rollup };
    };
    const hybrid = await run(coverage);
    const rows = await run({ ...coverage, terms: NO_TERM_ROLLUP });
    expect(rows.rollup).toBe(false);
    return { hybrid: hybrid.rows, rows: rows.rows, rollup: hybrid.rollup };
  }

  it('reads whole days from the term rollup, with the counts of the rows', async () => {
    const served: [AnalyticsFilter, SentimentClassName][] = [
      [PERIOD, ''],
      [PERIOD, 'negative'],
      [PERIOD, 'neutral'],
      [{ ...PERIOD, channels: ['email'] }, 'positive'],
      [{ ...PERIOD, brands: ['acme'], publicOnly: true }, ''],
      [{ ...PERIOD, segments: ['enterprise'] }, ''],
      [{ ...PERIOD, sentiments: ['negative', 'neutral'] }, ''],
      // m1…m4's day is partial (from the rows), m5's whole (from the rollup).
      [{ from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-10T11:00:00Z') }, ''],
    ];
    for (const [filter, sentimentClass] of served) {
      const { hybrid, rows, rollup } = await both(filter, sentimentClass);
      expect(rollup).toBe(true);
      expect(hybrid).toEqual(rows);
    }
    const { hybrid } = await both({ from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-03-10T11:00:00Z') });
    expect(hybrid).toEqual([
      { term: 'late', messages: '3' },
      { term: 'refund', messages: '3' },
      { term: 'delivery', messages: '2' },
      { term: 'order', messages: '2' },
      { term: 'arrived', messages: '1' },
      { term: 'café', messages: '1' },
      { term: 'fast', messages: '1' },
      { term: 'read', messages: '1' },
    ]);
    // Narrowings the rollup does not keep: the whole period from the rows.
    for (const filter of [
      { ...PERIOD, agents: ['ann'] },
      { ...PERIOD, terms: ['late'] },
      { ...PERIOD, hoursOfWeek: [10] },
    ]) {
      const { hybrid: fromRows, rows, rollup } = await both(filter);
      expect(rollup).toBe(false);
      expect(fromRows).toEqual(rows);
    }
  });

  it('counts a later load: a new message and a rewritten one on a rolled-up day', async () => {
    await loadWorkspace(db, {
      id: 'tt',
      customers: [{ id: 'c1', segment: 'enterprise' }],
      messages: [
        { id: 'm4', at: '2025-03-10T10:00:00Z', sentiment: -0.4, channel: 'chat', text: 'Late order again' },
        { id: 'm6', at: '2025-03-20T09:00:00Z', sentiment: 0.3, channel: 'email', text: 'fast refund, thanks' },
      ],
    });
    const { terms } = await service.topTerms('tt', PERIOD, { limit: 4 });
    // late: m1 m2 m4; refund: m1 m2 m3 m6; order: m1 m4 (café is gone with m4's old text).
    expect(terms).toEqual([
      { term: 'refund', messages: 4 },
      { term: 'late', messages: 3 },
      { term: 'delivery', messages: 2 },
      { term: 'fast', messages: 2 },
    ]);
    for (const sentimentClass of ['', 'negative', 'neutral', 'positive'] as const) {
      const { hybrid, rows, rollup } = await both(PERIOD, sentimentClass);
      expect(rollup).toBe(true);
      expect(hybrid).toEqual(rows);
    }
  });
});
