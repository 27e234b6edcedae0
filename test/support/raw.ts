// The raw source files, read without the pipeline: tests take their expected values from here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { SOURCE_DIR } from "../../packages/core/pipeline/sourceDir.ts";
import { mismatches } from "./cases.ts";

export { SOURCE_DIR };

/** The raw files the tests read, by folder below {@link SOURCE_DIR}. */
export const RAW = {
  ieaParsed2025: "iea/IEA_CM_Data_Explorer_2025-05.parsed.json",
  ieaWorkbook2024: "iea/IEA_CM_Data_Explorer_2024-05.xlsx",
  usgsWorld: "usgs/MCS2025_World_Data.csv",
  usgsImportReliance: "usgs/MCS2025_Fig2_Net_Import_Reliance.csv",
  euAnnex4: "eu/ec-crm-annex4-sr-ei-2011-2023.csv",
  euResults: "eu/ec-crm-2023-results.transcribed.csv",
  euSourcing: "eu/ec-crm-2023-appendix7-eu-sourcing-shares.csv",
} as const;

/** A CSV below {@link SOURCE_DIR} as records keyed by its header row. */
export function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(SOURCE_DIR, file), "utf8"), { columns: true });
}

/** A JSON file below {@link SOURCE_DIR}, untyped: its shape is what the test asserts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as JSON.parse's own result: tests walk the raw shape
export function readJson(file: string): any {
  return JSON.parse(readFileSync(path.join(SOURCE_DIR, file), "utf8"));
}

/** An xlsx workbook below {@link SOURCE_DIR}. */
export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(SOURCE_DIR, file));
  return workbook;
}

/** A cell's number, or a formula's cached result; anything else fails the test. */
export function cellNumber(cell: ExcelJS.CellValue): number {
  const v = typeof cell === "object" && cell && "result" in cell ? cell.result : cell;
  if (typeof v !== "number") throw new Error(`not a number: ${JSON.stringify(cell)}`);
  return v;
}

/** The IEA workbooks' scenario titles over their year columns. */
export const IEA_SCENARIO_TITLES = {
  STEPS: "Stated Policies scenario",
  APS: "Announced Pledges scenario",
  NZE: "Net Zero Emissions by 2050 scenario",
} as const;

/**
 * A kt figure of an IEA 2024 supply sheet: the row labelled `label` below the block title
 * (in `labelCol`), in `yearCol`.
 */
export function ieaSupplyCell(
  sheet: ExcelJS.Worksheet,
  labelCol: "A" | "G",
  block: string,
  label: string,
  yearCol: string,
): number {
  let inBlock = false;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const v = sheet.getCell(`${labelCol}${r}`).value;
    if (v === block) inBlock = true;
    else if (inBlock && v === label) {
      const cell = sheet.getCell(`${yearCol}${r}`).value;
      return (typeof cell === "object" && cell && "result" in cell ? cell.result : cell) as number;
    }
  }
  throw new Error(`${block} / ${label} not found`);
}

let usgsWorldRows: Record<string, string>[] | undefined;

/** The USGS MCS 2025 World Data table, read once. */
export function usgsWorld(): Record<string, string>[] {
  return (usgsWorldRows ??= readCsv(RAW.usgsWorld));
}

/** The first USGS World Data row of a commodity and country (and, given, a TYPE prefix). */
export function usgsRow(commodity: string, country: string, type?: string): Record<string, string> {
  const row = usgsWorld().find(
    (r) => r.COMMODITY!.trim() === commodity && r.COUNTRY!.trim() === country && (!type || r.TYPE!.startsWith(type)),
  );
  if (!row) throw new Error(`no USGS row ${commodity} ${country}`);
  return row;
}

/** The IEA 2024 workbook's sheet "2 Total supply for key minerals". */
export async function ieaSupplySheet2024(): Promise<ExcelJS.Worksheet> {
  return (await readWorkbook(RAW.ieaWorkbook2024)).getWorksheet("2 Total supply for key minerals")!;
}

/** The EU study's names that are not critmin names: its "Titanium" is the ores and concentrates. */
export const EU_STUDY_NAMES: Readonly<Record<string, string>> = {
  "Kaolin clay": "kaolin",
  Titanium: "titanium-mineral-concentrates",
  "Titanium metal": "titanium",
};

/** A published EU score: a plain number, else (`-`, blank, a garbled "281%") no score. */
export const euScore = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : undefined;

/** An EU study material name as critmin names it. */
export const euMaterial = (name: string): string => EU_STUDY_NAMES[name] ?? name;

/**
 * The rows of EU Annex 4 (every material and assessment year, `rows` as read from
 * {@link RAW}.euAnnex4) whose `column` score (`SR`, `EI`) `score` does not return for that year.
 */
export function annex4Mismatches(
  rows: readonly Record<string, string>[],
  column: "SR" | "EI",
  score: (material: string, options: { year: number }) => number | undefined,
) {
  return mismatches(rows, (r) => ({
    material: r.Material!,
    year: Number(r.Year),
    expected: euScore(r[column]),
    actual: score(euMaterial(r.Material!), { year: Number(r.Year) }),
  }));
}
