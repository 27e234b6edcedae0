// The CRITMIN.* functions called the way Excel calls them, against a stub CustomFunctions runtime:
// omitted optionals as null, empty cells as 0 (desktop) or null (web), numbers and booleans where
// text is expected, dates as serial numbers, ranges for the identifier. Expected values come from
// @critmin/core itself: the add-in must return exactly what the core returns (parity), #N/A where
// the core has no figure and #VALUE! with the core's message where the core rejects the question.
import * as core from "@critmin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as functions from "../src/functions/functions.ts";
import { ErrorCode, installStubRuntime, isExcelError, StubError, uninstallStubRuntime } from "./stub-runtime.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes anything: the tests call the functions with whatever Excel (or worse) might send.
type Fn = (...args: any[]) => unknown;
type Grid = unknown[][];

beforeAll(() => {
  installStubRuntime();
});
afterAll(() => {
  uninstallStubRuntime();
});

const MAX_MESSAGE = 255;

/** What Excel would get back: the call must not throw, must not be a promise, and must be a rectangular grid of values. */
function call(fn: Fn, ...args: unknown[]): Grid {
  let out: unknown;
  try {
    out = fn(...args);
  } catch (error) {
    throw new Error(`${fn.name}(${args.map(show).join(", ")}) threw ${String(error)}: Excel would show a bare #VALUE!`);
  }
  expectGrid(out, `${fn.name}(${args.map(show).join(", ")})`);
  return out;
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (value instanceof StubError) return `Error(${value.code})`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function expectGrid(out: unknown, where: string): asserts out is Grid {
  expect(out, `${where}: a promise would show #BUSY!`).not.toBeInstanceOf(Promise);
  expect(typeof (out as { then?: unknown } | null)?.then, `${where}: thenable`).not.toBe("function");
  expect(Array.isArray(out), `${where}: not a 2-D array`).toBe(true);
  const rows = out as unknown[];
  expect(rows.length, `${where}: no rows`).toBeGreaterThan(0);
  const width = (rows[0] as unknown[]).length;
  expect(width, `${where}: empty first row`).toBeGreaterThan(0);
  rows.forEach((row, r) => {
    expect(Array.isArray(row), `${where}: row ${r} is not an array`).toBe(true);
    expect((row as unknown[]).length, `${where}: row ${r} width (not rectangular)`).toBe(width);
    (row as unknown[]).forEach((cell, c) => expectCell(cell, `${where}[${r}][${c}]`));
  });
}

/** A value Excel shows as itself: finite number, text, boolean, or a runtime error with a message where Excel shows one. */
function expectCell(cell: unknown, where: string): void {
  if (isExcelError(cell)) {
    if (cell.code === ErrorCode.invalidValue || cell.code === ErrorCode.notAvailable) {
      expect(cell.message.length, `${where}: ${cell.code} without a message`).toBeGreaterThan(0);
      expect(cell.message.length, `${where}: message longer than Excel shows`).toBeLessThanOrEqual(MAX_MESSAGE);
    }
    return;
  }
  expect(cell === null || cell === undefined, `${where}: null/undefined shows as 0 in Excel`).toBe(false);
  if (typeof cell === "number") expect(Number.isFinite(cell), `${where}: ${cell} is not a finite number`).toBe(true);
  else expect(["string", "boolean"], `${where}: ${show(cell)} is not an Excel value`).toContain(typeof cell);
}

function expectError(cell: unknown, code: string, ...parts: (string | RegExp)[]): StubError {
  expect(isExcelError(cell), `expected ${code}, got ${show(cell)}`).toBe(true);
  const error = cell as StubError;
  expect(error.code).toBe(code);
  for (const part of parts) {
    if (typeof part === "string") expect(error.message).toContain(part);
    else expect(error.message).toMatch(part);
  }
  return error;
}

const truncated = (message: string) =>
  message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 3)}...` : message;

/**
 * The adapter's answer for one cell against the core's: the same number or text, #N/A (with a
 * message naming the function) where the core has no figure, #VALUE! with the core's own message
 * where the core throws.
 */
function expectParity(cell: unknown, fnName: string, expected: () => unknown, where = ""): void {
  let want: unknown;
  try {
    want = expected();
  } catch (error) {
    expectError(cell, ErrorCode.invalidValue);
    expect((cell as StubError).message, where).toBe(truncated((error as Error).message));
    return;
  }
  if (want === undefined || (typeof want === "number" && !Number.isFinite(want))) {
    expectError(cell, ErrorCode.notAvailable, `${fnName}:`);
    return;
  }
  expect(cell, where).toBe(want);
}

const column = (values: readonly unknown[]) => values.map((v) => [v]);
const MINERAL_IDS = core.minerals().map((m) => m.id);
const STAGES = [null, ...core.STAGES] as const;
const stageOpt = (stage: (typeof STAGES)[number]) => (stage === null ? undefined : stage);

// ---------------------------------------------------------------------------------------------
// One known-good call per exported function. A new export must be added here, so that it is
// covered by the hostile-argument sweep below.
const VALID: Record<string, unknown[]> = {
  chinaShare: [[["cobalt"]]],
  share: [[["lithium"]], "AUS"],
  production: [[["copper"]], "World"],
  topProducers: ["nickel"],
  hhi: [[["cobalt"]]],
  concentrationRatio: [[["cobalt"]], 3],
  effectiveSuppliers: [[["cobalt"]]],
  groupShare: [[["cobalt"]], "G7"],
  shareChange: [[["cobalt"]], "CHN", 2023, 2030],
  supplyAtRisk: [[["cobalt"]], "CHN", 0.5],
  coverageWithout: [[["cobalt"]]],
  diversificationGap: [[["cobalt"]]],
  crmaCheck: [[["lithium"]], "refining"],
  demand: [[["cobalt"]]],
  techExposure: [[["EV"]]],
  techExposureTable: ["EV"],
  supplyRisk: [[["cobalt"]]],
  economicImportance: [[["cobalt"]]],
  importReliance: [[["cobalt"]], "USA"],
  reserves: [[["cobalt"]], "World"],
  source: [[["cobalt"]]],
  minerals: [],
  countries: [],
  groups: [],
  editions: [],
  dataVersion: [],
};

const EXPORTS = Object.entries(functions as unknown as Record<string, unknown>).filter(
  (e): e is [string, Fn] => typeof e[1] === "function",
);

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

  it("TOP_PRODUCERS: an empty cell for n is the default 5, not 0 rows", () => {
    for (const blank of [null, 0, ""]) expect(call(functions.topProducers, "nickel", blank, blank)).toHaveLength(1 + 5);
  });

  it("an empty identifier cell is #VALUE! saying the argument is required, on desktop (0) and on the web (null)", () => {
    const [web, desktop] = call(functions.chinaShare, [[null, 0]])[0]!;
    expectError(web, ErrorCode.invalidValue, "CHINA_SHARE", "mineral is required");
    expectError(desktop, ErrorCode.invalidValue, "CHINA_SHARE", "mineral is required");
    expect((desktop as StubError).message, "no 'did you mean' for an empty cell").not.toContain("did you mean");
    expectError(call(functions.share, [["cobalt"]], null)[0]![0], ErrorCode.invalidValue, "country is required");
    expectError(call(functions.share, [["cobalt"]], 0)[0]![0], ErrorCode.invalidValue, "country is required");
    expectError(
      call(functions.topProducers, null)[0]![0],
      ErrorCode.invalidValue,
      "TOP_PRODUCERS",
      "mineral is required",
    );
  });

  it("a required number keeps 0 as a value (a cut of 0), and says when it is missing", () => {
    expect(call(functions.supplyAtRisk, [["cobalt"]], "CHN", 0)).toEqual([[core.supplyAtRisk("cobalt", "CHN", 0)]]);
    expectError(
      call(functions.supplyAtRisk, [["cobalt"]], "CHN", null)[0]![0],
      ErrorCode.invalidValue,
      "SUPPLY_AT_RISK",
      "cut is required",
    );
    expectError(
      call(functions.shareChange, [["cobalt"]], "CHN", null, 2030)[0]![0],
      ErrorCode.invalidValue,
      "fromYear is required",
    );
  });
});

describe("argument types Excel sends", () => {
  it("a number where text is expected is #VALUE! with a message", () => {
    const cell = call(functions.chinaShare, [[42]])[0]![0];
    expectError(cell, ErrorCode.invalidValue, '"42"');
    expectError(call(functions.share, [["cobalt"]], 156)[0]![0], ErrorCode.invalidValue, "156");
    expectError(call(functions.chinaShare, [["cobalt"]], 7)[0]![0], ErrorCode.invalidValue, "stage", '"7"');
  });

  it("booleans are #VALUE! naming the argument", () => {
    expectError(call(functions.chinaShare, [[true]])[0]![0], ErrorCode.invalidValue, "mineral must be text, got TRUE");
    expectError(
      call(functions.chinaShare, [["cobalt"]], false)[0]![0],
      ErrorCode.invalidValue,
      "stage must be text, got FALSE",
    );
    expectError(
      call(functions.chinaShare, [["cobalt"]], null, true)[0]![0],
      ErrorCode.invalidValue,
      "year must be a year",
    );
    expectError(
      call(functions.topProducers, "nickel", null, true)[0]![0],
      ErrorCode.invalidValue,
      "n must be a number",
    );
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
    expectError(
      call(functions.chinaShare, [["cobalt"]], null, "next year")[0]![0],
      ErrorCode.invalidValue,
      "CHINA_SHARE",
      "year",
      '"next year"',
    );
    expectError(
      call(functions.topProducers, "cobalt", null, null, "abc")[0]![0],
      ErrorCode.invalidValue,
      "TOP_PRODUCERS",
      "year",
      '"abc"',
    );
    expectError(
      call(functions.techExposureTable, "EV", "abc")[0]![0],
      ErrorCode.invalidValue,
      "TECH_EXPOSURE_TABLE",
      "year",
    );
    expectError(call(functions.source, [["cobalt"]], null, "abc")[0]![0], ErrorCode.invalidValue, "SOURCE", "year");
    expectError(call(functions.demand, [["cobalt"]], "abc")[0]![0], ErrorCode.invalidValue, "DEMAND", "year");
    expectError(call(functions.chinaShare, [["cobalt"]], null, 2023.5)[0]![0], ErrorCode.invalidValue, "2023.5");
  });

  it("a bad default-able argument (supplier, country) is #VALUE! in the cell, not an exception", () => {
    expectError(
      call(functions.diversificationGap, [["cobalt"]], null, true)[0]![0],
      ErrorCode.invalidValue,
      "DIVERSIFICATION_GAP",
      "supplier",
    );
    expectError(
      call(functions.source, [["cobalt"]], null, null, null, new StubError(ErrorCode.notAvailable))[0]![0],
      ErrorCode.invalidValue,
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
    expect(call(functions.topProducers, "nickel", null, "3")).toHaveLength(1 + 3);
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
    expectError(
      call(functions.share, [["cobalt"]], [["CHN", "AUS"]])[0]![0],
      ErrorCode.invalidValue,
      "country must be a single cell",
    );
    expectError(
      call(functions.topProducers, [["cobalt"], ["nickel"]])[0]![0],
      ErrorCode.invalidValue,
      "mineral must be a single cell",
    );
  });
});

describe("table functions", () => {
  // A ranking where the source gives shares but no tonnes: the blanks must come back as "".
  const sharesOnly = MINERAL_IDS.flatMap((id) => core.STAGES.map((stage) => ({ id, stage }))).find(({ id, stage }) => {
    try {
      return core.topProducers(id, { stage })?.some((p) => p.tonnes === undefined || p.tonnes === null) ?? false;
    } catch {
      return false;
    }
  })!;

  const HEADERS: [string, () => Grid, string[]][] = [
    ["TOP_PRODUCERS", () => call(functions.topProducers, "nickel"), ["Rank", "Country", "Name", "Share", "Tonnes"]],
    [
      "TOP_PRODUCERS (shares only)",
      () => call(functions.topProducers, sharesOnly.id, sharesOnly.stage),
      ["Rank", "Country", "Name", "Share", "Tonnes"],
    ],
    ["MINERALS", () => call(functions.minerals), ["Id", "Name", "Aliases"]],
    ["COUNTRIES", () => call(functions.countries), ["Code", "Name"]],
    ["COUNTRIES(G7)", () => call(functions.countries, "G7"), ["Code", "Name"]],
    ["GROUPS", () => call(functions.groups), ["Id", "Name", "Members", "Source"]],
    ["EDITIONS", () => call(functions.editions), ["Id", "Title", "Publisher", "Date", "Licence", "Citation"]],
    [
      "TECH_EXPOSURE_TABLE",
      () => call(functions.techExposureTable, "EV"),
      ["Mineral", "Demand (t)", "China share", "Weight"],
    ],
  ];

  it.each(HEADERS)(
    "%s: a header row, then rectangular rows of values with no null/undefined and no errors",
    (_, run, header) => {
      const out = run();
      expect(out[0]).toEqual(header);
      expect(out.length).toBeGreaterThan(1);
      for (const row of out) {
        expect(row).toHaveLength(header.length);
        for (const cell of row) {
          expect(cell).not.toBeNull();
          expect(cell).not.toBeUndefined();
          expect(isExcelError(cell)).toBe(false);
        }
      }
    },
  );

  it('TOP_PRODUCERS shows missing tonnes as a blank "", not 0', () => {
    expect(sharesOnly).toBeDefined();
    const out = call(functions.topProducers, sharesOnly.id, sharesOnly.stage);
    const want = core.topProducers(sharesOnly.id, { stage: sharesOnly.stage })!;
    want.forEach((p, i) => expect(out[i + 1]![4]).toBe(p.tonnes ?? ""));
    expect(out.slice(1).some((row) => row[4] === "")).toBe(true);
  });

  it('MINERALS shows a mineral without aliases as a blank "", not 0', () => {
    const out = call(functions.minerals);
    const bare = core.minerals().find((m) => m.aliases.length === 0)!;
    expect(bare).toBeDefined();
    expect(out.find((r) => r[0] === bare.id)).toEqual([bare.id, bare.name, ""]);
  });

  it("the rows are exactly the core's", () => {
    expect(call(functions.topProducers, "nickel", "mining", 3, null, null).slice(1)).toEqual(
      core
        .topProducers("nickel", { stage: "mining", n: 3 })!
        .map((p) => [p.rank, p.country, p.name, p.share, p.tonnes]),
    );
    expect(call(functions.minerals).slice(1)).toEqual(core.minerals().map((m) => [m.id, m.name, m.aliases.join(", ")]));
    expect(call(functions.countries, "EU27").slice(1)).toEqual(core.countries("EU27").map((c) => [c.code, c.name]));
    expect(call(functions.countries).slice(1)).toEqual(core.countries().map((c) => [c.code, c.name]));
    expect(call(functions.groups).slice(1)).toEqual(
      core.groups().map((g) => [g.id, g.name, g.members.length, g.source.url ?? g.source.title]),
    );
    expect(call(functions.editions).slice(1)).toEqual(
      core.editions().map((e) => [e.id, e.title, e.publisher, e.date, e.licence, e.citation]),
    );
    for (const tech of core.TECHNOLOGIES) {
      expect(call(functions.techExposureTable, tech).slice(1)).toEqual(
        core.techExposure(tech)!.breakdown.map((b) => [b.mineral, b.demandTonnes, b.chinaShare, b.weight]),
      );
    }
  });

  it("a table that cannot be built is a single Excel error", () => {
    expect(call(functions.topProducers, "cobalt", null, null, 2019)).toEqual([[expect.any(StubError)]]);
    expectError(
      call(functions.topProducers, "cobalt", null, null, 2019)[0]![0],
      ErrorCode.notAvailable,
      "TOP_PRODUCERS",
      "2019",
      "years available",
    );
    expectError(call(functions.topProducers, "cobolt")[0]![0], ErrorCode.invalidValue, 'did you mean "cobalt"');
    expectError(call(functions.countries, "G8")[0]![0], ErrorCode.invalidValue, 'did you mean "G7"');
    expectError(call(functions.techExposureTable, "EV", 2019)[0]![0], ErrorCode.notAvailable, "TECH_EXPOSURE_TABLE");
  });
});

describe("errors", () => {
  it("missing data is #N/A naming what is missing and the years that exist", () => {
    const cell = call(functions.chinaShare, [["cobalt"]], null, 2019)[0]![0];
    expectError(cell, ErrorCode.notAvailable, "CHINA_SHARE", "cobalt", "2019");
    const available = core.provenance({ mineral: "cobalt", country: "CHN", year: 2019 }).available;
    expect(available.length).toBeGreaterThan(0);
    for (const { edition, years } of available) {
      expect((cell as StubError).message).toContain(edition);
      for (const year of years) expect((cell as StubError).message).toContain(String(year));
    }
    expectError(
      call(functions.share, [["cobalt"]], "AUS", null, 2019)[0]![0],
      ErrorCode.notAvailable,
      "SHARE",
      "2019",
      "years available",
    );
    expectError(
      call(functions.hhi, [["cobalt"]], null, 2019)[0]![0],
      ErrorCode.notAvailable,
      "HHI",
      "2019",
      "years available",
    );
  });

  it('missing data is never 0 and never a text "N/A": it is an #N/A error', () => {
    const out = call(functions.chinaShare, column(MINERAL_IDS), "mining");
    const missing = MINERAL_IDS.flatMap((id, i) =>
      core.chinaShare(id, { stage: "mining" }) === undefined ? [out[i]![0]] : [],
    );
    expect(missing.length).toBeGreaterThan(0);
    for (const cell of missing) expectError(cell, ErrorCode.notAvailable, "CHINA_SHARE");
  });

  it("a bad argument is #VALUE! suggesting the nearest valid value", () => {
    expectError(call(functions.chinaShare, [["cobolt"]])[0]![0], ErrorCode.invalidValue, 'did you mean "cobalt"');
    expectError(
      call(functions.chinaShare, [["cobalt"]], "minning")[0]![0],
      ErrorCode.invalidValue,
      'did you mean "mining"',
    );
    expectError(
      call(functions.chinaShare, [["cobalt"]], null, null, "iea-cmde-2023")[0]![0],
      ErrorCode.invalidValue,
      "did you mean",
      "iea-cmde-",
    );
    expectError(call(functions.share, [["cobalt"]], "Chnia")[0]![0], ErrorCode.invalidValue, 'did you mean "CHN"');
    expectError(call(functions.groupShare, [["cobalt"]], "G8")[0]![0], ErrorCode.invalidValue, 'did you mean "G7"');
    expectError(
      call(functions.demand, [["cobalt"]], null, "STEPZ")[0]![0],
      ErrorCode.invalidValue,
      'did you mean "STEPS"',
    );
  });

  it("an out-of-range number is #VALUE! with the core's message", () => {
    expectError(call(functions.supplyAtRisk, [["cobalt"]], "CHN", 2)[0]![0], ErrorCode.invalidValue, "cut", "got 2");
    expectError(call(functions.diversificationGap, [["cobalt"]], 2)[0]![0], ErrorCode.invalidValue, "target");
    expectError(call(functions.topProducers, "nickel", null, -1)[0]![0], ErrorCode.invalidValue, "n must be");
  });

  it("an error value in an argument is #VALUE! naming the argument", () => {
    const upstream = new StubError(ErrorCode.notAvailable, "upstream");
    expectError(call(functions.chinaShare, [[upstream]])[0]![0], ErrorCode.invalidValue, "mineral is an error value");
    expectError(
      call(functions.chinaShare, [["cobalt"]], null, upstream)[0]![0],
      ErrorCode.invalidValue,
      "year is an error value",
    );
    expectError(
      call(functions.topProducers, "nickel", null, upstream)[0]![0],
      ErrorCode.invalidValue,
      "n is an error value",
    );
  });

  it("long messages are cut to what Excel shows", () => {
    const cell = call(functions.chinaShare, [["x".repeat(1000)]])[0]![0];
    expect(expectError(cell, ErrorCode.invalidValue).message.length).toBeLessThanOrEqual(MAX_MESSAGE);
  });
});

describe("parity with @critmin/core over every mineral", () => {
  const minerals = column(MINERAL_IDS);
  const cellsOf = (out: Grid) => {
    expect(out).toHaveLength(MINERAL_IDS.length);
    return out.map((row) => {
      expect(row).toHaveLength(1);
      return row[0];
    });
  };

  it.each(STAGES)(
    "stage %s: CHINA_SHARE, HHI, EFFECTIVE_SUPPLIERS, CONCENTRATION_RATIO, SOURCE, DIVERSIFICATION_GAP",
    (stage) => {
      const s = stageOpt(stage);
      const runs: [string, Grid, (m: string) => unknown][] = [
        ["CHINA_SHARE", call(functions.chinaShare, minerals, stage), (m) => core.chinaShare(m, { stage: s })],
        ["HHI", call(functions.hhi, minerals, stage), (m) => core.hhi(m, { stage: s })],
        [
          "EFFECTIVE_SUPPLIERS",
          call(functions.effectiveSuppliers, minerals, stage),
          (m) => core.effectiveSuppliers(m, { stage: s }),
        ],
        [
          "CONCENTRATION_RATIO",
          call(functions.concentrationRatio, minerals, 3, stage),
          (m) => core.crN(m, 3, { stage: s }),
        ],
        ["SOURCE", call(functions.source, minerals, stage), (m) => core.cite({ mineral: m, country: "CHN", stage: s })],
        [
          "DIVERSIFICATION_GAP",
          call(functions.diversificationGap, minerals, 0.5, null, stage),
          (m) => core.diversificationGap(m, { target: 0.5, supplier: "CHN", stage: s }),
        ],
      ];
      for (const [fn, out, expected] of runs)
        cellsOf(out).forEach((cell, i) =>
          expectParity(cell, fn, () => expected(MINERAL_IDS[i]!), `${fn} ${MINERAL_IDS[i]} ${stage}`),
        );
    },
  );

  it.each(STAGES)("stage %s: CHINA_SHARE over every year in the data (and one without data)", (stage) => {
    const years = [...new Set(core.dataset().supply.map((r) => r.year))].sort();
    for (const year of [2019, ...years]) {
      cellsOf(call(functions.chinaShare, minerals, stage, year)).forEach((cell, i) =>
        expectParity(
          cell,
          "CHINA_SHARE",
          () => core.chinaShare(MINERAL_IDS[i]!, { stage: stageOpt(stage), year }),
          `${MINERAL_IDS[i]} ${stage} ${year}`,
        ),
      );
    }
  });

  it.each(STAGES)(
    "stage %s: SHARE, PRODUCTION, SUPPLY_AT_RISK, SHARE_CHANGE, RESERVES for major producers",
    (stage) => {
      const s = stageOpt(stage);
      for (const country of ["CHN", "AUS", "COD", "IDN", "CHL", "USA", "World"]) {
        const runs: [string, Grid, (m: string) => unknown][] = [
          ["SHARE", call(functions.share, minerals, country, stage), (m) => core.share(m, country, { stage: s })],
          [
            "PRODUCTION",
            call(functions.production, minerals, country, stage),
            (m) => core.production(m, country, { stage: s }),
          ],
          [
            "SUPPLY_AT_RISK",
            call(functions.supplyAtRisk, minerals, country, 0.25, stage),
            (m) => core.supplyAtRisk(m, country, 0.25, { stage: s }),
          ],
          [
            "SHARE_CHANGE",
            call(functions.shareChange, minerals, country, 2023, 2030, stage),
            (m) => core.shareChange(m, country, { from: 2023, to: 2030, stage: s }),
          ],
        ];
        if (stage === null)
          runs.push(["RESERVES", call(functions.reserves, minerals, country), (m) => core.reserves(m, country)]);
        for (const [fn, out, expected] of runs)
          cellsOf(out).forEach((cell, i) =>
            expectParity(cell, fn, () => expected(MINERAL_IDS[i]!), `${fn} ${MINERAL_IDS[i]} ${country} ${stage}`),
          );
      }
    },
  );

  it.each(STAGES)("stage %s: GROUP_SHARE for every group, IMPORT_RELIANCE for both economies, SUPPLY_RISK", (stage) => {
    const s = stageOpt(stage);
    for (const group of core.groups().map((g) => g.id)) {
      cellsOf(call(functions.groupShare, minerals, group, stage)).forEach((cell, i) =>
        expectParity(cell, "GROUP_SHARE", () => core.groupShare(MINERAL_IDS[i]!, group, { stage: s })),
      );
    }
    for (const economy of ["USA", "EU"]) {
      cellsOf(call(functions.importReliance, minerals, economy, stage)).forEach((cell, i) =>
        expectParity(cell, "IMPORT_RELIANCE", () => core.importReliance(MINERAL_IDS[i]!, economy, { stage: s })),
      );
    }
    cellsOf(call(functions.supplyRisk, minerals, null, stage)).forEach((cell, i) =>
      expectParity(cell, "SUPPLY_RISK", () => core.supplyRisk(MINERAL_IDS[i]!, { stage: s })),
    );
  });

  it("ECONOMIC_IMPORTANCE and SUPPLY_RISK for each assessment year", () => {
    for (const year of [null, 2011, 2014, 2017, 2020, 2023]) {
      const y = year ?? undefined;
      cellsOf(call(functions.economicImportance, minerals, year)).forEach((cell, i) =>
        expectParity(cell, "ECONOMIC_IMPORTANCE", () => core.economicImportance(MINERAL_IDS[i]!, { year: y })),
      );
      cellsOf(call(functions.supplyRisk, minerals, year)).forEach((cell, i) =>
        expectParity(cell, "SUPPLY_RISK", () => core.supplyRisk(MINERAL_IDS[i]!, { year: y })),
      );
    }
  });

  it("DEMAND and COVERAGE_WITHOUT for each year and scenario", () => {
    for (const year of [null, 2023, 2024, 2030, 2040]) {
      for (const scenario of [null, ...core.SCENARIOS]) {
        const y = year ?? undefined;
        const sc = scenario ?? undefined;
        cellsOf(call(functions.demand, minerals, year, scenario)).forEach((cell, i) =>
          expectParity(cell, "DEMAND", () => core.demand(MINERAL_IDS[i]!, { year: y, scenario: sc })),
        );
        cellsOf(call(functions.coverageWithout, minerals, null, year, scenario)).forEach((cell, i) =>
          expectParity(cell, "COVERAGE_WITHOUT", () =>
            core.coverageWithout(MINERAL_IDS[i]!, { year: y, demandScenario: sc }),
          ),
        );
      }
    }
  });

  it("TECH_EXPOSURE for every technology, year and scenario", () => {
    const techs = column(core.TECHNOLOGIES);
    for (const year of [null, 2024, 2030, 2040, 2019]) {
      for (const scenario of [null, ...core.SCENARIOS]) {
        call(functions.techExposure, techs, year, scenario).forEach((row, i) =>
          expectParity(
            row[0],
            "TECH_EXPOSURE",
            () =>
              core.techExposure(core.TECHNOLOGIES[i]!, { year: year ?? undefined, scenario: scenario ?? undefined })
                ?.exposure,
          ),
        );
      }
    }
  });

  it("TOP_PRODUCERS for every mineral and stage", () => {
    for (const id of MINERAL_IDS) {
      for (const stage of STAGES) {
        const out = call(functions.topProducers, id, stage, 10);
        let want: ReturnType<typeof core.topProducers>;
        try {
          want = core.topProducers(id, { stage: stageOpt(stage), n: 10 });
        } catch (error) {
          expect(out).toEqual([[expect.any(StubError)]]);
          expect((out[0]![0] as StubError).message).toBe(truncated((error as Error).message));
          continue;
        }
        if (want === undefined) expectError(out[0]![0], ErrorCode.notAvailable, "TOP_PRODUCERS");
        else expect(out.slice(1)).toEqual(want.map((p) => [p.rank, p.country, p.name, p.share, p.tonnes ?? ""]));
      }
    }
  });

  it("DATA_VERSION", () => {
    expect(call(functions.dataVersion)).toEqual([[core.datasetVersion()]]);
  });
});
