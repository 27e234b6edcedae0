// Answers of the supply functions: the resolved block or row a call read, as answer fields.
import { hasUnattributedShare, rankedCountries } from "../_lib/countryShares.ts";
import { parseCountry } from "../_lib/ids.ts";
import {
  editionsWithShare,
  lookupRow,
  lookupSupply,
  parseSupplyQuery,
  resolveBlock,
  type SupplyLookup,
} from "../_lib/lookup.ts";
import { block as blockOf, type Block } from "../_lib/supplyIndex.ts";
import type { Resolution } from "../resolve.ts";
import type { SupplyRow } from "../records.ts";
import type { CrmaCheck } from "../exposure/crmaCheck.ts";
import { shareChangeRows } from "../exposure/shareChange.ts";
import { blockReason } from "../exposure/topProducers.ts";
import type { ShareChangeOptions, SupplyOptions } from "../options.ts";
import { boundOf, datedBy, supplySource, type AnswerFields, type Bound } from "./answer.ts";

const SUPPLY = { stage: "refining" } as const;

/** Edition, year, case and rule of a resolution. */
function resolved(resolution: Resolution | undefined): AnswerFields {
  if (!resolution) return {};
  return {
    edition: resolution.edition,
    year: resolution.year,
    case: resolution.case ?? undefined,
    kind: resolution.case === null ? "observed" : "projected",
    rule: resolution.rule,
  };
}

/** The block a row belongs to (for its WORLD and ROW rows). */
const blockOfRow = (row: SupplyRow): Block | undefined =>
  blockOf(row.edition, row.mineral, row.stage, row.measure, row.year, row.case);

/**
 * The rows a share is computed from: the country's row and, unless the source prints the share
 * itself (EU percentages), the world total it is divided by.
 */
function shareRows(row: SupplyRow): SupplyRow[] {
  if (row.unit === "percent") return [row];
  const world = blockOfRow(row)?.rows.get("WORLD");
  return world && world !== row ? [row, world] : [row];
}

/** The answer fields of a one-country lookup; `of` is what the value is read from. */
export function rowFields(found: SupplyLookup, of: "share" | "tonnes", value: unknown, country?: string): AnswerFields {
  const base: AnswerFields = { stage: found.query.stage, ...resolved(found.resolution) };
  const { row } = found;
  if (!row) return { ...base, notListed: found.resolution && country ? [country] : [], reason: found.reason };
  const fields: AnswerFields = {
    ...base,
    ...datedBy(row),
    basis: row.basis,
    bound: boundOf(row.status),
    sources: (of === "share" ? shareRows(row) : [row]).map(supplySource),
  };
  if (value !== undefined) return fields;
  const missing = of === "share" ? "no share of a world total" : "no tonnage (its unit is not a mass)";
  // Not a dead end: where another edition gives the share, say which, as the source to pass.
  const elsewhere = of === "share" ? editionsWithShare(found.query, row.country, row.edition) : [];
  return {
    ...fields,
    reason:
      `${row.edition} gives ${row.country} ${missing} for ${row.mineral} ${row.year} at ${row.locator}` +
      (elsewhere.length > 0 ? `; a share is in ${elsewhere.join(", ")}` : ""),
  };
}

/** A one-country supply function (`share`, `chinaShare`, `production`) as answer fields. */
export function countryFields(
  fn: string,
  mineral: unknown,
  country: unknown,
  options: SupplyOptions | undefined,
  of: "share" | "tonnes",
  value: unknown,
): AnswerFields {
  return rowFields(lookupSupply(fn, mineral, country, options, SUPPLY), of, value, parseCountry(fn, country));
}

/** The year, kind and basis of a block's rows, and every row a block function reads. */
function blockRows(block: Block): { fields: AnswerFields; rows: SupplyRow[] } {
  const countries = rankedCountries(block);
  const aggregates = ["ROW", "WORLD"].flatMap((code) => block.rows.get(code) ?? []);
  const rows = [...countries, ...aggregates];
  const first = rows[0];
  return { fields: first ? { ...datedBy(first), basis: first.basis } : {}, rows };
}

/**
 * A function of a whole block (`hhi`, `crN`, `effectiveSuppliers`, `concentration`, `topProducers`)
 * as answer fields. `boundIfLumped` is the bound the value is when part of world supply sits in
 * rest of world unattributed: squares and top-n sums over listed countries are lower bounds, an
 * effective number from them an upper bound.
 */
