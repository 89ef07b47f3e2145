import { lazy, Suspense } from 'react';
import { ErrorState } from '../../app/components/ErrorState';
import { useFilters } from '../../filters/hooks/useFilters';
import { DEFAULT_FILTER_STATE } from '../../filters/url-state';
import { formatPeriod } from '../../format/format';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import type { Overview } from '../graphql/overview.query';
import { useOverview } from '../hooks/useOverview';
import { KPIS, type KpiGroup } from '../kpis';
import { bucketLabels, bucketUnit } from '../trend-chart-option';
import { useDrill } from '../../drilldown/hooks/useDrill';
import { KpiTile, KpiTileSkeleton } from './KpiTile';

// ECharts is the heaviest dependency: it loads while the tiles already show.
const TrendChart = lazy(() => import('./TrendChart'));
const OverviewValue = lazy(() => import('./OverviewValue'));

const GROUPS: { id: KpiGroup; title: string }[] = [
  { id: 'service', title: 'Service' },
  { id: 'voice-and-value', title: 'Voice and value' },
];

function isEmpty(overview: Overview): boolean {
  const { current } = overview;
  return current.inbound === 0 && current.activeCustomers === 0 && current.historicalValue === 0;
}

export default function OverviewPage() {
  const workspace = useWorkspace();
  const { state, setState } = useFilters();
  const { overview, loading, error, refetch } = useOverview();
  const { openDrill } = useDrill();
  const { filter } = useFilters();

  // A bucket runs to the next bucket's start; the last one to the end of the period.
  const drillBucket = (index: number) => {
    const points = overview?.trend ?? [];
    const point = points[index];
    if (!point) return;
    openDrill(bucketLabels(points)[index] ?? point.bucket, {
      kind: 'period',
      from: point.bucket,
      to: points[index + 1]?.bucket ?? filter.to,
    });
  };

  const status = overview ? (isEmpty(overview) ? 'empty' : 'ready') : error ? 'error' : 'loading';

  return (
    <div className="page" data-page="overview" data-state={status} aria-busy={loading}>
      <header className="page-header">
        <div>
          <h1>Overview</h1>
          <p className="page-subtitle">
            {overview
              ? `${formatPeriod(new Date(overview.period.from), new Date(overview.period.to))}` +
                (state.compare === 'none'
                  ? ''
                  : ` compared with ${formatPeriod(
                      new Date(overview.comparePeriod.from),
                      new Date(overview.comparePeriod.to),
                    )}`)
              : 'Service, sentiment and value at a glance'}
          </p>
        </div>
        {loading && overview && (
          <span className="updating" role="status">
            Updating…
          </span>
        )}
      </header>

      {error && overview && (
        <p className="notice notice-error" role="alert">
          These figures may be out of date: {error.message}
        </p>
      )}

      {status === 'error' && (
        <ErrorState title="The overview could not be loaded" error={error} onRetry={() => void refetch()} />
      )}

      {status === 'loading' && (
        <div className="kpi-grid">
          {KPIS.map((kpi) => (
            <KpiTileSkeleton key={kpi.id} />
          ))}
        </div>
      )}

      {status === 'empty' && (
        <section className="card state-card">
          <h2>No activity in this period</h2>
          <p className="muted">
            No inbound messages, customers or transactions match these filters.
            {workspace.dataFrom && workspace.dataTo
              ? ` This workspace has data from ${formatPeriod(new Date(workspace.dataFrom), new Date(workspace.dataTo))}.`
              : ' This workspace has no data yet: load some with `resonance ingest`.'}
          </p>
          <button type="button" className="primary-button" onClick={() => setState(DEFAULT_FILTER_STATE)}>
            Show the last 30 days of data
          </button>
        </section>
      )}

      {overview && status === 'ready' && (
        <>
          {GROUPS.map((group) => (
            <section key={group.id} className="kpi-section" aria-labelledby={`kpi-group-${group.id}`}>
              <h2 className="section-title" id={`kpi-group-${group.id}`}>
                {group.title}
              </h2>
              <div className="kpi-grid">
                {KPIS.filter((kpi) => kpi.group === group.id).map((kpi) => (
                  <KpiTile
                    key={kpi.id}
                    kpi={kpi}
                    current={overview.current}
                    previous={state.compare === 'none' ? null : overview.previous}
                    currency={workspace.currency}
                  />
                ))}
              </div>
            </section>
          ))}

          <section className="card chart-card" aria-labelledby="trend-title">
            <header className="card-header">
              <h2 id="trend-title">Volume, response and sentiment</h2>
              <p className="muted">
                Inbound messages per {bucketUnit(overview.trend)}, with the share answered and net sentiment. Click a
                bar for its messages.
              </p>
            </header>
            <Suspense fallback={<div className="skeleton skeleton-chart" />}>
              <TrendChart points={overview.trend} onPick={drillBucket} />
            </Suspense>
          </section>

          <Suspense fallback={<div className="skeleton skeleton-chart" />}>
            <OverviewValue />
          </Suspense>
        </>
      )}
    </div>
  );
}
