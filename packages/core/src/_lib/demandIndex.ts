// Demand rows indexed once, on first use, and the one rule that picks a demand edition, year and scenario.
import type { Dataset } from "../data/dataset.ts";
import type { MineralId, Use } from "../data/index.ts";
import { CritminError } from "../errors.ts";
import { SCENARIOS, type DemandTable, type EditionId, type Scenario } from "../constants.ts";
import type { DemandRow } from "../schema/rows.ts";
import { describe } from "./describe.ts";
import { nameKey } from "./normalize.ts";
import { nearest } from "./nearest.ts";
import { perDataset } from "./perDataset.ts";
import { editionsNewestFirst } from "./supplyIndex.ts";

/** The scenario a projection year is read under when the caller names none (IEA's Stated Policies). */
export const DEFAULT_SCENARIO: Scenario = "STEPS";
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

function build(data: Dataset): Index {
  const rows = new Map<string, DemandRow>();
  const years = new Map<string, Map<EditionId, { base: number | undefined; all: Set<number> }>>();
  const technology = new Map<string, DemandRow[]>();
  const tablesByMineral = new Map<string, Set<DemandTable>>();
  for (const row of data.demand) {
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
      editionsNewestFirst(data)
        .filter((e) => byEdition.has(e))
        .map((edition) => {
          const entry = byEdition.get(edition)!;
          return { edition, baseYear: entry.base, years: [...entry.all].sort((a, b) => a - b) };
        }),
    );
  }
  return { rows, coverage, technology, tablesByMineral };
}

const get = perDataset(build);

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

export function describeYears(list: readonly DemandCoverage[]): string {
  return list.map((c) => `${c.edition}: ${c.years.join(", ")}`).join("; ");
}

/** How a demand year is read: `null` (observed) for the edition's base year, else the scenario asked or {@link DEFAULT_SCENARIO}. */
export function scenarioFor(coverage: DemandCoverage, year: number, asked: Scenario | undefined): Scenario | null {
  return year === coverage.baseYear ? null : (asked ?? DEFAULT_SCENARIO);
}

// ---- resolution ---------------------------------------------------------------------------------

/** Why a demand edition was chosen; the same words as {@link ResolutionRule}. */
export type DemandRule = "pinned" | "newest-observed" | "newest-with-year";

export interface DemandResolution {
  readonly edition: EditionId;
  readonly table: DemandTable;
  readonly year: number;
  /** `null` for the observed base year. */
  readonly scenario: Scenario | null;
  readonly rule: DemandRule;
}

export interface DemandQuery {
  readonly fn: string;
  readonly mineral: MineralId;
  readonly use: Use;
  readonly year: number | undefined;
  readonly scenario: Scenario | undefined;
  readonly source: EditionId | undefined;
}

export type DemandLookup =
  | { readonly row: DemandRow; readonly resolution: DemandResolution; readonly reason?: undefined }
  | { readonly row?: undefined; readonly resolution?: DemandResolution; readonly reason: string };

/**
 * The table a demand query reads: `total-demand` (sheet 1: every use and the total) when the mineral
 * has one; otherwise `clean-tech-by-mineral` for `total-clean` only, the one use that table holds.
 */
export function demandTable(mineral: string, use: Use): DemandTable | undefined {
  if (hasDemandTable(mineral, "total-demand")) return "total-demand";
  return use === "total-clean" && hasDemandTable(mineral, "clean-tech-by-mineral")
    ? "clean-tech-by-mineral"
    : undefined;
}

/**
 * Chooses the edition, year and scenario of a demand query, in the spirit of {@link resolveSource}:
 *
 * - `source` pins the edition (`pinned`).
 * - No `year`: the newest edition with the series, at its observed base year (`newest-observed`).
 * - A `year`: the newest edition with a figure for that year (`newest-with-year`).
 * - The base year is observed and common to all scenarios, so it is read with scenario `null` whatever
 *   `scenario` says; a projection year is read under `scenario`, default `"STEPS"`.
 */
