// CRITMIN.EXPLAIN: a function id and that function's own arguments → the core answer as
// field/value rows. The arguments are parsed by the function's own entry in calls.ts.
import * as core from "@critmin/core";
import { describe, text } from "./args.ts";
import { answerRows } from "./answerText.ts";
import { CALLS, explainCall } from "./calls.ts";
import { ArgumentError, errorFor } from "./errors.ts";
import type { ExcelValue } from "./results.ts";
import { TRAITS } from "../functions/traits.ts";
import { entityOf } from "./cards/card.ts";
import { explainCard } from "./cards/explainCard.ts";
import { dataTypesSupported } from "./dataTypes.ts";

const FN = "EXPLAIN";

/** The functions EXPLAIN takes: every function that returns one value per cell. */
export const EXPLAINED: readonly string[] = Object.freeze(
  Object.entries(CALLS)
    .filter(([, c]) => c.kind === "value")
    .map(([id]) => id),
);

/** The other CRITMIN ids (tables, citations, reference lists), for the "did you mean" and to name them. */
const OTHER_FUNCTIONS: readonly string[] = Object.keys(TRAITS).filter((id) => !EXPLAINED.includes(id));

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
    const table = CALLS[id]?.kind === "table";
    const why = table ? "spills a table" : id === "SOURCE" ? "is a citation" : "is reference data";
    throw new ArgumentError(`${FN}: ${id} ${why}. ${takes}`);
  }
  const suggestion = core.didYouMean(id, [...EXPLAINED, ...OTHER_FUNCTIONS]);
  if (suggestion) throw new ArgumentError(`${FN}: unknown function ${describe(given)}; did you mean "${suggestion}"?`);
  throw new ArgumentError(`${FN}: unknown function ${describe(given)}. ${takes}`);
}

/** EXPLAIN's spilled result: a Field/Value header, then the answer's rows (or one card); one error cell otherwise. */
export function explainRows(name: unknown, identifier: unknown, rest: readonly unknown[]): ExcelValue[][] {
  try {
    const id = functionId(name);
    const answer = explainCall(id, identifier, rest);
    const value = CALLS[id]!.excel(answer.value) as number | string | boolean | undefined;
    // A record without the field Excel shows (CRMA_CHECK undecided) has no core reason: say so.
    const reason = value === undefined ? (answer.reason ?? `${id} gives no value for these arguments`) : undefined;
    // Where the host takes data types, one cell: the value as its text, the rows on its card.
    if (dataTypesSupported()) {
      const label = `${id}(${[identifier, ...rest]
        .filter((a) => a !== null && a !== undefined)
        .map((a) => JSON.stringify(a))
        .join(", ")})`;
      return [[entityOf(explainCard(id, label, { ...answer, reason }, value))]];
    }
    return [["Field", "Value"], ...answerRows({ ...answer, reason }, value)];
  } catch (error) {
    return [[errorFor(error)]];
  }
}
