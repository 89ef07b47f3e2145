import { SystemClock } from '../common/clock';
import { DataVersionRepository } from '../cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../cache/result-cache';
import { openTestDatabase, type Database } from '@resonance/sql';
import { FilterService } from '../filter/filter.service';
import { WorkspaceRepository } from '../workspace/workspace.repository';
import { loadWorkspace } from '../response/__tests__/analytics-fixture';
import { SentimentClass } from './dto/top-terms.model';
import { TermsRepository } from './terms.repository';
import { TermsService } from './terms.service';

const PERIOD = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

let db: Database;
let service: TermsService;

beforeAll(async () => {
  db = await openTestDatabase();
  const at = '2025-03-10T10:00:00Z';
  await loadWorkspace(db, {
    id: 'tt',
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
      { id: 'm3', at, sentiment: 0.5, channel: 'email', text: 'Thanks, the refund arrived and delivery was fast!' },
      { id: 'm4', at, sentiment: 0, channel: 'chat', text: 'Where is my café order? a b 2nd' },
      { id: 'm5', at: '2025-02-10T10:00:00Z', sentiment: -0.5, channel: 'twitter', text: 'late late late' },
    ],
  });
  service = new TermsService(
    new TermsRepository(db),
    new FilterService(new WorkspaceRepository(db)),
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
    const built = new TermsRepository(db).build('tt', { ...PERIOD, brands: ['acme'] }, 'negative', 50);
    expect(built.query).toMatchSnapshot();
    expect({ ...built.params, stop_words: (built.params.stop_words as string[]).length }).toMatchSnapshot();
  });
});
