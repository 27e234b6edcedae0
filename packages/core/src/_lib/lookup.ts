import type { EditionId, Measure, Stage } from "../constants.ts";
import type { SupplyRow } from "../records.ts";
import type { MineralId } from "../data/index.ts";
import type { SupplyOptions } from "../options.ts";
import { resolveSource, type Resolution } from "../resolve.ts";
import { parseCountry, parseMineral, parseStage } from "./ids.ts";
import { describePercent } from "./describe.ts";
import { checkOptions, readOptions } from "./options.ts";
import { perDataset } from "./perDataset.ts";
import {
  block,
  byDefaultPreference,
  coverage,
  latestFigureYear,
  type Block,
  type EditionCoverage,
} from "./supplyIndex.ts";

/** A supply question after parsing: ids checked, defaults applied. */
export interface SupplyQuery {
  readonly fn: string;
  readonly mineral: MineralId;
  readonly stage: Stage;
  readonly measure: Measure;
  readonly year: number | undefined;
  readonly source: EditionId | undefined;
  readonly within: readonly EditionId[] | undefined;
}

export type ResolvedBlock =
  | { readonly query: SupplyQuery; readonly resolution: Resolution; readonly block: Block; readonly reason?: undefined }
  | {
      readonly query: SupplyQuery;
      readonly resolution?: undefined;
      readonly block?: undefined;
      readonly reason: string;
    };

export type SupplyLookup =
  | {
      readonly row: SupplyRow;
      readonly resolution: Resolution;
      readonly query: SupplyQuery;
      readonly reason?: undefined;
    }
  | {
      readonly row?: undefined;
      readonly resolution?: Resolution;
      readonly query: SupplyQuery;
      readonly reason: string;
    };

const SUPPLY_KEYS = ["stage", "year", "source", "within"] as const;

/** Parses mineral and the shared supply options (stage, year, source, within); `extraKeys` are the caller's own options. */
export function parseSupplyQuery(
  fn: string,
  mineralInput: unknown,
  options: SupplyOptions | object | undefined,
  defaults: { stage: Stage; measure?: Measure },
  extraKeys: readonly string[] = [],
): SupplyQuery {
  const opts = readOptions(fn, options, [...SUPPLY_KEYS, ...extraKeys]);
  return {
    fn,
    mineral: parseMineral(fn, mineralInput),
    stage: opts.stage(defaults.stage),
    measure: defaults.measure ?? "production",
    year: opts.year(),
    source: opts.source(),
    within: opts.within(),
  };
}

/** The block (all countries of one mineral, stage, edition and year) that answers a query. */
export function resolveBlock(query: SupplyQuery): ResolvedBlock {
  const resolved = resolveSource(query);
  if (!resolved.ok) return { query, reason: resolved.reason };
  const { resolution } = resolved;
  const found = block(resolution.edition, query.mineral, query.stage, query.measure, resolution.year, resolution.case);
  if (!found)
    return {
      query,
      reason: `${resolution.edition} has no ${query.mineral} ${query.stage} block for ${resolution.year}`,
    };
  return { query, resolution, block: found };
}

/**
 * One country's row (`country`: a code, or `WORLD`/`ROW`) in the block {@link resolveBlock} chooses,
 * or why there is none: the block rule, which queries about the whole block (`supplyAtRisk`) keep.
 */
export function lookupInBlock(query: SupplyQuery, country: string): SupplyLookup {
  const resolved = resolveBlock(query);
  if (!resolved.block) return { query, reason: resolved.reason };
  const { resolution } = resolved;
  const row = resolved.block.rows.get(country);
  if (!row) {
    return {
      query,
      resolution,
      reason: `${resolution.edition} lists no ${query.stage} figure for ${country} in ${query.mineral} ${resolution.year}`,
    };
  }
  if (row.value === null) {
    return {
      query,
      resolution,
      reason: `${resolution.edition} gives no value for ${country} in ${query.mineral} ${resolution.year} (${row.status}) at ${row.locator}`,
    };
  }
  return { query, row, resolution };
}

/**
 * One country's row (`country`: a code, or `WORLD`/`ROW`) for a country query, or why there is none.
 *
 * With a `source` or a `year`, the row of the block {@link resolveBlock} chooses. Without both (a
 * `within` pin allowed), when that block does not list the country with a value: the newest edition
 * whose latest figures do (single-year observations first, then period averages; only the `within`
 * editions, if given), rule `newest-listing`. When none does, the reason names each edition checked
 * and, where the default block has a rest-of-world share, gives it as the country's upper bound.
 */
