import { requireNumber } from "../_lib/numbers.ts";

/**
 * Effective number of suppliers: 10,000 ÷ HHI, the number of equal-sized suppliers that would give the same concentration.
 *
 * @returns `undefined` for an HHI of 0 (no supply)
 * @example
 * effectiveNumber(2500)
 * //=> 4
 * @throws {@link CritminError} `invalid_argument` when `hhi` is not a number (NaN included)
 */
export function effectiveNumber(hhi: number): number | undefined {
  return requireNumber("effectiveNumber", "hhi", hhi) > 0 ? 10_000 / hhi : undefined;
}
