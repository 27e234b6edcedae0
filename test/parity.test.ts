// Promise 1, "same function, same number": every CRITMIN.* custom function, called the way Excel
// calls it (the identifier as a 1×1 matrix, omitted optionals as null), answers exactly what
// @critmin/core answers for the same question, over every mineral, stage, country, year and
// edition in the bundled dataset (plus the default resolution and a few absent years, countries
// and bad arguments):
//   - a number or text from core → the same value (Object.is for numbers);
//   - `undefined` from core (no figure) → `#N/A`, with a reason;
//   - an error thrown by core (a bad question) → `#VALUE!` whose message carries core's message.
// Issue 17: the value functions run again with data types on (ExcelApi 1.16), where a number may
// come back as a formatted number value: its basic value is held to core's the same way.
// Each function's cases are enumerated from the raw rows (`supplyRows`, `demandRows`,
// `indicatorRows`); the test title gives how many were checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as core from "../packages/core/src/index.ts";
import * as functions from "../packages/excel-addin/src/functions/functions.ts";
import { EXPLAINED } from "../packages/excel-addin/src/adapter/explain.ts";
import { ErrorCode, installStubRuntime, StubError } from "../packages/excel-addin/test/stub-runtime.ts";
import { forceDataTypes } from "../packages/excel-addin/src/adapter/dataTypes.ts";
import { acceptFormattedNumbers, attempt, cellMismatch, excel, run, type Suite, type Tally } from "./parity/compare.ts";
import { ALL_MINERALS, SUPPLY_MINERALS } from "./parity/grid.ts";
import { cardSuites } from "./parity/cardSuites.ts";
import { otherSuites } from "./parity/otherSuites.ts";
import { policySuites } from "./parity/policySuites.ts";
import { supplySuites } from "./parity/supplySuites.ts";

// The CustomFunctions global the add-in finds in Excel: the shared test stand-in (same error codes).
installStubRuntime();

// EXPLAIN(name, args…): its value row is what the plain function answers, for a sample of every
// explained function's cases (every 7th, so each kind of answer occurs): a value as the same value, a
// missing figure as "" with a reason (read here as #N/A), a bad question as the same #VALUE!.
const explainSuite: Suite = {
  fn: "EXPLAIN",
  cases: [...supplySuites, ...otherSuites, ...policySuites]
    .filter((s) => EXPLAINED.includes(s.fn))
    .flatMap((s) => s.cases.filter((_, i) => i % 7 === 0).map((c) => [s.fn, ...c])),
  excel: ([fn, id, ...rest]) => {
    const rows = excel.explain(fn, id, ...rest);
    if (rows.length === 1) return rows;
    const field = (name: string) => rows.find((r) => r[0] === name)?.[1];
    const value = field("value");
    return [[value === "" ? new StubError(ErrorCode.notAvailable, String(field("reason"))) : value]];
  },
  core: ([fn, ...args]) => [...supplySuites, ...otherSuites, ...policySuites].find((s) => s.fn === fn)!.core(args),
  atLeast: 10_000,
};

const suites = [...supplySuites, ...otherSuites, ...policySuites, ...cardSuites, explainSuite];

// Fallback (no data types) is the default; the second block turns them on for the value functions.
forceDataTypes(false);

describe("Excel functions answer exactly what @critmin/core answers", () => {
  const tallies = new Map<string, Tally>();
  afterAll(() => {
    // One line per function: cases checked and what core answered (values, no figure, errors).
    console.log(
      [...tallies]
        .map(
          ([fn, t]) =>
            `${fn.padEnd(20)} ${String(t.checked).padStart(7)} cases: ${t.value} values, ${t.missing} #N/A, ${t.throws} #VALUE!`,
        )
        .join("\n"),
    );
  });

  for (const suite of suites) {
    it(`${suite.fn}: ${suite.cases.length} cases`, () => {
      const { tally, mismatches } = run(suite);
      tallies.set(suite.fn, tally);
      expect(tally.checked).toBe(suite.cases.length);
      expect(tally.checked).toBeGreaterThanOrEqual(suite.atLeast);
      // Parity over cases that are all errors would prove little: each kind of answer occurs.
      const exercises = suite.exercises ?? { missing: true, throws: true };
      expect(tally.value).toBeGreaterThan(0);
      if (exercises.missing) expect(tally.missing).toBeGreaterThan(0);
      if (exercises.throws) expect(tally.throws).toBeGreaterThan(0);
      expect({ mismatches: mismatches.length, first20: mismatches.slice(0, 20) }).toEqual({
        mismatches: 0,
        first20: [],
      });
    });
  }

  it("covers every shipped function", () => {
    const shipped = Object.keys(functions).sort();
    const covered = suites.map((s) => s.fn.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase())).sort();
    expect(covered).toEqual(shipped);
  });

  it("a range of identifiers spills the per-cell core answers in the same shape", () => {
    const column = SUPPLY_MINERALS.map((m) => [m]);
    const matrix = [ALL_MINERALS.slice(0, 50), ALL_MINERALS.slice(50, 100)];
    const mismatches: string[] = [];
    const check = (fn: string, result: unknown[][], input: string[][], coreOf: (m: string) => unknown) => {
      if (result.length !== input.length) mismatches.push(`${fn}: ${result.length} rows for ${input.length}`);
      input.forEach((row, r) =>
        row.forEach((m, c) => {
          const why = cellMismatch(
            result[r]?.[c],
            attempt(() => coreOf(m)),
          );
          if (why) mismatches.push(`${fn} cell ${r},${c} (${m}): ${why}`);
        }),
      );
    };
    for (const input of [column, matrix]) {
      check("CHINA_SHARE", excel.chinaShare(input, null, null, null), input, (m) => core.chinaShare(m));
      check("HHI", excel.hhi(input, "mining", null, null), input, (m) => core.hhi(m, { stage: "mining" }));
      check("SHARE", excel.share(input, "AUS", "mining", null, null), input, (m) =>
        core.share(m, "AUS", { stage: "mining" }),
      );
      check("DEMAND", excel.demand(input, 2030, "NZE", null, null), input, (m) =>
        core.demand(m, { year: 2030, scenario: "NZE" }),
      );
      check("SUPPLY_RISK", excel.supplyRisk(input, null, null), input, (m) => core.supplyRisk(m));
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});

describe("with data types (ExcelApi 1.16), value functions' basic values are core's", () => {
  beforeAll(() => {
    forceDataTypes(true);
    acceptFormattedNumbers(true);
  });
  afterAll(() => {
    forceDataTypes(false);
    acceptFormattedNumbers(false);
  });
  // Table functions and EXPLAIN spill text and raw numbers in both modes: the block above covers them.
  for (const suite of [...supplySuites, ...otherSuites, ...policySuites, ...cardSuites].filter((s) => !s.table)) {
    it(`${suite.fn}: ${suite.cases.length} cases`, () => {
      const { tally, mismatches } = run(suite);
      expect(tally.checked).toBe(suite.cases.length);
      expect(tally.value).toBeGreaterThan(0);
      expect({ mismatches: mismatches.length, first20: mismatches.slice(0, 20) }).toEqual({
        mismatches: 0,
        first20: [],
      });
    });
  }
});
