// Property-based fuzzing of every CRITMIN.* custom function (every export of functions.ts), called
// as Excel would call it and as Excel never should: hostile cells, ranges of any shape (1×1, ragged,
// nested, a whole column), error values, values of every type in every argument. Invariant: the
// function returns synchronously (never a promise: these functions are synchronous) a non-empty
// rectangular 2-D array whose cells are finite numbers, text, booleans or CustomFunctions.Error
// values with a code and a message (#VALUE!/#N/A: non-empty, at most 255 characters, and never an
// "internal error", which is how the adapter reports an exception it did not expect). No call throws.
//   CI: npx vitest run test/hardening   long mode: pnpm fuzz   (see fuzz-sdk.test.ts)
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as functions from "../../packages/excel-addin/src/functions/functions.ts";
import {
  ErrorCode,
  installStubRuntime,
  isExcelError,
  StubError,
  uninstallStubRuntime,
} from "../../packages/excel-addin/test/stub-runtime.ts";
import {
  FUZZ_RUNS,
  HOSTILE_STRINGS,
  fuzzParameters,
  fuzzTimeout,
  hostileArray,
  hostileLeaf,
  hostileSweep,
} from "./hostile.ts";
import { POOLS } from "./near.ts";
import { isThenable, show } from "./report.ts";

type Fn = (...args: unknown[]) => unknown;

beforeAll(() => {
  installStubRuntime();
});
afterAll(() => {
  uninstallStubRuntime();
});

const FUNCTIONS = Object.entries(functions as Record<string, unknown>)
  .filter((e): e is [string, Fn] => typeof e[1] === "function")
  .sort(([a], [b]) => a.localeCompare(b));

const MAX_MESSAGE = 255;
const DEFAULT_RUNS = 200;

/** Everything wrong with one call's result; empty when it is what Excel can show. */
function breaches(name: string, fn: Fn, args: readonly unknown[]): string[] {
  const call = () => `${name}(${args.map((a) => show(a)).join(", ")})`;
  let out: unknown;
  try {
    out = fn(...args);
  } catch (error) {
    return [`${call()} threw ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : show(error)}`];
  }
  if (isThenable(out)) return [`${call()} returned a promise (Excel would show #BUSY!)`];
  if (!Array.isArray(out) || out.length === 0) return [`${call()} returned ${show(out)}, not a non-empty 2-D array`];
  const problems: string[] = [];
  const width = Array.isArray(out[0]) ? out[0].length : -1;
  if (width < 1) return [`${call()}: the first row is ${show(out[0])}`];
  for (let r = 0; r < out.length && problems.length < 3; r++) {
    const row: unknown = out[r];
    if (!Array.isArray(row)) {
      problems.push(`${call()}: row ${r} is ${show(row)}`);
      continue;
    }
    if (row.length !== width)
      problems.push(`${call()}: row ${r} has ${row.length} cells, row 0 ${width} (not rectangular)`);
    for (let c = 0; c < row.length && problems.length < 3; c++) {
      const problem = cellProblem(row[c]);
      if (problem) problems.push(`${call()}[${r}][${c}]: ${problem}`);
    }
  }
  return problems;
}

function cellProblem(cell: unknown): string | undefined {
  if (isExcelError(cell)) {
    if (typeof cell.code !== "string" || (cell.code as string) === "") return "an error without a code";
    if (cell.code === ErrorCode.invalidValue || cell.code === ErrorCode.notAvailable) {
      if (typeof cell.message !== "string" || cell.message.trim() === "") return `${cell.code} without a message`;
      if (cell.message.length > MAX_MESSAGE) return `${cell.code} message of ${cell.message.length} characters`;
      if (/^internal error/.test(cell.message)) return `${cell.code} from an unexpected exception: ${cell.message}`;
    }
    return undefined;
  }
  if (cell === null || cell === undefined) return `${String(cell)} (Excel shows 0)`;
  if (typeof cell === "number") return Number.isFinite(cell) ? undefined : `${cell} is not a finite number`;
  if (typeof cell === "string" || typeof cell === "boolean") return undefined;
  return `${show(cell)} is not an Excel value`;
}

// ---- what Excel passes ---------------------------------------------------------------------------

