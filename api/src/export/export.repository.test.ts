import { exportQueries } from './export.repository';

// The exact SQL and parameters of the export for a filter using every field.
describe('export SQL', () => {
  it('messages, first page and after a cursor', () => {
    const filter = {
      from: new Date('2025-03-08T00:00:00Z'),
      to: new Date('2025-03-15T00:00:00Z'),
      brands: ['acme'],
      channels: ['twitter', 'email'],
      segments: ['enterprise'],
      agents: ['ann'],
      publicOnly: true,
    };
    const now = new Date('2025-03-15T12:00:00Z');
    expect(exportQueries.messages('acme', filter, null, 5000, now)).toMatchSnapshot();
    expect(
      exportQueries.messages('acme', filter, { at: new Date('2025-03-10T10:00:00Z'), id: 'a1' }, 5000, now).params,
    ).toMatchSnapshot();
  });

  it('reach and segments of a page, by primary key', () => {
    expect(exportQueries.engagement('acme', ['a1', 'a4'])).toMatchSnapshot();
    expect(exportQueries.segments('acme', ['u1', 'u2'])).toMatchSnapshot();
  });
});
