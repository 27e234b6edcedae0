import type { Aggregate, EditionId, Measure, Stage, SupplyRow } from "../schema.ts";
import type { MineralId } from "../data/index.ts";
import { CritminError } from "../errors.ts";
import type { SupplyOptions } from "../options.ts";
import { resolveSource, type Resolution } from "../resolve.ts";
import { describe } from "./describe.ts";
import { parseCountry, parseEdition, parseMineral, parseStage, parseYear } from "./ids.ts";
import { block, type Block } from "./supplyIndex.ts";

/** A supply question after parsing: ids checked, defaults applied. */
export interface SupplyQuery {
  readonly fn: string;
  readonly mineral: MineralId;
  readonly stage: Stage;
  readonly measure: Measure;
  readonly year: number | undefined;
  readonly source: EditionId | undefined;
}

export type ResolvedBlock =
  | { readonly query: SupplyQuery; readonly resolution: Resolution; readonly block: Block; readonly reason?: undefined }
  | { readonly query: SupplyQuery; readonly resolution?: undefined; readonly block?: undefined; readonly reason: string };

export type SupplyLookup =
  | { readonly row: SupplyRow; readonly resolution: Resolution; readonly query: SupplyQuery }
  | { readonly row?: undefined; readonly resolution?: Resolution; readonly query: SupplyQuery; readonly reason: string };

/** Checks an options argument is a plain object with only the expected keys. */
export function checkOptions(fn: string, options: unknown, keys: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new CritminError("invalid_argument", `${fn}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!keys.includes(key)) throw new CritminError("invalid_argument", `${fn}: unknown option ${describe(key)}; expected ${keys.join(", ")}`);
  }
  return options as Record<string, unknown>;
}

const SUPPLY_KEYS = ["stage", "year", "source"] as const;

/** Parses mineral and the shared supply options (stage, year, source); `extraKeys` are the caller's own options. */
export function parseSupplyQuery(
  fn: string,
  mineralInput: unknown,
  options: SupplyOptions | object | undefined,
  defaults: { stage: Stage; measure?: Measure },
  extraKeys: readonly string[] = [],
): SupplyQuery {
  const opts = checkOptions(fn, options, [...SUPPLY_KEYS, ...extraKeys]);
  return {
    fn,
    mineral: parseMineral(fn, mineralInput),
    stage: opts.stage === undefined || opts.stage === null ? defaults.stage : parseStage(fn, opts.stage),
    measure: defaults.measure ?? "production",
    year: opts.year === undefined || opts.year === null ? undefined : parseYear(fn, opts.year),
    source: opts.source === undefined || opts.source === null ? undefined : parseEdition(fn, opts.source),
  };
}

/** The block (all countries of one mineral, stage, edition and year) that answers a query. */
export function resolveBlock(query: SupplyQuery): ResolvedBlock {
  const resolved = resolveSource(query);
  if (!resolved.ok) return { query, reason: resolved.reason };
  const { resolution } = resolved;
  const found = block(resolution.edition, query.mineral, query.stage, query.measure, resolution.year, resolution.case);
  if (!found) return { query, reason: `${resolution.edition} has no ${query.mineral} ${query.stage} block for ${resolution.year}` };
  return { query, resolution, block: found };
}

/** One country's row in the resolved block, or why there is none. */
export function lookupRow(query: SupplyQuery, country: string | Aggregate): SupplyLookup {
  const resolved = resolveBlock(query);
  if (!resolved.block) return { query, reason: resolved.reason };
  const { resolution } = resolved;
  const row = resolved.block.rows.get(country);
  if (!row) {
    return { query, resolution, reason: `${resolution.edition} lists no ${query.stage} figure for ${country} in ${query.mineral} ${resolution.year}` };
  }
  if (row.value === null) {
    return { query, resolution, reason: `${resolution.edition} gives no value for ${country} in ${query.mineral} ${resolution.year} (${row.status}) at ${row.locator}` };
  }
  return { query, row, resolution };
}

/** Parses a one-country supply query as typed by a caller and finds its row, or says why there is none. */
export function lookupSupply(
  fn: string,
  mineralInput: unknown,
  countryInput: unknown,
  options: SupplyOptions | undefined,
  defaults: { stage: Stage; measure?: Measure },
): SupplyLookup {
  const query = parseSupplyQuery(fn, mineralInput, options, defaults);
  return lookupRow(query, parseCountry(fn, countryInput));
}
