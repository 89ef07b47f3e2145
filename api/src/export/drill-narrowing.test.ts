import { openTestDatabase, type Database } from '@resonance/sql';
import { DataVersionRepository } from '../cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../cache/result-cache';
import { FixedClock, SystemClock } from '../common/clock';
import type { FilterInput } from '../filter/dto/filter.input';
import { FilterException } from '../filter/filter.exception';
import { loadWorkspace, coverageReader, filterService } from '../response/__tests__/analytics-fixture';
import { GroupBy } from '../response/dto/group-by.enum';
import { ResponseRepository } from '../response/response.repository';
import { ResponseService } from '../response/response.service';
import { SentimentClass } from '../terms/dto/top-terms.model';
import { TermsRepository } from '../terms/terms.repository';
import { TermsService } from '../terms/terms.service';
import { ValueRepository } from '../value/value.repository';
import { ValueService } from '../value/value.service';
import { ExportRepository } from './export.repository';
import { ExportService } from './export.service';

/**
 * The drill-down narrowings of the heatmap cell and the word cloud (hoursOfWeek, terms,
 * sentiments) on the messages behind the figures, against figures worked out by hand, and equal to
 * the figure they drill into: response(HOUR_OF_WEEK)'s inbound per cell, topTerms' count per word.
 */
const PERIOD = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
const NOW = new Date('2025-04-10T00:00:00Z');

let db: Database;
let exports: ExportService;
let response: ResponseService;
let terms: TermsService;

beforeAll(async () => {
  db = await openTestDatabase();
  // New York: UTC−4 from 9 March 2025 (daylight time), so every local hour below is UTC − 4 h.
  await loadWorkspace(db, {
    id: 'drill',
    settings: { timezone: 'America/New_York' },
    messages: [
      // Monday 10 March 10:30 local → hour of week 10.
      { id: 'm1', at: '2025-03-10T14:30:00Z', sentiment: -0.5, text: 'My parcel is late again' },
      // Monday 10:59 local → 10.
      { id: 'm2', at: '2025-03-10T14:59:00Z', sentiment: 0.6, text: 'Parcel arrived, thanks!' },
      // Monday 11:00 local → 11.
      { id: 'm3', at: '2025-03-10T15:00:00Z', sentiment: -0.7, text: "Where's my refund? Don't ignore me" },
      // Saturday 15 March 23:30 local (Sunday 03:30 UTC) → (6 − 1) × 24 + 23 = 143. Unscored. The
      // link and the handle are not words; "PARCEL parcel" is one message with the word once.
      {
        id: 'm4',
        at: '2025-03-16T03:30:00Z',
        sentiment: null,
        text: 'PARCEL parcel parcels http://example.com/parcel @parcel',
      },
      // Wednesday 12 March 12:00 local → (3 − 1) × 24 + 12 = 60. Neutral.
      { id: 'm5', at: '2025-03-12T16:00:00Z', sentiment: 0, text: 'A remark about the parcel' },
      // Before the period: in no figure.
      { id: 'm0', at: '2025-02-24T14:30:00Z', sentiment: -0.5, text: 'parcel parcel' },
    ],
    replies: [
      { id: 'r1', parent: 'm1', at: '2025-03-10T15:30:00Z' },
      { id: 'r4', parent: 'm4', at: '2025-03-16T04:00:00Z' },
    ],
  });
  const cache = () => new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS);
  const filters = filterService(db);
  const clock = new FixedClock(NOW);
  exports = new ExportService(
    new ExportRepository(db),
    filters,
    clock,
    cache(),
    new ValueService(new ValueRepository(db), clock, cache()),
  );
  response = new ResponseService(new ResponseRepository(db, coverageReader(db)), filters, clock, cache());
  terms = new TermsService(new TermsRepository(db, coverageReader(db)), filters, cache());
});

afterAll(async () => {
  await db?.close();
});

async function ids(filter: Omit<FilterInput, 'from' | 'to'>): Promise<string[]> {
  const page = await exports.messages('drill', { ...PERIOD, ...filter }, { first: 100 });
  return page.nodes.map((m) => m.id);
}

async function csvIds(filter: Omit<FilterInput, 'from' | 'to'>): Promise<string[]> {
  let csv = '';
  for await (const chunk of await exports.csv('drill', { ...PERIOD, ...filter })) csv += chunk;
  return csv
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',')[0]!);
}

