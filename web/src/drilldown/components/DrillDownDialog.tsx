import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { ErrorState } from '../../app/components/ErrorState';
import { Icon } from '../../app/components/Icon';
import { Loadable } from '../../app/components/Loadable';
import { useAuth } from '../../auth/hooks/useAuth';
import { downloadBlob } from '../../export/csv';
import { channelLabel, segmentLabel } from '../../filters/labels';
import { formatDateTime, formatDuration, formatCount, formatSentiment } from '../../format/format';
import { formatPeriod } from '../../format/format';
import { DataTable, type Column } from '../../tables/components/DataTable';
import { exportUrl, type Drill } from '../drill';
import { MESSAGES_QUERY, type MessageRecord } from '../graphql/messages.query';

const PAGE_SIZE = 50;

const COLUMNS: readonly Column<MessageRecord>[] = [
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

/**
 * The rows behind a figure in a modal dialog (focus trapped, Escape closes): the first page of
 * messages, more on demand, and the CSV of all of them from the api's export.
 */
export function DrillDownDialog({ drill, onClose }: { drill: Drill; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { apiKey } = useAuth();
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const { data, error, loading, fetchMore, refetch } = useQuery(MESSAGES_QUERY, {
    variables: { filter: drill.filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });

  useEffect(() => {
    const element = dialog.current;
    // No close() on cleanup: its asynchronous close event would call onClose after a StrictMode
    // remount; removing the element closes it anyway.
    if (element && !element.open) element.showModal();
  }, []);

  const page = data?.messages;
  const rows = page?.nodes ?? [];

  const exportAll = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const response = await fetch(exportUrl(drill.filter), { headers: { authorization: `Bearer ${apiKey}` } });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? `The export failed (HTTP ${response.status}).`);
      }
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'messages.csv';
      downloadBlob(await response.blob(), name);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <dialog ref={dialog} className="drill-dialog" aria-labelledby="drill-title" onClose={onClose} data-drill="">
      <header className="drill-header">
        <div>
          <p className="eyebrow">Rows behind the figure</p>
          <h2 id="drill-title">Messages · {drill.title}</h2>
          <p className="muted">{formatPeriod(new Date(drill.filter.from), new Date(drill.filter.to))}</p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
          <Icon name="close" />
        </button>
      </header>
      {exportError !== null && <ErrorState title="The CSV could not be exported" error={exportError} />}
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
          columns={COLUMNS}
          rows={rows}
          rowKey={(m) => m.id}
          exportLabel={exporting ? 'Exporting…' : 'Export all rows as CSV'}
          onExport={() => void exportAll()}
          footer={
            page?.pageInfo.hasNextPage ? (
              <button
                type="button"
                className="link-button load-more"
                disabled={loading}
                onClick={() =>
                  void fetchMore({
                    variables: { after: page.pageInfo.endCursor },
                    updateQuery: (previous, { fetchMoreResult }) => ({
                      messages: {
                        nodes: [...previous.messages.nodes, ...fetchMoreResult.messages.nodes],
                        pageInfo: fetchMoreResult.messages.pageInfo,
                      },
                    }),
                  })
                }
              >
                {loading ? 'Loading…' : `Show ${PAGE_SIZE} more`}
              </button>
            ) : null
          }
        />
      </Loadable>
    </dialog>
  );
}
