/** The q-quantile (0..1) of the samples, nearest rank: with few samples p95 is the slowest. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

export interface Latency {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  /** CPU time of this process (api and embedded ClickHouse) per request: steadier than elapsed time on a shared machine. */
  cpuP50Ms: number;
  cpuP95Ms: number;
}

/** One timed request: elapsed and CPU milliseconds. */
export interface Sample {
  ms: number;
  cpuMs: number;
}

export function latency(samples: readonly Sample[]): Latency {
  const ms = samples.map((s) => s.ms);
  const cpu = samples.map((s) => s.cpuMs);
  return {
    samples: samples.length,
    p50Ms: round(quantile(ms, 0.5), 1),
    p95Ms: round(quantile(ms, 0.95), 1),
    cpuP50Ms: round(quantile(cpu, 0.5), 1),
    cpuP95Ms: round(quantile(cpu, 0.95), 1),
  };
}

/** Times `fn`: elapsed and this process's CPU time. */
export async function timed(fn: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await fn();
  const used = process.cpuUsage(cpu);
  return { ms: elapsedMs(started), cpuMs: (used.user + used.system) / 1e3 };
}

export function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Milliseconds since `started` (process.hrtime.bigint()). */
export function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Peak resident set size while `fn` runs, sampled every 50 ms. */
export async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakRssMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await fn();
    return { result, peakRssMiB: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}
