// What the Data tab may offer, read from the coverage the dataset in use records for each mineral
// (mineralEntries, or a refreshed dataset's minerals), so no choice leads to an empty table: a
// mineral without supply figures is listed apart, and a stage, edition or year is offered only
// where its edition has supply figures for the mineral.
import { dataset } from "@critmin/core";

export interface EditionRow {
  readonly id: string;
  readonly title: string;
  readonly date: string;
}

/** The measure TOP_PRODUCERS and CHINA_SHARE read. */
const SUPPLY = "production";

export const STAGES = ["refining", "mining"] as const;

export interface Coverage {
  readonly edition: string;
  readonly stage: string;
  readonly years: readonly number[];
}

/**
 * Whether TOP_PRODUCERS lists a country for the mineral, stage, edition and year. Coverage records
 * that an edition has production rows, not that it has shares: USGS gives boron's tonnes but no
 * world total, so its block has no shares and no table.
 */
export type HasTable = (mineral: string, stage: string, edition: string, year: number) => boolean;

/** The supply coverage of a mineral: source editions only, and only the years with a table. */
export function supplyCoverage(mineral: string, editions: readonly EditionRow[], hasTable: HasTable): Coverage[] {
  const entry = dataset().minerals.find((m) => m.id === mineral);
  const named = new Set(editions.map((e) => e.id));
  return (entry?.coverage ?? [])
    .filter((c) => c.measure === SUPPLY && named.has(c.edition))
    .map((c) => ({ ...c, years: c.years.filter((y) => hasTable(mineral, c.stage, c.edition, y)) }))
    .filter((c) => c.years.length > 0);
}

export function stagesWith(coverage: readonly Coverage[]): Set<string> {
  return new Set(coverage.map((c) => c.stage));
}

/** The editions with figures for the stage, newest first. */
export function editionsWith(
  coverage: readonly Coverage[],
  stage: string,
  editions: readonly EditionRow[],
): EditionRow[] {
  const ids = new Set(coverage.filter((c) => c.stage === stage).map((c) => c.edition));
  return editions.filter((e) => ids.has(e.id)).sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * The edition opened by default: the newest IEA edition, whose projections fill the year list;
 * otherwise the newest edition with figures (gallium opens on USGS, not on the older EC study).
 */
export function defaultEdition(offered: readonly EditionRow[]): string {
  return (offered.find((e) => e.id.startsWith("iea-")) ?? offered[0])?.id ?? "";
}

export function yearsWith(coverage: readonly Coverage[], stage: string, edition: string): number[] {
  const years = coverage.filter((c) => c.stage === stage && c.edition === edition).flatMap((c) => c.years);
  return [...new Set(years)].sort((a, b) => a - b);
}