const excelErrors = fc.constantFrom(
  new StubError(ErrorCode.notAvailable, "upstream"),
  new StubError(ErrorCode.invalidValue),
  new StubError(ErrorCode.divisionByZero),
  new StubError(ErrorCode.invalidNumber, "#NUM!"),
  new StubError(ErrorCode.invalidReference),
);
const names = (pool: readonly string[]) => fc.constantFrom(...pool);
/** One cell as Excel may hand it over: text, numbers (dates are serials), booleans, blanks, errors. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(names(POOLS.mineral), names(POOLS.use), names(POOLS.country)) },
  { weight: 2, arbitrary: fc.constantFrom(null, 0, "", " ") },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer({ min: -5, max: 2100 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(45_107, 2023, 2030, 0.5),
    ),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: excelErrors },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
);
/** A cell or anything else at all. */
const anyCell = fc.oneof(
  { weight: 4, arbitrary: cell },
  { weight: 1, arbitrary: hostileLeaf },
  { weight: 1, arbitrary: hostileArray },
);

/** Ranges: 1×1, rectangles, ragged rows, rows of hostile values, nested deeper, empty, or not an array at all. */
const range: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: cell.map((c) => [[c]]) },
  {
    weight: 3,
    arbitrary: fc
      .integer({ min: 1, max: 6 })
      .chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })),
  },
  { weight: 2, arbitrary: fc.array(fc.array(anyCell, { maxLength: 5 }), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(anyCell, { maxLength: 5 }) },
  { weight: 1, arbitrary: anyCell },
);

// A known-good call per function (as in packages/excel-addin/test/adapters.test.ts); a function
// missing here is fuzzed from [[["cobalt"]]] with random further arguments.
const SEEDS: Record<string, unknown[]> = {
  chinaShare: [[["cobalt"]], "refining", 2023, "iea-cmde-2024"],
  share: [[["lithium"]], "AUS", "mining", 2023, "iea-cmde-2024"],
  production: [[["copper"]], "World", "refining", 2023, null],
  topProducers: ["nickel", "refining", 3, 2023, null],
  hhi: [[["cobalt"]], "refining", null, null],
  concentrationRatio: [[["cobalt"]], 3, "mining", null, null],
  effectiveSuppliers: [[["cobalt"]], "refining", 2023, null],
  groupShare: [[["nickel"]], "G7", "refining", null, null],
  shareChange: [[["cobalt"]], "CHN", 2023, 2030, "refining", "iea-cmde-2024"],
  supplyAtRisk: [[["cobalt"]], "CHN", 0.5, "refining", 2023, null],
  coverageWithout: [[["lithium"]], "Australia", 2030, "APS", "mining", "iea-cmde-2024"],
  diversificationGap: [[["cobalt"]], 0.65, "CHN", "refining", 2023, null],
  crmaCheck: [[["lithium"]], "refining"],
  demand: [[["lithium"]], 2030, "NZE", "EV", "iea-cmde-2024"],
  techExposure: [[["EV"]], 2030, "NZE", "refining", "iea-cmde-2024"],
  techExposureTable: ["EV", 2030, "NZE", "refining", null],
  supplyRisk: [[["cobalt"]], 2023, "mining"],
  economicImportance: [[["cobalt"]], 2011],
  importReliance: [[["cobalt"]], "EU", "mining"],
  reserves: [[["lithium"]], "Chile", "usgs-mcs-2025"],
  source: [[["cobalt"]], "refining", 2023, "iea-cmde-2024", "CHN"],
  countries: ["QUAD"],
  // policy (issue 15)
  isCritical: [[["gallium"]], "eu-crma-2024-strategic"],
  criticalLists: ["copper"],
  exportControls: ["graphite", "2025-11-08", "US"],
  underExportControl: [[["gallium"]], 45_658, "US"],
  // governance (issue 15)
  governance: [[["China"]], "political-stability", 2022],
  weightedHhi: [[["cobalt"]], "refining", 2023, "iea-cmde-2024", "mean", "eu"],
};
const seedOf = (name: string): unknown[] => SEEDS[name] ?? [[["cobalt"]]];

/** A value like the seed's: another name of the same kind, a year, a number, a blank, or a cell. */
function nearSeed(seed: unknown, position: number): fc.Arbitrary<unknown> {
  if (position === 0) return fc.oneof({ weight: 2, arbitrary: range }, { weight: 1, arbitrary: fc.constant(seed) });
  if (typeof seed === "string") {
    const pool = Object.values(POOLS).find((p) => (p as readonly string[]).includes(seed));
    return fc.oneof(
      { weight: 3, arbitrary: pool ? names(pool) : fc.constant(seed) },
      { weight: 1, arbitrary: fc.constant(seed) },
      { weight: 1, arbitrary: fc.constantFrom(null, 0, "") },
    );
  }
  if (typeof seed === "number")
    return fc.oneof(
      fc.constant(seed),
      fc.constantFrom(null, 0, 2023, 2024, 2030, 45_107, "2030", "50%", 0.65, 1, 3, -1),
      fc.integer({ min: -3, max: 2100 }),
    );
  return fc.oneof(
    fc.constant(seed),
    fc.constantFrom(null, 0, ""),
    names(POOLS.source),
    names(POOLS.stage),
    names(POOLS.scenario),
  );
}

