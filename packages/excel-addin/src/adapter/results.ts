// Shapes of what goes back to Excel: one value, a value per cell of a range, or a table.
import { errorFor, excelError } from "./errors.ts";

/** A cell as a custom function returns it; a data type (issue 17) only where the host takes them. */
export type ExcelValue =
  number | string | boolean | CustomFunctions.Error | Excel.FormattedNumberCellValue | Excel.EntityCellValue;

/**
 * Runs one core call: a number or text is returned as is; `undefined` (no figure) becomes `#N/A`
 * with the reason; any thrown error becomes `#VALUE!` with its message.
 */
export function value(compute: () => number | string | boolean | undefined, missing: () => string): ExcelValue {
  try {
    const result = compute();
    if (result === undefined || (typeof result === "number" && !Number.isFinite(result)))
      return excelError("#N/A", missing());
    return result;
  } catch (error) {
    return errorFor(error);
  }
}

/** Distinct cell values whose answer one call remembers; a range of more distinct values computes the rest cell by cell. */
export const BROADCAST_MEMO_SIZE = 4096;

/**
 * Applies `each` to every cell of the identifier argument, which arrives as a 2-D array (the
 * parameter is declared as a matrix so that a range spills a result of the same shape). Within one
 * call the other arguments are fixed, so a value repeated down the range ("cobalt" a million
 * times, or the same typo, whose error is the costly part) is answered once.
 */
export function broadcast(input: unknown, each: (cell: unknown) => ExcelValue): ExcelValue[][] {
  const answers = new Map<unknown, ExcelValue>();
  const once = (value: unknown): ExcelValue => {
    // Only plain cell values are keys: an error value or an object is answered every time.
    if (typeof value === "object" && value !== null) return cell(each, value);
    const known = answers.get(value);
    if (known !== undefined) return known;
    const answer = cell(each, value);
    if (answers.size < BROADCAST_MEMO_SIZE) answers.set(value, answer);
    return answer;
  };
  const rows = toRows(input);
  // A loop, not Math.max(...widths): spreading a whole column (over ~125,000 rows) into arguments
  // overflows the stack, a RangeError that Excel shows as a bare #VALUE! for the whole range.
  let width = 0;
  for (const row of rows) {
    if (row.length === 0) return [[excelError("#VALUE!", "the range is empty")]];
    if (row.length > width) width = row.length;
  }
  if (rows.length === 0) return [[excelError("#VALUE!", "the range is empty")]];
  return rows.map((row) => Array.from({ length: width }, (_, i) => once(i < row.length ? row[i] : null)));
}

/** A 2-D array as is; a 1-D array (one row, holes and all) or a single value wrapped. */
function toRows(input: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(input)) return [[input]];
  for (let i = 0; i < input.length; i++) if (!Array.isArray(input[i])) return [input];
  return input as unknown[][];
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

/**
 * A table with a header row; blanks are "" (Excel would show null as 0), every row as wide as the
 * header. No rows (`undefined`, or an empty list) is `#N/A` with the reason: a spill of the header
 * alone would say nothing. A function whose empty list is an answer ("no list names it") gives
 * `compute` a row that says so in words (policyTables.ts).
 */
export function table(
  compute: () => readonly (readonly (string | number | boolean | undefined | null)[])[] | undefined,
  header: readonly string[],
  missing: () => string,
): ExcelValue[][] {
  try {
    const rows = compute();
    if (rows === undefined || rows.length === 0) return [[excelError("#N/A", missing())]];
    return [[...header], ...rows.map((r) => header.map((_, i) => tableCell(r[i])))];
  } catch (error) {
    return [[errorFor(error)]];
  }
}

/** A table cell: a missing value or a number Excel cannot show (NaN, ±Infinity) is a blank "", never 0 or #NUM!. */
function tableCell(value: string | number | boolean | undefined | null): string | number | boolean {
  if (value === undefined || value === null) return "";
  return typeof value === "number" && !Number.isFinite(value) ? "" : value;
}
