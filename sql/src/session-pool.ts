import type { createClient } from '@clickhouse/client';

type ClientConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>['connection']>;
type QueryParams = Parameters<ClientConnection['query']>[0];

/**
 * Several chDB sessions on one data directory behind one client connection.
 *
 * chDB runs one statement at a time per session, so with one session every dashboard read waited
 * behind whatever ran before it: a load's insert or pass in the api's process (the ingest endpoint)
 * held the dashboard for its whole length. Sessions on the same directory share the one engine and
 * run side by side. (A page's own queries gain little on 2 cores, where each query already uses
 * both: bench large, idle, Value page cold p50 608-744 ms with 1 session, 690-715 ms with 3.)
 *
 * Reads (`query`) go to the session with the fewest statements in flight. Everything else
 * (`command`, `insert`, `exec`, `ping`) goes to the first session, so writes still run one at a
 * time in the order they were issued, as they did with one session; a read issued after a write
 * has finished sees it. Per-query settings become SET statements of the session that ran the query
 * (see SESSION_SETTINGS in client.ts), so a query must still carry every setting it needs.
 */
export class SessionPool {
  private readonly inFlight: number[];

  constructor(private readonly sessions: readonly ClientConnection[]) {
    if (sessions.length === 0) throw new Error('SessionPool needs at least one session');
    this.inFlight = sessions.map(() => 0);
  }

  /** Statements in flight per session (for tests and diagnostics). */
  load(): readonly number[] {
    return [...this.inFlight];
  }

  query(params: QueryParams): ReturnType<ClientConnection['query']> {
    return this.on(this.leastBusy(), (s) => s.query(params));
  }

  insert(params: Parameters<ClientConnection['insert']>[0]): ReturnType<ClientConnection['insert']> {
    return this.on(0, (s) => s.insert(params));
  }

  command(params: Parameters<ClientConnection['command']>[0]): ReturnType<ClientConnection['command']> {
    return this.on(0, (s) => s.command(params));
  }

  exec(params: Parameters<ClientConnection['exec']>[0]): ReturnType<ClientConnection['exec']> {
    return this.on(0, (s) => s.exec(params));
  }

  ping(params: Parameters<ClientConnection['ping']>[0]): ReturnType<ClientConnection['ping']> {
    return this.on(0, (s) => s.ping(params));
  }

  async close(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.close()));
  }

  /** The session with the fewest statements in flight; ties go to the later one, away from the writer. */
  private leastBusy(): number {
    let best = this.sessions.length - 1;
    for (let i = best - 1; i >= 0; i--) if (this.inFlight[i]! < this.inFlight[best]!) best = i;
    return best;
  }

  private async on<T>(index: number, call: (session: ClientConnection) => Promise<T>): Promise<T> {
    this.inFlight[index]! += 1;
    try {
      return await call(this.sessions[index]!);
    } finally {
      this.inFlight[index]! -= 1;
    }
  }
}
