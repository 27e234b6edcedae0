// USGS Mineral Commodity Summaries 2025, world data (MCS2025_World_Data.csv): production,
// capacity and reserves by country. Only series listed in USGS_SERIES are read; every other
// series is reported by `usgsSkippedSeries`, and every row of a mapped series either becomes
// rows, is skipped by a named rule in USGS_NAME_RULES, or fails the build.
import path from "node:path";
import { SupplyRow } from "../../src/schema/rows.ts";
import { csvLocator } from "../locators.ts";
import { SourceProblems } from "../problems.ts";
import { emptyOutput, type ReaderOutput } from "../types.ts";
import { tonnesPerUnit, toTonnes } from "../units.ts";
import { notesSayExcludesUs, parseUsgsCell, valueAndStatus, type CellFigure } from "./usgs-cells.ts";
import { resolveUsgsCountry } from "./usgs-countries.ts";
import { readUsgsCsv, type CsvRecord } from "./usgs-csv.ts";
import { USGS_EDITION, USGS_RULES, cleanLabel } from "./usgs-rules.ts";
import {
  DEFAULT_SKIP_REASON,
  RESERVES_COLUMN_NOT_RESERVES,
  RESERVES_MINERAL_RULES,
  USGS_SERIES,
  USGS_SKIP_REASONS,
  seriesKey,
  type UsgsSeries,
} from "./usgs-series.ts";
import { RESERVES_UNIT_RULES, correctedUnit, notesSayReservesInThousands } from "./usgs-units.ts";

export const USGS_WORLD_FILE = "MCS2025_World_Data.csv";

export const USGS_WORLD_COLUMNS = [
  "SOURCE",
  "COMMODITY",
  "COUNTRY",
  "TYPE",
  "UNIT_MEAS",
  "PROD_2023",
  "PROD_EST_ 2024",
  "PROD_NOTES",
  "CAP_2023",
  "CAP_EST_ 2024",
  "CAP_NOTES",
  "RESERVES_2024",
  "RESERVE_NOTES",
] as const;
type WorldColumn = (typeof USGS_WORLD_COLUMNS)[number];

export interface SkippedSeries {
  readonly commodity: string;
  readonly type: string;
  readonly unit: string;
  readonly rows: number;
  readonly reason: string;
}

export interface SkippedRow {
  readonly locator: string;
  readonly country: string;
  readonly series: string;
  readonly rule: string;
}

export interface UsgsWorldReport {
  readonly output: ReaderOutput;
  /** Series in the file that USGS_SERIES does not map, for the build to print. */
  readonly skippedSeries: SkippedSeries[];
  /** Rows of mapped series left out by a named rule. */
  readonly skippedRows: SkippedRow[];
}

interface CellSpec extends CellFigure {
  readonly column: WorldColumn;
  readonly notes: WorldColumn;
}

const CELLS: readonly CellSpec[] = [
  { column: "PROD_2023", notes: "PROD_NOTES", measure: "production", year: 2023 },
  { column: "PROD_EST_ 2024", notes: "PROD_NOTES", measure: "production", year: 2024 },
  { column: "CAP_2023", notes: "CAP_NOTES", measure: "capacity", year: 2023 },
  { column: "CAP_EST_ 2024", notes: "CAP_NOTES", measure: "capacity", year: 2024 },
  { column: "RESERVES_2024", notes: "RESERVE_NOTES", measure: "reserves", year: 2024 },
];

type Draft = Omit<SupplyRow, "share" | "rules"> & { rules: string[] };
type WorldRecord = CsvRecord<WorldColumn>;

export function readUsgsWorld(dataDir: string): ReaderOutput {
  return readUsgsWorldReport(dataDir).output;
}

export function usgsSkippedSeries(dataDir: string): SkippedSeries[] {
  return readUsgsWorldReport(dataDir).skippedSeries;
}

