// The one rule that picks a demand edition, year and scenario (the demand counterpart of
// resolveSource in ../resolve.ts), and the demand row it answers with.
import type { MineralId, Use } from "../data/index.ts";
import type { DemandTable, EditionId, Scenario } from "../constants.ts";
import type { DemandRow } from "../records.ts";
import { describeYears } from "./describe.ts";
import { demandCoverage, demandRow, hasDemandTable, type DemandCoverage } from "./demandIndex.ts";
import { allowedEditions } from "./within.ts";

/** The scenario a projection year is read under when the caller names none (IEA's Stated Policies). */
export const DEFAULT_SCENARIO: Scenario = "STEPS";

/** How a demand year is read: `null` (observed) for the edition's base year, else the scenario asked or {@link DEFAULT_SCENARIO}. */
export function scenarioFor(coverage: DemandCoverage, year: number, asked: Scenario | undefined): Scenario | null {
  return year === coverage.baseYear ? null : (asked ?? DEFAULT_SCENARIO);
}

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
  /** The editions allowed when no `source` is named (a workbook's pin); see {@link allowedEditions}. */
  readonly within?: readonly EditionId[] | undefined;
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
 * - `source` pins the edition (`pinned`); without it, `within`'s IEA editions are the only candidates
 *   (`pinned`), the newest with the figure answering. A `within` naming no IEA edition does not narrow.
 * - No `year`: the newest edition with the series, at its observed base year (`newest-observed`).
 * - A `year`: the newest edition with a figure for that year (`newest-with-year`).
 * - The base year is observed and common to all scenarios, so it is read with scenario `null` whatever
 *   `scenario` says; a projection year is read under `scenario`, default `"STEPS"`.
 */
export function resolveDemand(
  query: DemandQuery,
): { ok: true; resolution: DemandResolution } | { ok: false; reason: string } {
  const { mineral, use, year, scenario } = query;
  const table = demandTable(mineral, use);
  const what = `${mineral} ${use === "total" ? "total" : use} demand`;
  if (!table) {
    const hint = hasDemandTable(mineral, "clean-tech-by-mineral")
      ? "; only total-clean is available for this mineral"
      : "";
    return { ok: false, reason: `no ${what} data${hint}` };
  }
  const all = demandCoverage(table, mineral, use);
  const allowed = allowedEditions(query.source, query.within, "demand");
  const candidates = allowed ? all.filter((c) => allowed.includes(c.edition)) : all;
  const among = allowed ? ` in ${allowed.join(", ")}` : "";
  if (candidates.length === 0) {
    const hint = all.length > 0 ? `; editions with data: ${describeYears(all)}` : "";
    return { ok: false, reason: `no ${what} data${among}${hint}` };
  }
  const chosen =
    year === undefined
      ? candidates.find((c) => c.baseYear !== undefined)
      : candidates.find((c) => c.years.includes(year));
  if (!chosen) {
    const which = year === undefined ? "no observed" : `no ${year}`;
    return {
      ok: false,
      reason: `${which} ${what} figure${among}; years available: ${describeYears(candidates)}`,
    };
  }
  const resolvedYear = year ?? chosen.baseYear!;
  const rule: DemandRule = allowed ? "pinned" : year === undefined ? "newest-observed" : "newest-with-year";
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