export function resolveDemand(
  query: DemandQuery,
): { ok: true; resolution: DemandResolution } | { ok: false; reason: string } {
  const { mineral, use, year, scenario, source } = query;
  const table = demandTable(mineral, use);
  const what = `${mineral} ${use === "total" ? "total" : use} demand`;
  if (!table) {
    const hint = hasDemandTable(mineral, "clean-tech-by-mineral")
      ? "; only total-clean is available for this mineral"
      : "";
    return { ok: false, reason: `no ${what} data${hint}` };
  }
  const all = demandCoverage(table, mineral, use);
  const candidates = source ? all.filter((c) => c.edition === source) : all;
  if (candidates.length === 0) {
    const hint = all.length > 0 ? `; editions with data: ${describeYears(all)}` : "";
    return { ok: false, reason: `no ${what} data${source ? ` in ${source}` : ""}${hint}` };
  }
  const chosen =
    year === undefined
      ? candidates.find((c) => c.baseYear !== undefined)
      : candidates.find((c) => c.years.includes(year));
  if (!chosen) {
    const which = year === undefined ? "no observed" : `no ${year}`;
    return {
      ok: false,
      reason: `${which} ${what} figure${source ? ` in ${source}` : ""}; years available: ${describeYears(candidates)}`,
    };
  }
  const resolvedYear = year ?? chosen.baseYear!;
  const rule: DemandRule = source ? "pinned" : year === undefined ? "newest-observed" : "newest-with-year";
  return {
    ok: true,
    resolution: {
      edition: chosen.edition,
      table,
      year: resolvedYear,
      scenario: scenarioFor(chosen, resolvedYear, scenario),
      rule,
    },
  };
}

/** The demand row that answers a query, or why there is none. */
export function lookupDemand(query: DemandQuery): DemandLookup {
  const resolved = resolveDemand(query);
  if (!resolved.ok) return { reason: resolved.reason };
  const { resolution } = resolved;
  const row = demandRow(
    resolution.edition,
    resolution.table,
    query.mineral,
    query.use,
    resolution.scenario,
    resolution.year,
  );
  if (!row) {
    return {
      resolution,
      reason: `${resolution.edition} has no ${query.mineral} ${query.use} demand for ${resolution.year}${resolution.scenario ? ` under ${resolution.scenario}` : ""}`,
    };
  }
  return { row, resolution };
}

// ---- parsing what callers type -------------------------------------------------------------------

function requireText(fn: string, argument: string, input: unknown): string {
  if (typeof input !== "string" || input.trim() === "") {
    throw new CritminError("invalid_argument", `${fn}: ${argument} must be a non-empty string, got ${describe(input)}`);
  }
  return input;
}

function unknownId(
  fn: string,
  what: string,
  input: unknown,
  suggestion: string | undefined,
  valid: readonly string[],
): CritminError {
  const hint = suggestion ? `; did you mean "${suggestion}"?` : `; expected one of ${valid.join(", ")}`;
  return new CritminError("unknown_id", `${fn}: unknown ${what} ${describe(input)}${hint}`);
}

const SCENARIO_NAMES: readonly (readonly [string, Scenario])[] = [
  ...SCENARIOS.map((s) => [s, s] as const),
  ["Stated Policies", "STEPS"],
  ["Stated Policies Scenario", "STEPS"],
  ["Announced Pledges", "APS"],
  ["Announced Pledges Scenario", "APS"],
  ["Net Zero", "NZE"],
  ["Net Zero Emissions", "NZE"],
  ["Net Zero Emissions by 2050", "NZE"],
  ["Net Zero Emissions by 2050 Scenario", "NZE"],
];
const scenarioByKey = new Map(SCENARIO_NAMES.map(([name, id]) => [nameKey(name), id] as const));

/** An IEA scenario from its code or name, case-insensitive ("nze", "Stated Policies"). */
export function parseScenario(fn: string, input: unknown, argument = "scenario"): Scenario {
  const text = requireText(fn, argument, input);
  const id = scenarioByKey.get(nameKey(text));
  if (id) return id;
  throw unknownId(fn, argument, input, nearest(text, SCENARIO_NAMES), SCENARIOS);
}

