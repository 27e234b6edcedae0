// How one Excel answer is compared with one core answer, and how a suite of cases runs through both
// (test/parity.test.ts).
import * as core from "../../packages/core/src/index.ts";
import * as functions from "../../packages/excel-addin/src/functions/functions.ts";
import { StubError } from "../../packages/excel-addin/test/stub-runtime.ts";

// Excel calls the functions untyped: strings for the @customenum parameters, null for omitted ones.
export type ExcelFunction = (...args: unknown[]) => unknown[][];
export const excel = functions as unknown as Record<keyof typeof functions, ExcelFunction>;

// ---------------------------------------------------------------------------------------------
// Comparing one Excel answer with one core answer.

export type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

export function attempt(compute: () => unknown): Outcome {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    return { ok: false, error };
  }
}

export const show = (v: unknown): string =>
  v instanceof StubError
    ? `${v.code}(${JSON.stringify(v.message)})`
    : typeof v === "number"
      ? String(v)
      : v === undefined
        ? "undefined"
        : JSON.stringify(v);
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Excel shows at most 255 characters of a message: a longer one may arrive cut, ending in "...". */
export function carries(excelMessage: string, coreMessage: string): boolean {
  if (excelMessage.includes(coreMessage)) return true;
  if (!excelMessage.endsWith("...") || excelMessage.length > 255) return false;
  const body = excelMessage.slice(0, -3);
  return body.length > 0 && [body, body.replace(/^internal error: /, "")].some((b) => coreMessage.startsWith(b));
}

let formatted = false;

/**
 * Issue 17: with data types on, a value function's number may arrive as a formatted number value,
 * compared with core by its basic value; in fallback mode one is a mismatch (today's plain values).
 */
export function acceptFormattedNumbers(on: boolean): void {
  formatted = on;
}

const isFormattedNumber = (cell: unknown): cell is { basicValue: number; numberFormat: string } =>
  typeof cell === "object" && cell !== null && (cell as { type?: unknown }).type === "FormattedNumber";

/** Why an Excel cell is not the core outcome, or undefined when it is. */
export function cellMismatch(cell: unknown, expected: Outcome): string | undefined {
  if (isFormattedNumber(cell)) {
    if (!formatted) return `Excel gives a formatted number ${JSON.stringify(cell)} without data types`;
    if (!Object.isFrozen(cell) || typeof cell.numberFormat !== "string" || cell.numberFormat === "")
      return `Excel gives a formatted number without a format or unfrozen: ${JSON.stringify(cell)}`;
    return cellMismatch(cell.basicValue, expected);
  }
  if (!expected.ok) {
    const message = errorText(expected.error);
    if (!(cell instanceof StubError) || cell.code !== "#VALUE!")
      return `core throws "${message}", Excel gives ${show(cell)}`;
    if (!carries(cell.message ?? "", message))
      return `core throws "${message}", Excel's #VALUE! says ${JSON.stringify(cell.message)}`;
    if (expected.error instanceof core.CritminError && (cell.message ?? "").startsWith("internal error")) {
      return `core's CritminError "${message}" reached Excel as an internal error (two copies of @critmin/core?)`;
    }
    if (!(expected.error instanceof core.CritminError))
      return `core throws a ${(expected.error as Error)?.name ?? typeof expected.error}, not a CritminError: "${message}"`;
    return undefined;
  }
  const value = expected.value;
  if (value === undefined) {
    if (!(cell instanceof StubError) || cell.code !== "#N/A")
      return `core returns undefined, Excel gives ${show(cell)}`;
    if (!cell.message) return "core returns undefined, Excel gives #N/A without a reason";
    return undefined;
  }
  if (cell instanceof StubError) return `core returns ${show(value)}, Excel gives ${show(cell)}`;
  return Object.is(cell, value) ? undefined : `core returns ${show(value)}, Excel gives ${show(cell)}`;
}

/** A 1×1 result compared with a scalar core outcome. */
export function scalarMismatch(result: unknown[][], expected: Outcome): string | undefined {
  if (!Array.isArray(result) || result.length !== 1 || !Array.isArray(result[0]) || result[0].length !== 1) {
    return `Excel returns ${JSON.stringify(result)}, not a 1×1 matrix`;
  }
  return cellMismatch(result[0][0], expected);
}

export type TableRows = readonly (readonly unknown[])[];

/** A spilled table compared with core rows: header, then each row with blanks as "", or one error cell. */
export function tableMismatch(result: unknown[][], header: readonly string[], expected: Outcome): string | undefined {
  if (!expected.ok || expected.value === undefined) return scalarMismatch(result, expected);
  const rows = expected.value as TableRows;
  const want: unknown[][] = [[...header], ...rows.map((r) => header.map((_, i) => r[i] ?? ""))];
  if (result.length !== want.length) return `Excel returns ${result.length} rows, core ${want.length} (with header)`;
  for (let r = 0; r < want.length; r++) {
    const got = result[r]!;
    const row = want[r]!;
    if (got.length !== row.length) return `row ${r}: Excel has ${got.length} columns, core ${row.length}`;
    for (let c = 0; c < row.length; c++) {
      const why = cellMismatch(got[c], { ok: true, value: row[c] });
      if (why) return `row ${r} column ${c}: ${why}`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Suites: one per Excel function, each a list of Excel argument lists (identifier unwrapped).

export type Args = readonly unknown[];
export interface Suite {
  readonly fn: string;
  readonly cases: readonly Args[];
  readonly excel: (args: Args) => unknown[][];
  readonly core: (args: Args) => unknown;
  /** For table functions: the header row and how core's result becomes rows. */
  readonly table?: { readonly header: readonly string[]; readonly rows: (value: unknown) => TableRows };
  /** A floor on the number of cases, so a shrinking enumeration cannot pass quietly. */
  readonly atLeast: number;
  /** Whether the cases must include figures that do not exist (#N/A) and bad questions (#VALUE!); default both. */
  readonly exercises?: { readonly missing: boolean; readonly throws: boolean };
}

/** An options object as an SDK caller writes it: only the options given (Excel's nulls left out). */
export function opts<T>(options: Record<string, unknown>): T {
  const given = Object.entries(options).filter(([, v]) => v !== null && v !== undefined);
  return (given.length === 0 ? undefined : Object.fromEntries(given)) as T;
}
export const str = (v: unknown) => v as string;
export const num = (v: unknown) => v as number;

export interface Tally {
  checked: number;
  /** Core answered a value, `undefined` (no figure), or threw. */
  value: number;
  missing: number;
  throws: number;
}

export function run(suite: Suite): { tally: Tally; mismatches: string[] } {
  const mismatches: string[] = [];
  const tally: Tally = { checked: 0, value: 0, missing: 0, throws: 0 };
  for (const args of suite.cases) {
    tally.checked++;
    const expected = attempt(() => suite.core(args));
    tally[!expected.ok ? "throws" : expected.value === undefined ? "missing" : "value"]++;
    let result: unknown[][];
    try {
      result = suite.excel(args);
    } catch (error) {
      mismatches.push(`${suite.fn}(${args.map(show).join(", ")}): Excel threw ${errorText(error)}`);
      continue;
    }
    const why = suite.table
      ? tableMismatch(
          result,
          suite.table.header,
          expected.ok && expected.value !== undefined
            ? { ok: true, value: suite.table.rows(expected.value) }
            : expected,
        )
      : scalarMismatch(result, expected);
    if (why) mismatches.push(`${suite.fn}(${args.map(show).join(", ")}): ${why}`);
  }
  return { tally, mismatches };
}
