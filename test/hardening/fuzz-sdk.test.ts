// Property-based fuzzing of every function @critmin/core exports (kernels included), enumerated from
// the module so a new export is fuzzed without editing this file. Invariant, for any arguments: the
// call returns a value (no NaN inside it) or undefined, or throws a CritminError with a known code
// and a message. Never another exception, never a promise.
//   CI:        npx vitest run test/hardening                      (a few hundred cases per function)
//   long mode: pnpm fuzz  (CRITMIN_FUZZ_RUNS=100000 vitest run test/hardening)
//   replay:    CRITMIN_FUZZ_SEED=<seed> CRITMIN_FUZZ_RUNS=<n> npx vitest run test/hardening/fuzz-sdk.test.ts
import * as core from "../../packages/core/src/index.ts";
import type { CritminErrorCode } from "../../packages/core/src/index.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { argumentsFor, fuzzParameters, fuzzTimeout, hostileSweep } from "./hostile.ts";
import { argumentsNear } from "./near.ts";
import { SEEDS } from "./seeds.ts";
import { isThenable, nanPaths, show } from "./report.ts";

type Fn = (...args: unknown[]) => unknown;

const isClass = (f: Fn) => /^class[\s{]/.test(Function.prototype.toString.call(f));

/** Every exported function except classes (CritminError), by name. */
const FUNCTIONS = Object.entries(core as Record<string, unknown>)
  .filter((e): e is [string, Fn] => typeof e[1] === "function" && !isClass(e[1] as Fn))
  .sort(([a], [b]) => a.localeCompare(b));

const CODES: readonly CritminErrorCode[] = ["unknown_id", "invalid_argument"];
/** Messages quote what the caller passed, cut short: a 1 MB argument must not make a 1 MB message. */
const MAX_MESSAGE = 2_000;

const DEFAULT_RUNS = 300;

const seedOf = (name: string): unknown[] => [...(SEEDS[name] ?? ["cobalt"])];

/** Calls `fn` and checks the invariant; returns a description of the breach, or undefined. */
function breach(name: string, fn: Fn, args: readonly unknown[]): string | undefined {
  const call = () => `${name}(${args.map((a) => show(a)).join(", ")})`;
  let result: unknown;
  try {
    result = fn(...args);
  } catch (error) {
    if (!(error instanceof core.CritminError)) {
      const kind = error instanceof Error ? error.constructor.name : typeof error;
      return `${call()} threw a raw ${kind}: ${error instanceof Error ? error.message : show(error)}`;
    }
    if (!CODES.includes(error.code)) return `${call()} threw CritminError with unknown code ${show(error.code)}`;
    if (typeof error.message !== "string" || error.message.trim() === "")
      return `${call()} threw CritminError without a message`;
    if (error.message.length > MAX_MESSAGE) return `${call()} threw a ${error.message.length}-character message`;
    if (!error.message.startsWith(`${name}:`) && !/^[a-zA-Z]+: /.test(error.message))
      return `${call()}: message does not name the function: ${error.message.slice(0, 120)}`;
    return undefined;
  }
  if (isThenable(result)) return `${call()} returned a promise`;
  const nan = nanPaths(result);
  if (nan.length > 0) return `${call()} returned NaN at ${nan.slice(0, 3).join(", ")}`;
  return undefined;
}

describe("fuzz: every @critmin/core function under hostile arguments", () => {
  it("finds the functions to fuzz (kernels and lists included, classes excluded)", () => {
    const names = FUNCTIONS.map(([n]) => n);
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const expected of [
      "share",
      "chinaShare",
      "provenance",
      "resolveSource",
      "herfindahl",
      "concentrationRatio",
      "effectiveNumber",
      "techExposure",
    ]) {
      expect(names).toContain(expected);
    }
    expect(names).not.toContain("CritminError");
  });

  it("every fixed hostile value in every argument position, the others plausible", () => {
    // Deterministic sweep before the random one: each hostile value in each position of each function.
    const failures: string[] = [];
    for (const [name, fn] of FUNCTIONS) {
      for (const { args } of hostileSweep(seedOf(name), fn.length)) {
        const problem = breach(name, fn, args);
        if (problem) failures.push(problem);
      }
    }
    expect(failures.slice(0, 25), `${failures.length} breaches`).toEqual([]);
  }, 120_000);

  it("every seed is a known-good call (so the cases near it reach past argument parsing)", () => {
    const failures: string[] = [];
    for (const [name, seed] of Object.entries(SEEDS)) {
      const fn = (core as Record<string, unknown>)[name] as Fn | undefined;
      if (!fn) continue; // a renamed or removed export: nothing to seed
      try {
        if (fn(...seed) === undefined) failures.push(`${name}: undefined`);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(FUNCTIONS)(
    "%s: random arguments return a value or undefined, or throw CritminError",
    (name, fn) => {
      fc.assert(
        fc.property(
          fc.oneof(
            { weight: 3, arbitrary: argumentsNear(seedOf(name), fn.length) },
            { weight: 1, arbitrary: argumentsFor(fn.length) },
          ),
          (args) => {
            const problem = breach(name, fn, args);
            if (problem) throw new Error(problem);
          },
        ),
        fuzzParameters(DEFAULT_RUNS),
      );
    },
    fuzzTimeout(DEFAULT_RUNS, 2),
  );
});