// What people call the IEA's sectors and technologies; ids themselves match too ("solar-pv" → "solar pv").
const USE_NAMES: readonly (readonly [string, Use])[] = [
  ["solar-pv", "solar-pv"],
  ["solar PV", "solar-pv"],
  ["solar", "solar-pv"],
  ["PV", "solar-pv"],
  ["wind", "wind"],
  ["wind power", "wind"],
  ["electric-vehicles", "electric-vehicles"],
  ["electric vehicles", "electric-vehicles"],
  ["electric vehicle", "electric-vehicles"],
  ["EV", "electric-vehicles"],
  ["EVs", "electric-vehicles"],
  ["grid-battery-storage", "grid-battery-storage"],
  ["grid battery storage", "grid-battery-storage"],
  ["battery storage", "grid-battery-storage"],
  ["storage", "grid-battery-storage"],
  ["electricity-networks", "electricity-networks"],
  ["electricity networks", "electricity-networks"],
  ["networks", "electricity-networks"],
  ["grids", "electricity-networks"],
  ["grid", "electricity-networks"],
  ["transmission and distribution", "electricity-networks"],
  ["hydrogen", "hydrogen"],
  ["hydrogen technologies", "hydrogen"],
  ["electrolysers", "hydrogen"],
  ["electrolyzers", "hydrogen"],
  ["other-low-emissions-power", "other-low-emissions-power"],
  ["other low emissions power", "other-low-emissions-power"],
  ["other low emissions power generation", "other-low-emissions-power"],
  ["low-emissions-power", "low-emissions-power"],
  ["low emissions power", "low-emissions-power"],
  ["low emissions power generation", "low-emissions-power"],
  ["total-clean", "total-clean"],
  ["clean", "total-clean"],
  ["clean technologies", "total-clean"],
  ["clean energy", "total-clean"],
  ["clean energy technologies", "total-clean"],
  ["total clean technologies", "total-clean"],
  ["other-uses", "other-uses"],
  ["other uses", "other-uses"],
  ["other", "other-uses"],
  ["total", "total"],
  ["total demand", "total"],
  ["all", "total"],
];
const useByKey = new Map(USE_NAMES.map(([name, id]) => [nameKey(name), id] as const));

/**
 * A sector or technology id from an id or a label, case-insensitive ("EV", "solar PV", "clean", "grids").
 * `allowed` limits the answer (technologies only, for instance); `what` names the argument in errors.
 */
export function parseUse<U extends Use>(fn: string, what: string, input: unknown, allowed: readonly U[]): U {
  const text = requireText(fn, what, input);
  const id = useByKey.get(nameKey(text));
  if (id && (allowed as readonly string[]).includes(id)) return id as U;
  const names = USE_NAMES.filter(([, value]) => (allowed as readonly string[]).includes(value));
  throw unknownId(fn, what, input, nearest(text, names), allowed);
}

// ---- comparing what supply and demand rows measure -----------------------------------------------

// The material each IEA basis label measures. Supply and demand figures are only divided when they
// measure the same material: IEA graphite supply is natural (mining) or battery-grade (refining)
// graphite, its total demand is all grades, so they are not comparable.
const MATERIAL_OF_BASIS: Readonly<Record<string, string>> = {
  cobalt: "cobalt",
  "cobalt, mined": "cobalt",
  "cobalt, refined": "cobalt",
  copper: "copper",
  "copper, mined": "copper",
  "copper, refined": "copper",
  nickel: "nickel",
  "nickel, mined": "nickel",
  "nickel, refined": "nickel",
  "lithium (Li) content, not carbonate equivalent": "lithium (Li content)",
  "lithium (Li) content, mined": "lithium (Li content)",
  "lithium chemicals, Li content": "lithium (Li content)",
  "magnet rare earths (Nd, Pr, Dy, Tb)": "magnet rare earths",
  "graphite, all grades (natural and synthetic)": "graphite, all grades",
  "natural graphite": "natural graphite",
  "battery-grade graphite (natural and synthetic)": "battery-grade graphite",
  "battery-grade graphite": "battery-grade graphite",
};

/** The material a basis label measures, or `undefined` for a label this table does not know. */
export function materialOf(basis: string): string | undefined {
  return MATERIAL_OF_BASIS[basis];
}

/**
 * Technology-table elements that IEA supply reports only together, as one block: the supply block
 * `rare-earths` is exactly the four magnet rare earths (Nd, Pr, Dy, Tb), so their demand is summed
 * and weighed against that block.
 */
export const SUPPLY_MINERAL_OF: Readonly<Record<string, MineralId>> = {
  neodymium: "rare-earths",
  praseodymium: "rare-earths",
  dysprosium: "rare-earths",
  terbium: "rare-earths",
};