function argumentsFor(name: string, arity: number): fc.Arbitrary<unknown[]> {
  const seed = seedOf(name);
  const length = Math.max(arity, seed.length, 1) + 1;
  return fc.tuple(
    ...Array.from({ length }, (_, i) =>
      i < Math.max(arity, seed.length)
        ? fc.oneof(
            { weight: 4, arbitrary: nearSeed(seed[i] ?? null, i) },
            { weight: 1, arbitrary: anyCell },
            { weight: 1, arbitrary: fc.constant(undefined) },
          )
        : fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyCell }),
    ),
  );
}

describe("fuzz: every CRITMIN.* function under hostile arguments", () => {
  it("finds the functions to fuzz", () => {
    expect(FUNCTIONS.length).toBeGreaterThanOrEqual(20);
    expect(FUNCTIONS.map(([n]) => n)).toEqual(expect.arrayContaining(["chinaShare", "topProducers", "dataVersion"]));
  });

  it("the seeds are known-good calls that give values", () => {
    const failures: string[] = [];
    for (const [name, seed] of Object.entries(SEEDS)) {
      const fn = (functions as Record<string, unknown>)[name] as Fn | undefined;
      if (!fn) continue;
      const out = fn(...seed) as unknown[][];
      failures.push(...breaches(name, fn, seed));
      if (out.flat().some(isExcelError)) failures.push(`${name}: ${show(out.flat().find(isExcelError))}`);
    }
    expect(failures).toEqual([]);
  });

  it("every fixed hostile value in every argument position, the others known-good", () => {
    const failures: string[] = [];
    for (const [name, fn] of FUNCTIONS) {
      for (const { hostile, position, args } of hostileSweep(seedOf(name), fn.length)) {
        failures.push(...breaches(name, fn, args));
        // The first argument also as Excel passes a cell: a 1×1 matrix.
        if (position === 0) failures.push(...breaches(name, fn, [[[hostile]], ...args.slice(1)]));
      }
    }
    expect(failures.slice(0, 25), `${failures.length} breaches`).toEqual([]);
  }, 120_000);

  // Long mode: Excel's whole column (1,048,576 rows). CI: 250,000 rows, past the ~125,000 arguments
  // at which spreading the rows into Math.max(...) overflowed the stack (a raw RangeError).
  it("a very large column and a whole row (16,384 columns) come back cell by cell", () => {
    const rows = FUZZ_RUNS !== undefined && FUZZ_RUNS >= 10_000 ? 1_048_576 : 250_000;
    const column = Array.from({ length: rows }, (_, i) => [
      i % 64 === 0 ? "cobalt" : i % 64 === 1 ? "not a mineral" : null,
    ]);
    const out = functions.crmaCheck(column) as unknown[][];
    expect(out.length).toBe(rows);
    const bad = out.findIndex((r) => !Array.isArray(r) || r.length !== 1 || cellProblem(r[0]) !== undefined);
    expect(bad, bad < 0 ? "" : `row ${bad}: ${show(out[bad])}`).toBe(-1);
    expect(out.slice(0, 3).map((r) => (isExcelError(r[0]) ? r[0].code : typeof r[0]))).toEqual([
      "boolean",
      "#VALUE!",
      "#VALUE!",
    ]);
    const wide = [Array.from({ length: 16_384 }, (_, i) => (i % 2 ? "lithium" : ""))];
    expect(breaches("hhi", functions.hhi as Fn, [wide])).toEqual([]);
    expect((functions.hhi(wide) as unknown[][])[0]!.length).toBe(16_384);
  }, 300_000);

  it.each(FUNCTIONS)(
    "%s: random arguments give a rectangular grid of Excel values, never an exception",
    (name, fn) => {
      fc.assert(
        fc.property(argumentsFor(name, fn.length), (args) => {
          const problems = breaches(name, fn, args);
          if (problems.length > 0) throw new Error(problems.join("\n"));
        }),
        fuzzParameters(DEFAULT_RUNS),
      );
    },
    fuzzTimeout(DEFAULT_RUNS, 3),
  );
});
