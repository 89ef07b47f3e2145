import type { CohortRetention } from './graphql/cohort-retention.query';
import type { ServiceExperience } from './graphql/service-value.query';

export const EXPERIENCES: readonly ServiceExperience[] = ['ANSWERED_FAST', 'ANSWERED_SLOW', 'MISSED', 'NO_CONTACT'];

export interface RetentionCurve {
  experience: ServiceExperience;
  customers: number;
  /** Share still purchasing k months after the first purchase, weighted over cohorts. */
  points: (number | null)[];
}

/**
 * One curve per service experience: month k's retention averaged over the cohorts that reached
 * month k, weighted by their customers (a young cohort has no month 6 and must not count as 0).
 */
export function retentionCurves(cohorts: readonly CohortRetention[]): RetentionCurve[] {
  return EXPERIENCES.map((experience) => {
    const mine = cohorts.filter((c) => c.experience === experience && c.customers > 0);
    const months = Math.max(0, ...mine.map((c) => c.retention.length));
    const points = Array.from({ length: months }, (_, k) => {
      let weight = 0;
      let sum = 0;
      for (const c of mine) {
        const value = c.retention[k];
        if (value === undefined) continue;
        weight += c.customers;
        sum += value * c.customers;
      }
      return weight === 0 ? null : sum / weight;
    });
    return { experience, customers: mine.reduce((n, c) => n + c.customers, 0), points };
  }).filter((curve) => curve.customers > 0);
}
