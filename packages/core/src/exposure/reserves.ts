import { parseCountry } from "../_lib/ids.ts";
import { lookupRow, parseSupplyQuery, type SupplyLookup } from "../_lib/lookup.ts";
import { checkOptions } from "../_lib/options.ts";
import { allowedEditions } from "../_lib/within.ts";
import type { MineralInput, CountryInput } from "../inputs.ts";
import type { ReservesOptions } from "../options.ts";

/**
 * A country's mineral reserves, in metric tonnes of content on the source's basis.
 *
 * Reserves are the part of identified resources that can be economically extracted today, as
 * USGS reports them (MCS 2025: reserves at end of 2024). The edition and year follow
 * {@link resolveSource} for measure `reserves`, except that only `within`'s editions of a source with
 * reserves narrow the choice (a workbook's pin of other sources must not). `"WORLD"` gives the
 * source's world total and `"ROW"` its "Other countries". Units are converted to tonnes (e.g.
 * thousand metric tons × 1000).
 *
 * @returns tonnes, or `undefined` when the edition gives no reserves figure for that country
 *   (not listed, withheld, "NA")
 * @throws {@link CritminError} `unknown_id` for an unknown mineral, country or source (with the
 *   nearest valid one), `invalid_argument` for a malformed option
 * @example
 * reserves("lithium", "Chile")
 * //=> 9300000
 * reserves("copper", "CHL")
 * //=> 190000 * 1000
 * reserves("lithium", "Chile", { within: ["iea-cmde-2024", "usgs-mcs-2025"] })
 * //=> 9300000
 */
export function reserves(mineral: MineralInput, country: CountryInput, options?: ReservesOptions): number | undefined {
  return reservesLookup(mineral, country, options).row?.tonnes ?? undefined;
}

/** The reserves row {@link reserves} answers with, or why there is none. */
export function reservesLookup(mineral: MineralInput, country: CountryInput, options?: ReservesOptions): SupplyLookup {
  const fn = "reserves";
  checkOptions(fn, options, ["year", "source", "within"]);
  const query = parseSupplyQuery(fn, mineral, options, { stage: "mining", measure: "reserves" });
  const within = allowedEditions(undefined, query.within, "reserves");
  return lookupRow({ ...query, within }, parseCountry(fn, country));
}
