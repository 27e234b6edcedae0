import { findSupplyRow } from "../_lib/lookup.ts";
import type { SupplyOptions } from "../options.ts";
import type { MineralInput } from "../inputs.ts";

/**
 * China's share of world output for one mineral and stage: `share(mineral, "CHN", { stage: "refining", ...options })`.
 *
 * With no options, the newest edition with an observed figure for the mineral's refining, at its latest observed year.
 *
 * @returns a fraction 0–1, or `undefined` when the edition has no figure for China
 * @throws {@link CritminError} as {@link share}
 * @example
 * chinaShare("cobalt", { year: 2023, source: "iea-cmde-2024" })
 * //=> 171.7 / 223.8
 */
export function chinaShare(mineral: MineralInput, options?: SupplyOptions): number | undefined {
  return findSupplyRow("chinaShare", mineral, "CHN", options, "refining", true)?.share ?? undefined;
}
