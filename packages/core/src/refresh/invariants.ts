// What the pipeline guarantees of its own output, checked again on a hosted file: a file can be
// well-formed and still make no sense (shares summing to 1.4, two values for one observation, an
// edition dated 9999-99) or rename what released data calls things. Each message names the row
// (table, edition, mineral, country, year) or the field.
import { nameKey } from "../_lib/normalize.ts";
import type { Dataset } from "../data/dataset.ts";
import type { CountryEntry, MineralEntry } from "../data/registry.ts";
import { canonical } from "./canonical.ts";

/**
 * How far above 1 the shares of one block (countries and ROW of one edition, mineral, stage,
 * measure, year, kind and case) may sum. The sources round each country's figure: in the bundled
 * data the largest sum is 1.045 (usgs-mcs-2025 magnesium refining 2024, USGS rounding each country's
 * output), then 1.044 (usgs-mcs-2025 zirconium reserves) and 1.039 (ec-crm-2023 iron ore refining).
 * 0.05 admits that rounding and refuses anything that double-counts a real producer.
 */
export const SHARE_TOLERANCE = 0.05;

type SupplyLike = Dataset["supply"][number];

const supplyWhere = (r: SupplyLike) =>
  `(${r.edition}, ${r.mineral} ${r.stage} ${r.measure}${r.case ? ` ${r.case}` : ""}, ${r.country}, ${r.year})`;
const demandWhere = (r: Dataset["demand"][number]) =>
  `(${r.edition}, ${r.mineral} ${r.table} ${r.use} ${r.variant}${r.scenario ? ` ${r.scenario}` : ""}, ${r.year})`;
const indicatorWhere = (r: Dataset["indicators"][number]) =>
  `(${r.edition}, ${r.mineral} ${r.indicator}${r.stage ? ` ${r.stage}` : ""}, ${r.economy}, ${r.year})`;

const pad = (n: number) => String(n).padStart(2, "0");

