// Shared by the benchmark modules: paths, the interleaved sampler, statistics, the machine's
// description and a child-process timer. No timing thresholds live here or anywhere in the harness:
// it measures and reports; the goals are compared in report.ts, never asserted.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const coreDir = path.join(repoRoot, "packages/core");
export const addinDir = path.join(repoRoot, "packages/excel-addin");

export type Mode = "quick" | "full";

/** A sample set in one unit, with its median and spread kept beside the raw samples. */
export interface Samples {
  readonly unit: string;
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly min: number;
  readonly n: number;
  readonly samples: readonly number[];
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarize(samples: readonly number[], unit: string, digits = 4): Samples {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Number(x.toPrecision(digits + 2));
  return {
    unit,
    median: round(quantile(sorted, 0.5)),
    p25: round(quantile(sorted, 0.25)),
    p75: round(quantile(sorted, 0.75)),
    min: round(sorted[0] ?? Number.NaN),
    n: samples.length,
    samples: samples.map(round),
  };
}

/** Rounds a ratio or a derived figure for the report (raw samples stay unrounded in `samples`). */
export const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

/**
 * A micro-benchmark case: `run(n)` performs the operation n times in its own loop and returns a
 * number folded from the results (so nothing is optimised away). Each case owns its loop, so every
 * call site stays monomorphic, the baseline included: the comparison is like for like.
 */
export interface MicroCase {
  readonly name: string;
  readonly run: (n: number) => number;
}

let sink = 0;
/** Keeps results alive across calls; read by nobody. */
export function consume(x: number): void {
  sink = (sink + (Number.isFinite(x) ? x : 1)) % 1e9;
}

/**
 * Runs the cases interleaved: every round runs each case once (one batch of `batch` operations), in
 * an order that rotates round by round, so drift on a noisy machine (frequency scaling, other load,
 * GC) falls on all cases alike. Returns nanoseconds per operation, one sample per round.
 */
export function interleaved(
  cases: readonly MicroCase[],
  opts: { rounds: number; batchNs: number; warmupRounds?: number },
): Map<string, number[]> {
  // Calibrate each case's batch to about `batchNs`, after a warm-up that lets the JIT settle.
  const batches = new Map<string, number>();
  for (const c of cases) {
    let n = 16;
    for (;;) {
      const t0 = process.hrtime.bigint();
      consume(c.run(n));
      const ns = Number(process.hrtime.bigint() - t0);
      if (ns >= opts.batchNs / 4 || n >= 1 << 24) {
        batches.set(c.name, Math.max(16, Math.round((n * opts.batchNs) / Math.max(ns, 1))));
        break;
      }
      n *= 4;
    }
  }
  const out = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const warmup = opts.warmupRounds ?? 3;
  for (let round = 0; round < warmup + opts.rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(round + k) % cases.length]!;
      const n = batches.get(c.name)!;
      const t0 = process.hrtime.bigint();
      consume(c.run(n));
      const ns = Number(process.hrtime.bigint() - t0);
      if (round >= warmup) out.get(c.name)!.push(ns / n);
    }
  }
  return out;
}

/** Rounds of slower tasks (a process, a page, a workbook), interleaved the same way. */
export async function interleavedTasks<T extends string>(
  names: readonly T[],
  rounds: number,
  task: (name: T, round: number) => Promise<number> | number,
): Promise<Record<T, number[]>> {
  const out = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<T, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      out[name].push(await task(name, round));
    }
  }
  return out;
}

/** Wall time of a fresh Node process running `script`, in milliseconds. Throws if it fails. */
export function timeNodeProcess(script: string, cwd: string): number {
  const env = { ...process.env };
  // The harness may run under tsx or vitest: the child must be a plain node, with no loaders.
  delete env.NODE_OPTIONS;
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [script], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (run.status !== 0) throw new Error(`node ${script} exited ${run.status}: ${run.stderr.toString()}`);
  return ms;
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
}

export interface Machine {
  readonly os: string;
  readonly arch: string;
  readonly cpus: { readonly model: string; readonly count: number; readonly availableParallelism: number };
  readonly memoryBytes: number;
  readonly node: string;
  readonly v8: string;
  readonly hyperformula: string;
  chromium?: string;
  readonly loadAverage: readonly number[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()})`,
    arch: os.arch(),
    cpus: {
      model: cpus[0]?.model.trim() ?? "unknown",
      count: cpus.length,
      availableParallelism: os.availableParallelism(),
    },
    memoryBytes: os.totalmem(),
    node: process.version,
    v8: process.versions.v8,
    hyperformula: packageVersion(path.join(repoRoot, "node_modules/hyperformula")),
    loadAverage: os.loadavg().map((x) => round(x, 3)),
  };
}

export function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
