// Rule basis-cross-source-note: which blocks carry a note is decided from the raw files (block
// headers, material names, TYPE columns), and each note's claim is checked against them too.
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { SupplyRow } from "../src/schema/rows.ts";
import { BASIS_NOTES, BASIS_RULE, withBasisNotes, type BasisNote } from "./basis.ts";
import { readSources } from "./build.ts";
import { rawRecords, recordOf } from "./readers/eu-raw.test-support.ts";
import { rawUsgsCsv } from "./readers/usgs-raw.test-support.ts";
import { SOURCE_DIR } from "./sourceDir.ts";

const EU_GLOBAL = "ec-crm-2023-appendix7-global-supply-shares.csv";
const USGS_WORLD = "MCS2025_World_Data.csv";
const SUPPLY_SHEET = "2 Total supply for key minerals";

// The rows readSources builds, notes applied.
let dataset: { supply: SupplyRow[] };
let sheet: ExcelJS.Worksheet;

beforeAll(async () => {
  dataset = { supply: (await readSources(SOURCE_DIR)).supply };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(SOURCE_DIR, "iea/IEA_CM_Data_Explorer_2024-05.xlsx"));
  sheet = workbook.getWorksheet(SUPPLY_SHEET)!;
}, 60_000);

const noteOf = (row: SupplyRow): BasisNote | undefined =>
  BASIS_NOTES.find((n) => n.edition === row.edition && n.mineral === row.mineral && n.stage === row.stage);
const noted = (row: SupplyRow) => row.rules.includes(BASIS_RULE);

/** The block header above an IEA 2024 sheet-2 cell: the nearest label in the cell's side with no numbers. */
function ieaBlockHeader(locator: string): string {
  const m = /!([A-Z]+)(\d+)$/.exec(locator)!;
  const labelCol = "BCDE".includes(m[1]!) ? "A" : "G";
  for (let r = Number(m[2]); r > 0; r--) {
    const label = sheet.getCell(`${labelCol}${r}`).value;
    if (typeof label === "string" && label.includes(" - ")) return label.trim();
  }
  throw new Error(`no block header above ${locator}`);
}

const usgsWorld = rawUsgsCsv(USGS_WORLD);
const usgsRows = (commodity: string, country: string) =>
  usgsWorld.dataLines
    .map((l) => l.row)
    .filter((r) => r.COMMODITY!.trim() === commodity && r.COUNTRY!.trim() === country);
const euBlock = (material: string, stage: string) =>
  rawRecords(EU_GLOBAL)
    .filter((r) => r.cells.Material === material && r.cells.Stage === stage)
    .map((r) => `${r.cells.Country}=${r.cells.Share}`)
    .sort();

describe("withBasisNotes", () => {
  const row = (mineral: string): SupplyRow => ({
    edition: "usgs-mcs-2025",
    mineral,
    stage: "mining",
    measure: "production",
    country: "CHN",
    year: 2024,
    kind: "observed",
    case: null,
    value: 1,
    unit: "metric tons",
    tonnes: 1,
    share: null,
    basis: "x content",
    status: "reported",
    locator: "f.csv:row 2:PROD_2024",
    rules: ["usgs-lower-bound"],
  });
  const note: BasisNote = { edition: "usgs-mcs-2025", mineral: "a", stage: "mining", note: "see b" };

  it("appends the note in parentheses and the rule id after the row's own rules", () => {
    expect(withBasisNotes([row("a")], [note])[0]).toMatchObject({
      basis: "x content (see b)",
      rules: ["usgs-lower-bound", BASIS_RULE],
    });
  });

  it("returns rows of other blocks as they were", () => {
    const other = row("b");
    expect(withBasisNotes([row("a"), other], [note])[1]).toBe(other);
  });

  it("fails when a note's block has no rows, so the table cannot go stale", () => {
    expect(() => withBasisNotes([row("b")], [note])).toThrow(/usgs-mcs-2025\|a\|mining: basis-cross-source-note/);
  });
});

