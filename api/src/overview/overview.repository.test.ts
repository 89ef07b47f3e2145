import type { AnalyticsFilter } from '@resonance/sql';
import { SNAPSHOT_COVERAGE } from '../response/__tests__/analytics-fixture';
import { overviewQueries } from './overview.repository';

// The exact SQL and parameters the Overview sends for a filter using every field: a change to a
// query or to the where-builder shows up here in review.
const filter: AnalyticsFilter = {
  from: new Date('2025-03-08T00:00:00Z'),
  to: new Date('2025-03-15T00:00:00Z'),
  brands: ['acme'],
  channels: ['twitter', 'email'],
  segments: ['enterprise'],
  agents: ['ann'],
  publicOnly: true,
};

describe('Overview SQL', () => {
  it('inbound KPIs and trend of a period', () => {
    expect(overviewQueries.inboundKpis('acme', filter, 'day', new Date('2025-03-15T12:00:00Z'), SNAPSHOT_COVERAGE)).toMatchSnapshot();
  });

  it('inbound KPIs of a period without its trend (the compare period)', () => {
    expect(overviewQueries.inboundTotal('acme', filter, new Date('2025-03-15T12:00:00Z'), SNAPSHOT_COVERAGE)).toMatchSnapshot();
  });

  it('value KPIs', () => {
    expect(overviewQueries.valueKpis('acme', filter, SNAPSHOT_COVERAGE)).toMatchSnapshot();
  });

  it('hourly trend: the rollup keeps no hours, so it is not read', () => {
    const coverage = { ...SNAPSHOT_COVERAGE, days: ['2025-03-01', '2025-03-02'], fresh: [true, true], generations: ['1', '1'] };
    const { params } = overviewQueries.inboundKpis('acme', filter, 'hour', new Date('2025-03-15T12:00:00Z'), coverage);
    expect(params.use_rollup).toBe(false);
  });
});
