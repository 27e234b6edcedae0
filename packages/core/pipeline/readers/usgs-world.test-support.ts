// Fixtures shared by the world-data tests: the raw file read independently of the reader, and the
// reader's report, read once per test file.
import type { SupplyRow } from "../../src/schema/rows.ts";
import { dataDir, rawUsgsCsv } from "./usgs-raw.test-support.ts";
import { USGS_SERIES } from "./usgs-series.ts";
import { USGS_WORLD_FILE, readUsgsWorldReport, type UsgsWorldReport } from "./usgs-world.ts";

const raw = rawUsgsCsv(USGS_WORLD_FILE);
export const { rawRow, locatorParts } = raw;

/** Every data line of the file with its series key, trimmed here rather than by seriesKey. */
export const dataLines = raw.dataLines.map(({ line, row }) => ({
  line,
  row,
  key: `${(row.COMMODITY ?? "").trim().replace(/\s+/g, " ")} | ${(row.TYPE ?? "").trim().replace(/\s+/g, " ")}`,
}));
export const mappedLines = dataLines.filter((l) => USGS_SERIES[l.key] !== undefined);

// Independent factors: the raw labels used by the mapped series, to tonnes.
export const FACTORS: Readonly<Record<string, number>> = {
  "metric tons": 1,
  "thousand metric tons": 1_000,
  "thousand metric dry tons": 1_000,
  kilograms: 0.001,
};

/** Half a unit of the last significant digit printed: the most a rounded figure can be off by. */
export function halfUnit(raw: string): number {
  const digits = raw.replace(/[>,\s]/g, "");
  const decimals = digits.includes(".") ? (digits.split(".")[1] ?? "").length : 0;
  if (decimals > 0) return 0.5 * 10 ** -decimals;
  const zeros = digits.length - digits.replace(/0+$/, "").length;
  return 0.5 * 10 ** zeros;
}

/** The raw cell a row was read from. */
export function cellOf(r: SupplyRow): string {
  const { line, column } = locatorParts(r.locator);
  return rawRow(line)[column] ?? "";
}

let report: UsgsWorldReport | undefined;

/** What the reader makes of the file, read on first use. */
export function worldReport(): UsgsWorldReport {
  return (report ??= readUsgsWorldReport(dataDir));
}

export const find = (mineral: string, measure: string, year: number, country: string) =>
  worldReport().output.supply.find(
    (r) => r.mineral === mineral && r.measure === measure && r.year === year && r.country === country,
  );