export function readUsgsWorldReport(dataDir: string): UsgsWorldReport {
  const problems = new SourceProblems();
  const records = readUsgsCsv(path.join(dataDir, "usgs", USGS_WORLD_FILE), USGS_WORLD_COLUMNS, problems);
  const bySeries = groupBySeries(records);

  for (const key of Object.keys(USGS_SERIES)) {
    if (!bySeries.has(key)) problems.add(USGS_WORLD_FILE, `mapped series not found: "${key}"`);
  }
  const skippedSeries = [...bySeries.entries()]
    .filter(([key]) => USGS_SERIES[key] === undefined)
    .map(([key, rows]) => describeSkipped(key, rows));

  const drafts: Draft[] = [];
  const skippedRows: SkippedRow[] = [];
  const excludingUs = new Set<string>();
  for (const [key, rows] of bySeries) {
    const series = USGS_SERIES[key];
    if (!series) continue;
    checkReservesUnitFlag(key, series, rows, problems);
    const columns = emittedColumns(key, rows);
    for (const record of rows) {
      const country = resolveUsgsCountry(record.cells.COUNTRY);
      const where = csvLocator(USGS_WORLD_FILE, record.line, "COUNTRY");
      if (country === undefined) {
        problems.add(where, `unmapped country "${record.cells.COUNTRY}" in series "${key}"`);
        continue;
      }
      if (country.code === null) {
        skippedRows.push({
          locator: where,
          country: record.cells.COUNTRY,
          series: key,
          rule: country.rules.at(-1) ?? "",
        });
        continue;
      }
      for (const spec of columns) {
        const draft = cellRow(key, series, record, country.code, country.rules, spec, problems);
        if (draft) drafts.push(draft);
      }
    }
    if (worldExcludesUs(rows)) excludingUs.add(`${series.mineral}|${series.stage}`);
  }
  flagExcludesUs(excludingUs, drafts);

  const supply = withShares(drafts, problems);
  for (const row of supply) {
    const result = SupplyRow.safeParse(row);
    if (!result.success)
      problems.add(
        row.locator,
        `invalid row: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      );
  }
  problems.throwIfAny(USGS_WORLD_FILE);
  return { output: { ...emptyOutput(), supply }, skippedSeries, skippedRows };
}

function groupBySeries(records: readonly WorldRecord[]): Map<string, WorldRecord[]> {
  const bySeries = new Map<string, WorldRecord[]>();
  for (const record of records) {
    const key = seriesKey(record.cells.COMMODITY, record.cells.TYPE);
    bySeries.set(key, [...(bySeries.get(key) ?? []), record]);
  }
  return bySeries;
}

function describeSkipped(key: string, rows: readonly WorldRecord[]): SkippedSeries {
  const first = rows[0]?.cells;
  return {
    commodity: cleanLabel(first?.COMMODITY ?? ""),
    type: cleanLabel(first?.TYPE ?? ""),
    unit: cleanLabel(first?.UNIT_MEAS ?? ""),
    rows: rows.length,
    reason: USGS_SKIP_REASONS[key] ?? DEFAULT_SKIP_REASON,
  };
}

/**
 * Production is always emitted, so a series with no figures at all (germanium) still says why
 * for each country. Capacity and reserves columns are emitted only where the series holds at
 * least one entry in that column: a column blank throughout is not part of that series' table.
 */
function emittedColumns(key: string, rows: readonly WorldRecord[]): CellSpec[] {
  return CELLS.filter((spec) => {
    if (spec.measure === "production") return true;
    if (spec.measure === "reserves" && RESERVES_COLUMN_NOT_RESERVES[key] !== undefined) return false;
    return rows.some((r) => r.cells[spec.column].trim() !== "");
  });
}

/** A series whose notes flag thousand-ton reserves must have a unit rule, or the rule table is stale. */
function checkReservesUnitFlag(
  key: string,
  series: UsgsSeries,
  rows: readonly WorldRecord[],
  problems: SourceProblems,
): void {
  const flagged = rows.find((r) => notesSayReservesInThousands(r.cells.RESERVE_NOTES));
  if (flagged && RESERVES_UNIT_RULES[series.mineral] === undefined) {
    problems.add(
      csvLocator(USGS_WORLD_FILE, flagged.line, "RESERVE_NOTES"),
      `reserves of "${key}" flagged as thousand metric tons but no unit rule covers them`,
    );
  }
}

function cellRow(
  key: string,
  series: UsgsSeries,
  record: WorldRecord,
  country: string,
  countryRules: readonly string[],
  spec: CellSpec,
  problems: SourceProblems,
): Draft | undefined {
  const { cells, line } = record;
  const locator = csvLocator(USGS_WORLD_FILE, line, spec.column);
  const rules = [...countryRules, ...labelRules(record)];

  const unitFix = correctedUnit(cells.COMMODITY, cells.UNIT_MEAS);
  let unit = unitFix.unit;
  rules.push(...unitFix.rules);
  let { mineral, basis } = series;
  if (spec.measure === "reserves") {
    const unitRule = RESERVES_UNIT_RULES[series.mineral];
    if (unitRule) {
      if (unit !== unitRule.from) problems.add(locator, `reserves unit rule expects "${unitRule.from}", got "${unit}"`);
      unit = unitRule.unit;
      rules.push(unitRule.rule);
    }
    const mineralRule = RESERVES_MINERAL_RULES[key];
    if (mineralRule) {
      mineral = mineralRule.mineral;
      basis = mineralRule.basis;
      rules.push(mineralRule.rule);
    } else if (series.reservesBasis) {
      basis = series.reservesBasis;
    }
  }
  if (unit === "" || tonnesPerUnit(unit) === undefined) {
    problems.add(locator, `unit "${unit}" is not a known mass unit`);
    return undefined;
  }

  const parsed = parseUsgsCell(cells[spec.column]);
  const notes = cells[spec.notes];
  const value = valueAndStatus(parsed, notes, cells.TYPE, spec);
  if (value === undefined) {
    problems.add(locator, `expected a number, "W", "NA" or a bound, got "${cells[spec.column]}"`);
    return undefined;
  }
  rules.push(...value.rules);
  return {
    edition: USGS_EDITION,
    mineral,
    stage: spec.measure === "reserves" ? "mining" : series.stage,
    measure: spec.measure,
    country,
    year: spec.year,
    kind: "observed",
    case: null,
    value: value.value,
    unit,
    tonnes: value.value === null ? null : toTonnes(value.value, unit),
    basis,
    status: value.status,
    locator,
    rules: unique(rules),
  };
}

/** usgs-trailing-spaces-and-footnotes on the series labels ("Lithium ", "Barite  "). */
function labelRules(record: WorldRecord): string[] {
  const { COMMODITY, TYPE } = record.cells;
  return COMMODITY !== cleanLabel(COMMODITY) || TYPE !== cleanLabel(TYPE) ? [USGS_RULES.trimmed] : [];
}

function worldExcludesUs(rows: readonly WorldRecord[]): boolean {
  return rows.some(
    (r) => resolveUsgsCountry(r.cells.COUNTRY)?.code === "WORLD" && notesSayExcludesUs(r.cells.PROD_NOTES),
  );
}

/**
 * usgs-world-total-excludes-us: the world total is kept as printed, but every production row
 * of the mineral and stage is flagged (both years, whichever TYPE spelling the row came from),
 * since U.S. output (withheld) is missing from the denominator.
 */
function flagExcludesUs(excludingUs: ReadonlySet<string>, drafts: Draft[]): void {
  for (const d of drafts) {
    if (
      d.measure === "production" &&
      excludingUs.has(`${d.mineral}|${d.stage}`) &&
      !d.rules.includes(USGS_RULES.excludesUs)
    ) {
      d.rules.push(USGS_RULES.excludesUs);
    }
  }
}

export function blockKey(r: Pick<SupplyRow, "edition" | "mineral" | "stage" | "measure" | "year">): string {
  return [r.edition, r.mineral, r.stage, r.measure, r.year].join("|");
}

/**
 * share = tonnes ÷ the block's own WORLD tonnes. No world figure, no share. usgs-lower-bound: a
 * world total that is only a bound (">130000000") is no denominator, so its block has no shares.
 */
function withShares(drafts: readonly Draft[], problems: SourceProblems): SupplyRow[] {
  const blocks = new Map<string, Draft[]>();
  for (const d of drafts) blocks.set(blockKey(d), [...(blocks.get(blockKey(d)) ?? []), d]);
  const rows: SupplyRow[] = [];
  for (const block of blocks.values()) {
    checkUnique(block, problems);
    const world = block.find((d) => d.country === "WORLD");
    const bounded = world?.status === "lower-bound" || world?.status === "upper-bound";
    const total = world && !bounded ? world.tonnes : null;
    for (const d of block) {
      let share: number | null = null;
      const rules = [...d.rules];
      if (d.tonnes !== null) {
        if (d.country === "WORLD") share = 1;
        else if (bounded) rules.push(world.status === "lower-bound" ? USGS_RULES.lowerBound : USGS_RULES.upperBound);
        else if (total !== null && total !== undefined && total > 0) share = d.tonnes / total;
      }
      if (share !== null && share > 1) problems.add(d.locator, `exceeds its world total (share ${share})`);
      rows.push({ ...d, share, rules: unique(rules) });
    }
  }
  return rows;
}

function checkUnique(block: readonly Draft[], problems: SourceProblems): void {
  const seen = new Map<string, string>();
  for (const d of block) {
    const earlier = seen.get(d.country);
    if (earlier)
      problems.add(d.locator, `${d.country} already has a ${d.mineral} ${d.measure} ${d.year} row at ${earlier}`);
    seen.set(d.country, d.locator);
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
