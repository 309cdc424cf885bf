/** Tracks the highest resident set size and heap seen, sampled on a timer and at explicit points. */
export class MemoryPeak {
  rss = 0;
  heapUsed = 0;
  private timer: NodeJS.Timeout | undefined;

  /** Starts timer sampling (the timer cannot fire during synchronous work, so call `sample` there too). */
  start(intervalMs = 50): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    return this;
  }

  /** Records the current usage. */
  sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.heapUsed = Math.max(this.heapUsed, usage.heapUsed);
  }

  stop(): this {
    this.sample();
    clearInterval(this.timer);
    return this;
  }
}

/** Runs a full garbage collection when node was started with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The p-th percentile (0–100) of durations, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Latency figures of running `work` once per query. */
export interface LatencyFigures {
  p50: number;
  p95: number;
  qps: number;
}

/**
 * Times `work` for every query (after a short warm-up: by default the first ten queries, run once untimed) and
 * returns p50/p95 in ms and queries per second.
 */
export async function measureLatency(
  queries: readonly string[],
  work: (query: string) => unknown | Promise<unknown>,
  warmUp: readonly string[] = queries.slice(0, 10),
): Promise<LatencyFigures> {
  for (const query of warmUp) await work(query);
  const durations: number[] = [];
  const started = performance.now();
  for (const query of queries) {
    const before = performance.now();
    await work(query);
    durations.push(performance.now() - before);
  }
  const total = performance.now() - started;
  return {
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    qps: (queries.length / total) * 1000,
  };
}

/** Megabytes, for tables. */
export const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
