import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { fromClickHouseTime } from '../common/clickhouse-time';
import { Clock } from '../common/clock';
import { count, finiteOrNull, netSentiment, responseRate } from '../common/metrics';
import type { FilterInput } from '../filter/dto/filter.input';
import { FilterService } from '../filter/filter.service';
import type { Overview, OverviewFigures, TrendPoint } from './dto/overview.model';
import { OverviewRepository, type InboundKpiRow, type ValueKpiRow } from './overview.repository';
import { bucketStarts, chooseBucket } from './trend-buckets';

function figures(kpis: InboundKpiRow | undefined, values: ValueKpiRow | undefined): OverviewFigures {
  const inbound = count(kpis?.inbound);
  const replied = count(kpis?.replied);
  return {
    inbound,
    replied,
    responseRate: responseRate(replied, inbound),
    pending: count(kpis?.pending),
    missed: count(kpis?.missed),
    botReplied: count(kpis?.bot_replied),
    frtP50Seconds: replied > 0 ? finiteOrNull(kpis?.frt[0]) : null,
    frtP90Seconds: replied > 0 ? finiteOrNull(kpis?.frt[1]) : null,
    netSentiment: netSentiment(count(kpis?.positive), count(kpis?.negative)),
    amplifiedNegativeReach: count(kpis?.amplified_negative_reach),
    activeCustomers: count(values?.active_customers),
    historicalValue: Number(values?.historical_value ?? 0),
  };
}

function total(rows: InboundKpiRow[]): InboundKpiRow | undefined {
  return rows.find((row) => Number(row.is_total) === 1);
}

/** The Overview page: KPIs of a period and its compare period, and the period's trend. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly repository: OverviewRepository,
    private readonly filters: FilterService,
    private readonly clock: Clock,
    private readonly cache: ResultCache,
  ) {}

  async overview(workspaceId: string, input: FilterInput): Promise<Overview> {
    const { analytics, period, comparePeriod } = await this.filters.resolve(workspaceId, input, 'own');
    const unit = chooseBucket(period.from, period.to);
    // Cached per workspace and data version; the cache's time limit bounds how stale pending vs missed gets.
    const [current, previous, values, previousValues] = await this.cache.cached(
      workspaceId,
      cacheKey('overview/overview', analytics, comparePeriod, unit),
      () => {
        const now = this.clock.now();
        const compare = { ...analytics, from: comparePeriod.from, to: comparePeriod.to };
        return Promise.all([
          // The period's KPIs and its trend in one query; the compare period's KPIs alone (no trend is shown).
          this.repository.inboundKpis(workspaceId, analytics, unit, now),
          this.repository.inboundTotal(workspaceId, compare, now),
          this.repository.valueKpis(workspaceId, analytics),
          this.repository.valueKpis(workspaceId, compare),
        ]);
      },
    );
    return {
      period,
      comparePeriod,
      current: figures(total(current), values),
      previous: figures(previous, previousValues),
      trend: this.fillTrend(
        current.filter((row) => Number(row.is_total) !== 1),
        bucketStarts(period.from, period.to, unit),
      ),
    };
  }

  /** One point per bucket of the period, empty buckets included, so the chart's axis is time. */
  private fillTrend(rows: InboundKpiRow[], starts: Date[]): TrendPoint[] {
    const byBucket = new Map(rows.map((row) => [fromClickHouseTime(row.bucket).getTime(), row]));
    return starts.map((bucket) => {
      const row = byBucket.get(bucket.getTime());
      const inbound = count(row?.inbound);
      return {
        bucket,
        inbound,
        responseRate: responseRate(count(row?.replied), inbound),
        netSentiment: netSentiment(count(row?.positive), count(row?.negative)),
      };
    });
  }
}
