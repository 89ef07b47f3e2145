export type PageState = 'loading' | 'error' | 'ready';

/**
 * A page's state for its data-state attribute (tests and screenshots wait for "ready"): ready
 * when every main query has data, error when one failed without data.
 */
export function pageState(data: readonly unknown[], errors: readonly unknown[]): PageState {
  if (data.every((d) => d !== undefined)) return 'ready';
  return errors.some((e) => e !== undefined && e !== null) ? 'error' : 'loading';
}

export function PageHeader({ title, subtitle, loading }: { title: string; subtitle: string; loading?: boolean }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        <p className="page-subtitle">{subtitle}</p>
      </div>
      {loading && (
        <span className="updating" role="status">
          Updating…
        </span>
      )}
    </header>
  );
}
