import { Injectable } from '@nestjs/common';
import { customerListFilter, type AnalyticsFilter } from '@resonance/sql';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { Clock } from '../common/clock';
import { fromClickHouseTime } from '../common/clickhouse-time';
import { count } from '../common/metrics';
import { decodeCursor, pageSize, toPage, type PageArgs } from '../data/pagination';
import type { FilterInput } from '../filter/dto/filter.input';
import { checkFilter, resolveFilter } from '../filter/resolve-filter';
import { combine, differenceInterval, meanInterval, replicateSums, type MeanSample } from './bootstrap';
import {
  ServiceExperience,
  type ClvDistribution,
  type CohortRetention,
  type CustomerAtRisk,
  type ServiceUplift,
  type ServiceValueReport,
  type ServiceValueRow,
} from './dto/service-value.model';
import { ValuePopulation, type ValueCustomer, type ValueCustomerPage } from './dto/value-customer.model';
import { ValueException, ValueExceptionCode } from './value.exception';
import { ValueRepository, type ServiceValueSqlRow, type ValueCustomerSqlRow } from './value.repository';

export const DEFAULT_BOOTSTRAP_SAMPLES = 200;
export const DEFAULT_AT_RISK_LIMIT = 20;
export const MAX_AT_RISK_LIMIT = 100;
export const MAX_BOOTSTRAP_SAMPLES = 1000;
export const MIN_BOOTSTRAP_SAMPLES = 50;

/** The replicate count of every bootstrap interval of the value feature, checked in one place. */
export function checkBootstrapSamples(samples: number): void {
  if (!Number.isInteger(samples) || samples < MIN_BOOTSTRAP_SAMPLES || samples > MAX_BOOTSTRAP_SAMPLES) {
    throw new ValueException(
      `bootstrapSamples must be a whole number from ${MIN_BOOTSTRAP_SAMPLES} to ${MAX_BOOTSTRAP_SAMPLES}`,
      ValueExceptionCode.INVALID_BOOTSTRAP_SAMPLES,
    );
  }
}
const EXPERIENCES = Object.values(ServiceExperience);
const ANSWERED = [ServiceExperience.ANSWERED_FAST, ServiceExperience.ANSWERED_SLOW];

interface Group {
  segment: string;
  experience: ServiceExperience;
  clv: MeanSample;
  repeat: MeanSample;
  retention: MeanSample;
}

/** A group of value/service_value with its replicate sums: the block sums weighed by each replicate's weights. */
function toGroup(row: ServiceValueSqlRow, weights: readonly Uint8Array[], samples: number): Group {
  const customers = count(row.customers);
  const [n, clv, repeat, retention] = replicateSums(row.blocks, weights, samples, 4) as [
    number[],
    number[],
    number[],
    number[],
  ];
  const sample = (mean: number, replicates: number[]): MeanSample => ({
    customers,
    total: mean * customers,
    replicateCustomers: n,
    replicateTotals: replicates,
  });
  return {
    segment: row.segment,
    experience: row.experience as ServiceExperience,
    clv: sample(row.clv_mean, clv),
    repeat: sample(row.repeat_rate, repeat),
    retention: sample(row.retention, retention),
  };
}

/** What serviceValue keeps in the cache: the groups with their replicates, and the run's totals. */
interface ServiceValueGroups {
  runId: string | null;
  groups: Group[];
  valueAtRisk: number;
  customersAtRisk: number;
}

function valueCustomer(row: ValueCustomerSqlRow): ValueCustomer {
  return {
    customerId: row.customer_id,
    segment: row.segment,
    experience: row.experience as ServiceExperience,
    cohort: row.cohort,
    predictedClv: row.predicted_clv,
    pAlive: row.p_alive,
    historicalValue: row.historical_value,
  };
}

/** The filter of a customer list, checked: cohorts are a column of the cohort population only. */
function listFilter(input: FilterInput, population: ValuePopulation): AnalyticsFilter {
  const { analytics } = resolveFilter(input, 'customers');
  checkFilter(() => customerListFilter(analytics, { cohort: population === ValuePopulation.PURCHASE_COHORTS }));
  return analytics;
}

