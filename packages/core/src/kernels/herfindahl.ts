import { requireNumbers } from "../_lib/numbers.ts";

/**
 * Herfindahl–Hirschman index of market shares given as fractions: Σ (100 × share)², 0–10,000.
 *
 * @example
 * herfindahl([0.5, 0.3, 0.2])
 * //=> 3800
 * @example
 * herfindahl([1])
 * //=> 10000
 * @throws {@link CritminError} `invalid_argument` when `shares` is not an array of numbers (or holds NaN)
 */
export function herfindahl(shares: readonly number[]): number {
  let sum = 0;
  for (const s of requireNumbers("herfindahl", "shares", shares)) sum += (100 * s) ** 2;
  return sum;
}
