import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorState } from '../../app/components/ErrorState';
import { Icon } from '../../app/components/Icon';
import { Loadable } from '../../app/components/Loadable';
import { useAuth } from '../../auth/hooks/useAuth';
import { useCaller } from '../../auth/hooks/useCaller';
import { can, needsRole } from '../../auth/roles';
import { downloadBlob } from '../../export/csv';
import { channelLabel, segmentLabel } from '../../filters/labels';
import {
  formatCurrency,
  formatDateTime,
  formatDuration,
  formatCount,
  formatExactCount,
  formatPeriod,
  formatSentiment,
  formatShare,
} from '../../format/format';
import { METRICS } from '../../metrics/definitions';
import { DataTable, type Column } from '../../tables/components/DataTable';
import { EXPERIENCE_LABELS } from '../../value/value-labels';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { exportUrl, type Drill } from '../drill';
import { MESSAGE_COUNT_QUERY } from '../graphql/message-count.query';
import { MESSAGES_QUERY, type MessageRecord, type PageInfo } from '../graphql/messages.query';
import { VALUE_CUSTOMERS_QUERY, type ValueCustomer } from '../graphql/value-customers.query';

const PAGE_SIZE = 50;

const MESSAGE_COLUMNS: readonly Column<MessageRecord>[] = [
  { id: 'createdAt', header: 'Written', value: (m) => m.createdAt, render: (m) => formatDateTime(m.createdAt) },
  { id: 'channel', header: 'Channel', value: (m) => m.channel, render: (m) => channelLabel(m.channel) },
  { id: 'brand', header: 'Brand', value: (m) => m.brand },
  {
    id: 'segment',
    header: 'Segment',
    value: (m) => m.segment,
    render: (m) => (m.segment ? segmentLabel(m.segment) : '—'),
  },
  { id: 'author', header: 'Author', value: (m) => m.author },
  { id: 'text', header: 'Message', value: (m) => m.text, render: (m) => <span className="cell-text">{m.text}</span> },
  {
    id: 'sentiment',
    header: 'Sentiment',
    numeric: true,
    value: (m) => m.sentiment,
    render: (m) => formatSentiment(m.sentiment),
  },
  {
    id: 'status',
    header: 'Status',
    value: (m) => m.status,
    render: (m) => <span className={`badge badge-${m.status}`}>{m.status}</span>,
  },
  {
    id: 'replySeconds',
    header: 'First response',
    numeric: true,
    value: (m) => m.replySeconds,
    render: (m) => formatDuration(m.replySeconds),
  },
  { id: 'reach', header: 'Reach', numeric: true, value: (m) => m.reach, render: (m) => formatCount(m.reach) },
];

function customerColumns(currency: string): Column<ValueCustomer>[] {
  return [
    { id: 'customer', header: 'Customer', value: (c) => c.customerId },
    {
      id: 'segment',
      header: 'Segment',
      value: (c) => c.segment,
      render: (c) => (c.segment ? segmentLabel(c.segment) : '—'),
    },
    {
      id: 'experience',
      header: 'Service experience',
      value: (c) => c.experience,
      render: (c) => EXPERIENCE_LABELS[c.experience],
    },
    { id: 'cohort', header: 'First purchase', value: (c) => c.cohort, render: (c) => c.cohort ?? '—' },
    {
      id: 'clv',
      header: 'Predicted CLV',
      metric: METRICS.predictedClv,
      numeric: true,
      value: (c) => c.predictedClv,
      render: (c) => formatCurrency(c.predictedClv, currency),
    },
    {
      id: 'pAlive',
      header: 'P(alive)',
      metric: METRICS.pAlive,
      numeric: true,
      value: (c) => c.pAlive,
      render: (c) => formatShare(c.pAlive),
    },
    {
      id: 'historical',
      header: 'Historical value',
      metric: METRICS.historicalValue,
      numeric: true,
      value: (c) => c.historicalValue,
      render: (c) => formatCurrency(c.historicalValue, currency),
    },
  ];
}

/** "Show 50 more" under a paginated list. */
function MoreButton({ pageInfo, loading, onMore }: { pageInfo?: PageInfo; loading: boolean; onMore: () => void }) {
  if (!pageInfo?.hasNextPage) return null;
  return (
    <button type="button" className="link-button load-more" disabled={loading} onClick={onMore}>
      {loading ? 'Loading…' : `Show ${PAGE_SIZE} more`}
    </button>
  );
}

/** How many rows the drill-down holds over all its pages (data-drill-count, for the browser tests). */
function RowCount({ count, what }: { count: number | undefined; what: [string, string] }) {
  if (count === undefined) return null;
  return (
    <p className="drill-count" data-drill-count={count}>
      <strong>{formatExactCount(count)}</strong> {count === 1 ? what[0] : what[1]}
    </p>
  );
}

interface RowsProps {
  drill: Drill;
  exportAll: () => void;
  exportLabel: string;
}

