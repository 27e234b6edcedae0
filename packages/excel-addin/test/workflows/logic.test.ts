// The workbook workflows' plain modules, without Excel: pin, formulas, evaluation, upgrade report,
// freeze, Sources sheet, table insertion. Values are checked against @critmin/core computed here.
import * as core from "@critmin/core";
import { sourceEditions } from "../../src/taskpane/sourceEditions.ts";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as functions from "../../src/functions/functions.ts";
import { callFormula, evaluatorFor } from "../../src/workbook/evaluate.ts";
import {
  cellAddress,
  columnName,
  findCritminFormulas,
  functionsCalled,
  isCritminFormula,
  parseCall,
  topLeft,
} from "../../src/workbook/formulas.ts";
import { editionsCited, freezeGrid, uniqueSheetName } from "../../src/workbook/freeze.ts";
import { producersTable, tableName, tableValues } from "../../src/workbook/insertTable.ts";
import { parseOwned, serialiseOwned, sheetTarget } from "../../src/workbook/owned.ts";
import { cellValue } from "../../src/workbook/text.ts";
import {
  currentPin,
  makePin,
  newestPin,
  parsePin,
  pinLabel,
  pinProblems,
  serialisePin,
  setCurrentPin,
  withPin,
  type Pin,
} from "../../src/workbook/pin.ts";
import { supplyArgs } from "../../src/adapter/queries.ts";
import { mergeSources, sourcesRows, SOURCES_HEADER } from "../../src/workbook/sourcesSheet.ts";
import { Cancelled, reportSheetValues, upgradeReport, REPORT_HEADER } from "../../src/workbook/upgradeReport.ts";
import { KNOWN, NEW, OLD, registeredFunctions } from "./registry.ts";

const lookup = registeredFunctions();
afterAll(() => setCurrentPin(null));

