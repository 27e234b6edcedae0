import { requireNumber, requireNumbers } from "../_lib/numbers.ts";

/**
 * Concentration ratio CRn: the summed share of the `n` largest shares.
 *
 * @example
 * concentrationRatio([0.1, 0.5, 0.3, 0.1], 2)
 * //=> 0.8
 * @throws {@link CritminError} `invalid_argument` when `shares` is not an array of numbers or `n` not a number (NaN included)
 */
export function concentrationRatio(shares: readonly number[], n: number): number {
  const list = requireNumbers("concentrationRatio", "shares", shares);
  const count = requireNumber("concentrationRatio", "n", n);
  return list
    .sort((a, b) => b - a)
    .slice(0, Math.max(0, count))
    .reduce((sum, s) => sum + s, 0);
}
