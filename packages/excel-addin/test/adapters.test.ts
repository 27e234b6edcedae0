// The CRITMIN.* functions called the way Excel calls them, against a stub CustomFunctions runtime:
// omitted optionals as null, empty cells as 0 (desktop) or null (web), numbers and booleans where
// text is expected, dates as serial numbers, ranges for the identifier. Expected values come from
// @critmin/core itself: the add-in must return exactly what the core returns (parity), #N/A where
// the core has no figure and #VALUE! with the core's message where the core rejects the question.
import * as core from "@critmin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as functions from "../src/functions/functions.ts";
import { call, EXPORTS, expectError, expectValueError, MINERAL_IDS, show, VALID } from "./adapters.test-support.ts";
import { ErrorCode, installStubRuntime, isExcelError, StubError, uninstallStubRuntime } from "./stub-runtime.ts";

beforeAll(() => {
  installStubRuntime();
});
afterAll(() => {
  uninstallStubRuntime();
});

describe("the stub runtime", () => {
  it("builds errors like the real one: an Error with the Excel code strings", () => {
    const runtime = (globalThis as unknown as { CustomFunctions: typeof CustomFunctions }).CustomFunctions;
    expect(runtime.ErrorCode).toMatchObject({
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    });
    const error = new runtime.Error(runtime.ErrorCode.notAvailable, "why");
    expect(error).toBeInstanceOf(Error);
    expect([error.code, error.message]).toEqual(["#N/A", "why"]);
    expect(new runtime.Error(runtime.ErrorCode.invalidValue).message).toBe("");
  });
});

describe("every function, as Excel calls it", () => {
  it("has a known-good call listed for every export of functions.ts", () => {
    expect(EXPORTS.map(([name]) => name).sort()).toEqual(Object.keys(VALID).sort());
  });

  it.each(EXPORTS)("%s: the known-good call returns values, no errors", (name, fn) => {
    const out = call(fn, ...VALID[name]!);
    for (const row of out) for (const cell of row) expect(isExcelError(cell), `${name}: ${show(cell)}`).toBe(false);
  });

  // Values no cell holds but a caller (or a future Excel) might pass. None may escape as an
  // exception (Excel shows a bare #VALUE! for those, with no message) or come back as a promise.
  const HOSTILE: [string, unknown][] = [
    ["undefined", undefined],
    ["null", null],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["-Infinity", -Infinity],
    ["huge", 1e308],
    ["-1", -1],
    ["0", 0],
    ["empty text", ""],
    ["spaces", "   "],
    ["long text", "x".repeat(300)],
    ["TRUE", true],
    ["FALSE", false],
    ["{}", {}],
    ["[]", []],
    ["[[]]", [[]]],
    ["[[null]]", [[null]]],
    ["jagged", [["cobalt", "lithium"], ["nickel"]]],
    ["3-D", [[["cobalt"]]]],
    ["#N/A error", new StubError(ErrorCode.notAvailable, "upstream")],
    ["#DIV/0! error", new StubError(ErrorCode.divisionByZero)],
    ["error-like object", { code: "#VALUE!", message: "foreign runtime" }],
    ["entity-like object", { type: "Entity", text: "Cobalt", properties: {} }],
  ];

  it.each(EXPORTS)(
    "%s: hostile values in every argument position give values or Excel errors, never an exception",
    (name, fn) => {
      const valid = VALID[name]!;
      const positions = Math.max(fn.length, valid.length, 1);
      for (const [label, hostile] of HOSTILE) {
        // one position at a time, the others valid
        for (let i = 0; i < positions; i++) {
          const args = [...valid];
          while (args.length < positions) args.push(null);
          args[i] = hostile;
          const out = call(fn, ...args);
          for (const row of out)
            for (const cell of row)
              if (isExcelError(cell))
                expect(cell.message, `${name} arg ${i} = ${label}`).not.toMatch(/^internal error/);
        }
        // every position at once, and one more argument than declared
        call(fn, ...Array.from({ length: positions }, () => hostile));
        call(fn, ...valid, ...Array.from({ length: positions - valid.length + 1 }, () => hostile));
      }
    },
  );

  it.each(EXPORTS)("%s: omitted trailing optionals (null, undefined or no argument) change nothing", (name, fn) => {
    const valid = VALID[name]!;
    const base = call(fn, ...valid);
    const extra = fn.length - valid.length;
    expect(call(fn, ...valid, ...Array.from({ length: extra }, () => null))).toEqual(base);
    expect(call(fn, ...valid, ...Array.from({ length: extra }, () => undefined))).toEqual(base);
  });
});

