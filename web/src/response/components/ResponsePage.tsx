import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router-dom';
import { Card, Figure } from '../../app/components/Card';
import { Loadable } from '../../app/components/Loadable';
import { PageHeader, pageState } from '../../app/components/PageHeader';
import { Chart } from '../../charts/Chart';
import { hourOfWeek, type Narrowing } from '../../drilldown/drill';
import { useDrill } from '../../drilldown/hooks/useDrill';
import { useFilters } from '../../filters/hooks/useFilters';
import { channelLabel, segmentLabel } from '../../filters/labels';
import {
  formatCurrency,
  formatCount,
  formatDuration,
  formatExactCount,
  formatPercent,
  formatSentiment,
} from '../../format/format';
import { METRICS } from '../../metrics/definitions';
import { SENTIMENT_LIFT_QUERY, type GroupBy } from '../../sentiment/graphql/sentiment.query';
import { DataTable, type Column } from '../../tables/components/DataTable';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { GAP_QUEUE_QUERY, type GapQueueItem } from '../graphql/gap-queue.query';
import { HOUR_OF_WEEK_RESPONSE_QUERY, RESPONSE_QUERY, type ResponseFigures } from '../graphql/response.query';
import { hourOfWeekCells, hourOfWeekLabel, toHourOfWeekOption, toResponseByGroupOption } from '../response-options';

const SPLITS = [
  { id: 'channel', label: 'Channel', groupBy: 'CHANNEL' },
  { id: 'segment', label: 'Segment', groupBy: 'SEGMENT' },
  { id: 'agent', label: 'Agent', groupBy: 'AGENT' },
  { id: 'brand', label: 'Brand', groupBy: 'BRAND' },
] as const satisfies readonly { id: Narrowing['kind']; label: string; groupBy: GroupBy }[];

const GAP_PAGE = 20;