/** The Value page: service experience × segment against CLV, repeat purchases and retention. */
@Injectable()
export class ValueService {
  constructor(
    private readonly repository: ValueRepository,
    private readonly clock: Clock,
    private readonly cache: ResultCache,
  ) {}

  async serviceValue(
    workspaceId: string,
    input: FilterInput,
    samples = DEFAULT_BOOTSTRAP_SAMPLES,
  ): Promise<ServiceValueReport> {
    checkBootstrapSamples(samples);
    const { analytics } = resolveFilter(input);
    // Cached per workspace and data version (the bootstrap is seeded, so a repeat is the same answer).
    const { runId, groups, valueAtRisk, customersAtRisk } = await this.cache.cached(
      workspaceId,
      cacheKey('value/service_value', analytics, samples),
      async (): Promise<ServiceValueGroups> => {
        const [rows, weights] = await Promise.all([
          this.repository.serviceValue(workspaceId, analytics, this.clock.now()),
          this.repository.bootstrapWeights(samples),
        ]);
        return {
          runId: rows[0]?.run_id || null,
          groups: rows.map((row) => toGroup(row, weights, samples)),
          valueAtRisk: rows.reduce((sum, r) => sum + r.value_at_risk, 0),
          customersAtRisk: rows.reduce((n, r) => n + count(r.at_risk_customers), 0),
        };
      },
    );
    const segments = [...new Set(groups.map((g) => g.segment))].sort();
    const pick = (segment: string | null, experiences: readonly ServiceExperience[]) => {
      const parts = groups.filter(
        (g) => (segment === null || g.segment === segment) && experiences.includes(g.experience),
      );
      return {
        clv: combine(
          parts.map((p) => p.clv),
          samples,
        ),
        repeat: combine(
          parts.map((p) => p.repeat),
          samples,
        ),
        retention: combine(
          parts.map((p) => p.retention),
          samples,
        ),
      };
    };
    const scopes: [string, string | null][] = [['', null], ...segments.map((s): [string, string] => [s, s])];
    const report: ServiceValueRow[] = [];
    const uplift: ServiceUplift[] = [];
    for (const [label, segment] of scopes) {
      for (const experience of EXPERIENCES) {
        const s = pick(segment, [experience]);
        if (s.clv.customers === 0) continue;
        report.push({
          segment: label,
          experience,
          customers: s.clv.customers,
          clv: meanInterval(s.clv),
          repeatPurchaseRate: meanInterval(s.repeat),
          retention: meanInterval(s.retention),
        });
      }
      const answered = pick(segment, ANSWERED);
      const missed = pick(segment, [ServiceExperience.MISSED]);
      uplift.push({
        segment: label,
        clv: differenceInterval(answered.clv, missed.clv),
        repeatPurchaseRate: differenceInterval(answered.repeat, missed.repeat),
        retention: differenceInterval(answered.retention, missed.retention),
      });
    }
    const quantiles = await this.cache.cached(workspaceId, cacheKey('value/clv_distribution', analytics), () =>
      this.repository.clvDistribution(workspaceId, analytics),
    );
    const distribution: ClvDistribution[] = quantiles.map((r) => ({
      segment: r.segment,
      customers: count(r.customers),
      quantiles: r.quantiles,
    }));
    return {
      runId,
      bootstrapSamples: samples,
      rows: report,
      uplift,
      distribution,
      valueAtRisk,
      customersAtRisk,
    };
  }

