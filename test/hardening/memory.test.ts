// A million calls with varied inputs (valid names, aliases in other cases and spacing, typos, fresh
// random strings, junk) keep the heap flat: no cache grows without bound with what callers type. The calls run in
// a child process started with --expose-gc (test/hardening/memory-driver.ts), which forces garbage
// collection before each measurement; a quarter of the calls go through the CRITMIN.* functions.
//
// Bound: 8 MB of heap growth after a warm-up of 100,000 calls. The heap after warm-up is ~32 MB
// (the dataset and its indices, built once); measured growth over 1,000,000 calls is ~0.1–0.5 MB
// (GC noise). An unbounded memo keyed by caller input would hold some 400,000 distinct random strings here,
// at least ~40 bytes each plus ~50 per map entry: ≥ 30 MB, far above the bound. The control run
// adds such a memo, one entry per call, to show the measurement sees it.
//
// No unbounded cache exists today: the indices in packages/core/src/_lib (supply, demand,
// indicators, name lookups) are built once from the dataset and keyed by dataset ids. The one
// per-input memo, _lib/lookup.ts's parsed mineral and country inputs, is bounded (at most 4,096
// entries of at most 64 characters, cleared when full), so the random strings here cannot grow it
// past the bound. Calls: CRITMIN_MEMORY_CALLS (default 1,000,000).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const CALLS = Number(process.env.CRITMIN_MEMORY_CALLS ?? 1_000_000);
const BOUND = 8 * 1024 * 1024;

interface Report {
  readonly leak: number;
  readonly calls: number;
  readonly warmUp: number;
  readonly errors: number;
  readonly baseHeap: number;
  readonly growth: number;
  readonly checkpoints: readonly number[];
  readonly seconds: number;
}

function drive(calls: number, env: Record<string, string> = {}): Promise<Report> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        "--expose-gc",
        "--conditions=@critmin/source",
        "--import",
        "tsx",
        "test/hardening/memory-driver.ts",
        String(calls),
      ],
      { cwd: root, env: { ...process.env, ...env }, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`memory driver failed: ${error.message}\n${stderr}`));
        const line = stdout.trim().split("\n").at(-1) ?? "";
        try {
          resolve(JSON.parse(line) as Report);
        } catch {
          reject(new Error(`memory driver printed no report: ${stdout}\n${stderr}`));
        }
      },
    );
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

describe("memory stays flat", () => {
  it(`${CALLS.toLocaleString("en")} calls with varied inputs grow the heap by less than ${mb(BOUND)}; an unbounded per-input memo would not`, async () => {
    const [run, control] = await Promise.all([
      drive(CALLS),
      drive(Math.min(CALLS, 200_000), { CRITMIN_MEMORY_LEAK: "1" }),
    ]);
    console.info(
      `memory: ${run.calls} calls (${run.errors} CritminErrors) in ${run.seconds} s; heap after warm-up ${mb(run.baseHeap)}, growth ${mb(run.growth)}; ` +
        `checkpoints ${run.checkpoints.map(mb).join(", ")}; control with a memo of ${control.leak} entries: growth ${mb(control.growth)}`,
    );
    expect(run.calls).toBe(CALLS);
    expect(run.errors, "some calls must take the error paths").toBeGreaterThan(CALLS / 10);
    expect(run.growth, `heap growth ${mb(run.growth)}`).toBeLessThan(BOUND);
    expect(Math.max(...run.checkpoints), "heap at some checkpoint").toBeLessThan(BOUND);
    expect(control.growth, "the control run's memo must show").toBeGreaterThan(BOUND);
  }, 360_000);
});