describe("basis-cross-source-note on the readers' rows", () => {
  it("every noted row's basis ends with its block's note", () => {
    const wrong = dataset.supply.filter((r) => noted(r) && !r.basis.endsWith(` (${noteOf(r)?.note})`));
    expect(wrong.map((r) => r.locator)).toEqual([]);
  });

  it("IEA: no row is noted; the labels of the magnet-rare-earth and battery-grade graphite blocks already say what they are", () => {
    const rows = dataset.supply.filter((r) => r.edition.startsWith("iea-"));
    expect(rows.filter(noted).map((r) => r.locator)).toEqual([]);
    const sheet2 = rows.filter((r) => r.edition === "iea-cmde-2024" && !r.locator.startsWith("derived:"));
    const ree2024 = sheet2.filter((r) => ieaBlockHeader(r.locator).startsWith("Magnet rare earth elements - "));
    expect(ree2024.length).toBeGreaterThan(0);
    expect(ree2024.filter((r) => r.basis !== "magnet rare earths (Nd, Pr, Dy, Tb)")).toEqual([]);
    const graphite2024 = sheet2.filter((r) => ieaBlockHeader(r.locator) === "Graphite - Battery grade");
    expect(graphite2024.length).toBeGreaterThan(0);
    expect(graphite2024.filter((r) => r.basis !== "battery-grade graphite (natural and synthetic)")).toEqual([]);
  });

  it("USGS: exactly the rows whose TYPE says rare-earth-oxide equivalent are noted, and they say all rare earths", () => {
    const rows = dataset.supply.filter((r) => r.edition === "usgs-mcs-2025" && !r.locator.startsWith("derived:"));
    const type = (r: SupplyRow) => usgsWorld.rawRow(usgsWorld.locatorParts(r.locator).line).TYPE!;
    const wrong = rows.filter((r) => noted(r) !== type(r).includes("rare-earth-oxide equivalent"));
    expect(wrong.map((r) => r.locator)).toEqual([]);
    const ree = rows.filter(noted);
    expect(ree.length).toBeGreaterThan(0);
    expect(ree.every((r) => r.basis.startsWith("rare-earth-oxide equivalent (all rare earths;"))).toBe(true);
  });

  it("EU: the basis is the study's label, stage letter and material name, plus a note for bauxite and the titanium stages", () => {
    const notedMaterials = new Set(["Aluminium/E", "Aluminium/P", "Titanium metal/E", "Titanium/P"]);
    const rows = dataset.supply.filter((r) => r.edition === "ec-crm-2023");
    const wrong = rows.filter((r) => {
      const raw = recordOf(r.locator);
      const label = r.measure === "production" ? "EU CRM 2023 global supply share" : "EU CRM 2023 EU sourcing share";
      const plain = `${label} (${raw.Stage}), material "${raw.Material}"`;
      const isNoted = notedMaterials.has(`${raw.Material}/${raw.Stage}`);
      return isNoted ? r.basis !== `${plain} (${noteOf(r)?.note})` || !noted(r) : r.basis !== plain || noted(r);
    });
    expect(rows.length).toBeGreaterThan(3000);
    expect(wrong.map((r) => `${r.locator}: ${r.basis}`)).toEqual([]);
  });
});

describe("each note's claim, in the raw files", () => {
  it("IEA rare earths are the four magnet rare earths; USGS's are rare-earth-oxide equivalent", () => {
    expect(findRow("A", "Magnet rare earth elements - Mining")).toBeGreaterThan(0);
    expect(findRow("G", "Magnet rare earth elements - Refining")).toBeGreaterThan(0);
    const types = new Set(usgsRows("Rare earths", "China").map((r) => r.TYPE));
    expect(types).toEqual(new Set(["Mine production, rare-earth-oxide equivalent"]));
  });

  it('EU "Aluminium", E is bauxite: its leading countries mine bauxite, and Guinea smelts no aluminium', () => {
    const leading = rawRecords(EU_GLOBAL)
      .filter((r) => r.cells.Material === "Aluminium" && r.cells.Stage === "E" && parseFloat(r.cells.Share!) >= 5)
      .map((r) => r.cells.Country!);
    expect(leading).toContain("Guinea");
    const minesBauxite = (c: string) =>
      usgsRows("Bauxite", c).some((r) => r.TYPE!.startsWith("Mine production, bauxite"));
    expect(leading.filter((c) => !minesBauxite(c))).toEqual([]);
    expect(usgsRows("Aluminum", "Guinea")).toEqual([]);
  });

  it('EU "Aluminium", P is the metal: it lists Iceland, which smelts aluminium and neither mines nor refines bauxite', () => {
    expect(euBlock("Aluminium", "P").some((e) => e.startsWith("Iceland="))).toBe(true);
    expect(usgsRows("Aluminum", "Iceland").map((r) => r.TYPE)).toEqual(["Smelter production, aluminum"]);
    expect(usgsRows("Bauxite", "Iceland")).toEqual([]);
  });

  it('EU "Titanium metal", E repeats "Titanium", E row for row; their P blocks differ', () => {
    expect(euBlock("Titanium metal", "E")).toEqual(euBlock("Titanium", "E"));
    expect(euBlock("Titanium metal", "E").length).toBeGreaterThan(10);
    expect(euBlock("Titanium metal", "P")).not.toEqual(euBlock("Titanium", "P"));
  });
});

function findRow(column: string, label: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(`${column}${r}`).value === label) return r;
  throw new Error(`${label} not found in ${SUPPLY_SHEET} column ${column}`);
}