describe("pin", () => {
  it("round-trips through the settings value and validates edition ids", () => {
    const pin = makePin(["usgs-mcs-2025", "iea-cmde-2024"], KNOWN, {
      pinnedAt: "2025-06-01T00:00:00Z",
      datasetVersion: core.datasetVersion(),
    });
    const stored = serialisePin(pin);
    expect(JSON.parse(stored)).toMatchObject({ v: 1, editions: ["iea-cmde-2024", "usgs-mcs-2025"] });
    expect(parsePin(stored, KNOWN)).toEqual({ ok: true, pin });
    expect(parsePin(null, KNOWN)).toEqual({ ok: true, pin: null });
    expect(parsePin("", KNOWN)).toEqual({ ok: true, pin: null });
    expect(parsePin("{not json", KNOWN)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not valid JSON"),
    });
    expect(parsePin(JSON.stringify({ v: 2, editions: [] }), KNOWN)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("version 2"),
    });
    expect(parsePin(JSON.stringify({ v: 1, editions: ["iea-cmde-2030"] }), KNOWN)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("iea-cmde-2030 is not an edition this add-in carries"),
    });
    expect(pinProblems(["iea-cmde-2024", "iea-cmde-2025"], KNOWN)).toEqual([
      "iea-cmde-2024 and iea-cmde-2025 are two editions of one source: pin one",
    ]);
    expect(pinProblems(["DROP TABLE"], KNOWN)[0]).toMatch(/not an edition id/);
    expect(pinProblems([], KNOWN)).toEqual(["a pin needs at least one edition"]);
    expect(() => makePin(["x"], KNOWN)).toThrow(/invalid edition pin/);
    // The pin choices are the editions a `source` reads: a policy edition (lists, export controls,
    // governance) is never pinned, so it can never become a supply default.
    expect(newestPin(sourceEditions()).editions).toEqual(["ec-crm-2023", "iea-cmde-2025", "usgs-mcs-2025"]);
    expect(core.editions().length - sourceEditions().length).toBe(5);
    expect(pinLabel(null)).toMatch(/not pinned/);
  });

  it("never accepts garbage as a pin (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.integer()), (value) => {
        const parsed = parsePin(value, KNOWN);
        if (parsed.ok && parsed.pin) expect(pinProblems(parsed.pin.editions, KNOWN)).toEqual([]);
      }),
    );
  });

  it("is shared through globalThis and restored by withPin", () => {
    expect(currentPin()).toBeNull();
    expect(withPin(OLD, () => currentPin())).toBe(OLD);
    expect(currentPin()).toBeNull();
    expect(() =>
      withPin(NEW, () => {
        throw new Error("x");
      }),
    ).toThrow("x");
    expect(currentPin()).toBeNull();
  });

  it("hands the pin to the core, which picks the newest pinned edition with data; an explicit source wins", () => {
    const edition = (source: unknown, year: unknown, pin: Pin | null) =>
      core.provenance({ mineral: "cobalt", ...supplyArgs("PIN", null, year, source, pin) }).edition;
    expect(supplyArgs("PIN", null, null, null, null)).not.toHaveProperty("within");
    expect(supplyArgs("PIN", null, null, null, OLD).within).toEqual(OLD.editions);
    expect(supplyArgs("PIN", null, null, "iea-cmde-2025", OLD)).not.toHaveProperty("within");
    expect(edition(null, null, OLD)).toBe("iea-cmde-2024");
    expect(edition(null, null, NEW)).toBe("iea-cmde-2025");
    expect(edition("iea-cmde-2025", null, OLD)).toBe("iea-cmde-2025");
    expect(edition(null, 2035, OLD)).toBe("iea-cmde-2024");
  });

  it("drives the functions: a blank source follows the pin, DATA_VERSION shows it", () => {
    const cell = (r: unknown) => (r as unknown[][])[0]![0];
    expect(cell(functions.chinaShare([["cobalt"]]))).toBe(core.chinaShare("cobalt"));
    setCurrentPin(OLD);
    try {
      expect(cell(functions.chinaShare([["cobalt"]]))).toBe(core.chinaShare("cobalt", { source: "iea-cmde-2024" }));
      expect(cell(functions.chinaShare([["cobalt"]], undefined, undefined, "iea-cmde-2025" as never))).toBe(
        core.chinaShare("cobalt", { source: "iea-cmde-2025" }),
      );
      expect(cell(functions.dataVersion())).toBe(
        `${core.datasetVersion()} (pinned: ec-crm-2023, iea-cmde-2024, usgs-mcs-2025)`,
      );
      expect(cell(functions.demand([["lithium"]]))).toBe(core.demand("lithium", { source: "iea-cmde-2024" }));
    } finally {
      setCurrentPin(null);
    }
    expect(cell(functions.dataVersion())).toBe(core.datasetVersion());
  });
});

describe("formulas", () => {
  it("finds CRITMIN and CRITMINDEV calls, not look-alikes", () => {
    expect(isCritminFormula('=CRITMIN.CHINA_SHARE("cobalt")')).toBe(true);
    expect(isCritminFormula("=critmindev.hhi(A1)")).toBe(true);
    expect(isCritminFormula("=SUM(A1, CRITMIN.HHI(B1))")).toBe(true);
    expect(isCritminFormula('="CRITMIN.HHI(" & A1')).toBe(false);
    expect(isCritminFormula("=NOTCRITMIN.HHI(1)")).toBe(false);
    expect(isCritminFormula("CRITMIN.HHI(1)")).toBe(false);
    expect(isCritminFormula(42)).toBe(false);
    expect(isCritminFormula("=CRITMIN.HHI(1)", ["CRITMINDEV"])).toBe(false);
    expect(functionsCalled('=CRITMIN.SHARE("x",CRITMINDEV.TOP_PRODUCERS("y"))')).toEqual(["SHARE", "TOP_PRODUCERS"]);
  });

  it("addresses cells from the used range's origin", () => {
    expect([columnName(0), columnName(25), columnName(26), columnName(701), columnName(702)]).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
      "AAA",
    ]);
    expect(topLeft("'My sheet'!$C$4:F9")).toEqual({ row: 3, column: 2 });
    expect(cellAddress(3, 2)).toBe("C4");
    const grid = [
      ["Mineral", "Share", ""],
      ["cobalt", "=CRITMIN.CHINA_SHARE(A2)", '=A2&"x"'],
      [1, 2, '=CRITMINDEV.HHI("nickel")'],
    ];
    expect(findCritminFormulas("Data", grid, topLeft("Data!B2:D4"))).toEqual([
      { sheet: "Data", address: "C3", row: 2, column: 2, formula: "=CRITMIN.CHINA_SHARE(A2)" },
      { sheet: "Data", address: "D4", row: 3, column: 3, formula: '=CRITMINDEV.HHI("nickel")' },
    ]);
  });

  it("parses literal calls and refuses references and nesting", () => {
    expect(parseCall('=CRITMIN.SHARE("lithium","AUS",,2023)')).toEqual({
      ok: true,
      namespace: "CRITMIN",
      id: "SHARE",
      args: ["lithium", "AUS", null, 2023],
    });
    expect(parseCall('=critmindev.supply_at_risk("cobalt", "DRC", 50%)')).toEqual({
      ok: true,
      namespace: "CRITMINDEV",
      id: "SUPPLY_AT_RISK",
      args: ["cobalt", "DRC", 0.5],
    });
    expect(parseCall('=CRITMIN.SOURCE("say ""hi""",TRUE)')).toMatchObject({ ok: true, args: ['say "hi"', true] });
    expect(parseCall("=CRITMIN.MINERALS()")).toMatchObject({ ok: true, id: "MINERALS", args: [] });
    expect(parseCall("=CRITMIN.CHINA_SHARE(A2)")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("cell reference"),
    });
    expect(parseCall('=CRITMIN.CHINA_SHARE("cobalt")*100')).toMatchObject({ ok: false });
    expect(parseCall('=CRITMIN.CHINA_SHARE(LOWER("X"))')).toMatchObject({ ok: false });
    expect(parseCall('=1+CRITMIN.HHI("x")')).toMatchObject({ ok: false });
  });
});

