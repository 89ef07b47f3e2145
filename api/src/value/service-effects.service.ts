import { Injectable } from '@nestjs/common';
import { cacheKey } from '../cache/cache-key';
import { ResultCache } from '../cache/result-cache';
import { Clock } from '../common/clock';
import type { FilterInput } from '../filter/dto/filter.input';
import { FilterService } from '../filter/filter.service';
import { percentile, type Interval } from './bootstrap';
import { PurchaseExperience, type ServiceEffect, type ServiceEffectsReport } from './dto/service-effects.model';
import { solveNormalEquations } from './fixed-effects';
import { ValueRepository } from './value.repository';
import { checkBootstrapSamples, DEFAULT_BOOTSTRAP_SAMPLES } from './value.service';

/** The order of value/service_effects.sql: no_contact (the reference) first, then the coefficients. */
const EXPERIENCES = [
  PurchaseExperience.NO_CONTACT,
  PurchaseExperience.ANSWERED_FAST,
  PurchaseExperience.ANSWERED_SLOW,
  PurchaseExperience.MISSED,
  PurchaseExperience.MISSED_NEGATIVE,
] as const;
const COEFFICIENTS = EXPERIENCES.length - 1;
const FAST = EXPERIENCES.indexOf(PurchaseExperience.ANSWERED_FAST) - 1;
const MISSED_NEGATIVE = EXPERIENCES.indexOf(PurchaseExperience.MISSED_NEGATIVE) - 1;

interface Fit {
  /** ln(ratio to no contact) per coefficient; NaN when nobody informs it. */
  beta: number[];
  purchases: number[];
  customers: number[];
  informative: number;
}

function fit(sums: readonly number[]): Fit {
  const xtx = Array.from({ length: COEFFICIENTS }, (_, k) => sums.slice(k * COEFFICIENTS, (k + 1) * COEFFICIENTS));
  const at = COEFFICIENTS * COEFFICIENTS;
  return {
    beta: solveNormalEquations(xtx, sums.slice(at, at + COEFFICIENTS)),
    purchases: sums.slice(at + COEFFICIENTS, at + COEFFICIENTS + EXPERIENCES.length),
    customers: sums.slice(at + COEFFICIENTS + EXPERIENCES.length, at + COEFFICIENTS + 2 * EXPERIENCES.length),
    informative: sums[at + COEFFICIENTS + 2 * EXPERIENCES.length] ?? 0,
  };
}

function ratio(estimate: number, replicates: readonly number[]): Interval {
  if (!Number.isFinite(estimate)) return { estimate: null, low: null, high: null };
  return {
    estimate: Math.exp(estimate),
    low: percentile(replicates.map(Math.exp), 0.025),
    high: percentile(replicates.map(Math.exp), 0.975),
  };
}

/**
 * The effect of service on order value, estimated so that its target is a plain ratio of order
 * values: within each customer, purchases under one experience against those before any contact.
 */
@Injectable()
export class ServiceEffectsService {
  constructor(
    private readonly repository: ValueRepository,
    private readonly filters: FilterService,
    private readonly clock: Clock,
    private readonly cache: ResultCache,
  ) {}

  async serviceEffects(
    workspaceId: string,
    input: FilterInput,
    samples = DEFAULT_BOOTSTRAP_SAMPLES,
  ): Promise<ServiceEffectsReport> {
    checkBootstrapSamples(samples);
    // Experience is about the workspace's own service: own brands unless the filter names others.
    const { analytics } = await this.filters.resolve(workspaceId, input, 'own');
    // Seconds of ClickHouse work on a large workspace: computed once per data version and filter.
    const rows = await this.cache.cached(workspaceId, cacheKey('value/service_effects', analytics, samples), () =>
      this.repository.serviceEffects(workspaceId, analytics, this.clock.now(), samples),
    );
    const byReplicate = new Map(rows.map((r) => [Number(r.replicate), fit(r.sums)]));
    const data = byReplicate.get(0);
    // A replicate that drew nobody has no row: its coefficients are NaN, which percentile() skips.
    const replicates = Array.from(
      { length: samples },
      (_, b) => byReplicate.get(b + 1)?.beta ?? new Array<number>(COEFFICIENTS).fill(NaN),
    );
    const effects: ServiceEffect[] = EXPERIENCES.map((experience, e) => {
      // Sums of ones in Float64: whole numbers, rounded only to make that plain.
      const customers = Math.round(data?.customers[e] ?? 0);
      const purchases = Math.round(data?.purchases[e] ?? 0);
      if (e === 0) {
        const identified = customers > 0 ? 1 : null;
        return { experience, estimate: identified, low: identified, high: identified, customers, purchases };
      }
      const interval = ratio(
        data?.beta[e - 1] ?? NaN,
        replicates.map((beta) => beta[e - 1]!),
      );
      return { experience, ...interval, customers, purchases };
    });
    return {
      bootstrapSamples: samples,
      customers: Math.round(data?.informative ?? 0),
      effects,
      upliftFastOverMissedNegative: ratio(
        (data?.beta[FAST] ?? NaN) - (data?.beta[MISSED_NEGATIVE] ?? NaN),
        replicates.map((beta) => beta[FAST]! - beta[MISSED_NEGATIVE]!),
      ),
    };
  }
}
