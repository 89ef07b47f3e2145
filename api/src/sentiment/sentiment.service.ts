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
import { SentimentRepository, type LiftRow, type SentimentRow } from './sentiment.repository';

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

function lift(row: LiftRow): SentimentLift {
  const pairs = count(row.pairs);
  const improved = count(row.improved);
  const worsened = count(row.worsened);
  return {
    pairs,
    averageLift: pairs > 0 ? finiteOrNull(row.average) : null,
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

  async sentiment(
    workspaceId: string,
    input: FilterInput,
    groupBy: GroupBy | null = null,
    interval: TrendInterval | null = null,
  ): Promise<SentimentReport> {
    // Sentiment about the workspace's own brands unless the filter names brands.
    const { analytics, period } = await this.filters.resolve(workspaceId, input, 'own');
    const trendInterval = interval ?? defaultTrendInterval(period);
    const unit = trendInterval === TrendInterval.DAY ? 'day' : 'week';
    const [rows, trend, liftRow] = await this.cache.cached(
      workspaceId,
      cacheKey('sentiment/sentiment', analytics, groupBy, unit),
      () =>
        Promise.all([
          this.repository.distribution(workspaceId, analytics, groupBy),
          this.repository.trend(workspaceId, analytics, unit),
          this.repository.lift(workspaceId, analytics),
        ]),
    );
    const byKey = new Map(trend.map((row) => [row.key, row]));
    return {
      groupBy,
      rows: groupBy ? rows.filter((r) => Number(r.is_total) !== 1).map((r) => sentimentFigures(r, r.key)) : [],
      total: sentimentFigures(
        rows.find((r) => Number(r.is_total) === 1),
        '',
      ),
      trendInterval,
      trend: bucketStarts(period.from, period.to, unit).map((start) => {
        const key = start.toISOString().slice(0, 10);
        return sentimentFigures(byKey.get(key), key);
      }),
      lift: lift(liftRow),
    };
  }
}
