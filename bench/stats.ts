/** Median and p95 of repeated timings, in ms. Benchmarks report ratios against a baseline from the same run. */
export interface Timing {
  readonly median: number;
  readonly p95: number;
  readonly runs: number;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

/** Runs `task` `warmup` times untimed, then `runs` times timed; async tasks are awaited. */
export async function time(task: () => unknown, runs: number, warmup = Math.min(20, runs)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 2)} ms`;

/**
 * Times several tasks in rounds, each task once per round (in a rotating order), so that every task sees
 * the same share of a noisy machine's load and their ratios stay meaningful; returns each task's timing.
 */
export async function timeInterleaved<K extends string>(
  tasks: Record<K, () => unknown>,
  runs: number,
  warmup = Math.min(20, runs),
): Promise<Record<K, Timing>> {
  const names = Object.keys(tasks) as K[];
  const samples = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let round = -warmup; round < runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + Math.max(0, round)) % names.length]!;
      const start = performance.now();
      await tasks[name]();
      if (round >= 0) samples.get(name)!.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples.get(name)!)])) as Record<K, Timing>;
}
