// Demand rows indexed once per dataset, on first use: rows by key, which editions cover each series
// (and in which years), and each technology table's rows.
import { demandRows } from "../data/tables.ts";
import type { DemandTable, EditionId, Scenario } from "../constants.ts";
import type { DemandRow } from "../records.ts";
import { perDataset } from "./perDataset.ts";
import { editionsNewestFirst } from "./supplyIndex.ts";

/** The per-technology sheets' main case; the others are sensitivity cases. */
export const BASE_VARIANT = "base-case";

export interface DemandCoverage {
  readonly edition: EditionId;
  /** The observed base year (2023 in iea-cmde-2024, 2024 in iea-cmde-2025), if the series has one. */
  readonly baseYear: number | undefined;
  /** Every year with a figure (base year and projection years), ascending. */
  readonly years: readonly number[];
}

interface Index {
  readonly rows: ReadonlyMap<string, DemandRow>;
  /** By `table|mineral|use` (base-case variant): the editions that cover it, newest first. */
  readonly coverage: ReadonlyMap<string, readonly DemandCoverage[]>;
  /** By `edition|use|year|scenario`: the technology table's base-case rows for one technology. */
  readonly technology: ReadonlyMap<string, readonly DemandRow[]>;
  readonly tablesByMineral: ReadonlyMap<string, ReadonlySet<DemandTable>>;
}

const rowKey = (
  edition: string,
  table: string,
  mineral: string,
  use: string,
  variant: string,
  scenario: Scenario | null,
  year: number,
) => `${edition}|${table}|${mineral}|${use}|${variant}|${scenario ?? ""}|${year}`;
const ANY_MINERAL = "*";
const seriesKey = (table: string, mineral: string, use: string) => `${table}|${mineral}|${use}`;
const technologyKey = (edition: string, use: string, year: number, scenario: Scenario | null) =>
  `${edition}|${use}|${year}|${scenario ?? ""}`;

function build(): Index {
  const rows = new Map<string, DemandRow>();
  const years = new Map<string, Map<EditionId, { base: number | undefined; all: Set<number> }>>();
  const technology = new Map<string, DemandRow[]>();
  const tablesByMineral = new Map<string, Set<DemandTable>>();
  for (const row of demandRows()) {
    rows.set(rowKey(row.edition, row.table, row.mineral, row.use, row.variant, row.scenario, row.year), row);
    if (row.variant !== BASE_VARIANT) continue;
    const tables = tablesByMineral.get(row.mineral) ?? new Set<DemandTable>();
    tablesByMineral.set(row.mineral, tables.add(row.table));
    // Technology rows also count towards the technology as a whole, under the mineral `*`.
    const series = [seriesKey(row.table, row.mineral, row.use)];
    if (row.table === "technology") series.push(seriesKey(row.table, ANY_MINERAL, row.use));
    for (const key of series) {
      const byEdition = years.get(key) ?? new Map<EditionId, { base: number | undefined; all: Set<number> }>();
      years.set(key, byEdition);
      const entry = byEdition.get(row.edition) ?? { base: undefined, all: new Set<number>() };
      byEdition.set(row.edition, entry);
      entry.all.add(row.year);
      if (row.kind === "observed") entry.base = Math.max(entry.base ?? row.year, row.year);
    }
    if (row.table === "technology") {
      const key = technologyKey(row.edition, row.use, row.year, row.scenario);
      const list = technology.get(key) ?? [];
      technology.set(key, list);
      list.push(row);
    }
  }
  const coverage = new Map<string, DemandCoverage[]>();
  for (const [series, byEdition] of years) {
    coverage.set(
      series,
      editionsNewestFirst()
        .filter((e) => byEdition.has(e))
        .map((edition) => {
          const entry = byEdition.get(edition)!;
          return { edition, baseYear: entry.base, years: [...entry.all].sort((a, b) => a - b) };
        }),
    );
  }
  return { rows, coverage, technology, tablesByMineral };
}

const get = /* @__PURE__ */ perDataset(build);

/** One demand figure; `scenario` is `null` for the observed base year. */
export function demandRow(
  edition: EditionId,
  table: DemandTable,
  mineral: string,
  use: string,
  scenario: Scenario | null,
  year: number,
  variant: string = BASE_VARIANT,
): DemandRow | undefined {
  return get().rows.get(rowKey(edition, table, mineral, use, variant, scenario, year));
}

/** The editions with a base-case series for `table`, `mineral` and `use`, newest first. */
export function demandCoverage(table: DemandTable, mineral: string, use: string): readonly DemandCoverage[] {
  return get().coverage.get(seriesKey(table, mineral, use)) ?? [];
}

/** Whether any edition has the mineral in `table`. */
export function hasDemandTable(mineral: string, table: DemandTable): boolean {
  return get().tablesByMineral.get(mineral)?.has(table) ?? false;
}

/** The technology table's base-case rows (one per mineral) for one technology, edition, year and scenario. */
export function technologyRows(
  edition: EditionId,
  technology: string,
  year: number,
  scenario: Scenario | null,
): readonly DemandRow[] {
  return get().technology.get(technologyKey(edition, technology, year, scenario)) ?? [];
}

/** The editions whose technology table covers `technology` (any of its minerals), newest first. */
export function technologyCoverage(technology: string): readonly DemandCoverage[] {
  return demandCoverage("technology", ANY_MINERAL, technology);
}