function MessageRows({ drill, exportAll, exportLabel }: RowsProps) {
  const { data, error, loading, fetchMore, refetch } = useQuery(MESSAGES_QUERY, {
    variables: { filter: drill.filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const page = data?.messages;
  const rows = page?.nodes ?? [];
  return (
    <Loadable
      ready={page !== undefined}
      error={error}
      empty={rows.length === 0}
      emptyText="No messages match."
      what="The messages"
      skeleton="table"
      onRetry={() => void refetch()}
    >
      <DataTable
        id="drill"
        title={`Messages ${drill.title}`}
        columns={MESSAGE_COLUMNS}
        rows={rows}
        rowKey={(m) => m.id}
        exportLabel={exportLabel}
        onExport={exportAll}
        footer={
          <MoreButton
            {...(page ? { pageInfo: page.pageInfo } : {})}
            loading={loading}
            onMore={() =>
              void fetchMore({
                variables: { after: page?.pageInfo.endCursor },
                updateQuery: (previous, { fetchMoreResult }) => ({
                  messages: {
                    nodes: [...previous.messages.nodes, ...fetchMoreResult.messages.nodes],
                    pageInfo: fetchMoreResult.messages.pageInfo,
                  },
                }),
              })
            }
          />
        }
      />
    </Loadable>
  );
}

function CustomerRows({ drill, exportAll, exportLabel, onOpen }: RowsProps & { onOpen: (id: string) => void }) {
  const workspace = useWorkspace();
  const population = drill.rows === 'customers' ? drill.population : 'CLV_RUN';
  const { data, error, loading, fetchMore, refetch } = useQuery(VALUE_CUSTOMERS_QUERY, {
    variables: { filter: drill.filter, population, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const page = data?.valueCustomers;
  const rows = page?.nodes ?? [];
  return (
    <>
      <RowCount count={page?.totalCount} what={['customer', 'customers']} />
      <Loadable
        ready={page !== undefined}
        error={error}
        empty={rows.length === 0}
        emptyText="No customers match."
        what="The customers"
        skeleton="table"
        onRetry={() => void refetch()}
      >
        <DataTable
          id="drill"
          title={`Customers ${drill.title}`}
          columns={customerColumns(workspace.currency)}
          rows={rows}
          rowKey={(c) => c.customerId}
          onRowActivate={(c) => onOpen(c.customerId)}
          exportLabel={exportLabel}
          onExport={exportAll}
          footer={
            <MoreButton
              {...(page ? { pageInfo: page.pageInfo } : {})}
              loading={loading}
              onMore={() =>
                void fetchMore({
                  variables: { after: page?.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    valueCustomers: {
                      ...fetchMoreResult.valueCustomers,
                      nodes: [...previous.valueCustomers.nodes, ...fetchMoreResult.valueCustomers.nodes],
                    },
                  }),
                })
              }
            />
          }
        />
      </Loadable>
    </>
  );
}

/**
 * The rows behind a figure in a modal dialog (focus trapped, Escape closes): how many there are,
 * the first page, more on demand, and the CSV of all of them from the api's export. Messages for
 * message figures, customers for value figures. A key that may not see rows (a viewer's) gets the
 * count and one line saying which role sees the rows.
 */
export function DrillDownDialog({ drill, onClose }: { drill: Drill; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const { apiKey } = useAuth();
  const { caller } = useCaller();
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const messageCount = useQuery(MESSAGE_COUNT_QUERY, {
    variables: { filter: drill.filter },
    skip: drill.rows !== 'messages',
  });

  useEffect(() => {
    const element = dialog.current;
    // No close() on cleanup: its asynchronous close event would call onClose after a StrictMode
    // remount; removing the element closes it anyway.
    if (element && !element.open) element.showModal();
  }, []);

  const exportAll = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const response = await fetch(exportUrl(drill), { headers: { authorization: `Bearer ${apiKey}` } });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? `The export failed (HTTP ${response.status}).`);
      }
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${drill.rows}.csv`;
      downloadBlob(await response.blob(), name);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const kind = drill.rows === 'messages' ? 'Messages' : 'Customers';
  const rowsProps: RowsProps = {
    drill,
    exportAll: () => void exportAll(),
    exportLabel: exporting ? 'Exporting…' : 'Export all rows as CSV',
  };
  let body: ReactNode;
  if (!caller) {
    body = <div className="skeleton skeleton-line" aria-busy="true" />;
  } else if (!can(caller.role, 'seeRows')) {
    body = (
      <p className="notice notice-note" role="note" data-drill-denied="">
        {needsRole('seeRows')}
      </p>
    );
  } else if (drill.rows === 'messages') {
    body = <MessageRows {...rowsProps} />;
  } else {
    body = (
      <CustomerRows
        {...rowsProps}
        onOpen={(id) => {
          onClose();
          navigate(`/customers?customer=${encodeURIComponent(id)}`);
        }}
      />
    );
  }

  return (
    <dialog
      ref={dialog}
      className="drill-dialog"
      aria-labelledby="drill-title"
      onClose={onClose}
      data-drill={drill.rows}
    >
      <header className="drill-header">
        <div>
          <p className="eyebrow">Rows behind the figure</p>
          <h2 id="drill-title">
            {kind} · {drill.title}
          </h2>
          <p className="muted">{formatPeriod(new Date(drill.filter.from), new Date(drill.filter.to))}</p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
          <Icon name="close" />
        </button>
      </header>
      {drill.rows === 'messages' && <RowCount count={messageCount.data?.messageCount} what={['message', 'messages']} />}
      {exportError !== null && <ErrorState title="The CSV could not be exported" error={exportError} />}
      {body}
    </dialog>
  );
}
