import { customersQueries } from './customers.repository';

// The exact SQL and parameters the customers feature sends: a change to a query shows up in review.
describe('customers SQL', () => {
  it('search (LIKE wildcards of the text escaped, handle without its @)', () => {
    expect(customersQueries.search('acme', '@50%_off', 'u1', 21)).toMatchSnapshot();
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
