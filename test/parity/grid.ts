// What the dataset holds: the ids, years and editions the parity cases are enumerated from.
import * as core from "../../packages/core/src/index.ts";
import { opts } from "./compare.ts";

// ---------------------------------------------------------------------------------------------
// What the dataset holds.

export const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
export const byNumber = (a: number, b: number) => a - b;
export const product = <T>(...lists: readonly (readonly T[])[]): T[][] =>
  lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);

export const supply = core.dataset().supply;
export const demandRows = core.dataset().demand;
export const indicators = core.dataset().indicators;

export const SUPPLY_MINERALS = uniq(supply.map((r) => r.mineral)).sort();
/** Every mineral id, with or without supply rows. */
export const ALL_MINERALS = uniq([...core.MINERALS, ...SUPPLY_MINERALS]);
export const SUPPLY_YEARS = uniq(supply.map((r) => r.year)).sort(byNumber);
export const ABSENT_YEAR = 1999;
export const YEARS: readonly (number | null)[] = [null, ...SUPPLY_YEARS, ABSENT_YEAR];
export const STAGES: readonly (string | null)[] = [null, ...core.STAGES];
export const EDITIONS: readonly (string | null)[] = [null, ...core.EDITION_IDS];
export const SCENARIOS: readonly (string | null)[] = [null, ...core.SCENARIOS];
export const GROUP_IDS = core.groups().map((g) => g.id);
export const ABSENT_COUNTRIES = ["ATA", "Atlantis"]; // a valid ISO code with no figures; an unknown name
export const countryName = new Map(core.countryEntries.map((c) => [c.code, c.name]));

/** Every (mineral, stage, country) with a supply row. */
export const MSC = uniq(supply.map((r) => `${r.mineral}|${r.stage}|${r.country}`)).map(
  (k) => k.split("|") as [string, string, string],
);
/** Every (mineral, stage) with a supply row, with its years and editions. */
export const MS = new Map<string, { mineral: string; stage: string; years: Set<number>; editions: Set<string> }>();
for (const r of supply) {
  const key = `${r.mineral}|${r.stage}`;
  const entry = MS.get(key) ?? {
    mineral: r.mineral,
    stage: r.stage,
    years: new Set<number>(),
    editions: new Set<string>(),
  };
  entry.years.add(r.year);
  entry.editions.add(r.edition);
  MS.set(key, entry);
}

/** mineral × stage × year × edition (each with "omitted"), for every mineral. */
export const SUPPLY_GRID = product<unknown>(ALL_MINERALS, STAGES, YEARS, EDITIONS) as [
  string,
  string | null,
  number | null,
  string | null,
][];
/** Bad questions every supply function must turn into #VALUE!: [mineral, stage, year, source]. */
export const BAD_SUPPLY: readonly (readonly [string, string | null, number | null, string | null])[] = [
  ["cobolt", null, null, null],
  ["unobtainium", "mining", 2023, null],
  ["cobalt", "milling", null, null],
  ["cobalt", null, null, "iea-cmde-2099"],
  ["cobalt", null, 2023.5, null],
  ["cobalt", "refining", 1850, "iea-cmde-2024"],
];
export const supplyCases = [...SUPPLY_GRID, ...BAD_SUPPLY];

export const supplyOpts = (stage: unknown, year: unknown, source: unknown) =>
  opts<core.SupplyOptions>({ stage, year, source });
