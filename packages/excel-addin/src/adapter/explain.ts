// CRITMIN.EXPLAIN: a function id and that function's own arguments → the core answer as
// field/value rows. The arguments are parsed by the function's own entry in calls.ts.
import { describe, text } from "./args.ts";
import { answerRows } from "./answerText.ts";
import { CALLS, explainCall } from "./calls.ts";
import { ArgumentError, errorFor } from "./errors.ts";
import type { ExcelValue } from "./results.ts";

const FN = "EXPLAIN";

/** The functions EXPLAIN takes: every function that returns one value per cell. */
export const EXPLAINED: readonly string[] = Object.freeze(
  Object.entries(CALLS)
    .filter(([, c]) => c.kind === "value")
    .map(([id]) => id),
);

/** Every CRITMIN id, for the "did you mean" and for naming the ones EXPLAIN does not take. */
const OTHER_FUNCTIONS = [
  "TOP_PRODUCERS",
  "TECH_EXPOSURE_TABLE",
  "SOURCE",
  "MINERALS",
  "COUNTRIES",
  "GROUPS",
  "EDITIONS",
  "DATA_VERSION",
  "EXPLAIN",
];

/** Edit distance (insertions, deletions, substitutions) between two short ids. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The closest function id, within a third of the name's length (the limit core's own "did you mean"
 * uses for minerals and countries); a long name is not compared, so a huge cell costs nothing.
 */
function nearestId(id: string, ids: readonly string[]): string | undefined {
  if (id.length > 64 || !/[A-Z]/.test(id)) return undefined;
  const limit = Math.max(2, Math.ceil(id.length / 3));
  let best: { id: string; d: number } | undefined;
  for (const candidate of ids) {
    const d = distance(id, candidate);
    if (d <= limit && (!best || d < best.d)) best = { id: candidate, d };
  }
  return best?.id;
}

/** "chinashare" is not accepted, but `=CRITMIN.China_Share` style ids and a namespace prefix are. */
export function functionId(name: unknown): string {
  const given = text(FN, "function", name);
  const id = given
    .replace(/^=/, "")
    .replace(/\(\)$/, "")
    .replace(/^[A-Za-z][A-Za-z0-9_]*\./, "")
    .trim()
    .toUpperCase();
  if (EXPLAINED.includes(id)) return id;
  const takes = `EXPLAIN takes ${EXPLAINED.join(",")}`;
  if (OTHER_FUNCTIONS.includes(id)) {
    const table = id === "TOP_PRODUCERS" || id === "TECH_EXPOSURE_TABLE";
    const why = table ? "spills a table" : id === "SOURCE" ? "is a citation" : "is reference data";
    throw new ArgumentError(`${FN}: ${id} ${why}. ${takes}`);
  }
  const suggestion = nearestId(id, [...EXPLAINED, ...OTHER_FUNCTIONS]);
  if (suggestion) throw new ArgumentError(`${FN}: unknown function ${describe(given)}; did you mean "${suggestion}"?`);
  throw new ArgumentError(`${FN}: unknown function ${describe(given)}. ${takes}`);
}

/** EXPLAIN's spilled result: a Field/Value header, then the answer's rows; one error cell otherwise. */
export function explainRows(name: unknown, identifier: unknown, rest: readonly unknown[]): ExcelValue[][] {
  try {
    const id = functionId(name);
    const answer = explainCall(id, identifier, rest);
    const value = CALLS[id]!.excel(answer.value) as number | string | boolean | undefined;
    // A record without the field Excel shows (CRMA_CHECK undecided) has no core reason: say so.
    const reason = value === undefined ? (answer.reason ?? `${id} gives no value for these arguments`) : undefined;
    return [["Field", "Value"], ...answerRows({ ...answer, reason }, value)];
  } catch (error) {
    return [[errorFor(error)]];
  }
}