describe("evaluation and the upgrade report", () => {
  it("evaluates a formula with the wrapper Excel calls, under a pin", () => {
    expect(callFormula('=CRITMIN.CHINA_SHARE("cobalt")', lookup)).toEqual({
      ok: true,
      value: core.chinaShare("cobalt"),
    });
    expect(evaluatorFor(OLD, lookup)('=CRITMIN.CHINA_SHARE("cobalt")')).toEqual({
      ok: true,
      value: core.chinaShare("cobalt", { source: "iea-cmde-2024" }),
    });
    expect(callFormula('=CRITMIN.CHINA_SHARE("cobolt")', lookup)).toEqual({ ok: true, value: "#VALUE!" });
    expect(callFormula('=CRITMIN.NOPE("x")', lookup)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("NOPE"),
    });
    const table = callFormula('=CRITMIN.TOP_PRODUCERS("cobalt")', lookup);
    expect(table.ok && Array.isArray(table.value) && table.value[0]).toEqual([
      "Rank",
      "Country",
      "Name",
      "Share",
      "Tonnes",
    ]);
  });

  it("lists the cells whose value changes, old and new side by side, and what it could not evaluate", async () => {
    const cells = [
      { sheet: "S", address: "A1", row: 0, column: 0, formula: '=CRITMIN.CHINA_SHARE("cobalt")' },
      { sheet: "S", address: "A2", row: 1, column: 0, formula: '=CRITMIN.CHINA_SHARE("cobalt",,,"iea-cmde-2024")' },
      { sheet: "S", address: "A3", row: 2, column: 0, formula: '=CRITMIN.TOP_PRODUCERS("cobalt")' },
      { sheet: "S", address: "A4", row: 3, column: 0, formula: "=CRITMIN.CHINA_SHARE(B4)" },
      { sheet: "T", address: "B9", row: 8, column: 1, formula: '=CRITMIN.SUPPLY_RISK("cobalt")' },
    ];
    const progress: number[] = [];
    const report = await upgradeReport(cells, evaluatorFor(OLD, lookup), evaluatorFor(NEW, lookup), {
      chunk: 2,
      onProgress: (p) => progress.push(p.done),
    });
    const oldShare = core.chinaShare("cobalt", { source: "iea-cmde-2024" })!;
    const newShare = core.chinaShare("cobalt", { source: "iea-cmde-2025" })!;
    expect(oldShare).not.toBe(newShare);
    expect(report.total).toBe(5);
    expect(report.changed[0]).toEqual({
      sheet: "S",
      address: "A1",
      formula: cells[0]!.formula,
      old: oldShare,
      new: newShare,
      difference: newShare - oldShare,
    });
    expect(report.changed.map((r) => r.address)).toEqual(["A1", "A3"]);
    expect(report.unchanged).toBe(2);
    expect(report.notEvaluated).toEqual([
      {
        sheet: "S",
        address: "A4",
        formula: "=CRITMIN.CHINA_SHARE(B4)",
        reason: expect.stringContaining("cell reference"),
      },
    ]);
    expect(progress).toEqual([0, 2, 4, 5]);

    const sheet = reportSheetValues(report, { from: pinLabel(OLD), to: pinLabel(NEW) });
    expect(new Set(sheet.map((r) => r.length))).toEqual(new Set([REPORT_HEADER.length]));
    const header = sheet.findIndex((r) => r[0] === "Sheet");
    expect(sheet[header + 1]).toEqual([
      "S",
      "A1",
      `'${cells[0]!.formula}`,
      oldShare,
      newShare,
      newShare - oldShare,
      "",
    ]);
    expect(sheet[header + 2]![3]).toMatch(/^table \d+×5$/);
    expect(sheet.at(-1)![6]).toMatch(/^not evaluated: /);
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    const cells = Array.from({ length: 50 }, (_, i) => ({
      sheet: "S",
      address: `A${i + 1}`,
      row: i,
      column: 0,
      formula: '=CRITMIN.HHI("cobalt")',
    }));
    const run = upgradeReport(cells, evaluatorFor(OLD, lookup), evaluatorFor(NEW, lookup), {
      chunk: 10,
      signal: controller.signal,
      onProgress: (p) => p.done >= 20 && controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
  });
});

describe("freeze, sources and tables", () => {
  it("replaces CRITMIN formulas by their values and keeps other formulas", () => {
    const formulas = [
      ["Mineral", '=CRITMIN.TOP_PRODUCERS("cobalt")', "Country", "=SUM(1,2)"],
      ["cobalt", 1, "CHN", '=CRITMIN.CHINA_SHARE(A2,,,"iea-cmde-2024")'],
      ["=A2", '=CRITMIN.SOURCE("cobalt")', "", ""],
    ];
    const values = [
      ["Mineral", "Rank", "Country", 3],
      ["cobalt", 1, "CHN", 0.77],
      ["cobalt", "=odd text", "", ""],
    ];
    const frozen = freezeGrid(formulas, values);
    expect(frozen.grid).toEqual([
      ["Mineral", "Rank", "Country", "=SUM(1,2)"],
      ["cobalt", 1, "CHN", 0.77],
      ["=A2", "'=odd text", "", ""],
    ]);
    expect(frozen.frozen).toBe(3);
    expect(editionsCited(frozen.formulas, null, KNOWN)).toEqual({
      editions: [...KNOWN].sort(),
      note: expect.stringContaining("2 formulas name no edition"),
    });
    expect(editionsCited(frozen.formulas, OLD, KNOWN)).toEqual({
      editions: ["ec-crm-2023", "iea-cmde-2024", "usgs-mcs-2025"],
    });
    expect(editionsCited(['=CRITMIN.HHI("x",,,"usgs-mcs-2025")'], null, KNOWN)).toEqual({
      editions: ["usgs-mcs-2025"],
    });
    expect(uniqueSheetName("Frozen – A very long sheet name that goes on", ["x"]).length).toBeLessThanOrEqual(31);
    expect(uniqueSheetName("Sources", ["sources", "Sources (2)"])).toBe("Sources (3)");
    expect(uniqueSheetName("a/b[c]", [])).toBe("a b c");
  });

  it("writes one Sources row per edition with citation, licence and URL, merging with an existing sheet", () => {
    const rows = sourcesRows(["iea-cmde-2025", "iea-cmde-2025", "usgs-mcs-2025"], core.editions());
    expect(rows[0]).toEqual([...SOURCES_HEADER]);
    const e = core.editions().find((x) => x.id === "iea-cmde-2025")!;
    expect(rows[1]).toEqual([e.id, e.title, e.publisher, e.date, e.citation, e.licence, e.url]);
    expect(rows).toHaveLength(3);
    expect(() => sourcesRows(["nope-2020"], core.editions())).toThrow(/nope-2020/);
    const merged = mergeSources(sourcesRows(["ec-crm-2023"], core.editions()), rows);
    expect(merged.map((r) => r[0])).toEqual(["Edition", "ec-crm-2023", "iea-cmde-2025", "usgs-mcs-2025"]);
  });

  it("turns TOP_PRODUCERS's spilled result into a table block", () => {
    const selection = { mineral: "cobalt", stage: "refining", year: 2035, edition: "iea-cmde-2025" };
    const result = functions.topProducers("cobalt", "refining" as never, 50, 2035, "iea-cmde-2025" as never);
    const block = producersTable(selection, result);
    const expected = core.topProducers("cobalt", { stage: "refining", year: 2035, source: "iea-cmde-2025", n: 50 })!;
    expect(block.rows).toHaveLength(expected.length);
    expect(block.rows[0]).toEqual([
      1,
      expected[0]!.country,
      expected[0]!.name,
      expected[0]!.share,
      expected[0]!.tonnes,
    ]);
    expect(block.numberFormats).toEqual(["0", "General", "General", "0.0%", "#,##0"]);
    expect(block.editions).toEqual(["iea-cmde-2025"]);
    expect(tableName(selection)).toBe("critmin_cobalt_refining_2035_iea_cmde_2025");
    expect(tableValues(block)[0]).toEqual(["Rank", "Country", "Name", "Share", "Tonnes"]);
    expect(() =>
      producersTable(
        selection,
        functions.topProducers("cobalt", "refining" as never, 5, 1999, "iea-cmde-2025" as never),
      ),
    ).toThrow(/#N\/A/);
  });
});

describe("the sheets the add-in owns", () => {
  const sheets = [
    { id: "a", name: "Sources" },
    { id: "b", name: "Sources (2)" },
  ];
  it("a user's sheet is skipped: the first free name is taken", () => {
    expect(sheetTarget("Sources", sheets, new Set())).toEqual({ name: "Sources (3)", replaces: false });
  });
  it("the add-in's own sheet (by id, whatever was renamed) is the target, to replace", () => {
    expect(sheetTarget("Sources", sheets, new Set(["b"]))).toEqual({ name: "Sources (2)", replaces: true });
    expect(sheetTarget("sources", sheets, new Set(["a"]))).toEqual({ name: "Sources", replaces: true });
    expect(sheetTarget("Sources", sheets, new Set(["a"]), "new")).toEqual({ name: "Sources (3)", replaces: false });
  });
  it("a deleted sheet's id is dropped from the record, and an unreadable record owns nothing", () => {
    expect(JSON.parse(serialiseOwned(new Set(["a", "gone"]), sheets, "c"))).toEqual({ v: 1, ids: ["a", "c"] });
    for (const bad of [undefined, "", "{", '{"v":2,"ids":["a"]}', '{"v":1}', "[1]"])
      expect(parseOwned(bad)).toEqual(new Set());
    expect(parseOwned('{"v":1,"ids":["a",3]}')).toEqual(new Set(["a"]));
  });
});

describe("cellValue: data text is written as text", () => {
  it.each(["=WEBSERVICE(A1)", "+1", "-CHN", "@SUM(A1)"])("%s gets a leading apostrophe", (text) =>
    expect(cellValue(text)).toBe(`'${text}`),
  );
  // What Excel turns into a number, date or boolean when it is written (as when it is typed).
  it.each(["2025-11-07", "2024", "2016–2020", "1,234", ".5", "(5)", "$5", "May 2025", "Nov-24", "TRUE", "false"])(
    "%s, which Excel would read as a number, date or boolean, gets a leading apostrophe",
    (text) => expect(cellValue(text)).toBe(`'${text}`),
  );
  it("other text, numbers, booleans and blanks are written as they are", () => {
    for (const value of ["China", "Mayotte", "Marshall Islands", "Decline", " =x", "'quoted", "", 3, -1, true, null])
      expect(cellValue(value)).toBe(value);
  });
  it("freezing keeps text that looks like a formula as text, and other formulas as formulas", () => {
    const grid = freezeGrid([["=x", "=A1", "-5"]], [["=x", 3, "-5"]]).grid;
    expect(grid).toEqual([["'=x", "=A1", "'-5"]]);
  });
});
