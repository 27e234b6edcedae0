import { describe } from "./_lib/describe.ts";
import { nearest } from "./_lib/nearest.ts";
import { CritminError } from "./errors.ts";

// Enough for any vocabulary (critmin's largest, countries and their aliases, is under 1,000);
// bounded so a hostile call cannot make one suggestion cost seconds.
const MAX_CANDIDATES = 10_000;

/**
 * The candidate nearest to `input`: the "did you mean" of critmin's own unknown-name errors, for an
 * adapter's own vocabulary (the Excel add-in's function names). Case-insensitive; a candidate counts
 * as near within about a third of the input's length; input without a letter ("42") has none.
 *
 * @returns the candidate as given, or `undefined` when none is close
 * @throws {@link CritminError} `invalid_argument` when `input` is not a string, or `candidates` is
 *   not an array of at most 10,000 strings
 * @example
 * didYouMean("CHINA_SHAER", ["CHINA_SHARE", "SHARE", "HHI"])
 * //=> "CHINA_SHARE"
 * didYouMean("zinc", ["CHINA_SHARE", "SHARE", "HHI"])
 * //=> undefined
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const fn = "didYouMean";
  if (typeof input !== "string")
    throw new CritminError("invalid_argument", `${fn}: input must be a string, got ${describe(input)}`);
  const bad = () =>
    new CritminError(
      "invalid_argument",
      `${fn}: candidates must be an array of at most ${MAX_CANDIDATES} strings, got ${describe(candidates)}`,
    );
  if (!Array.isArray(candidates) || candidates.length > MAX_CANDIDATES) throw bad();
  // Each slot read once, holes included, so what is checked is what is compared.
  const pairs: (readonly [string, string])[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const candidate: unknown = candidates[i];
    if (typeof candidate !== "string") throw bad();
    pairs.push([candidate, candidate]);
  }
  return nearest(input, pairs);
}
