import { useId } from 'react';
import { MetricLabel } from '../../metrics/components/MetricLabel';
import type { OverviewFigures } from '../graphql/overview.query';
import { kpiChange, type Kpi } from '../kpis';

const ARROWS = { up: '▲', down: '▼', flat: '■' } as const;
const TREND_WORDS = { up: 'up', down: 'down', flat: 'unchanged' } as const;
const TONE_WORDS = { good: 'better', bad: 'worse', neutral: '' } as const;

export interface KpiTileProps {
  kpi: Kpi;
  current: OverviewFigures;
  /** Null when the filter asks for no comparison. */
  previous: OverviewFigures | null;
  currency: string;
}

export function KpiTile({ kpi, current, previous, currency }: KpiTileProps) {
  const titleId = useId();
  const change = previous ? kpiChange(kpi, current, previous) : null;
  return (
    <article className="kpi card" data-kpi={kpi.id} aria-labelledby={titleId}>
      <MetricLabel metric={kpi.metric} id={titleId} />
      <p className="kpi-value" data-role="value">
        {kpi.format(kpi.value(current), currency)}
      </p>
      {previous && (
        <p className={`kpi-change tone-${change?.tone ?? 'neutral'}`} data-role="change">
          {change ? (
            <>
              <span aria-hidden="true" className="kpi-arrow">
                {ARROWS[change.trend]}
              </span>
              <span className="visually-hidden">
                {TREND_WORDS[change.trend]} {TONE_WORDS[change.tone]}
              </span>
              <span data-role="change-text">{change.text}</span>
            </>
          ) : (
            <span data-role="change-text">no comparison</span>
          )}
          <span className="kpi-previous">vs {kpi.format(kpi.value(previous), currency)}</span>
        </p>
      )}
      {kpi.caption && <p className="kpi-caption">{kpi.caption(current)}</p>}
    </article>
  );
}

export function KpiTileSkeleton() {
  return (
    <div className="kpi card" aria-hidden="true">
      <div className="skeleton skeleton-line" style={{ width: '55%' }} />
      <div className="skeleton skeleton-value" />
      <div className="skeleton skeleton-line" style={{ width: '40%' }} />
    </div>
  );
}
