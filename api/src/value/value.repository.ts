import { Injectable, Optional } from '@nestjs/common';
import {
  contactsRollupFilter,
  customerContactsWindow,
  customerFilter,
  customerListFilter,
  customerPurchasesWindow,
  customerServiceWindow,
  inboundRollupFilter,
  interactionFilter,
  namedQuery,
  readInboundCoverage,
  toClickHouseTime,
  withFilter,
  withoutCustomerList,
  type AnalyticsFilter,
  type Database,
  type InboundCoverage,
  type SqlFragment,
} from '@resonance/sql';
import { InboundCoverageReader } from '../common/inbound-coverage.reader';
import { InjectDatabase } from '../database/database.module';
import { replicateSums } from './bootstrap';
import { ValuePopulation } from './dto/value-customer.model';

/**
 * A row of value/service_value: counts are strings; blocks are the group's sums per block of
 * customers, [block, customers, CLV, repeated, retention], in block order (the bootstrap weighs them).
 */
export interface ServiceValueSqlRow {
  segment: string;
  experience: string;
  customers: string;
  clv_mean: number;
  repeat_rate: number;
  retention: number;
  at_risk_customers: string;
  value_at_risk: number;
  blocks: [number, number, number, number, number][];
  run_id: string;
}

/** The most sample counts whose bootstrap weights are kept (a few are asked for in practice). */
const KEPT_WEIGHT_TABLES = 8;

/**
 * The regression's sums (value/service_effects.sql's header lists them) of one replicate: replicate
 * 0 is the data itself, 1 to samples the bootstrap's.
 */
export interface ServiceEffectsReplicate {
  replicate: number;
  sums: number[];
}

/** A row of value/service_effects: one block of customers' sums. */
interface ServiceEffectsBlockRow {
  block: number;
  sums: number[];
}

/** How many sums value/service_effects.sql gives a block; the last counts the customers. */
const SERVICE_EFFECTS_SUMS = 31;

export interface ClvDistributionSqlRow {
  segment: string;
  customers: string;
  quantiles: number[];
}

export interface CustomerAtRiskSqlRow {
  customer_id: string;
  segment: string;
  predicted_clv: number;
  p_alive: number;
  messages: string;
  last_at: string;
  last_interaction_id: string;
  last_channel: string;
}

export interface CohortRetentionSqlRow {
  cohort: string;
  experience: string;
  k: number;
  customers: string;
}

/** A row of value/*_customer_list: total (the narrowed list's size) is a 64-bit count, a string. */
export interface ValueCustomerSqlRow {
  customer_id: string;
  segment: string;
  experience: string;
  cohort: string | null;
  predicted_clv: number | null;
  p_alive: number | null;
  historical_value: number | null;
  total: string;
}

/** Each population's list query, and the customer filter's prefix inside it (its fragment's). */
const CUSTOMER_LISTS: Record<ValuePopulation, { query: string; prefix: string; cohort: boolean }> = {
  [ValuePopulation.CLV_RUN]: { query: 'value/run_customer_list', prefix: 'v.', cohort: false },
  [ValuePopulation.PURCHASE_COHORTS]: { query: 'value/cohort_customer_list', prefix: 'p.', cohort: true },
};

/** A value query with its parameters, as the build functions give it. */
export interface ValueQuery {
  query: string;
  params: Record<string, unknown>;
}

const NO_DAYS = { runs: [] };

/** No rollup day: value/experience_fragment.sql reads the whole period from the rows. */
export const NO_ROLLUP_COVERAGE: InboundCoverage = {
  tz: 'UTC',
  businessDays: [],
  businessStart: 0,
  businessEnd: 0,
  slaHours: 24,
  calendar: '',
  ...NO_DAYS,
  transactions: NO_DAYS,
  terms: NO_DAYS,
  customerService: NO_DAYS,
  customerPurchases: NO_DAYS,
};

/**
 * The filters and window of a query over customer_service_daily and the rows
 * (value/experience_fragment.sql, value/customers_at_risk.sql): the interaction filter on the rows,
 * the same on the rollup where it keeps the filter's fields, and which whole days the rollup serves
 * (customerServiceWindow).
 */
function experienceFilters(
  query: string,
  filter: AnalyticsFilter,
  now: Date,
  coverage: InboundCoverage,
): { query: string; params: Record<string, unknown> } {
  const interactions = interactionFilter(filter, 'i.');
  const rollup: SqlFragment | null = inboundRollupFilter(filter, 'r.');
  return {
    query: withFilter(withFilter(query, interactions), rollup ?? { sql: '', params: {} }, '/*rollup_filter*/'),
    params: {
      ...interactions.params,
      ...customerServiceWindow(coverage, filter.from, filter.to, now, rollup !== null),
    },
  };
}

/** The Value page's SQL (sql/queries/value), always scoped to one workspace. */
@Injectable()
export class ValueRepository {
  private readonly weightTables = new Map<number, Promise<readonly Uint8Array[]>>();

