import { customersQueries, searchWindow } from './customers.repository';

// The exact SQL and parameters the customers feature sends: a change to a query shows up in review.
describe('customers SQL', () => {
  it('search (LIKE wildcards of the text escaped, handle without its @)', () => {
    expect(customersQueries.searchCandidates('acme', '@50%_off', 'u1', 21, 84)).toMatchSnapshot();
    expect(customersQueries.search('acme', '@50%_off', ['u2', 'u7'])).toMatchSnapshot();
  });

  it('customer, identities and value', () => {
    expect(customersQueries.customer('acme', 'u1')).toMatchSnapshot();
    expect(customersQueries.identities('acme', 'u1')).toMatchSnapshot();
    expect(customersQueries.value('acme', 'u1')).toMatchSnapshot();
  });

  it('timeline, first page and after a cursor', () => {
    expect(customersQueries.timeline('acme', 'u1', null, 21)).toMatchSnapshot();
    expect(
      customersQueries.timeline('acme', 'u1', { at: new Date('2025-03-10T10:00:00Z'), eventId: 'a1' }, 21).params,
    ).toMatchSnapshot();
  });
});

describe('searchWindow', () => {
  const rows = (side: 'name' | 'handle', ids: string[]) => ids.map((customer_id) => ({ side, customer_id }));

  it('takes every candidate when neither side stopped at its limit', () => {
    expect(searchWindow([...rows('handle', ['u5', 'u2', 'u2']), ...rows('name', ['u3'])], 3, 6)).toEqual({
      candidates: ['u2', 'u3', 'u5'],
      end: undefined,
    });
  });

  it('ends where the first side to stop at its limit stopped', () => {
    // Handles stopped at u4 (u6 may have handles after it); names stopped at u7.
    const batch = [...rows('name', ['u1', 'u6', 'u7']), ...rows('handle', ['u2', 'u4', 'u4', 'u4'])];
    expect(searchWindow(batch, 3, 4)).toEqual({ candidates: ['u1', 'u2', 'u4'], end: 'u4' });
    expect(searchWindow(batch, 3, 5)).toEqual({ candidates: ['u1', 'u2', 'u4', 'u6', 'u7'], end: 'u7' });
  });

  it('orders ids as ClickHouse does (bytes), not as JavaScript compares UTF-16', () => {
    // U+FF5E sorts after U+1F600 in UTF-16 code units but before it in UTF-8 bytes.
    const batch = rows('name', ['\u{1F600}', '\uFF5E']);
    expect(searchWindow(batch, 2, 8)).toEqual({ candidates: ['\uFF5E', '\u{1F600}'], end: '\u{1F600}' });
  });
});
