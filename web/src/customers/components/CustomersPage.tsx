import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card } from '../../app/components/Card';
import { Icon } from '../../app/components/Icon';
import { Loadable } from '../../app/components/Loadable';
import { PageHeader } from '../../app/components/PageHeader';
import { segmentLabel } from '../../filters/labels';
import { formatDateTime } from '../../format/format';
import { DataTable, type Column } from '../../tables/components/DataTable';
import { SEARCH_CUSTOMERS_QUERY, type CustomerSummary } from '../graphql/search-customers.query';
import { CustomerDetail } from './CustomerDetail';

const COLUMNS: readonly Column<CustomerSummary>[] = [
  { id: 'name', header: 'Name', value: (c) => c.name },
  { id: 'email', header: 'E-mail', value: (c) => c.email },
  { id: 'segment', header: 'Segment', value: (c) => c.segment, render: (c) => segmentLabel(c.segment) },
  { id: 'stage', header: 'Lifecycle', value: (c) => c.lifecycleStage },
  { id: 'country', header: 'Country', value: (c) => c.country },
  { id: 'firstSeen', header: 'First seen', value: (c) => c.firstSeenAt, render: (c) => formatDateTime(c.firstSeenAt) },
];

/** Search (?q=) and the 360° view of one customer (?customer=): both in the URL, so both can be shared. */
export default function CustomersPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const selected = params.get('customer');
  const [text, setText] = useState(query);

  useEffect(() => setText(query), [query]);

  // Typing settles for a moment before it searches; the URL changes once per search, not per key.
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === query) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params);
      if (trimmed) next.set('q', trimmed);
      else next.delete('q');
      setParams(next, { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [text, query, params, setParams]);

  const search = useQuery(SEARCH_CUSTOMERS_QUERY, {
    variables: { query, first: 25 },
    skip: query === '',
  });
  const page = search.data?.searchCustomers ?? search.previousData?.searchCustomers;

  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('customer', id);
    else next.delete('customer');
    setParams(next);
  };

  return (
    <div
      className="page"
      data-page="customers"
      data-state={query === '' || page ? 'ready' : search.error ? 'error' : 'loading'}
    >
      <PageHeader
        title="Customers"
        subtitle="Find a customer; see every message, reply and purchase on one timeline"
        loading={search.loading && page !== undefined}
      />
      <div className="panel-grid">
        <Card id="customer-search" title="Search" wide>
          <form className="form-row" role="search" onSubmit={(e) => e.preventDefault()}>
            <label className="field">
              <span>Name, e-mail or handle</span>
              <input
                type="search"
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder="e.g. maria, @handle, gmail"
                maxLength={200}
                autoComplete="off"
              />
            </label>
            <Icon name="search" />
          </form>
          {query !== '' && (
            <Loadable
              ready={page !== undefined}
              error={search.error}
              empty={(page?.nodes.length ?? 0) === 0}
              emptyText={`No customer matches “${query}”.`}
              what="The search"
              skeleton="table"
            >
              <DataTable
                id="customer-results"
                title={`Customers matching ${query}`}
                columns={COLUMNS}
                rows={page?.nodes ?? []}
                rowKey={(c) => c.id}
                selectedKey={selected}
                onRowActivate={(c) => select(c.id)}
                footer={
                  page?.pageInfo.hasNextPage ? (
                    <button
                      type="button"
                      className="link-button load-more"
                      onClick={() =>
                        void search.fetchMore({
                          variables: { after: page.pageInfo.endCursor },
                          updateQuery: (previous, { fetchMoreResult }) => ({
                            searchCustomers: {
                              nodes: [...previous.searchCustomers.nodes, ...fetchMoreResult.searchCustomers.nodes],
                              pageInfo: fetchMoreResult.searchCustomers.pageInfo,
                            },
                          }),
                        })
                      }
                    >
                      Show more
                    </button>
                  ) : null
                }
              />
            </Loadable>
          )}
        </Card>
        {selected && <CustomerDetail id={selected} onClose={() => select(null)} />}
      </div>
    </div>
  );
}
