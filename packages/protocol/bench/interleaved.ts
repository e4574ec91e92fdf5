/**
 * Nanoseconds per call of each task, and each task's ratio to a baseline
 * task, measured in interleaved rounds: every round times a short batch of
 * each task in turn. On a loaded machine (the one this repo is built on has
 * 2 cores and a load average over 20) a batch can only be slowed down by
 * others, never sped up, so each task's figure is its fastest batch over
 * all rounds: the closest reading of its own cost. Interleaving gives the
 * baseline and the candidates the same chances of a quiet moment.
 */
export interface Interleaved {
  /** Fastest batch over all rounds, per call. */
  readonly ns: Record<string, number>;
  /** `ns[task] / ns[baseline]`. */
  readonly ratio: Record<string, number>;
}

export function interleaved(
  baseline: string,
  tasks: Readonly<Record<string, () => unknown>>,
  { rounds = 200, batchMs = 0.5 }: { rounds?: number; batchMs?: number } = {},
): Interleaved {
  const names = Object.keys(tasks);
  const batch: Record<string, number> = {};
  for (const name of names) batch[name] = batchSize(tasks[name] as () => unknown, batchMs);
  const ns: Record<string, number> = Object.fromEntries(names.map((n) => [n, Infinity]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const n = batch[name] as number;
      ns[name] = Math.min(ns[name] as number, time(tasks[name] as () => unknown, n) / n);
    }
  }
  const base = ns[baseline] as number;
  return { ns, ratio: Object.fromEntries(names.map((n) => [n, (ns[n] as number) / base])) };
}

/** Warms the task up (and lets the JIT settle), then sizes a batch to about `batchMs`. */
function batchSize(task: () => unknown, batchMs: number): number {
  let n = 1;
  while (time(task, n) < batchMs * 1e6) n *= 2;
  for (let i = 0; i < 5; i++) time(task, n);
  return n;
}

let sink: unknown;
function time(task: () => unknown, n: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink = task();
  const ns = Number(process.hrtime.bigint() - start);
  void sink;
  return ns;
}
