// Evaluating a CRITMIN formula outside Excel: a single call with literal arguments is handed to the
// same wrapper Excel calls (registered with CustomFunctions.associate), under a given edition pin.
// Anything else is reported as not evaluated, never guessed.
import { parseCall, type Literal } from "./formulas.ts";
import { textOf } from "./text.ts";
import { withPin, type Pin } from "./pin.ts";

export type Scalar = string | number | boolean | null;
/** A value as the report shows it: a scalar, an Excel error code, or a spilled table. */
export type Evaluated =
  | { readonly ok: true; readonly value: Scalar | readonly (readonly Scalar[])[] }
  | { readonly ok: false; readonly reason: string };

export interface FunctionInfo {
  /** The wrapper, as associated with Excel. */
  readonly fn: (...args: unknown[]) => unknown;
  /** Per parameter: "matrix" when Excel hands it a 2-D array. */
  readonly dimensionality: readonly ("scalar" | "matrix" | undefined)[];
}

/** Function id (upper case) → wrapper and parameter shapes; from the associations and functions.json. */
export type FunctionLookup = (id: string) => FunctionInfo | undefined;

function errorCode(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string") {
    const code = (value as { code: string }).code;
    if (code.startsWith("#")) return code;
  }
  return undefined;
}

function scalar(value: unknown): Scalar {
  const code = errorCode(value);
  if (code) return code;
  if (value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null)
    return value;
  return textOf(value);
}

/** Calls a parsed formula's wrapper with Excel's argument shapes; errors become their codes. */
export function callFormula(formula: string, lookup: FunctionLookup, namespaces?: readonly string[]): Evaluated {
  const call = parseCall(formula, namespaces);
  if (!call.ok) return { ok: false, reason: call.reason };
  const info = lookup(call.id);
  if (!info) return { ok: false, reason: `${call.id} is not a CRITMIN function this add-in has` };
  const args = call.args.map((a: Literal, i) => (info.dimensionality[i] === "matrix" && a !== null ? [[a]] : a));
  let result: unknown;
  try {
    result = info.fn(...args);
  } catch {
    return { ok: true, value: "#VALUE!" };
  }
  if (result instanceof Promise) return { ok: false, reason: "an asynchronous function" };
  if (!Array.isArray(result)) return { ok: true, value: scalar(result) };
  const rows = (result as unknown[]).every(Array.isArray) ? (result as unknown[][]) : [result as unknown[]];
  if (rows.length === 1 && rows[0]!.length === 1) return { ok: true, value: scalar(rows[0]![0]) };
  return { ok: true, value: rows.map((r) => r.map(scalar)) };
}

/** An evaluator for one edition pin. */
export type Evaluator = (formula: string) => Evaluated;

export function evaluatorFor(pin: Pin | null, lookup: FunctionLookup, namespaces?: readonly string[]): Evaluator {
  return (formula) => withPin(pin, () => callFormula(formula, lookup, namespaces));
}
