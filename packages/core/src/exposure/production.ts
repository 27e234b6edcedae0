import { findSupplyRow } from "../_lib/lookup.ts";
import type { MineralInput, CountryInput } from "../inputs.ts";
import type { SupplyOptions } from "../options.ts";

/**
 * A country's output of one mineral at one stage, in metric tonnes of content on the source's basis.
 *
 * Same resolution as {@link share}; `"WORLD"` gives the source's world total.
 *
 * @returns tonnes, or `undefined` when the edition has no figure for that country
 * @throws {@link CritminError} as {@link share}
 * @example
 * production("cobalt", "CHN", { stage: "refining", year: 2023, source: "iea-cmde-2024" })
 * //=> 171700
 */
export function production(mineral: MineralInput, country: CountryInput, options?: SupplyOptions): number | undefined {
  return findSupplyRow("production", mineral, country, options, "refining")?.tonnes ?? undefined;
}
