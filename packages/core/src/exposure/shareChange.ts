import { parseCountry, parseYear } from "../_lib/ids.ts";
import { parseSupplyQuery, type SupplyQuery } from "../_lib/lookup.ts";
import { checkOptions } from "../_lib/options.ts";
import { block, coverage } from "../_lib/supplyIndex.ts";
import type { MineralInput, CountryInput } from "../inputs.ts";
import { CritminError } from "../errors.ts";
import type { ShareChangeOptions } from "../options.ts";
import { withinEdition } from "../resolve.ts";
import type { EditionId } from "../constants.ts";
import type { SupplyRow } from "../records.ts";

/**
 * The change in a country's share between two years of one edition, `share(to) − share(from)`,
 * in share units (0.05 is 5 percentage points).
 *
 * Both years come from the same edition: the pinned `source`; with `within`, the newest of those
 * editions with figures for the mineral and stage; else the newest edition that has both.
 *
 * @returns a difference in −1…1, or `undefined` when no edition has both figures
 * @example
 * shareChange("graphite", "CHN", { from: 2023, to: 2030, source: "iea-cmde-2024" })
 * //=> 5124.7 / 5481.4 - 1851.9 / 2037.2
 */
export function shareChange(
  mineral: MineralInput,
  country: CountryInput,
  options: ShareChangeOptions,
): number | undefined {
  return shareChangeRows(mineral, country, options).value;
}

/** What {@link shareChange} reads: the edition, the country's rows in both years (where listed), and the change. */
export interface ShareChangeRows {
  readonly query: SupplyQuery;
  readonly country: string;
  readonly from: number;
  readonly to: number;
  readonly edition: EditionId | undefined;
  readonly rows: readonly (SupplyRow | undefined)[];
  readonly value: number | undefined;
}

/** {@link shareChange} with the rows it read. */
export function shareChangeRows(
  mineral: MineralInput,
  country: CountryInput,
  options: ShareChangeOptions,
): ShareChangeRows {
  const fn = "shareChange";
  const opts = checkOptions(fn, options, ["from", "to", "stage", "source", "within"]);
  if (opts.from === undefined || opts.to === undefined) {
    throw new CritminError("invalid_argument", `${fn}: options.from and options.to are required years`);
  }
  const from = parseYear(fn, opts.from);
  const to = parseYear(fn, opts.to);
  const query = parseSupplyQuery(
    fn,
    mineral,
    { stage: opts.stage, source: opts.source, within: opts.within },
    { stage: "refining" },
  );
  const code = parseCountry(fn, country);
  const all = coverage(query.mineral, query.stage, query.measure);
  const source = query.source ?? (query.within ? withinEdition(all, query.within, undefined) : undefined);
  // Newest first, so the first edition with both years is the one the rule picks.
  const edition = all.find((c) => (!source || c.edition === source) && c.years.has(from) && c.years.has(to));
  const base = { query, country: code, from, to };
  if (!edition) return { ...base, edition: undefined, rows: [], value: undefined };
  const rowIn = (year: number) =>
    block(edition.edition, query.mineral, query.stage, query.measure, year, edition.years.get(year) ?? null)?.rows.get(
      code,
    );
  const rows = [rowIn(from), rowIn(to)];
  const [a, b] = rows.map((r) => r?.share ?? undefined);
  return { ...base, edition: edition.edition, rows, value: a === undefined || b === undefined ? undefined : b - a };
}
