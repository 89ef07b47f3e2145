import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState';

export interface LoadableProps {
  /** The data to show, or undefined while it loads (or after a failed first load). */
  ready: boolean;
  error: unknown;
  empty: boolean;
  emptyText: string;
  onRetry?: () => void;
  /** The error card's title. */
  what: string;
  skeleton?: 'chart' | 'table' | 'tiles';
  height?: number;
  children: ReactNode;
}

/** The loading, error and empty states of one card, the same on every page. */
export function Loadable({
  ready,
  error,
  empty,
  emptyText,
  onRetry,
  what,
  skeleton = 'chart',
  height = 300,
  children,
}: LoadableProps) {
  if (!ready) {
    if (error)
      return <ErrorState title={`${what} could not be loaded`} error={error} {...(onRetry ? { onRetry } : {})} />;
    return (
      <div aria-busy="true" data-state="loading">
        {skeleton === 'table' ? (
          [0, 1, 2, 3].map((i) => <div key={i} className="skeleton skeleton-line" />)
        ) : (
          <div className="skeleton" style={{ height }} />
        )}
      </div>
    );
  }
  if (empty) {
    return (
      <p className="empty-state muted" data-state="empty">
        {emptyText}
      </p>
    );
  }
  return <>{children}</>;
}
