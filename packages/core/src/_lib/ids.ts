// Turning what a caller typed into dataset ids, once per distinct input.
import { countryList, editionList, mineralList } from "../data/tables.ts";
import type { CountryCode, MineralId } from "../data/index.ts";
import { CritminError } from "../errors.ts";
import {
  AGGREGATES,
  MEASURES,
  STAGES,
  type Aggregate,
  type EditionId,
  type Measure,
  type Stage,
} from "../constants.ts";
import { describe } from "./describe.ts";
import { nameKey } from "./normalize.ts";
import { nearest, unknownId } from "./nearest.ts";
import { perDataset } from "./perDataset.ts";
import { editionsNewestFirst } from "./supplyIndex.ts";

interface Lookup<T> {
  /** Every name exactly as registered (`"cobalt"`, `"Cobalt"`, `"Co"`): a typed id costs one Map read. */
  readonly exact: ReadonlyMap<string, T>;
  /** By {@link nameKey}: case, accents and spacing ignored. */
  readonly byKey: ReadonlyMap<string, T>;
  readonly names: readonly (readonly [string, T])[];
}

function lookup<T>(entries: Iterable<readonly [string, T]>): Lookup<T> {
  const byKey = new Map<string, T>();
  const keyed: (readonly [string, T, string])[] = [];
  for (const [name, value] of entries) {
    const key = nameKey(name);
    if (!byKey.has(key)) byKey.set(key, value);
    keyed.push([name, value, key]);
  }
  // Only names whose key finds the same value, so the exact path never answers differently.
  const exact = new Map<string, T>();
  for (const [name, value, key] of keyed) if (!exact.has(name) && byKey.get(key) === value) exact.set(name, value);
  return { exact, byKey, names: keyed.map(([name, value]) => [name, value] as const) };
}

const mineralLookup = /* @__PURE__ */ perDataset(() =>
  lookup(mineralList().flatMap((m) => [m.id, m.name, ...m.aliases].map((name) => [name, m.id as MineralId] as const))),
);

const countryLookup = /* @__PURE__ */ perDataset(() =>
  lookup<CountryCode | Aggregate>([
    ...countryList().flatMap((c) =>
      [c.code, c.alpha2, c.name, ...c.aliases].filter(Boolean).map((name) => [name, c.code as CountryCode] as const),
    ),
    ...AGGREGATES.map((a) => [a, a] as const),
    ["world", "WORLD"],
    ["rest of world", "ROW"],
  ]),
);

/** A non-empty string, or an `invalid_argument` error naming the argument. */
export function requireString(fn: string, argument: string, input: unknown): string {
  if (typeof input !== "string" || input.trim() === "") {
    throw new CritminError("invalid_argument", `${fn}: ${argument} must be a non-empty string, got ${describe(input)}`);
  }
  return input;
}

/** The value `input` names in `table`: one Map read for a name as registered, else by {@link nameKey}. */
function parseNamed<T extends string>(fn: string, what: string, input: unknown, table: Lookup<T>): T {
  // An exact id or name needs no further check: it is a non-empty string.
  const hit = typeof input === "string" ? table.exact.get(input) : undefined;
  if (hit !== undefined) return hit;
  const text = requireString(fn, what, input);
  const found = table.byKey.get(nameKey(text));
  if (found !== undefined) return found;
  throw unknownId(fn, what, input, nearest(text, table.names));
}

/** A mineral id from an id, a name or an alias ("Co", "rare earths"), case-insensitive. */
export function parseMineral(fn: string, input: unknown): MineralId {
  return parseNamed(fn, "mineral", input, mineralLookup());
}

/**
 * Remainder labels, by {@link nameKey}: the USGS tables' "Other Countries" and "Other countries
 * (rounded)", and the plain "Others" of users' own tables. They name whatever a table left unlisted,
 * not a country, so a nearest-name guess would mislead; the dataset's remainder of the world is `"ROW"`
 * ("rest of world" still means it).
 */
const REMAINDER_LABELS: ReadonlySet<string> = /* @__PURE__ */ new Set(
  /* @__PURE__ */ ["Other countries", "Other countries (rounded)", "Others"].map(nameKey),
);

/**
 * An ISO alpha-3 code (or WORLD/ROW) from a code, a name or an alias ("DRC", "China", "Congo (Kinshasa)").
 * "Congo" alone is the Republic of the Congo (COG), as in ISO 3166.
 */
export function parseCountry(fn: string, input: unknown, what = "country"): CountryCode | Aggregate {
  const table = countryLookup();
  const hit = typeof input === "string" ? table.exact.get(input) : undefined;
  if (hit !== undefined) return hit;
  if (typeof input === "string" && REMAINDER_LABELS.has(nameKey(input))) {
    throw new CritminError(
      "invalid_argument",
      `${fn}: ${what} ${describe(input)} is not a country but a table's remainder; name a country, or use "ROW" for the rest of the world`,
    );
  }
  return parseNamed(fn, what, input, table);
}

/** One of a closed list of lower-case ids (a stage, a measure), case-insensitive. */
function parseOneOf<T extends string>(fn: string, what: string, input: unknown, ids: readonly T[]): T {
  const text = requireString(fn, what, input).trim().toLowerCase();
  if ((ids as readonly string[]).includes(text)) return text as T;
  throw unknownId(
    fn,
    what,
    input,
    nearest(
      text,
      ids.map((id) => [id, id] as const),
    ),
    ids,
  );
}

export function parseStage(fn: string, input: unknown): Stage {
  // The ids themselves, the common case, without a string copy.
  if (input === "refining" || input === "mining") return input;
  return parseOneOf(fn, "stage", input, STAGES);
}

export function parseMeasure(fn: string, input: unknown): Measure {
  return parseOneOf(fn, "measure", input, MEASURES);
}

/** An edition id of the active dataset (a refreshed dataset may add editions), case-insensitive. */
export function parseEdition(fn: string, input: unknown): EditionId {
  const text = requireString(fn, "source", input).trim().toLowerCase();
  const editions = editionList();
  if (editions.some((e) => e.id === text)) return text as EditionId;
  // Newest first, so a near-miss year suggests the newest of the equally close editions.
  const ids = editionsNewestFirst(editions);
  throw unknownId(
    fn,
    "source",
    input,
    nearest(
      text,
      ids.map((e) => [e, e] as const),
    ),
    editions.map((e) => e.id),
  );
}

export function parseYear(fn: string, input: unknown): number {
  if (typeof input !== "number" || !Number.isInteger(input) || input < 1900 || input > 2100) {
    throw new CritminError(
      "invalid_argument",
      `${fn}: year must be a whole number between 1900 and 2100, got ${describe(input)}`,
    );
  }
  return input;
}
