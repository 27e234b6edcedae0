// The "did you mean" of every unknown-id error: the nearest valid name, else the valid ids.
import { CritminError } from "../errors.ts";
import { describe } from "./describe.ts";

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

type Candidates = Iterable<readonly [name: string, value: string]>;

/** Suggestions remembered per candidate list: a range of a million typos costs one search per distinct typo. */
const remembered = new WeakMap<object, Map<string, string | undefined>>();
/** Distinct inputs remembered per candidate list; the oldest is forgotten first. */
export const NEAREST_CACHE_SIZE = 1024;
/** Longer inputs are not remembered (a 1 MB cell is cheap to answer: no candidate is that long). */
const CACHED_LENGTH = 256;

/**
 * The candidate closest to `input` (case-insensitive), or `undefined` when nothing is reasonably close.
 * The answer is remembered per `candidates` object, which must therefore not change once passed.
 */
export function nearest(input: string, candidates: Candidates): string | undefined {
  const needle = input.trim().toLowerCase();
  if (needle.length > CACHED_LENGTH) return search(needle, candidates);
  let cache = remembered.get(candidates);
  if (!cache) remembered.set(candidates, (cache = new Map<string, string | undefined>()));
  if (cache.has(needle)) return cache.get(needle);
  const found = search(needle, candidates);
  if (cache.size >= NEAREST_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(needle, found);
  return found;
}

function search(needle: string, candidates: Candidates): string | undefined {
  // "42" is not a misspelt name: suggesting the closest id would only mislead.
  if (!/\p{L}/u.test(needle)) return undefined;
  const limit = Math.max(2, Math.ceil(needle.length / 3));
  let best: { value: string; distance: number } | undefined;
  for (const [name, value] of candidates) {
    const candidate = name.toLowerCase();
    // The distance is at least the difference in length. Skipping a candidate that cannot be within
    // the limit, or better than the best so far, changes no answer and keeps a huge input (a 1 MB
    // cell) from costing length × candidates work and memory: no candidate is then even compared.
    const floor = Math.abs(needle.length - candidate.length);
    if (floor > limit || (best && floor >= best.distance)) continue;
    const distance = editDistance(needle, candidate);
    if (!best || distance < best.distance) best = { value, distance };
  }
  return best && best.distance <= limit ? best.value : undefined;
}

/**
 * The `unknown_id` error for an input that names nothing: `did you mean` the nearest name when one
 * is close, else the `valid` ids when given.
 */
export function unknownId(
  fn: string,
  what: string,
  input: unknown,
  suggestion: string | undefined,
  valid?: readonly string[],
): CritminError {
  const hint = suggestion ? `; did you mean "${suggestion}"?` : valid ? `; expected one of ${valid.join(", ")}` : "";
  return new CritminError("unknown_id", `${fn}: unknown ${what} ${describe(input)}${hint}`);
}
