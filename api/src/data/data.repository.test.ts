import { namedQuery } from '@resonance/sql';
import { dataQueries } from './data.repository';

// The exact SQL and parameters of the Data page and of the cache's data version.
describe('data SQL', () => {
  it('ingest runs', () => {
    expect(dataQueries.ingestRuns('acme', null, 21)).toMatchSnapshot();
    expect(
      dataQueries.ingestRuns('acme', { at: new Date('2025-03-10T10:00:00Z'), ids: ['run-1'] }, 21).params,
    ).toMatchSnapshot();
  });

  it('rejects', () => {
    expect(dataQueries.rejects('acme', 'run-1', null, 21)).toMatchSnapshot();
    expect(dataQueries.rejects('acme', 'run-1', { file: 'a.csv', line: 7 }, 21).params).toMatchSnapshot();
  });

  it('model runs', () => {
    expect(dataQueries.modelRuns('acme', null, 21)).toMatchSnapshot();
  });

  it('data version (result cache)', () => {
    expect(namedQuery('data/version')).toMatchSnapshot();
  });
});