  constructor(
    @InjectDatabase() private readonly db: Database,
    // Absent (a repository built by hand): the coverage is read each time, uncached.
    @Optional() private readonly coverageReader?: InboundCoverageReader,
  ) {}

  /** The workspace's rollup coverage: which days customer_service_daily serves. */
  coverage(workspaceId: string): Promise<InboundCoverage> {
    return this.coverageReader ? this.coverageReader.read(workspaceId) : readInboundCoverage(this.db, workspaceId);
  }

  build(workspaceId: string, filter: AnalyticsFilter, now: Date, coverage = NO_ROLLUP_COVERAGE) {
    const experience = experienceFilters(namedQuery('value/service_value'), filter, now, coverage);
    const customers = customerFilter(filter, 'v.');
    return {
      query: withFilter(experience.query, customers, '/*customer_filter*/'),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        now: toClickHouseTime(now),
        ...experience.params,
        ...customers.params,
      },
    };
  }

  /**
   * The customer list behind a population's figures, one page after `after` (a customer id; null:
   * the first page). The message narrowings decide experiences inside, as for the figures; the
   * customer-list ones (experiences, cohorts) narrow the list.
   */
  buildCustomerList(
    workspaceId: string,
    filter: AnalyticsFilter,
    population: ValuePopulation,
    after: string | null,
    limit: number,
    now: Date,
    coverage = NO_ROLLUP_COVERAGE,
  ) {
    const list = CUSTOMER_LISTS[population];
    if (!list) throw new Error(`unknown population ${String(population)}`);
    const messages = withoutCustomerList(filter);
    const experience = experienceFilters(namedQuery(list.query), messages, now, coverage);
    const customers = customerFilter(messages, list.prefix);
    const narrowing = customerListFilter(filter, { cohort: list.cohort });
    return {
      query: withFilter(
        withFilter(experience.query, customers, '/*customer_filter*/'),
        narrowing,
        '/*customer_list_filter*/',
      ),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        now: toClickHouseTime(now),
        first_page: after === null,
        after: after ?? '',
        limit,
        ...experience.params,
        ...(list.cohort ? customerPurchasesWindow(coverage, filter.to) : {}),
        ...customers.params,
        ...narrowing.params,
      },
    };
  }

  async customerList(
    workspaceId: string,
    filter: AnalyticsFilter,
    population: ValuePopulation,
    after: string | null,
    limit: number,
    now: Date,
  ): Promise<ValueCustomerSqlRow[]> {
    const coverage = await this.coverage(workspaceId);
    const { query, params } = this.buildCustomerList(workspaceId, filter, population, after, limit, now, coverage);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<ValueCustomerSqlRow>();
  }

  /** Predicted CLV quantiles per segment of the latest run, customers restricted by the filter's segments. */
  async clvDistribution(workspaceId: string, filter: AnalyticsFilter): Promise<ClvDistributionSqlRow[]> {
    const customers = customerFilter(filter, 'v.');
    const result = await this.db.client.query({
      query: withFilter(namedQuery('value/clv_distribution'), customers, '/*customer_filter*/'),
      query_params: { workspace_id: workspaceId, ...customers.params },
      format: 'JSONEachRow',
    });
    return result.json<ClvDistributionSqlRow>();
  }

  /** value/customers_at_risk with the filters and the rollup's days in place. */
  buildCustomersAtRisk(
    workspaceId: string,
    filter: AnalyticsFilter,
    now: Date,
    limit: number,
    coverage = NO_ROLLUP_COVERAGE,
  ): ValueQuery {
    const experience = experienceFilters(namedQuery('value/customers_at_risk'), filter, now, coverage);
    const customers = customerFilter(filter, 'v.');
    return {
      query: withFilter(experience.query, customers, '/*customer_filter*/'),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        now: toClickHouseTime(now),
        limit,
        ...experience.params,
        ...customers.params,
      },
    };
  }

  /** Customers with a missed negative message in the period, most valuable first. */
  async customersAtRisk(
    workspaceId: string,
    filter: AnalyticsFilter,
    now: Date,
    limit: number,
  ): Promise<CustomerAtRiskSqlRow[]> {
    const coverage = await this.coverage(workspaceId);
    const { query, params } = this.buildCustomersAtRisk(workspaceId, filter, now, limit, coverage);
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<CustomerAtRiskSqlRow>();
  }

  /** value/cohort_retention with the filters and the rollups' days in place. */
  buildCohortRetention(
    workspaceId: string,
    filter: AnalyticsFilter,
    now: Date,
    coverage = NO_ROLLUP_COVERAGE,
  ): ValueQuery {
    const experience = experienceFilters(namedQuery('value/cohort_retention'), filter, now, coverage);
    const customers = customerFilter(filter, 'p.');
    return {
      query: withFilter(experience.query, customers, '/*customer_filter*/'),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        now: toClickHouseTime(now),
        ...experience.params,
        // The purchase months (value/cohorts_fragment.sql) from the customer_purchase_daily rollup.
        ...customerPurchasesWindow(coverage, filter.to),
        ...customers.params,
      },
    };
  }

  /** Customers of each first-purchase-month cohort × experience purchasing k months later. */
  async cohortRetention(workspaceId: string, filter: AnalyticsFilter, now: Date): Promise<CohortRetentionSqlRow[]> {
    const { query, params } = this.buildCohortRetention(workspaceId, filter, now, await this.coverage(workspaceId));
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<CohortRetentionSqlRow>();
  }

  /**
   * value/service_effects with the filter in place: contacts take the interaction filter (on the
   * rows, and on customer_contacts_daily for the whole days it serves), purchases the customer one.
   */
  buildServiceEffects(workspaceId: string, filter: AnalyticsFilter, now: Date, coverage = NO_ROLLUP_COVERAGE): ValueQuery {
    const interactions = interactionFilter(filter, 'i.');
    const rollup = contactsRollupFilter(filter, 'r.');
    const customers = customerFilter(filter, 't.');
    return {
      query: withFilter(
        withFilter(
          withFilter(namedQuery('value/service_effects'), interactions),
          rollup ?? { sql: '', params: {} },
          '/*rollup_filter*/',
        ),
        customers,
        '/*customer_filter*/',
      ),
      params: {
        workspace_id: workspaceId,
        from: toClickHouseTime(filter.from),
        to: toClickHouseTime(filter.to),
        now: toClickHouseTime(now),
        ...interactions.params,
        ...customerContactsWindow(coverage, filter.to, now, rollup !== null),
        ...customers.params,
      },
    };
  }

  /**
   * The within-customer regression's sums of the data (replicate 0) and of each bootstrap replicate
   * (1 to samples): the SQL sums each block of customers, the blocks weighed here with the
   * replicates' Poisson block weights (as serviceValue's). A replicate that drew no informative
   * customer has no row.
   */
  async serviceEffects(
    workspaceId: string,
    filter: AnalyticsFilter,
    now: Date,
    samples: number,
  ): Promise<ServiceEffectsReplicate[]> {
    const { query, params } = this.buildServiceEffects(workspaceId, filter, now, await this.coverage(workspaceId));
    const [blocks, weights] = await Promise.all([
      this.db.client
        .query({ query, query_params: params, format: 'JSONEachRow' })
        .then((result) => result.json<ServiceEffectsBlockRow>()),
      this.bootstrapWeights(samples),
    ]);
    if (blocks.length === 0) return [];
    const rows = blocks.map((b) => [Number(b.block), ...b.sums]);
    const data = new Array<number>(SERVICE_EFFECTS_SUMS).fill(0);
    for (const row of rows) for (let m = 0; m < SERVICE_EFFECTS_SUMS; m++) data[m]! += row[m + 1]!;
    const replicated = replicateSums(rows, weights, samples, SERVICE_EFFECTS_SUMS);
    const replicates: ServiceEffectsReplicate[] = [{ replicate: 0, sums: data }];
    for (let b = 0; b < samples; b++) {
      const sums = replicated.map((measure) => measure[b]!);
      if (sums[SERVICE_EFFECTS_SUMS - 1]! > 0) replicates.push({ replicate: b + 1, sums });
    }
    return replicates;
  }

  async serviceValue(workspaceId: string, filter: AnalyticsFilter, now: Date): Promise<ServiceValueSqlRow[]> {
    const { query, params } = this.build(workspaceId, filter, now, await this.coverage(workspaceId));
    const result = await this.db.client.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<ServiceValueSqlRow>();
  }

  /**
   * Each block's Poisson weight in replicates 0 to samples - 1 (value/bootstrap_weights.sql),
   * indexed by block. Independent of the data, so read once per sample count and kept.
   */
  bootstrapWeights(samples: number): Promise<readonly Uint8Array[]> {
    let weights = this.weightTables.get(samples);
    if (!weights) {
      if (this.weightTables.size >= KEPT_WEIGHT_TABLES) this.weightTables.clear();
      weights = this.db.client
        .query({ query: namedQuery('value/bootstrap_weights'), query_params: { samples }, format: 'JSONEachRow' })
        .then((result) => result.json<{ block: number; weights: number[] }>())
        .then((rows) => {
          const byBlock: Uint8Array[] = [];
          for (const row of rows) byBlock[row.block] = Uint8Array.from(row.weights);
          return byBlock;
        });
      // A failed read is not kept: the next request asks again.
      const read = weights;
      read.catch(() => {
        if (this.weightTables.get(samples) === read) this.weightTables.delete(samples);
      });
      this.weightTables.set(samples, weights);
    }
    return weights;
  }
}
