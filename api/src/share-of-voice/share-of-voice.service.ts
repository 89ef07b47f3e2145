import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { count, netSentiment } from '../common/metrics';
import type { FilterInput } from '../filter/dto/filter.input';
import { resolveFilter } from '../filter/resolve-filter';
import { workspaceBrands } from '../workspace/workspace-brands';
import { WorkspaceRepository } from '../workspace/workspace.repository';
import type { BrandVoice, ShareOfVoice } from './dto/share-of-voice.model';
import { ShareOfVoiceRepository } from './share-of-voice.repository';

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Share of voice (DESIGN.md): a brand's inbound mentions ÷ all tracked brands' inbound mentions. */
@Injectable()
export class ShareOfVoiceService {
  constructor(
    private readonly repository: ShareOfVoiceRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly cache: ResultCache,
  ) {}

  async shareOfVoice(workspaceId: string, input: FilterInput): Promise<ShareOfVoice> {
    const { analytics } = resolveFilter(input);
    const [rows, tracked] = await this.cache.cached(workspaceId, cacheKey('share_of_voice/brands', analytics), () =>
      Promise.all([
        this.repository.mentions(workspaceId, analytics),
        workspaceBrands(this.cache, this.workspaces, workspaceId),
      ]),
    );
    const asked = analytics.brands ? new Set(analytics.brands) : null;
    // Tracked brands without mentions are listed with zeros; mentioned brands the workspace does
    // not track (yet) are listed too, so the shares add up to 1.
    const byBrand = new Map(rows.map((r) => [r.brand, r]));
    const names = new Map(tracked.filter((b) => !asked || asked.has(b.brand)).map((b) => [b.brand, b]));
    const brands = [...new Set([...names.keys(), ...byBrand.keys()])];
    const totals = { mentions: 0, positive: 0, neutral: 0, negative: 0 };
    for (const row of rows) {
      totals.mentions += count(row.mentions);
      totals.positive += count(row.positive);
      totals.neutral += count(row.neutral);
      totals.negative += count(row.negative);
    }
    const voices: BrandVoice[] = brands.map((brand) => {
      const row = byBrand.get(brand);
      const mentions = count(row?.mentions);
      const positive = count(row?.positive);
      const neutral = count(row?.neutral);
      const negative = count(row?.negative);
      return {
        brand,
        name: names.get(brand)?.name ?? brand,
        isOwn: names.get(brand)?.is_own ?? false,
        mentions,
        share: share(mentions, totals.mentions),
        positive,
        neutral,
        negative,
        positiveShare: share(positive, totals.positive),
        neutralShare: share(neutral, totals.neutral),
        negativeShare: share(negative, totals.negative),
        netSentiment: netSentiment(positive, negative),
      };
    });
    voices.sort((a, b) => b.mentions - a.mentions || a.brand.localeCompare(b.brand));
    return { totalMentions: totals.mentions, brands: voices };
  }
}
