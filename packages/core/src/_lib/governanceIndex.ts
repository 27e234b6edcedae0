// WGI rows indexed once per dataset, on first use, so each lookup after that is one Map read.
import { governanceRows } from "../data/tables.ts";
import type { EditionId, GovernanceDimension } from "../constants.ts";
import type { GovernanceRow } from "../records.ts";
import { perDataset } from "./perDataset.ts";

interface Index {
  readonly rows: ReadonlyMap<string, GovernanceRow>;
  /** The bundled years, ascending. */
  readonly years: readonly number[];
  /** The WGI edition of the rows (one edition per dataset). */
  readonly edition: EditionId | undefined;
  readonly countries: ReadonlySet<string>;
}

const key = (country: string, dimension: string, year: number) => `${country}|${dimension}|${year}`;

function build(): Index {
  const rows = new Map<string, GovernanceRow>();
  const years = new Set<number>();
  const countries = new Set<string>();
  let edition: EditionId | undefined;
  for (const row of governanceRows()) {
    const k = key(row.country, row.dimension, row.year);
    // Keep the first should the build ever emit a key twice, so answers stay stable.
    if (!rows.has(k)) rows.set(k, row);
    years.add(row.year);
    countries.add(row.country);
    edition ??= row.edition;
  }
  return { rows, years: [...years].sort((a, b) => a - b), edition, countries };
}

const get = /* @__PURE__ */ perDataset(build);

/** The WGI years the dataset bundles, ascending (empty when it holds none). */
export function governanceYears(): readonly number[] {
  return get().years;
}

/** The WGI edition of the dataset in use. */
export function governanceEdition(): EditionId | undefined {
  return get().edition;
}

/** Whether the WGI rows name the economy (by the code they use). */
export function hasGovernanceCountry(code: string): boolean {
  return get().countries.has(code);
}

/** One country's row of one dimension and year, or `undefined` when the dataset has none. */
export function governanceRow(
  country: string,
  dimension: GovernanceDimension,
  year: number,
): GovernanceRow | undefined {
  return get().rows.get(key(country, dimension, year));
}

/** "2018–2022" for consecutive years, else the list. */
export function describeGovernanceYears(): string {
  const { years } = get();
  if (years.length === 0) return "none";
  const first = years[0]!;
  const last = years.at(-1)!;
  return last - first + 1 === years.length && years.length > 2 ? `${first}–${last}` : years.join(", ");
}
