// Formula semantics in a real spreadsheet engine (ENGINEERING.md, "Testing without Excel", item 6):
// HyperFormula hosts the add-in's own CRITMIN.* functions (packages/excel-addin/src/functions) as a
// FunctionPlugin, so nesting, IFERROR/ISNA, range arguments, spills and #SPILL! are exercised by an
// engine nobody on this project wrote. Expected numbers come from @critmin/core, which
// test/parity.test.ts ties to the Excel functions case by case.
//
// HyperFormula is GPL-3.0 or commercial: a root devDependency used here only, never bundled
// (licenseKey "gpl-v3").
//
// The plugin and its API choices: test/hyperformula/plugin.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DetailedCellError, ErrorType, HyperFormula, type RawCellContent } from "hyperformula";
import * as core from "../packages/core/src/index.ts";
import * as functions from "../packages/excel-addin/src/functions/functions.ts";
import { installStubRuntime } from "../packages/excel-addin/test/stub-runtime.ts";
import { CritminPlugin, SPECS, translations } from "./hyperformula/plugin.ts";
import { thrown } from "./support/thrown.ts";

// The CustomFunctions global the add-in finds in Excel: the shared test stand-in (same error codes).
installStubRuntime();

beforeAll(() => {
  HyperFormula.registerFunctionPlugin(CritminPlugin, { enGB: translations });
});
afterAll(() => {
  HyperFormula.unregisterFunctionPlugin(CritminPlugin);
});

// ---------------------------------------------------------------------------------------------
// Helpers.

// smartRounding off: cells export the double the function returned (HyperFormula otherwise rounds
// output to 10 significant digits), as Excel keeps a custom function's double.
const sheet = (data: RawCellContent[][]) =>
  HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3", smartRounding: false });
/** A1-style address on the first sheet. */
function at(address: string) {
  const match = /^([A-Z])(\d+)$/.exec(address)!;
  return { sheet: 0, col: match[1]!.charCodeAt(0) - 65, row: Number(match[2]) - 1 };
}
const valueAt = (hf: HyperFormula, address: string) => hf.getCellValue(at(address));
function rangeValues(hf: HyperFormula, from: string, rows: number, cols: number) {
  const start = at(from);
  return hf.getRangeValues({ start, end: { sheet: 0, col: start.col + cols - 1, row: start.row + rows - 1 } });
}
function errorAt(hf: HyperFormula, address: string): DetailedCellError {
  const value = valueAt(hf, address);
  expect(value).toBeInstanceOf(DetailedCellError);
  return value as DetailedCellError;
}

// ---------------------------------------------------------------------------------------------

