import { useId } from 'react';
import { Icon } from '../../app/components/Icon';
import type { MetricDefinition } from '../definitions';

/**
 * A metric's name with its definition on hover and on keyboard focus (the info button is
 * focusable; the definition is its accessible description).
 */
export function MetricLabel({
  metric,
  as: Heading = 'h3',
  id,
}: {
  metric: MetricDefinition;
  as?: 'h2' | 'h3' | 'span';
  id?: string;
}) {
  const tipId = useId();
  return (
    <span className="metric-label">
      <Heading className="metric-name" id={id}>
        {metric.label}
      </Heading>
      <span className="tip">
        <button
          type="button"
          className="tip-trigger"
          aria-label={`Definition of ${metric.label}`}
          aria-describedby={tipId}
        >
          <Icon name="info" size={14} />
        </button>
        <span role="tooltip" id={tipId} className="tip-body">
          <strong>{metric.label}</strong>
          {metric.definition}
        </span>
      </span>
    </span>
  );
}
