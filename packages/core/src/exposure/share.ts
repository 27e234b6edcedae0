import { findSupplyRow } from "../_lib/lookup.ts";
import type { MineralInput, CountryInput } from "../inputs.ts";
import type { SupplyOptions } from "../options.ts";

/**
 * A country's share of world output of one mineral at one stage.
 *
 * The denominator is the source's own world total for the same block and edition. The edition and
 * year follow {@link resolveSource}; the stage defaults to `refining`.
 *
 * @returns a fraction 0–1, or `undefined` when the edition has no figure for that country
 *   (not listed, withheld, or no data for that year): never 0 for missing data
 * @throws {@link CritminError} `unknown_id` for an unknown mineral, country, stage or source (with the
 *   nearest valid one), `invalid_argument` for a malformed option
 * @example
 * share("cobalt", "COD", { stage: "mining", year: 2023, source: "iea-cmde-2024" })
 * //=> 157 / 239.8
 */
export function share(mineral: MineralInput, country: CountryInput, options?: SupplyOptions): number | undefined {
  return findSupplyRow("share", mineral, country, options, "refining")?.share ?? undefined;
}