describe("omitted arguments and empty cells", () => {
  const cobalt = core.chinaShare("cobalt");

  it("an omitted optional (null) and an empty cell (0 on desktop, null on the web) mean the default", () => {
    expect(cobalt).toBeTypeOf("number");
    for (const blank of [null, undefined, 0, "", " "]) {
      expect(call(functions.chinaShare, [["cobalt"]], blank, blank, blank)).toEqual([[cobalt]]);
      expect(call(functions.hhi, [["cobalt"]], blank, blank, blank)).toEqual([[core.hhi("cobalt")]]);
      expect(call(functions.demand, [["cobalt"]], blank, blank, blank, blank)).toEqual([[core.demand("cobalt")]]);
      expect(call(functions.coverageWithout, [["cobalt"]], blank, blank, blank, blank, blank)).toEqual([
        [core.coverageWithout("cobalt")],
      ]);
      expect(call(functions.diversificationGap, [["cobalt"]], blank, blank, blank, blank, blank)).toEqual([
        [core.diversificationGap("cobalt", { supplier: "CHN" })],
      ]);
    }
  });

  it("TOP_PRODUCERS: an empty cell for n is the default 5, not 0 rows (header, 5 ranked, rest of world)", () => {
    for (const blank of [null, 0, ""])
      expect(call(functions.topProducers, "nickel", blank, blank)).toHaveLength(1 + 5 + 1);
  });

  it("an empty identifier cell is #VALUE! saying the argument is required, on desktop (0) and on the web (null)", () => {
    const [web, desktop] = call(functions.chinaShare, [[null, 0]])[0]!;
    expectError(web, ErrorCode.invalidValue, "CHINA_SHARE", "mineral is required");
    expectError(desktop, ErrorCode.invalidValue, "CHINA_SHARE", "mineral is required");
    expect((desktop as StubError).message, "no 'did you mean' for an empty cell").not.toContain("did you mean");
    expectValueError(call(functions.share, [["cobalt"]], null), "country is required");
    expectValueError(call(functions.share, [["cobalt"]], 0), "country is required");
    expectValueError(call(functions.topProducers, null), "TOP_PRODUCERS", "mineral is required");
  });

  it("a required number keeps 0 as a value (a cut of 0), and says when it is missing", () => {
    expect(call(functions.supplyAtRisk, [["cobalt"]], "CHN", 0)).toEqual([[core.supplyAtRisk("cobalt", "CHN", 0)]]);
    expectValueError(call(functions.supplyAtRisk, [["cobalt"]], "CHN", null), "SUPPLY_AT_RISK", "cut is required");
    expectValueError(call(functions.shareChange, [["cobalt"]], "CHN", null, 2030), "fromYear is required");
  });
});

describe("argument types Excel sends", () => {
  it("a number where text is expected is #VALUE! with a message", () => {
    const cell = call(functions.chinaShare, [[42]])[0]![0];
    expectError(cell, ErrorCode.invalidValue, '"42"');
    expectValueError(call(functions.share, [["cobalt"]], 156), "156");
    expectValueError(call(functions.chinaShare, [["cobalt"]], 7), "stage", '"7"');
  });

  it("booleans are #VALUE! naming the argument", () => {
    expectValueError(call(functions.chinaShare, [[true]]), "mineral must be text, got TRUE");
    expectValueError(call(functions.chinaShare, [["cobalt"]], false), "stage must be text, got FALSE");
    expectValueError(call(functions.chinaShare, [["cobalt"]], null, true), "year must be a year");
    expectValueError(call(functions.topProducers, "nickel", null, true), "n must be a number");
  });

  it("a date is taken as its year (DATE(2023,6,30) = 45107 is 2023); text years work", () => {
    const in2023 = core.chinaShare("cobalt", { year: 2023 });
    const in2030 = core.chinaShare("cobalt", { year: 2030 });
    expect(in2023).toBeTypeOf("number");
    expect(in2030).toBeTypeOf("number");
    expect(call(functions.chinaShare, [["cobalt"]], null, 45107)).toEqual([[in2023]]);
    expect(call(functions.chinaShare, [["cobalt"]], null, 45107.75)).toEqual([[in2023]]); // a date-time
    expect(call(functions.chinaShare, [["cobalt"]], null, 47484)).toEqual([[in2030]]); // DATE(2030,1,1)
    expect(call(functions.chinaShare, [["cobalt"]], null, 2023)).toEqual([[in2023]]);
    expect(call(functions.chinaShare, [["cobalt"]], null, "2030")).toEqual([[in2030]]);
    expect(call(functions.chinaShare, [["cobalt"]], null, " 2030 ")).toEqual([[in2030]]);
    expect(call(functions.demand, [["cobalt"]], "2030")).toEqual([[core.demand("cobalt", { year: 2030 })]]);
    expect(call(functions.shareChange, [["cobalt"]], "CHN", 45107, "2030")).toEqual([
      [core.shareChange("cobalt", "CHN", { from: 2023, to: 2030 })],
    ]);
  });

  it("a year that is not a year is #VALUE! with the value in the message, in every kind of function", () => {
    expectValueError(call(functions.chinaShare, [["cobalt"]], null, "next year"), "CHINA_SHARE", "year", '"next year"');
    expectValueError(call(functions.topProducers, "cobalt", null, null, "abc"), "TOP_PRODUCERS", "year", '"abc"');
    expectValueError(call(functions.techExposureTable, "EV", "abc"), "TECH_EXPOSURE_TABLE", "year");
    expectValueError(call(functions.source, [["cobalt"]], null, "abc"), "SOURCE", "year");
    expectValueError(call(functions.demand, [["cobalt"]], "abc"), "DEMAND", "year");
    expectValueError(call(functions.chinaShare, [["cobalt"]], null, 2023.5), "2023.5");
  });

  it("a bad default-able argument (supplier, country) is #VALUE! in the cell, not an exception", () => {
    expectValueError(call(functions.diversificationGap, [["cobalt"]], null, true), "DIVERSIFICATION_GAP", "supplier");
    expectValueError(
      call(functions.source, [["cobalt"]], null, null, null, new StubError(ErrorCode.notAvailable)),
      "SOURCE",
      "country",
    );
  });

  it("percent text for n and numbers as text are read as numbers", () => {
    expect(call(functions.supplyAtRisk, [["cobalt"]], "CHN", "50%")).toEqual([
      [core.supplyAtRisk("cobalt", "CHN", 0.5)],
    ]);
    expect(call(functions.supplyAtRisk, [["cobalt"]], "CHN", "0.5")).toEqual([
      [core.supplyAtRisk("cobalt", "CHN", 0.5)],
    ]);
    expect(call(functions.topProducers, "nickel", null, "3")).toHaveLength(1 + 3 + 1);
  });

  it('a cut that is not a number ("%", "50%%", "half") is #VALUE! naming the cut, never a cut of 0', () => {
    for (const cut of ["%", " % ", "50%%", "half", "%50"])
      expectValueError(call(functions.supplyAtRisk, [["cobalt"]], "CHN", cut), "SUPPLY_AT_RISK", "cut", `"${cut}"`);
    expect(call(functions.supplyAtRisk, [["cobalt"]], "CHN", " 50 % ")).toEqual([
      [core.supplyAtRisk("cobalt", "CHN", 0.5)],
    ]);
  });

  it("names are case-insensitive and aliases work, as in the core", () => {
    expect(call(functions.chinaShare, [["COBALT", "Co", " cobalt "]])).toEqual([
      [core.chinaShare("cobalt"), core.chinaShare("Co"), core.chinaShare("cobalt")],
    ]);
    expect(call(functions.share, [["cobalt"]], "drc", "mining")).toEqual([
      [core.share("cobalt", "COD", { stage: "mining" })],
    ]);
  });
});