describe('hoursOfWeek: a cell of the hour-of-week heatmap', () => {
  it('selects the messages written in those local hours', async () => {
    expect(await ids({ hoursOfWeek: [10] })).toEqual(['m1', 'm2']);
    expect(await ids({ hoursOfWeek: [11] })).toEqual(['m3']);
    expect(await ids({ hoursOfWeek: [143] })).toEqual(['m4']);
    expect(await ids({ hoursOfWeek: [10, 60] })).toEqual(['m1', 'm2', 'm5']);
    // 14:00 is m1's hour in UTC, not in the workspace's time zone.
    expect(await ids({ hoursOfWeek: [14] })).toEqual([]);
    expect(await csvIds({ hoursOfWeek: [10, 143] })).toEqual(['m1', 'm2', 'm4']);
  });

  it("holds as many messages as the heatmap's cell counts", async () => {
    const { rows } = await response.response('drill', PERIOD, GroupBy.HOUR_OF_WEEK);
    expect(rows.map((r) => [r.key, r.inbound])).toEqual([
      ['1-10', 2],
      ['1-11', 1],
      ['3-12', 1],
      ['6-23', 1],
    ]);
    for (const row of rows) {
      const [day, hour] = row.key.split('-').map(Number) as [number, number];
      const hoursOfWeek = [(day - 1) * 24 + hour];
      expect(await ids({ hoursOfWeek })).toHaveLength(row.inbound);
      expect(await exports.messageCount('drill', { ...PERIOD, hoursOfWeek })).toBe(row.inbound);
    }
  });
});

describe('terms and sentiments: a word of the word cloud', () => {
  it('selects the messages using the word, as top terms splits texts', async () => {
    expect(await ids({ terms: ['parcel'] })).toEqual(['m1', 'm2', 'm5', 'm4']);
    expect(await ids({ terms: ['parcels'] })).toEqual(['m4']);
    expect(await ids({ terms: ['refund', 'arrived'] })).toEqual(['m2', 'm3']);
    // Apostrophes go before splitting ("dont", "wheres"); links are not words.
    expect(await ids({ terms: ['wheres'] })).toEqual(['m3']);
    expect(await ids({ terms: ['example'] })).toEqual([]);
    expect(await csvIds({ terms: ['parcel'] })).toEqual(['m1', 'm2', 'm5', 'm4']);
  });

  it('selects the messages of a sentiment class; an unscored one is in none', async () => {
    expect(await ids({ sentiments: [SentimentClass.NEGATIVE] })).toEqual(['m1', 'm3']);
    expect(await ids({ sentiments: [SentimentClass.POSITIVE] })).toEqual(['m2']);
    expect(await ids({ sentiments: [SentimentClass.NEUTRAL] })).toEqual(['m5']);
    expect(await ids({ sentiments: [SentimentClass.NEGATIVE, SentimentClass.NEUTRAL] })).toEqual(['m1', 'm3', 'm5']);
  });

  it("holds as many messages as the word's count, in every tone of the cloud", async () => {
    for (const sentiment of [null, SentimentClass.NEGATIVE, SentimentClass.POSITIVE]) {
      const cloud = await terms.topTerms('drill', PERIOD, { sentiment, limit: 200 });
      expect(cloud.terms.length).toBeGreaterThan(0);
      for (const { term, messages } of cloud.terms) {
        const narrowing = { terms: [term], ...(sentiment ? { sentiments: [sentiment] } : {}) };
        const drilled = await ids(narrowing);
        const counted = await exports.messageCount('drill', { ...PERIOD, ...narrowing });
        expect({ term, sentiment, messages: drilled.length, counted }).toEqual({
          term,
          sentiment,
          messages,
          counted: messages,
        });
      }
    }
    const all = await terms.topTerms('drill', PERIOD, {});
    expect(all.terms.find((t) => t.term === 'parcel')?.messages).toBe(4);
  });

  it('refuses what could never match, and customer narrowings on messages', async () => {
    await expect(ids({ terms: ['two words'] })).rejects.toThrow(FilterException);
    await expect(ids({ hoursOfWeek: [168] })).rejects.toThrow(FilterException);
    await expect(exports.csv('drill', { ...PERIOD, cohorts: ['2025-01'] })).rejects.toThrow(/list of customers/);
  });
});