/** Every edition date is a real month (or day) and not after `now`. */
function badDate(file: Dataset, now: Date): string | undefined {
  const today = `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
  for (const [i, edition] of file.editions.entries()) {
    const [y, m, d] = edition.date.split("-").map(Number) as [number, number, number | undefined];
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (m < 1 || m > 12 || (d !== undefined && (d < 1 || d > days)))
      return `editions[${i}].date: edition ${edition.id} is dated "${edition.date}", not a real ${d === undefined ? "month" : "day"}`;
    if (edition.date > today.slice(0, edition.date.length))
      return `editions[${i}].date: edition ${edition.id} is dated ${edition.date}, in the future (today is ${today}): an edition is dated when it was published`;
  }
  return undefined;
}

/** Quantities and shares are never negative (the schema already bounds tonnes and share). */
function negative(file: Dataset): string | undefined {
  for (const [i, r] of file.supply.entries())
    if (r.value !== null && r.value < 0)
      return `supply[${i}] ${supplyWhere(r)}: value ${r.value} is negative; supply quantities and shares never are`;
  for (const [i, r] of file.demand.entries())
    if (r.value < 0) return `demand[${i}] ${demandWhere(r)}: value ${r.value} is negative; demand quantities never are`;
  return undefined;
}

/** One row per observation: a second row with the same key is a contradiction or a copy. */
function duplicate<T>(
  table: string,
  rows: readonly T[],
  key: (row: T) => string,
  where: (row: T) => string,
  keyFields: string,
): string | undefined {
  const seen = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const k = key(row);
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, i);
      continue;
    }
    const same = canonical(rows[first]) === canonical(row);
    return `${table}[${i}] ${where(row)}: ${same ? "repeats" : "contradicts"} ${table}[${first}], the same ${keyFields}${same ? "" : " with different values"}: one row per observation`;
  }
  return undefined;
}

function duplicates(file: Dataset): string | undefined {
  return (
    duplicate(
      "supply",
      file.supply,
      (r) => [r.edition, r.mineral, r.stage, r.measure, r.country, r.year, r.case ?? ""].join("|"),
      supplyWhere,
      "edition, mineral, stage, measure, country, year and case",
    ) ??
    duplicate(
      "demand",
      file.demand,
      (r) => [r.edition, r.table, r.mineral, r.use, r.variant, r.scenario ?? "", r.year].join("|"),
      demandWhere,
      "edition, table, mineral, use, variant, scenario and year",
    ) ??
    duplicate(
      "indicators",
      file.indicators,
      (r) => [r.edition, r.indicator, r.mineral, r.economy, r.stage ?? "", r.year].join("|"),
      indicatorWhere,
      "edition, indicator, mineral, economy, stage and year",
    ) ??
    duplicate(
      "lists",
      file.lists,
      (r) => [r.edition, r.list, r.position].join("|"),
      (r) => `(${r.edition}, ${r.list} position ${r.position})`,
      "edition, list and position",
    ) ??
    duplicate(
      "controls",
      file.controls,
      (r) => [r.edition, r.id].join("|"),
      (r) => `(${r.edition}, ${r.id})`,
      "edition and measure id",
    ) ??
    duplicate(
      "governance",
      file.governance,
      (r) => [r.edition, r.country, r.dimension, r.year].join("|"),
      (r) => `(${r.edition}, ${r.country} ${r.dimension}, ${r.year})`,
      "edition, country, dimension and year",
    )
  );
}

/**
 * Export-control dates are real days in order: in force no earlier than announced, a suspension
 * ending no earlier than it began; a suspension names measures of the same edition.
 */
function badControl(file: Dataset): string | undefined {
  const days = (text: string) => {
    const [y, m, d] = text.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  };
  const ids = new Set(file.controls.map((r) => `${r.edition}|${r.id}`));
  for (const [i, r] of file.controls.entries()) {
    const where = `controls[${i}] (${r.edition}, ${r.id})`;
    for (const d of [r.announced, r.effective, r.endedOrSuspended, r.suspendedUntil])
      if (d !== null && !days(d)) return `${where}: ${d} is not a real day`;
    if (r.effective < r.announced) return `${where}: in force ${r.effective}, before it was announced ${r.announced}`;
    if (r.endedOrSuspended !== null && r.suspendedUntil !== null && r.suspendedUntil < r.endedOrSuspended)
      return `${where}: suspended until ${r.suspendedUntil}, before the suspension began ${r.endedOrSuspended}`;
    const unknown = r.suspends.find((id) => !ids.has(`${r.edition}|${id}`));
    if (unknown !== undefined) return `${where}: suspends "${unknown}", which is not a measure of ${r.edition}`;
  }
  return undefined;
}

/** The shares of one block (all countries and ROW; WORLD is the whole) sum to 1, within rounding. */
function overfull(file: Dataset): string | undefined {
  const sums = new Map<string, { sum: number; row: SupplyLike }>();
  for (const r of file.supply) {
    if (r.share === null || r.country === "WORLD") continue;
    const k = [r.edition, r.mineral, r.stage, r.measure, r.year, r.kind, r.case ?? ""].join("|");
    const block = sums.get(k);
    if (block) block.sum += r.share;
    else sums.set(k, { sum: r.share, row: r });
  }
  for (const { sum, row: r } of sums.values())
    if (sum > 1 + SHARE_TOLERANCE)
      return `supply (${r.edition}, ${r.mineral} ${r.stage} ${r.measure}${r.case ? ` ${r.case}` : ""}, ${r.year}): the country and ROW shares sum to ${Number(sum.toFixed(4))}, over 1 + ${SHARE_TOLERANCE} (the sources' rounding)`;
  return undefined;
}

/** Names and aliases of released ids never change meaning: kept, and never moved to another id. */
function renamed<T extends MineralEntry | CountryEntry>(
  table: "minerals" | "countries",
  idOf: (entry: T) => string,
  before: readonly T[],
  after: readonly T[],
): string | undefined {
  const owner = new Map<string, string>();
  for (const entry of before)
    for (const name of [idOf(entry), entry.name, ...entry.aliases]) owner.set(nameKey(name), idOf(entry));
  const next = new Map(after.map((e) => [idOf(e), e]));
  for (const entry of before) {
    const id = idOf(entry);
    const now = next.get(id);
    if (!now) continue; // removedIds reports it
    if (now.name !== entry.name)
      return `${table}: ${id} is named "${entry.name}" in the released data, the file names it "${now.name}": names of released ids never change`;
    if ("alpha2" in entry && (now as CountryEntry).alpha2 !== entry.alpha2)
      return `${table}: ${id} has alpha-2 code "${entry.alpha2}" in the released data, the file gives "${(now as CountryEntry).alpha2}": codes never change`;
    const lost = entry.aliases.find((a) => !now.aliases.includes(a));
    if (lost !== undefined)
      return `${table}: ${id} loses its alias "${lost}": aliases of released ids are never removed`;
  }
  for (const entry of after) {
    const id = idOf(entry);
    for (const name of [entry.name, ...entry.aliases]) {
      const was = owner.get(nameKey(name));
      if (was !== undefined && was !== id)
        return `${table}: "${name}" names ${was} in the released data, the file gives it to ${id}: a name or alias never moves to another id`;
    }
  }
  return undefined;
}

/**
 * Why `file` breaks one of the pipeline's invariants, or `undefined`: edition dates real and not in
 * the future, no negative quantities, one row per observation, export-control dates real and in
 * order and their suspensions naming known measures, block shares within rounding of 1,
 * and names and aliases of `current`'s ids unchanged.
 */
export function invariantViolation(file: Dataset, current: Dataset, now: Date): string | undefined {
  return (
    badDate(file, now) ??
    negative(file) ??
    duplicates(file) ??
    badControl(file) ??
    overfull(file) ??
    renamed("minerals", (m) => m.id, current.minerals, file.minerals) ??
    renamed("countries", (c) => c.code, current.countries, file.countries)
  );
}
