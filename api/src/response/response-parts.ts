import { withFilter } from '@resonance/sql';

/**
 * The parts of the Response figures a request asks for, so the SQL computes no more: the total
 * row, and each of the FRT figures' costly parts (exact quantiles or a mean over every answered
 * message's FRT, in calendar or business time). The counts are always computed. The heatmap asks
 * for the median alone, per hour, without the total: 365 days at 10 M interactions, ~0.4 s of CPU
 * with every part, ~0.2 s with what it asks (bench/README.md, "`large`, ninth run").
 */
export interface ResponseParts {
  total: boolean;
  frtQuantiles: boolean;
  frtMean: boolean;
  businessFrtQuantiles: boolean;
  businessFrtMean: boolean;
}

export const ALL_RESPONSE_PARTS: ResponseParts = {
  total: true,
  frtQuantiles: true,
  frtMean: true,
  businessFrtQuantiles: true,
  businessFrtMean: true,
};

/** The parts the selected fields (selectedPaths below `response`) need. */
export function responseParts(paths: ReadonlySet<string>): ResponseParts {
  const asks = (...fields: string[]) => fields.some((f) => paths.has(`rows.${f}`) || paths.has(`total.${f}`));
  return {
    total: paths.has('total'),
    frtQuantiles: asks('frtP50Seconds', 'frtP90Seconds', 'frtP95Seconds'),
    frtMean: asks('frtMeanSeconds'),
    businessFrtQuantiles: asks('businessFrtP50Seconds', 'businessFrtP90Seconds', 'businessFrtP95Seconds'),
    businessFrtMean: asks('businessFrtMeanSeconds'),
  };
}

/**
 * A Response query (response/response.sql, response_by_hour_of_week.sql, response_total.sql, as
 * inboundQuery builds them) computing the parts asked for: the grouping marker as ROLLUP(key) with
 * the total row or key without it (response_total.sql has none: its one row is the total), and
 * response/response_figures_fragment.sql's parameters.
 */
export function withResponseParts<Q extends { query: string; params: Record<string, unknown> }>(
  built: Q,
  parts: ResponseParts,
): Q {
  const marker = '/*grouping*/';
  return {
    ...built,
    query: built.query.includes(marker)
      ? withFilter(built.query, { sql: parts.total ? 'ROLLUP(key)' : 'key', params: {} }, marker)
      : built.query,
    params: {
      ...built.params,
      frt_quantiles: parts.frtQuantiles,
      frt_mean: parts.frtMean,
      business_frt_quantiles: parts.businessFrtQuantiles,
      business_frt_mean: parts.businessFrtMean,
    },
  };
}
