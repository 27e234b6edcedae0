import type { SupplyOptions } from "../options.ts";
import { measure } from "./concentration.ts";
import type { MineralInput } from "../inputs.ts";

/**
 * Effective number of suppliers: 10,000 ÷ HHI, the number of equal-sized countries that would be as concentrated.
 *
 * As HHI is a lower bound where the source lumps countries together, this is then an upper bound.
 *
 * @returns a count ≥ 1, or `undefined` when there is no block,
 *   or the block gives no country a share (no world total); {@link topProducersReason} says which
 * @example
 * effectiveSuppliers("cobalt", { year: 2023, source: "iea-cmde-2024" })! < 2
 * //=> true
 */
export function effectiveSuppliers(mineral: MineralInput, options?: SupplyOptions): number | undefined {
  return measure("effectiveSuppliers", mineral, options)?.effectiveSuppliers;
}