  async customersAtRisk(
    workspaceId: string,
    input: FilterInput,
    limit = DEFAULT_AT_RISK_LIMIT,
  ): Promise<CustomerAtRisk[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AT_RISK_LIMIT) {
      throw new ValueException(
        `limit must be a whole number from 1 to ${MAX_AT_RISK_LIMIT}`,
        ValueExceptionCode.INVALID_LIMIT,
      );
    }
    const { analytics } = resolveFilter(input);
    const rows = await this.cache.cached(workspaceId, cacheKey('value/customers_at_risk', analytics, limit), () =>
      this.repository.customersAtRisk(workspaceId, analytics, this.clock.now(), limit),
    );
    return rows.map((r) => ({
      customerId: r.customer_id,
      segment: r.segment,
      predictedClv: r.predicted_clv,
      pAlive: r.p_alive,
      missedNegativeMessages: count(r.messages),
      lastMissedAt: fromClickHouseTime(r.last_at),
      lastInteractionId: r.last_interaction_id,
      lastChannel: r.last_channel,
    }));
  }

  /**
   * The customers behind a value figure (DESIGN.md "Service experience", "Cohort retention"): the
   * population the figure counted, narrowed by the filter's experiences (and cohorts), so
   * totalCount is the figure's base. Ordered by customer id.
   */
  async valueCustomers(
    workspaceId: string,
    input: FilterInput,
    population: ValuePopulation,
    page: PageArgs,
  ): Promise<ValueCustomerPage> {
    const analytics = listFilter(input, population);
    const after = page.after ? (decodeCursor(page.after, ['string'])[0] as string) : null;
    const limit = pageSize(page);
    const rows = await this.customerRows(workspaceId, analytics, population, after, limit + 1);
    // Past the end of the list a page has no row to carry the total: ask for it.
    const total =
      rows[0]?.total ??
      (after === null
        ? '0'
        : ((await this.customerRows(workspaceId, analytics, population, null, 1))[0]?.total ?? '0'));
    return {
      ...toPage(rows, limit, valueCustomer, (row) => [row.customer_id]),
      totalCount: count(total),
    };
  }

  /**
   * Every customer of valueCustomers' list, page by page (`pageRows` each, uncached): for the CSV
   * export, which holds one page at a time. The filter is checked before the generator is
   * returned, so a bad one fails before anything is sent.
   */
  async customerPages(
    workspaceId: string,
    input: FilterInput,
    population: ValuePopulation,
    pageRows: number,
  ): Promise<AsyncGenerator<ValueCustomer[]>> {
    const analytics = listFilter(input, population);
    const now = this.clock.now();
    const repository = this.repository;
    return (async function* () {
      let after: string | null = null;
      for (;;) {
        const rows = await repository.customerList(workspaceId, analytics, population, after, pageRows, now);
        if (rows.length > 0) yield rows.map(valueCustomer);
        if (rows.length < pageRows) return;
        after = rows[rows.length - 1]!.customer_id;
      }
    })();
  }

  /** One page of a customer list (limit rows after `after`), cached per workspace and data version. */
  customerRows(
    workspaceId: string,
    analytics: AnalyticsFilter,
    population: ValuePopulation,
    after: string | null,
    limit: number,
  ): Promise<ValueCustomerSqlRow[]> {
    return this.cache.cached(workspaceId, cacheKey('value/customer_list', population, analytics, after, limit), () =>
      this.repository.customerList(workspaceId, analytics, population, after, limit, this.clock.now()),
    );
  }

  async cohortRetention(workspaceId: string, input: FilterInput): Promise<CohortRetention[]> {
    const { analytics } = resolveFilter(input);
    const rows = await this.cache.cached(workspaceId, cacheKey('value/cohort_retention', analytics), () =>
      this.repository.cohortRetention(workspaceId, analytics, this.clock.now()),
    );
    // The curve of a cohort runs to the last month of the period (the month holding `to` − 1 ms).
    const last = new Date(analytics.to.getTime() - 1);
    const lastMonth = last.getUTCFullYear() * 12 + last.getUTCMonth();
    const curves = new Map<string, CohortRetention>();
    for (const r of rows) {
      const key = `${r.cohort}|${r.experience}`;
      let curve = curves.get(key);
      if (!curve) {
        const [year, month] = r.cohort.split('-').map(Number) as [number, number];
        const length = lastMonth - (year * 12 + month - 1) + 1;
        curve = {
          cohort: r.cohort.slice(0, 7),
          experience: r.experience as ServiceExperience,
          customers: 0,
          retention: new Array<number>(Math.max(length, 1)).fill(0),
        };
        curves.set(key, curve);
      }
      // k = 0 is the cohort month: every customer of the cohort purchased in it.
      if (Number(r.k) === 0) curve.customers = count(r.customers);
      if (Number(r.k) < curve.retention.length) curve.retention[Number(r.k)] = count(r.customers);
    }
    return [...curves.values()].map((c) => ({ ...c, retention: c.retention.map((n) => n / c.customers) }));
  }
}
