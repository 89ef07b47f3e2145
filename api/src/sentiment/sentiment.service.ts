import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { count, finiteOrNull, netSentiment } from '../common/metrics';
import type { FilterInput } from '../filter/dto/filter.input';
import { FilterService } from '../filter/filter.service';
import type { TimeRange } from '../filter/resolve-filter';
import { bucketStarts } from '../overview/trend-buckets';
import type { GroupBy } from '../response/dto/group-by.enum';
import { TrendInterval, type SentimentFigures, type SentimentLift, type SentimentReport } from './dto/sentiment.model';
import { ALL_SENTIMENT_PARTS, type SentimentParts } from './sentiment-parts';
import { SentimentRepository, type SentimentRow, type TrendRow } from './sentiment.repository';

/** Longest period whose default trend is daily: about a quarter of points a day. */
const DAILY_UP_TO_DAYS = 93;
const DAY_MS = 86_400_000;

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function sentimentFigures(row: SentimentRow | undefined, key: string): SentimentFigures {
  const inbound = count(row?.inbound);
  const positive = count(row?.positive);
  const neutral = count(row?.neutral);
  const negative = count(row?.negative);
  const scored = positive + neutral + negative;
  return {
    key,
    inbound,
    positive,
    neutral,
    negative,
    unscored: inbound - scored,
    positiveShare: share(positive, scored),
    neutralShare: share(neutral, scored),
    negativeShare: share(negative, scored),
    average: scored > 0 ? finiteOrNull(row?.average) : null,
    netSentiment: netSentiment(positive, negative),
  };
}

/** The lift of the trend's total row; none (a period without messages): no pairs. */
function lift(row: TrendRow | undefined): SentimentLift {
  const pairs = count(row?.lift_pairs);
  const improved = count(row?.lift_improved);
  const worsened = count(row?.lift_worsened);
  return {
    pairs,
    averageLift: pairs > 0 ? finiteOrNull(row?.lift_average) : null,
    improved,
    worsened,
    improvedShare: share(improved, pairs),
    worsenedShare: share(worsened, pairs),
  };
}

export function defaultTrendInterval(period: TimeRange): TrendInterval {
  return period.to.getTime() - period.from.getTime() <= DAILY_UP_TO_DAYS * DAY_MS
    ? TrendInterval.DAY
    : TrendInterval.WEEK;
}

/** Sentiment & amplification page, sentiment half: distribution, average, net sentiment, trend, lift. */
@Injectable()
export class SentimentService {
  constructor(
    private readonly repository: SentimentRepository,
    private readonly filters: FilterService,
    private readonly cache: ResultCache,
  ) {}

  /**
   * `parts`: the queries the request needs (sentimentParts). The total is the trend's when it runs,
   * else the grouping's; what no part gives reads zeros (the lift: no pairs).
   */
  async sentiment(
    workspaceId: string,
    input: FilterInput,
    groupBy: GroupBy | null = null,
    interval: TrendInterval | null = null,
    parts: SentimentParts = ALL_SENTIMENT_PARTS,
  ): Promise<SentimentReport> {
    // Sentiment about the workspace's own brands unless the filter names brands.
    const { analytics, period } = await this.filters.resolve(workspaceId, input, 'own');
    const trendInterval = interval ?? defaultTrendInterval(period);
    const unit = trendInterval === TrendInterval.DAY ? 'day' : 'week';
    const distribution = parts.distribution && groupBy !== null;
    // The trend's query also gives the period's total and lift: without a grouping it is the only one.
    const [groups, trendRows] = await this.cache.cached(
      workspaceId,
      cacheKey('sentiment/sentiment', analytics, groupBy, unit, { distribution, trend: parts.trend }),
      () =>
        Promise.all([
          distribution ? this.repository.distribution(workspaceId, analytics, groupBy) : Promise.resolve([]),
          parts.trend ? this.repository.trend(workspaceId, analytics, unit) : Promise.resolve([]),
        ]),
    );
    const isTotal = (row: SentimentRow) => Number(row.is_total) === 1;
    // The trend's total row (none when the trend did not run): the period's total and its lift.
    const trendTotal = trendRows.find(isTotal);
    const total = parts.trend ? trendTotal : groups.find(isTotal);
    const byKey = new Map(trendRows.filter((row) => !isTotal(row)).map((row) => [row.key, row]));
    return {
      groupBy,
      rows: groups.filter((r) => !isTotal(r)).map((r) => sentimentFigures(r, r.key)),
      total: sentimentFigures(total, ''),
      trendInterval,
      trend: bucketStarts(period.from, period.to, unit).map((start) => {
        const key = start.toISOString().slice(0, 10);
        return sentimentFigures(byKey.get(key), key);
      }),
      lift: lift(trendTotal),
    };
  }
}
