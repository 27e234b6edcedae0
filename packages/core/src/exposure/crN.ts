import { CritminError } from "../errors.ts";
import { rankedCountries } from "../_lib/countryShares.ts";
import { describe } from "../_lib/describe.ts";
import { parseSupplyQuery, resolveBlock } from "../_lib/lookup.ts";
import { concentrationRatio } from "../kernels/concentrationRatio.ts";
import type { SupplyOptions } from "../options.ts";
import type { MineralInput } from "../inputs.ts";

/**
 * Concentration ratio: the summed share of the `n` largest producing countries.
 *
 * @returns 0–1, or `undefined` when the dataset has no such block,
 *   or the block gives no country a share (no world total); {@link topProducersReason} says which
 * @throws {@link CritminError} `invalid_argument` for an `n` below 1
 * @example
 * crN("cobalt", 1, { stage: "refining", year: 2023, source: "iea-cmde-2024" })
 * //=> 171.7 / 223.8
 */
export function crN(mineral: MineralInput, n: number, options?: SupplyOptions): number | undefined {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    throw new CritminError("invalid_argument", `crN: n must be a whole number of at least 1, got ${describe(n)}`);
  }
  const { block } = resolveBlock(parseSupplyQuery("crN", mineral, options, { stage: "refining" }));
  if (!block) return undefined;
  const shares = rankedCountries(block).map((r) => r.share!);
  return shares.length === 0 ? undefined : concentrationRatio(shares, n);
}
