/** The bench's workspace: the demo generator writes it with a fixed `now`, so two runs hold the same rows. */
export const BENCH_WORKSPACE = 'bench';
export const BENCH_NOW = new Date('2025-12-01T12:00:00Z');
const DAY = 86_400_000;

/** The periods every analytics operation is asked over: 30, 90 and 365 days ending at `now`. */
export function benchPeriods(): { from: string; to: string }[] {
  const to = BENCH_NOW.toISOString();
  return [30, 90, 365].map((days) => ({ from: new Date(BENCH_NOW.getTime() - days * DAY).toISOString(), to }));
}