export function lookupRow(query: SupplyQuery, country: string): SupplyLookup {
  const inBlock = lookupInBlock(query, country);
  if (inBlock.row || !inBlock.resolution || query.year !== undefined || query.source !== undefined) return inBlock;
  const first = inBlock.resolution;
  const checked: string[] = [];
  for (const { c, year, row } of latestRowsElsewhere(query, country, first.edition)) {
    if (row && row.value !== null)
      return { query, row, resolution: { edition: c.edition, year, case: null, rule: "newest-listing" } };
    const average = c.observedYears.length === 0 ? " (period average)" : "";
    checked.push(`${c.edition} ${year}${average}${row ? ` (${row.status}, no value)` : ""}`);
  }
  const defaultBlock = block(first.edition, query.mineral, query.stage, query.measure, first.year, first.case);
  const rest = defaultBlock?.rows.get("ROW")?.share;
  const listed = defaultBlock?.rows.has(country) ?? false;
  const head =
    !listed && rest !== undefined && rest !== null && country !== "ROW" && country !== "WORLD"
      ? `${country} is not reported separately in ${first.edition} ${query.mineral} ${query.stage} ${first.year} (inside rest of world, at most ${describePercent(rest)})`
      : inBlock.reason;
  return {
    query,
    resolution: first,
    reason: checked.length > 0 ? `${head}; also checked: ${checked.join(", ")}` : head,
  };
}

/**
 * Where else a country's share can be read when the edition a query read gives none (USGS boron has
 * tonnes but no world total): each other edition whose latest figures give it a share, as the
 * `source` to pass and its year, or "period average" ("ec-crm-2023 (period average)").
 */
export function editionsWithShare(query: SupplyQuery, country: string, except: string): string[] {
  const found: string[] = [];
  for (const { c, year, row } of latestRowsElsewhere(query, country, except))
    if (row?.share !== null && row?.share !== undefined)
      found.push(`${c.edition} (${c.observedYears.length === 0 ? "period average" : year})`);
  return found;
}

/**
 * The editions a country query without a year may read, but `except`, in the order the default
 * resolution prefers them, each with its latest figures' year and the country's row there.
 */
function* latestRowsElsewhere(
  query: SupplyQuery,
  country: string,
  except: string,
): Generator<{ c: EditionCoverage; year: number; row: SupplyRow | undefined }> {
  for (const c of byDefaultPreference(listingEditions(query))) {
    if (c.edition === except) continue;
    const year = latestFigureYear(c)!;
    yield { c, year, row: block(c.edition, query.mineral, query.stage, query.measure, year, null)?.rows.get(country) };
  }
}

/** The editions a country query without a year may read: every edition with the series, or only the `within` ones. */
function listingEditions(query: SupplyQuery): readonly EditionCoverage[] {
  const all = coverage(query.mineral, query.stage, query.measure);
  const { within } = query;
  return within ? all.filter((c) => within.includes(c.edition)) : all;
}

const isNil = (value: unknown) => value === undefined || value === null;

/** A mineral's default blocks (no year, no source, no within): filled on first use; `null` where there is none. */
interface MineralSlot {
  readonly id: MineralId;
  mining: Block | null | undefined;
  refining: Block | null | undefined;
  /** Per stage, by country code: the `newest-listing` row of a country the default block does not list (`null`: none). */
  listedMining: Map<string, SupplyRow | null> | undefined;
  listedRefining: Map<string, SupplyRow | null> | undefined;
}

// Inputs already parsed (ids and names as typed, "Cobalt", "DRC"): bounded in entries and key
// length, so hostile input cannot grow them.
const INPUTS_LIMIT = 4096;
const INPUT_LENGTH = 64;

/** Per dataset: mineral slots by id, and inputs already parsed to a mineral slot or a country code. */
const hot = /* @__PURE__ */ perDataset(() => ({
  slots: new Map<string, MineralSlot>(),
  minerals: new Map<unknown, MineralSlot>(),
  countries: new Map<unknown, string>(),
}));
type Hot = ReturnType<typeof hot>;

function remember<T>(memo: Map<unknown, T>, input: unknown, value: T): void {
  if (typeof input !== "string" || input.length > INPUT_LENGTH) return;
  if (memo.size >= INPUTS_LIMIT) memo.clear();
  memo.set(input, value);
}

