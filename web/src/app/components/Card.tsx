import { useId, type ReactNode } from 'react';
import { MetricLabel } from '../../metrics/components/MetricLabel';
import type { MetricDefinition } from '../../metrics/definitions';

export interface CardProps {
  /** data-card attribute, for tests and screenshots. */
  id: string;
  title: string;
  /** The metric the card shows: its definition on hover beside the title. */
  metric?: MetricDefinition;
  description?: ReactNode;
  /** Controls on the right of the header (a split selector, a toggle). */
  actions?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}

/** A titled card of a page's grid: a chart, a table or a few figures. */
export function Card({ id, title, metric, description, actions, wide, children }: CardProps) {
  const titleId = useId();
  return (
    <section className={`card panel${wide ? ' panel-wide' : ''}`} data-card={id} aria-labelledby={titleId}>
      <header className="panel-header">
        <div>
          {metric ? (
            <MetricLabel metric={{ ...metric, label: title }} as="h2" id={titleId} />
          ) : (
            <h2 id={titleId}>{title}</h2>
          )}
          {description && <p className="muted panel-description">{description}</p>}
        </div>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** A small figure inside a card: label (with definition), value, and a line of context. */
export function Figure({
  id,
  metric,
  label,
  value,
  caption,
}: {
  id: string;
  metric?: MetricDefinition;
  label: string;
  value: string;
  caption?: string;
}) {
  return (
    <div className="figure" data-figure={id}>
      {metric ? <MetricLabel metric={{ ...metric, label }} as="span" /> : <span className="metric-name">{label}</span>}
      <p className="figure-value" data-role="value">
        {value}
      </p>
      {caption && <p className="figure-caption muted">{caption}</p>}
    </div>
  );
}
