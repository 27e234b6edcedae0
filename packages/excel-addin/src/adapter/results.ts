// Shapes of what goes back to Excel: one value, a value per cell of a range, or a table.
import { errorFor, excelError } from "./errors.ts";

export type ExcelValue = number | string | boolean | CustomFunctions.Error;

/**
 * Runs one core call: a number or text is returned as is; `undefined` (no figure) becomes `#N/A`
 * with the reason; any thrown error becomes `#VALUE!` with its message.
 */
export function value(compute: () => number | string | boolean | undefined, missing: () => string): ExcelValue {
  try {
    const result = compute();
    if (result === undefined || (typeof result === "number" && !Number.isFinite(result))) return excelError("#N/A", missing());
    return result;
  } catch (error) {
    return errorFor(error);
  }
}

/**
 * Applies `each` to every cell of the identifier argument, which arrives as a 2-D array (the
 * parameter is declared as a matrix so that a range spills a result of the same shape).
 */
export function broadcast(input: unknown, each: (cell: unknown) => ExcelValue): ExcelValue[][] {
  const rows = Array.isArray(input) ? (input.every(Array.isArray) ? (input as unknown[][]) : [input]) : [[input]];
  if (rows.length === 0 || rows.some((r) => r.length === 0)) return [[excelError("#VALUE!", "the range is empty")]];
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((row) => Array.from({ length: width }, (_, i) => cell(each, i < row.length ? row[i] : null)));
}

/**
 * One cell of a broadcast. Wrappers parse some arguments outside `value()` (a default supplier,
 * the arguments of the #N/A reason), so a bad argument can throw before `value()` is entered:
 * catch it here, so that cell becomes `#VALUE!` with the message instead of the whole call
 * failing with a raw exception (which Excel shows as a bare `#VALUE!`).
 */
function cell(each: (cell: unknown) => ExcelValue, input: unknown): ExcelValue {
  try {
    return each(input);
  } catch (error) {
    return errorFor(error);
  }
}

/** A table with a header row; blanks are "" (Excel would show null as 0), every row as wide as the header. */
export function table(compute: () => readonly (readonly (string | number | boolean | undefined | null)[])[] | undefined, header: readonly string[], missing: () => string): ExcelValue[][] {
  try {
    const rows = compute();
    if (rows === undefined) return [[excelError("#N/A", missing())]];
    return [[...header], ...rows.map((r) => header.map((_, i) => r[i] ?? ""))];
  } catch (error) {
    return [[errorFor(error)]];
  }
}