/** The slot of the mineral `input` names: one Map read once the input has been seen. */
function mineralSlot(state: Hot, fn: string, input: unknown): MineralSlot {
  const hit = state.minerals.get(input);
  if (hit !== undefined) return hit;
  const id = parseMineral(fn, input);
  let slot = state.slots.get(id);
  if (slot === undefined)
    state.slots.set(
      id,
      (slot = { id, mining: undefined, refining: undefined, listedMining: undefined, listedRefining: undefined }),
    );
  remember(state.minerals, input, slot);
  return slot;
}

/** {@link parseCountry}, remembered per input. */
function countryCode(state: Hot, fn: string, input: unknown): string {
  const hit = state.countries.get(input);
  if (hit !== undefined) return hit;
  const code = parseCountry(fn, input);
  remember(state.countries, input, code);
  return code;
}

const defaultQuery = (fn: string, slot: MineralSlot, stage: Stage): SupplyQuery => ({
  fn,
  mineral: slot.id,
  stage,
  measure: "production",
  year: undefined,
  source: undefined,
  within: undefined,
});

/** {@link resolveBlock} for production with no year, no source and no within: the same block, memoised per mineral and stage. */
function defaultBlock(fn: string, slot: MineralSlot, stage: Stage): Block | null {
  const known = stage === "refining" ? slot.refining : slot.mining;
  if (known !== undefined) return known;
  const found = resolveBlock(defaultQuery(fn, slot, stage)).block ?? null;
  if (stage === "refining") slot.refining = found;
  else slot.mining = found;
  return found;
}

/** {@link lookupRow}'s `newest-listing` row for a country the default block lacks, memoised per mineral, stage and country. */
function listedRow(fn: string, slot: MineralSlot, stage: Stage, country: string): SupplyRow | undefined {
  let memo = stage === "refining" ? slot.listedRefining : slot.listedMining;
  if (memo === undefined) {
    memo = new Map();
    if (stage === "refining") slot.listedRefining = memo;
    else slot.listedMining = memo;
  }
  const known = memo.get(country);
  if (known !== undefined) return known ?? undefined;
  const row = lookupRow(defaultQuery(fn, slot, stage), country).row ?? null;
  // Codes are parsed, so the keys are bounded by the country list; the cap is a second guard.
  if (memo.size >= INPUTS_LIMIT) memo.clear();
  memo.set(country, row);
  return row ?? undefined;
}

/**
 * The row a one-country production query answers with (`share`, `chinaShare`, `production`), or
 * `undefined` without a figure. The same answer as {@link lookupSupply}, on a path that allocates
 * nothing for known names and default options; the reasons for a missing figure are left to
 * `lookupSupply`. `country` is a parsed code when `countryIsCode`.
 */
export function findSupplyRow(
  fn: string,
  mineralInput: unknown,
  countryInput: unknown,
  options: SupplyOptions | undefined,
  defaultStage: Stage,
  countryIsCode = false,
): SupplyRow | undefined {
  const state = hot();
  let slot: MineralSlot;
  let stage: Stage;
  if (options === undefined || options === null) {
    slot = mineralSlot(state, fn, mineralInput);
    stage = defaultStage;
  } else {
    if (typeof options !== "object" || Array.isArray(options)) checkOptions(fn, options, SUPPLY_KEYS);
    // Own keys checked without allocating an array; anything unexpected goes to checkOptions for its message.
    for (const key in options)
      if (!(SUPPLY_KEYS as readonly string[]).includes(key)) checkOptions(fn, options, SUPPLY_KEYS);
    const { stage: stageInput, year, source, within } = options as Record<string, unknown>;
    if (!isNil(year) || !isNil(source) || !isNil(within)) {
      const query = parseSupplyQuery(fn, mineralInput, options, { stage: defaultStage });
      const country = countryIsCode ? (countryInput as string) : countryCode(state, fn, countryInput);
      return lookupRow(query, country).row;
    }
    slot = mineralSlot(state, fn, mineralInput);
    stage = isNil(stageInput) ? defaultStage : parseStage(fn, stageInput);
  }
  const found = defaultBlock(fn, slot, stage);
  const country = countryIsCode ? (countryInput as string) : countryCode(state, fn, countryInput);
  const row = found?.rows.get(country);
  if (row !== undefined && row.value !== null) return row;
  // The default block does not list the country with a value: the newest edition that does answers.
  return found === null ? undefined : listedRow(fn, slot, stage, country);
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
