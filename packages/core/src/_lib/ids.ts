// Turning what a caller typed into dataset ids, once per distinct input.
import { countryEntries, mineralEntries, type CountryCode, type MineralId } from "../data/index.ts";
import { CritminError } from "../errors.ts";
import { AGGREGATES, EDITION_IDS, MEASURES, STAGES, type Aggregate, type EditionId, type Measure, type Stage } from "../schema.ts";
import { describe } from "./describe.ts";
import { nameKey } from "./normalize.ts";
import { nearest } from "./nearest.ts";
import { EDITIONS_NEWEST_FIRST } from "./supplyIndex.ts";

type Lookup<T> = { readonly byKey: ReadonlyMap<string, T>; readonly names: readonly (readonly [string, T])[] };

function lookup<T>(entries: Iterable<readonly [string, T]>): Lookup<T> {
  const byKey = new Map<string, T>();
  const names: (readonly [string, T])[] = [];
  for (const [name, value] of entries) {
    const key = nameKey(name);
    if (!byKey.has(key)) byKey.set(key, value);
    names.push([name, value]);
  }
  return { byKey, names };
}

let minerals: Lookup<MineralId> | undefined;
let countries: Lookup<CountryCode | Aggregate> | undefined;

function mineralLookup(): Lookup<MineralId> {
  minerals ??= lookup(
    mineralEntries.flatMap((m) => [m.id, m.name, ...m.aliases].map((name) => [name, m.id as MineralId] as const)),
  );
  return minerals;
}

function countryLookup(): Lookup<CountryCode | Aggregate> {
  countries ??= lookup<CountryCode | Aggregate>([
    ...countryEntries.flatMap((c) =>
      [c.code, c.alpha2, c.name, ...c.aliases].filter(Boolean).map((name) => [name, c.code as CountryCode] as const),
    ),
    ...AGGREGATES.map((a) => [a, a] as const),
    ["world", "WORLD"],
    ["rest of world", "ROW"],
  ]);
  return countries;
}

function unknown(fn: string, what: string, input: unknown, suggestion: string | undefined, valid?: readonly string[]): CritminError {
  const hint = suggestion ? `; did you mean "${suggestion}"?` : valid ? `; expected one of ${valid.join(", ")}` : "";
  return new CritminError("unknown_id", `${fn}: unknown ${what} ${describe(input)}${hint}`);
}

function requireString(fn: string, argument: string, input: unknown): string {
  if (typeof input !== "string" || input.trim() === "") {
    throw new CritminError("invalid_argument", `${fn}: ${argument} must be a non-empty string, got ${describe(input)}`);
  }
  return input;
}

/** A mineral id from an id, a name or an alias ("Co", "rare earths"), case-insensitive. */
export function parseMineral(fn: string, input: unknown): MineralId {
  const text = requireString(fn, "mineral", input);
  const { byKey, names } = mineralLookup();
  const id = byKey.get(nameKey(text));
  if (id) return id;
  throw unknown(fn, "mineral", input, nearest(text, names));
}

/** An ISO alpha-3 code (or WORLD/ROW) from a code, a name or an alias ("DRC", "China", "Congo (Kinshasa)"). */
export function parseCountry(fn: string, input: unknown): CountryCode | Aggregate {
  const text = requireString(fn, "country", input);
  const { byKey, names } = countryLookup();
  const code = byKey.get(nameKey(text));
  if (code) return code;
  throw unknown(fn, "country", input, nearest(text, names));
}

export function parseStage(fn: string, input: unknown): Stage {
  const text = requireString(fn, "stage", input).trim().toLowerCase();
  if ((STAGES as readonly string[]).includes(text)) return text as Stage;
  throw unknown(fn, "stage", input, nearest(text, STAGES.map((s) => [s, s] as const)), STAGES);
}

export function parseMeasure(fn: string, input: unknown): Measure {
  const text = requireString(fn, "measure", input).trim().toLowerCase();
  if ((MEASURES as readonly string[]).includes(text)) return text as Measure;
  throw unknown(fn, "measure", input, nearest(text, MEASURES.map((m) => [m, m] as const)), MEASURES);
}

export function parseEdition(fn: string, input: unknown): EditionId {
  const text = requireString(fn, "source", input).trim().toLowerCase();
  if ((EDITION_IDS as readonly string[]).includes(text)) return text as EditionId;
  // Newest first, so a near-miss year suggests the newest of the equally close editions.
  throw unknown(fn, "source", input, nearest(text, EDITIONS_NEWEST_FIRST.map((e) => [e, e] as const)), EDITION_IDS);
}

export function parseYear(fn: string, input: unknown): number {
  if (typeof input !== "number" || !Number.isInteger(input) || input < 1900 || input > 2100) {
    throw new CritminError("invalid_argument", `${fn}: year must be a whole number between 1900 and 2100, got ${describe(input)}`);
  }
  return input;
}