describe("ranges for the identifier", () => {
  it("a 2×3 range gives a 2×3 result, cell by cell, with errors inside the array", () => {
    const missing = MINERAL_IDS.find((id) => core.chinaShare(id) === undefined)!;
    expect(missing).toBeDefined();
    const input = [
      ["cobalt", "lithium", "cobolt"],
      [null, missing, true],
    ];
    const out = call(functions.chinaShare, input);
    expect(out).toHaveLength(2);
    expect(out.map((r) => r.length)).toEqual([3, 3]);
    expect(out[0]![0]).toBe(core.chinaShare("cobalt"));
    expect(out[0]![1]).toBe(core.chinaShare("lithium"));
    expectError(out[0]![2], ErrorCode.invalidValue, 'did you mean "cobalt"');
    expectError(out[1]![0], ErrorCode.invalidValue, "mineral is required");
    expectError(out[1]![1], ErrorCode.notAvailable, "CHINA_SHARE", missing);
    expectError(out[1]![2], ErrorCode.invalidValue, "TRUE");
  });

  it("a column spills a column, a row a row, a single value one cell", () => {
    expect(call(functions.hhi, [["cobalt"], ["nickel"], ["lithium"]])).toEqual([
      [core.hhi("cobalt")],
      [core.hhi("nickel")],
      [core.hhi("lithium")],
    ]);
    expect(call(functions.hhi, [["cobalt", "nickel"]])).toEqual([[core.hhi("cobalt"), core.hhi("nickel")]]);
    expect(call(functions.hhi, "cobalt")).toEqual([[core.hhi("cobalt")]]);
    expect(call(functions.hhi, ["cobalt", "nickel"])).toEqual([[core.hhi("cobalt"), core.hhi("nickel")]]);
  });

  it("a jagged array is padded to a rectangle; an empty range is one #VALUE!", () => {
    const out = call(functions.hhi, [["cobalt", "nickel"], ["lithium"]]);
    expect(out[1]![0]).toBe(core.hhi("lithium"));
    expectError(out[1]![1], ErrorCode.invalidValue, "mineral is required");
    expectError(call(functions.hhi, [])[0]![0], ErrorCode.invalidValue);
    expectError(call(functions.hhi, [[]])[0]![0], ErrorCode.invalidValue);
  });

  it("a range where a single value is expected is #VALUE! saying so", () => {
    expectValueError(call(functions.share, [["cobalt"]], [["CHN", "AUS"]]), "country must be a single cell");
    expectValueError(call(functions.topProducers, [["cobalt"], ["nickel"]]), "mineral must be a single cell");
  });
});
