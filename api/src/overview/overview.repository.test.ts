import type { AnalyticsFilter } from '@resonance/sql';
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
const compare = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-03-08T00:00:00Z') };

describe('Overview SQL', () => {
  it('interaction KPIs', () => {
    expect(
      overviewQueries.interactionKpis('acme', filter, compare, new Date('2025-03-15T12:00:00Z')),
    ).toMatchSnapshot();
  });

  it('value KPIs', () => {
    expect(overviewQueries.valueKpis('acme', filter, compare)).toMatchSnapshot();
  });

  it('trend', () => {
    expect(overviewQueries.trend('acme', filter, 'day')).toMatchSnapshot();
  });
});
