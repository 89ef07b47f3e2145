import { CombinedGraphQLErrors } from '@apollo/client';

/** What went wrong, in words a user can act on: the api's message for GraphQL errors, else the network. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => e.message).join(' ');
  }
  if (error instanceof TypeError) return 'The server could not be reached. Check that Resonance is running.';
  return error instanceof Error ? error.message : String(error);
}

export function ErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <section className="card state-card" role="alert">
      <h2>{title}</h2>
      <p className="muted">{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="primary-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </section>
  );
}