export function blockFields(
  fn: string,
  mineral: unknown,
  options: object | undefined,
  extraKeys: readonly string[],
  boundIfLumped: Bound,
): AnswerFields {
  const query = parseSupplyQuery(fn, mineral, options, SUPPLY, extraKeys);
  const found = resolveBlock(query);
  if (!found.block) return { stage: query.stage, reason: found.reason };
  const { fields, rows } = blockRows(found.block);
  // The reason is set even beside a value; explain shows it only where the value is missing.
  return {
    stage: query.stage,
    ...resolved(found.resolution),
    ...fields,
    bound: hasUnattributedShare(found.block) ? boundIfLumped : "exact",
    sources: rows.map(supplySource),
    reason: blockReason(found),
  };
}

/** `supplyAtRisk`: the supplier's share row and the world total, as the function reads them. */
export function supplyAtRiskFields(
  mineral: unknown,
  supplier: unknown,
  options: SupplyOptions | undefined,
  value: unknown,
): AnswerFields {
  const fn = "supplyAtRisk";
  const query = parseSupplyQuery(fn, mineral, options, SUPPLY);
  const code = parseCountry(fn, supplier);
  return rowFields(lookupRow(query, code), "share", value, code);
}

/** `diversificationGap`: the supplier's tonnes and the world total of the resolved block. */
export function diversificationGapFields(mineral: unknown, options: { supplier?: unknown } | undefined): AnswerFields {
  const fn = "diversificationGap";
  const query = parseSupplyQuery(fn, mineral, options, SUPPLY, ["target", "supplier"]);
  const found = resolveBlock(query);
  if (!found.block) return { stage: query.stage, reason: found.reason };
  const supplier = parseCountry(fn, options?.supplier ?? "CHN");
  const rows = [supplier, "WORLD"].flatMap((code) => found.block.rows.get(code) ?? []);
  const missing = rows.find((r) => r.tonnes === null);
  return {
    stage: query.stage,
    ...resolved(found.resolution),
    ...(rows[0] ? { ...datedBy(rows[0]), basis: rows[0].basis } : {}),
    sources: rows.map(supplySource),
    reason:
      rows.length < 2
        ? `${found.resolution.edition} lists no ${supplier} tonnage for ${query.mineral} ${found.resolution.year}`
        : missing
          ? `${missing.edition} gives no tonnage for ${missing.country} (${missing.unit}) at ${missing.locator}`
          : undefined,
  };
}

/** `shareChange`: the country's rows in both years of the edition that has both. */
export function shareChangeFields(mineral: unknown, country: unknown, options: ShareChangeOptions): AnswerFields {
  const read = shareChangeRows(mineral as string, country as string, options);
  const listed = read.rows.filter((r): r is SupplyRow => r !== undefined);
  const what = `${read.query.mineral} ${read.query.stage}`;
  return {
    edition: read.edition,
    stage: read.query.stage,
    year: read.to,
    period: { from: read.from, to: read.to },
    kind: listed.some((r) => r.kind === "projection") ? "projected" : "observed",
    case: listed.find((r) => r.case !== null)?.case ?? undefined,
    basis: listed[0]?.basis,
    rule: read.query.source ? "pinned" : "newest-with-years",
    sources: listed.flatMap(shareRows).map(supplySource),
    notListed: read.edition && listed.length < 2 ? [read.country] : [],
    reason: !read.edition
      ? `no edition has ${what} figures for both ${read.from} and ${read.to}`
      : listed.length < 2
        ? `${read.edition} does not list ${read.country} in ${what} for both ${read.from} and ${read.to}`
        : undefined,
  };
}

/** `crmaCheck`: the verdict carries its edition, year and locator; the sources are the rows of its block. */
export function crmaCheckFields(value: CrmaCheck | undefined, mineral: unknown): AnswerFields {
  if (!value) return { reason: `no EU sourcing or global supply shares for ${String(mineral)}` };
  const measure = value.basis === "eu-sourcing" ? "eu-sourcing" : "production";
  const block = blockOf(value.edition, value.mineral, value.stage, measure, value.year, null);
  const row = [...(block?.rows.values() ?? [])].find((r) => r.locator === value.locator);
  return {
    edition: value.edition,
    stage: value.stage,
    ...(row ? { ...datedBy(row), basis: row.basis } : { year: value.year }),
    sources: row ? [supplySource(row)] : [],
  };
}
