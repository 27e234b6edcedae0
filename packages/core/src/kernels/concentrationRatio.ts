/**
 * Concentration ratio CRn: the summed share of the `n` largest shares.
 *
 * @example
 * concentrationRatio([0.1, 0.5, 0.3, 0.1], 2)
 * //=> 0.8
 */
export function concentrationRatio(shares: readonly number[], n: number): number {
  return [...shares].sort((a, b) => b - a).slice(0, Math.max(0, n)).reduce((sum, s) => sum + s, 0);
}