describe("CRITMIN.* functions hosted in HyperFormula", () => {
  it("registers every shipped function under its Excel name", () => {
    expect(SPECS.length).toBe(Object.keys(functions).length);
    for (const spec of SPECS) expect(spec.params.length, spec.id).toBe(spec.fn.length);
    const registered = HyperFormula.getRegisteredFunctionNames("enGB");
    expect(SPECS.map((s) => `CRITMIN.${s.id}`).filter((name) => !registered.includes(name))).toEqual([]);
    expect(SPECS.find((s) => s.id === "CHINA_SHARE")).toMatchObject({
      broadcasts: true,
      params: [{ optional: false }, { optional: true }, { optional: true }, { optional: true }],
    });
  });

  it("returns core's number for a plain call, with or without the optional arguments", () => {
    const hf = sheet([
      ['=CRITMIN.CHINA_SHARE("cobalt")'],
      ['=CRITMIN.CHINA_SHARE("Co", "refining", 2023, "iea-cmde-2024")'],
      ['=CRITMIN.SHARE("lithium", "Australia", "mining")'],
      ['=CRITMIN.HHI("rare earths")'],
      ["=CRITMIN.DATA_VERSION()"],
    ]);
    expect(valueAt(hf, "A1")).toBe(core.chinaShare("cobalt"));
    expect(valueAt(hf, "A2")).toBe(
      core.chinaShare("cobalt", { stage: "refining", year: 2023, source: "iea-cmde-2024" }),
    );
    expect(valueAt(hf, "A3")).toBe(core.share("lithium", "AUS", { stage: "mining" }));
    expect(valueAt(hf, "A4")).toBe(core.hhi("rare-earths"));
    expect(valueAt(hf, "A5")).toBe(core.datasetVersion());
    expect(typeof valueAt(hf, "A1")).toBe("number");
    hf.destroy();
  });

  it("nests in other formulas", () => {
    const share = core.chinaShare("cobalt")!;
    const hf = sheet([
      ['=ROUND(CRITMIN.CHINA_SHARE("cobalt")*100,1)', share, "=ROUND(B1*100,1)"],
      ['=CRITMIN.SHARE("cobalt", "CHN") - CRITMIN.CHINA_SHARE("cobalt")'],
      ['=IF(CRITMIN.HHI("cobalt")>2500, "highly concentrated", "not")'],
      ['=CRITMIN.PRODUCTION("lithium", "World", "mining") * CRITMIN.SHARE("lithium", "Chile", "mining")'],
    ]);
    expect(valueAt(hf, "A1")).toBe(valueAt(hf, "C1"));
    expect(Math.abs((valueAt(hf, "A1") as number) - share * 100)).toBeLessThanOrEqual(0.05);
    expect(valueAt(hf, "A2")).toBe(0);
    expect(valueAt(hf, "A3")).toBe(core.hhi("cobalt")! > 2500 ? "highly concentrated" : "not");
    expect(valueAt(hf, "A4")).toBe(
      core.production("lithium", "WORLD", { stage: "mining" })! * core.share("lithium", "CHL", { stage: "mining" })!,
    );
    hf.destroy();
  });

  it("gives #N/A with the reason for a missing figure, which ISNA and IFERROR see", () => {
    expect(core.chinaShare("cobalt", { year: 2019 })).toBeUndefined();
    const reason = core.provenance({ mineral: "cobalt", year: 2019 }).reason!;
    const hf = sheet([
      ['=CRITMIN.CHINA_SHARE("cobalt",,2019)'],
      ['=ISNA(CRITMIN.CHINA_SHARE("cobalt",,2019))'],
      ['=IFERROR(CRITMIN.CHINA_SHARE("cobalt",,2019),"n/a")'],
      ['=IFERROR(CRITMIN.CHINA_SHARE("cobalt"),"n/a")'],
      ['=IFNA(CRITMIN.DEMAND("gallium"), 0)'],
      ['=ISNA(CRITMIN.CHINA_SHARE("cobalt"))'],
    ]);
    const error = errorAt(hf, "A1");
    expect(error.type).toBe(ErrorType.NA);
    expect(error.value).toBe("#N/A");
    expect(error.message).toContain(reason);
    expect(valueAt(hf, "A2")).toBe(true);
    expect(valueAt(hf, "A3")).toBe("n/a");
    expect(valueAt(hf, "A4")).toBe(core.chinaShare("cobalt"));
    expect(valueAt(hf, "A5")).toBe(core.demand("gallium") ?? 0);
    expect(valueAt(hf, "A6")).toBe(false);
    hf.destroy();
  });

  it("gives #VALUE! with core's message for a bad argument, which ISNA does not mistake for missing data", () => {
    const hf = sheet([
      ['=CRITMIN.CHINA_SHARE("cobolt")'],
      ['=ISNA(CRITMIN.CHINA_SHARE("cobolt"))'],
      ['=ISERROR(CRITMIN.CHINA_SHARE("cobolt"))'],
      ['=CRITMIN.SHARE("cobalt", "Atlantis")'],
      ['=CRITMIN.CONCENTRATION_RATIO("cobalt", 0)'],
    ]);
    const error = errorAt(hf, "A1");
    expect(error.type).toBe(ErrorType.VALUE);
    expect(error.message).toContain(thrown(() => core.chinaShare("cobolt")).message);
    expect(error.message).toContain('did you mean "cobalt"?');
    expect(valueAt(hf, "A2")).toBe(false);
    expect(valueAt(hf, "A3")).toBe(true);
    expect(errorAt(hf, "A4").message).toContain(thrown(() => core.share("cobalt", "Atlantis")).message);
    expect(errorAt(hf, "A5").message).toContain(thrown(() => core.crN("cobalt", 0)).message);
    hf.destroy();
  });

  it("takes arguments from cells: text, numbers, and an empty cell as an omitted argument", () => {
    const hf = sheet([
      ["lithium", "Australia", "mining", null, "iea-cmde-2024", "=CRITMIN.SHARE(A1, B1, C1, D1, E1)"],
      ["cobalt", "DRC", "mining", 2023, null, "=CRITMIN.SHARE(A2, B2, C2, D2, E2)"],
      ["nickel", null, null, 2030, null, "=CRITMIN.CHINA_SHARE(A3, , D3)"],
    ]);
    expect(valueAt(hf, "F1")).toBe(core.share("lithium", "AUS", { stage: "mining", source: "iea-cmde-2024" }));
    expect(valueAt(hf, "F2")).toBe(core.share("cobalt", "COD", { stage: "mining", year: 2023 }));
    expect(valueAt(hf, "F3")).toBe(core.chinaShare("nickel", { year: 2030 }));
    hf.destroy();
  });

  it("spills one answer per cell of a range argument, in the range's shape", () => {
    const minerals = ["cobalt", "lithium", "nickel"];
    const hf = sheet([
      [
        "cobalt",
        "=CRITMIN.CHINA_SHARE(A1:A3)",
        '=CRITMIN.CHINA_SHARE(A1:A3, "refining", 2023, "iea-cmde-2024")',
        "=SUM(CRITMIN.CHINA_SHARE(A1:A3))",
      ],
      ["lithium"],
      ["nickel"],
      ["graphite", "cobolt", "gallium", '=CRITMIN.HHI(A4:C4, "mining")'],
    ]);
    expect(rangeValues(hf, "B1", 3, 1)).toEqual(minerals.map((m) => [core.chinaShare(m)]));
    expect(rangeValues(hf, "C1", 3, 1)).toEqual(
      minerals.map((m) => [core.chinaShare(m, { stage: "refining", year: 2023, source: "iea-cmde-2024" })]),
    );
    expect(hf.getCellFormula(at("B2"))).toBeUndefined(); // B2:B3 belong to B1's spill
    expect(valueAt(hf, "D1")).toBe(minerals.reduce((sum, m) => sum + core.chinaShare(m)!, 0));
    // A horizontal range spills a row; each cell errs on its own.
    expect(valueAt(hf, "D4")).toBe(core.hhi("graphite", { stage: "mining" }));
    expect(errorAt(hf, "E4").type).toBe(ErrorType.VALUE);
    expect(errorAt(hf, "E4").message).toContain(thrown(() => core.hhi("cobolt", { stage: "mining" })).message);
    expect(core.hhi("gallium", { stage: "mining" })).toBeUndefined();
    expect(errorAt(hf, "F4").type).toBe(ErrorType.NA);
    hf.destroy();
  });

  it("spills TOP_PRODUCERS as a table with a header row", () => {
    const producers = core.topProducers("cobalt", { stage: "mining", n: 3 })!;
    const hf = sheet([
      [
        '=CRITMIN.TOP_PRODUCERS("cobalt", "mining", 3)',
        null,
        null,
        null,
        null,
        '=CRITMIN.TOP_PRODUCERS("cobalt", , , 1999)',
        '=CRITMIN.TOP_PRODUCERS("cobalt", , -1)',
      ],
      [],
      [],
      [],
      [],
      [],
      ['=CRITMIN.TOP_PRODUCERS("cobalt")'],
    ]);
    // Header, three ranked rows, then the source's rest of world with a blank rank.
    expect(producers.map((p) => p.rank)).toEqual([1, 2, 3, null]);
    expect(rangeValues(hf, "A1", 5, 5)).toEqual([
      ["Rank", "Country", "Name", "Share", "Tonnes"],
      ...producers.map((p) => [p.rank ?? "", p.country, p.name, p.share, p.tonnes ?? ""]),
    ]);
    expect(valueAt(hf, "A6")).toBeNull(); // nothing spills past the table
    // No block, or a bad n: one error cell, nothing spilled.
    expect(core.topProducers("cobalt", { year: 1999 })).toBeUndefined();
    expect(errorAt(hf, "F1").type).toBe(ErrorType.NA);
    expect(errorAt(hf, "G1").type).toBe(ErrorType.VALUE);
    expect(errorAt(hf, "G1").message).toContain(thrown(() => core.topProducers("cobalt", { n: -1 })).message);
    expect(valueAt(hf, "F2")).toBeNull();
    const defaults = core.topProducers("cobalt")!;
    expect(rangeValues(hf, "A7", defaults.length + 1, 5)).toEqual([
      ["Rank", "Country", "Name", "Share", "Tonnes"],
      ...defaults.map((p) => [p.rank ?? "", p.country, p.name, p.share, p.tonnes ?? ""]),
    ]);
    hf.destroy();
  });

  it("spills the lists with a header row", () => {
    const hf = sheet([["=CRITMIN.MINERALS()", null, null, '=CRITMIN.COUNTRIES("G7")', null, "=CRITMIN.EDITIONS()"]]);
    const minerals = core.minerals();
    expect(rangeValues(hf, "A1", minerals.length + 1, 3)).toEqual([
      ["Id", "Name", "Aliases"],
      ...minerals.map((m) => [m.id, m.name, m.aliases.join(", ")]),
    ]);
    const g7 = core.countries("G7");
    expect(rangeValues(hf, "D1", g7.length + 1, 2)).toEqual([["Code", "Name"], ...g7.map((c) => [c.code, c.name])]);
    expect(rangeValues(hf, "F1", core.editions().length + 1, 1).flat()).toEqual([
      "Id",
      ...core.editions().map((e) => e.id),
    ]);
    hf.destroy();
  });

  it("gives #SPILL! when the spill area is blocked by a value", () => {
    const table = sheet([['=CRITMIN.TOP_PRODUCERS("cobalt", "mining", 3)'], [null, "in the way"]]);
    expect(errorAt(table, "A1").type).toBe(ErrorType.SPILL);
    expect(errorAt(table, "A1").value).toBe("#SPILL!");
    expect(valueAt(table, "B2")).toBe("in the way");
    // Unlike Excel, HyperFormula recomputes a blocked formula only when one of its inputs changes,
    // not when the blocking cell is cleared (handsontable/hyperformula#1287): clear, then re-enter.
    table.setCellContents(at("B2"), null);
    table.setCellContents(at("A1"), '=CRITMIN.TOP_PRODUCERS("cobalt", "mining", 3)');
    expect(valueAt(table, "A1")).toBe("Rank");
    expect(valueAt(table, "B2")).toBe(core.topProducers("cobalt", { stage: "mining", n: 3 })![0]!.country);
    table.destroy();

    const column = sheet([
      ["cobalt", "=CRITMIN.CHINA_SHARE(A1:A2)"],
      ["lithium", "in the way"],
    ]);
    expect(errorAt(column, "B1").type).toBe(ErrorType.SPILL);
    column.destroy();

    // A value typed into a spilled result blocks it too.
    const list = sheet([["=CRITMIN.MINERALS()"]]);
    expect(valueAt(list, "A1")).toBe("Id");
    list.setCellContents(at("B5"), "typed over");
    expect(errorAt(list, "A1").type).toBe(ErrorType.SPILL);
    list.destroy();
  });

  it("recalculates when an argument cell changes", () => {
    const hf = sheet([["cobalt", "=CRITMIN.CHINA_SHARE(A1)"]]);
    expect(valueAt(hf, "B1")).toBe(core.chinaShare("cobalt"));
    hf.setCellContents(at("A1"), "graphite");
    expect(valueAt(hf, "B1")).toBe(core.chinaShare("graphite"));
    hf.setCellContents(at("A1"), "cobolt");
    expect(errorAt(hf, "B1").type).toBe(ErrorType.VALUE);
    hf.destroy();
  });

  it("passes an error argument through, as Excel does, without calling the function", () => {
    const hf = sheet([["=1/0", "=CRITMIN.CHINA_SHARE(A1)", '=CRITMIN.SHARE("cobalt", NA())']]);
    expect(errorAt(hf, "B1").type).toBe(ErrorType.DIV_BY_ZERO);
    expect(errorAt(hf, "C1").type).toBe(ErrorType.NA);
    hf.destroy();
  });

  it("cannot size a table whose arguments are cell references: one cell, #VALUE!", () => {
    const hf = sheet([["cobalt", "=CRITMIN.TOP_PRODUCERS(A1)"]]);
    expect(errorAt(hf, "B1").type).toBe(ErrorType.VALUE);
    hf.destroy();
  });
});
