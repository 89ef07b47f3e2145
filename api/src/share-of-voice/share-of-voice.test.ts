import { SystemClock } from '../common/clock';
import { DataVersionRepository } from '../cache/data-version.repository';
import { DEFAULT_RESULT_CACHE_OPTIONS, ResultCache } from '../cache/result-cache';
import { openTestDatabase, type Database } from '@resonance/sql';
import { loadWorkspace, coverageReader, SNAPSHOT_COVERAGE } from '../response/__tests__/analytics-fixture';
import { WorkspaceRepository } from '../workspace/workspace.repository';
import type { BrandVoice } from './dto/share-of-voice.model';
import { ShareOfVoiceRepository } from './share-of-voice.repository';
import { ShareOfVoiceService } from './share-of-voice.service';

const PERIOD = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

let db: Database;
let service: ShareOfVoiceService;

beforeAll(async () => {
  db = await openTestDatabase();
  const at = '2025-03-10T10:00:00Z';
  await loadWorkspace(db, {
    id: 'sov',
    brands: [
      { brand: 'acme', name: 'Acme', isOwn: true },
      { brand: 'rival', name: 'Rival Inc', isOwn: false },
      { brand: 'third', name: 'Third', isOwn: false },
    ],
    messages: [
      { id: 'a1', at, brand: 'acme', sentiment: 0.5 },
      { id: 'a2', at, brand: 'acme', sentiment: 0.5 },
      { id: 'a3', at, brand: 'acme', sentiment: -0.5 },
      { id: 'a4', at, brand: 'acme', sentiment: 0 },
      { id: 'a5', at, brand: 'acme', sentiment: null },
      { id: 'r1', at, brand: 'rival', sentiment: -0.5 },
      { id: 'r2', at, brand: 'rival', sentiment: -0.5 },
      { id: 'r3', at, brand: 'rival', sentiment: 0.5 },
      // A brand the workspace does not track.
      { id: 'n1', at, brand: 'newco', sentiment: 0.5 },
      // Outside the period.
      { id: 'x1', at: '2025-02-10T10:00:00Z', brand: 'third', sentiment: 0.5 },
    ],
    // Replies are outbound: not mentions.
    replies: [{ id: 'o1', parent: 'a1', at: '2025-03-10T11:00:00Z' }],
  });
  service = new ShareOfVoiceService(
    new ShareOfVoiceRepository(db, coverageReader(db)),
    new WorkspaceRepository(db),
    new ResultCache(new DataVersionRepository(db), new SystemClock(), DEFAULT_RESULT_CACHE_OPTIONS),
  );
});

afterAll(async () => {
  await db.close();
});

function voice(brands: BrandVoice[], brand: string): BrandVoice {
  const found = brands.find((b) => b.brand === brand);
  if (!found) throw new Error(`no brand ${brand}`);
  return found;
}

describe('shareOfVoice', () => {
  it('shares mentions across brands, overall and by sentiment class', async () => {
    const { totalMentions, brands } = await service.shareOfVoice('sov', PERIOD);
    expect(totalMentions).toBe(9);
    expect(brands.map((b) => [b.brand, b.mentions])).toEqual([
      ['acme', 5],
      ['rival', 3],
      ['newco', 1],
      ['third', 0],
    ]);
    // Positive 2 + 1 + 1 = 4, neutral 1, negative 1 + 2 = 3.
    expect(voice(brands, 'acme')).toEqual({
      brand: 'acme',
      name: 'Acme',
      isOwn: true,
      mentions: 5,
      share: 5 / 9,
      positive: 2,
      neutral: 1,
      negative: 1,
      positiveShare: 0.5,
      neutralShare: 1,
      negativeShare: 1 / 3,
      netSentiment: ((2 - 1) / 3) * 100,
    });
    expect(voice(brands, 'rival')).toMatchObject({
      name: 'Rival Inc',
      isOwn: false,
      share: 3 / 9,
      positiveShare: 0.25,
      neutralShare: 0,
      negativeShare: 2 / 3,
    });
    expect(voice(brands, 'newco')).toMatchObject({ name: 'newco', isOwn: false, share: 1 / 9, positiveShare: 0.25 });
    expect(voice(brands, 'third')).toMatchObject({ mentions: 0, share: 0, netSentiment: null });
  });

  it('shares among the brands of the filter only', async () => {
    const { totalMentions, brands } = await service.shareOfVoice('sov', { ...PERIOD, brands: ['acme', 'rival'] });
    expect(totalMentions).toBe(8);
    expect(brands.map((b) => [b.brand, b.share])).toEqual([
      ['acme', 5 / 8],
      ['rival', 3 / 8],
    ]);
  });

  it('lists tracked brands with null shares when nothing is mentioned', async () => {
    const { totalMentions, brands } = await service.shareOfVoice('sov', {
      from: new Date('2024-01-01T00:00:00Z'),
      to: new Date('2024-02-01T00:00:00Z'),
    });
    expect(totalMentions).toBe(0);
    expect(brands.map((b) => [b.brand, b.share])).toEqual([
      ['acme', null],
      ['rival', null],
      ['third', null],
    ]);
  });

  it('builds the SQL it runs (snapshot)', () => {
    expect(
      new ShareOfVoiceRepository(db, coverageReader(db)).build('sov', { ...PERIOD, channels: ['twitter'], publicOnly: true }, SNAPSHOT_COVERAGE),
    ).toMatchSnapshot();
  });
});