export default function ResponsePage() {
  const { filter } = useFilters();
  const workspace = useWorkspace();
  const { openDrill } = useDrill();
  const [params, setParams] = useSearchParams();
  const split = SPLITS.find((s) => s.id === params.get('by')) ?? SPLITS[0];

  const brandName = (key: string) => workspace.brands.find((b) => b.brand === key)?.name ?? key;
  const label = (key: string): string => {
    if (key === '') return split.id === 'agent' ? 'No agent (unanswered)' : 'Unknown';
    if (split.id === 'channel') return channelLabel(key);
    if (split.id === 'segment') return segmentLabel(key);
    if (split.id === 'brand') return brandName(key);
    return key;
  };

  const grouped = useQuery(RESPONSE_QUERY, { variables: { filter, groupBy: split.groupBy } });
  const hourly = useQuery(HOUR_OF_WEEK_RESPONSE_QUERY, { variables: { filter } });
  const sentiment = useQuery(SENTIMENT_LIFT_QUERY, { variables: { filter } });
  const gaps = useQuery(GAP_QUEUE_QUERY, { variables: { filter, first: GAP_PAGE }, notifyOnNetworkStatusChange: true });

  const report = grouped.data?.response ?? grouped.previousData?.response;
  const hours = hourly.data?.response ?? hourly.previousData?.response;
  const lift = (sentiment.data ?? sentiment.previousData)?.sentiment.lift;
  const queue = gaps.data?.gapQueue ?? gaps.previousData?.gapQueue;
  const rows = report ? [...report.rows].sort((a, b) => b.inbound - a.inbound) : [];
  const state = pageState([report, hours, lift, queue], [grouped.error, hourly.error, sentiment.error, gaps.error]);
  const loading = grouped.loading || hourly.loading || gaps.loading;

  const drillGroup = (row: ResponseFigures) => openDrill(label(row.key), { kind: split.id, value: row.key });

  const columns: Column<ResponseFigures>[] = [
    { id: 'key', header: split.label, value: (r) => r.key, render: (r) => label(r.key) },
    {
      id: 'inbound',
      header: 'Inbound',
      metric: METRICS.inbound,
      numeric: true,
      value: (r) => r.inbound,
      render: (r) => formatExactCount(r.inbound),
    },
    {
      id: 'responseRate',
      header: 'Response rate',
      metric: METRICS.responseRate,
      numeric: true,
      value: (r) => r.responseRate,
      render: (r) => formatPercent(r.responseRate),
    },
    {
      id: 'missed',
      header: 'Missed',
      metric: METRICS.missed,
      numeric: true,
      value: (r) => r.missed,
      render: (r) => formatExactCount(r.missed),
    },
    {
      id: 'pending',
      header: 'Pending',
      numeric: true,
      value: (r) => r.pending,
      render: (r) => formatExactCount(r.pending),
    },
    {
      id: 'p50',
      header: 'FRT p50',
      metric: METRICS.frtP50,
      numeric: true,
      value: (r) => r.frtP50Seconds,
      render: (r) => formatDuration(r.frtP50Seconds),
    },
    {
      id: 'p90',
      header: 'FRT p90',
      metric: METRICS.frtP90,
      numeric: true,
      value: (r) => r.frtP90Seconds,
      render: (r) => formatDuration(r.frtP90Seconds),
    },
    {
      id: 'p95',
      header: 'FRT p95',
      metric: METRICS.frtP95,
      numeric: true,
      value: (r) => r.frtP95Seconds,
      render: (r) => formatDuration(r.frtP95Seconds),
    },
    {
      id: 'business',
      header: 'Business p50',
      metric: METRICS.businessFrtP50,
      numeric: true,
      value: (r) => r.businessFrtP50Seconds,
      render: (r) => formatDuration(r.businessFrtP50Seconds),
    },
  ];

  const gapColumns: Column<GapQueueItem>[] = [
    {
      id: 'age',
      header: 'Waiting',
      numeric: true,
      value: (g) => g.ageSeconds,
      render: (g) => formatDuration(g.ageSeconds),
    },
    {
      id: 'channel',
      header: 'Channel',
      value: (g) => g.channel,
      render: (g) => `${channelLabel(g.channel)}${g.isPublic ? ' · public' : ''}`,
    },
    { id: 'brand', header: 'Brand', value: (g) => g.brand, render: (g) => brandName(g.brand) },
    {
      id: 'customer',
      header: 'Customer',
      value: (g) => g.customerName ?? g.authorHandle,
      render: (g) => g.customerName ?? g.authorHandle ?? '—',
    },
    {
      id: 'segment',
      header: 'Segment',
      value: (g) => g.customerSegment,
      render: (g) => (g.customerSegment ? segmentLabel(g.customerSegment) : '—'),
    },
    {
      id: 'text',
      header: 'Message',
      value: (g) => g.text,
      render: (g) => <span className="cell-text">{g.text ?? '—'}</span>,
    },
    {
      id: 'sentiment',
      header: 'Sentiment',
      numeric: true,
      value: (g) => g.sentiment,
      render: (g) => formatSentiment(g.sentiment),
    },
    { id: 'reach', header: 'Reach', numeric: true, value: (g) => g.reach, render: (g) => formatCount(g.reach) },
    {
      id: 'value',
      header: 'Customer value',
      metric: METRICS.predictedClv,
      numeric: true,
      value: (g) => g.customerValue,
      render: (g) => formatCurrency(g.customerValue, workspace.currency),
    },
  ];

  return (
    <div className="page" data-page="response" data-state={state} aria-busy={loading}>
      <PageHeader
        title="Response"
        subtitle="What we answer, how fast, and what is still waiting"
        loading={loading && state === 'ready'}
      />
      <div className="panel-grid">
        <Card id="response-summary" title="Response of the period" wide>
          <Loadable
            ready={report !== undefined}
            error={grouped.error}
            empty={false}
            emptyText=""
            what="Response figures"
            height={90}
            onRetry={() => void grouped.refetch()}
          >
            {report && (
              <div className="figure-row">
                <Figure
                  id="responseRate"
                  metric={METRICS.responseRate}
                  label="Response rate"
                  value={formatPercent(report.total.responseRate)}
                  caption={`${formatExactCount(report.total.replied)} of ${formatExactCount(report.total.inbound)} answered`}
                />
                <Figure
                  id="missed"
                  metric={METRICS.missed}
                  label="Missed"
                  value={formatExactCount(report.total.missed)}
                  caption={`${formatExactCount(report.total.pending)} pending within SLA`}
                />
                <Figure
                  id="frtP50"
                  metric={METRICS.frtP50}
                  label="FRT p50"
                  value={formatDuration(report.total.frtP50Seconds)}
                  caption={`business time ${formatDuration(report.total.businessFrtP50Seconds)}`}
                />
                <Figure
                  id="frtP90"
                  metric={METRICS.frtP90}
                  label="FRT p90"
                  value={formatDuration(report.total.frtP90Seconds)}
                  caption={`business time ${formatDuration(report.total.businessFrtP90Seconds)}`}
                />
                <Figure
                  id="frtP95"
                  metric={METRICS.frtP95}
                  label="FRT p95"
                  value={formatDuration(report.total.frtP95Seconds)}
                  caption={`mean ${formatDuration(report.total.frtMeanSeconds)}`}
                />
              </div>
            )}
          </Loadable>
        </Card>

        <Card
          id="response-by-group"
          title={`Response by ${split.label.toLowerCase()}`}
          metric={METRICS.responseRate}
          description="Bars: response rate. Markers: first response p50 and p90. Click a group for its messages."
          wide
          actions={
            <div className="segmented" role="group" aria-label="Split by">
              {SPLITS.map((s) => (
                <button
                  key={s.id}
                  type="button"
                  aria-pressed={s.id === split.id}
                  onClick={() => {
                    const next = new URLSearchParams(params);
                    if (s.id === SPLITS[0].id) next.delete('by');
                    else next.set('by', s.id);
                    setParams(next);
                  }}
                >
                  {s.label}
                </button>
              ))}
            </div>
          }
        >
          <Loadable
            ready={report !== undefined}
            error={grouped.error}
            empty={rows.length === 0}
            emptyText="No inbound messages in this period."
            what="Response by group"
          >
            <Chart
              build={(p) => toResponseByGroupOption(rows.slice(0, 24), label, p)}
              deps={[report, split.id]}
              label={`Response rate and first response time per ${split.label.toLowerCase()}`}
              height={320}
              onPick={(click) => {
                const row = rows[click.dataIndex];
                if (row) drillGroup(row);
              }}
            />
            <DataTable
              id="response-by-group"
              title={`Response by ${split.label.toLowerCase()}`}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.key}
              onRowActivate={drillGroup}
            />
          </Loadable>
        </Card>

        <Card
          id="frt-heatmap"
          title="First response by hour of the week"
          metric={METRICS.frtP50}
          description={`Median FRT of messages written in each hour (${workspace.timezone}). Click an hour for its messages.`}
        >
          <Loadable
            ready={hours !== undefined}
            error={hourly.error}
            empty={(hours?.rows.length ?? 0) === 0}
            emptyText="No replied messages in this period."
            what="The hour-of-week heatmap"
          >
            <Chart
              build={(p) => toHourOfWeekOption(hours?.rows ?? [], p)}
              deps={[hours]}
              label="Median first response time per weekday and hour"
              height={300}
              onPick={(click) => {
                const cell = hourOfWeekCells(hours?.rows ?? [])[click.dataIndex];
                if (cell)
                  openDrill(hourOfWeekLabel(cell), {
                    kind: 'hourOfWeek',
                    value: hourOfWeek(cell.weekday + 1, cell.hour),
                  });
              }}
            />
          </Loadable>
        </Card>

        <Card id="sentiment-lift" title="Sentiment lift after a reply" metric={METRICS.sentimentLift}>
          <Loadable
            ready={lift !== undefined}
            error={sentiment.error}
            empty={false}
            emptyText=""
            what="Sentiment lift"
            height={120}
          >
            {lift && (
              <div className="figure-row">
                <Figure
                  id="averageLift"
                  metric={METRICS.sentimentLift}
                  label="Average lift"
                  value={formatSentiment(lift.averageLift)}
                  caption={`over ${formatExactCount(lift.pairs)} replied messages with a follow-up`}
                />
                <Figure
                  id="improved"
                  label="Improved"
                  value={formatPercent(lift.improvedShare)}
                  caption={`${formatExactCount(lift.improved)} follow-ups more positive`}
                />
                <Figure
                  id="worsened"
                  label="Worsened"
                  value={formatPercent(lift.worsenedShare)}
                  caption={`${formatExactCount(lift.worsened)} follow-ups more negative`}
                />
              </div>
            )}
          </Loadable>
        </Card>

        <Card
          id="gap-queue"
          title="Gap queue, worst first"
          metric={METRICS.gapQueue}
          description={queue ? `${formatExactCount(queue.totalCount)} missed messages in this period.` : undefined}
          wide
          actions={
            <button type="button" className="link-button" onClick={() => void gaps.refetch()} disabled={gaps.loading}>
              {gaps.loading ? 'Refreshing…' : 'Refresh'}
            </button>
          }
        >
          <Loadable
            ready={queue !== undefined}
            error={gaps.error}
            empty={(queue?.nodes.length ?? 0) === 0}
            emptyText="Nothing missed: every message older than the SLA has a reply."
            what="The gap queue"
            skeleton="table"
          >
            {queue && (
              <DataTable
                id="gap-queue"
                title="Gap queue"
                columns={gapColumns}
                rows={queue.nodes}
                rowKey={(g) => g.interactionId}
                footer={
                  queue.pageInfo.hasNextPage ? (
                    <button
                      type="button"
                      className="link-button load-more"
                      disabled={gaps.loading}
                      onClick={() =>
                        void gaps.fetchMore({
                          variables: { after: queue.pageInfo.endCursor },
                          updateQuery: (previous, { fetchMoreResult }) => ({
                            gapQueue: {
                              ...fetchMoreResult.gapQueue,
                              nodes: [...previous.gapQueue.nodes, ...fetchMoreResult.gapQueue.nodes],
                            },
                          }),
                        })
                      }
                    >
                      {gaps.loading ? 'Loading…' : `Show ${GAP_PAGE} more`}
                    </button>
                  ) : null
                }
              />
            )}
          </Loadable>
        </Card>
      </div>
    </div>
  );
}
