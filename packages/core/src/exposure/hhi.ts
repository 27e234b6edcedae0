import type { SupplyOptions } from "../options.ts";
import { measure } from "./concentration.ts";
import type { MineralInput } from "../inputs.ts";

/**
 * Herfindahl–Hirschman index of one stage of a mineral's supply, over countries, 0–10,000.
 *
 * Aggregates such as rest of world are excluded, so where the source lumps countries together the
 * value is a lower bound; {@link concentration} says whether it is.
 *
 * @returns 0–10,000, or `undefined` when the dataset has no such block,
 *   or the block gives no country a share (no world total); {@link topProducersReason} says which
 * @example
 * hhi("cobalt", { stage: "refining", year: 2023, source: "iea-cmde-2024" })
 * //=> ((171.7 / 223.8) * 100) ** 2 + ((18.8 / 223.8) * 100) ** 2 + ((5.6 / 223.8) * 100) ** 2 + ((6.9 / 223.8) * 100) ** 2
 */
export function hhi(mineral: MineralInput, options?: SupplyOptions): number | undefined {
  return measure("hhi", mineral, options)?.hhi;
}
