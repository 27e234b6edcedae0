// Cell values from Excel and from the functions are typed `unknown` where they cross into the pane
// and the workbook code: one rule for showing any of them as text, and one for writing them.

/** A value as text: "" for null or undefined, the value itself for text, numbers and booleans. */
export function textOf(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "";
    default:
      // Objects (and null) are never cell values here; JSON at least shows what arrived.
      return value === null ? "" : (JSON.stringify(value) ?? "");
  }
}

/** Text Excel would not keep as typed: a formula (=), a number or formula (+ -), a function (@). */
const LIVE = /^[=+\-@]/;

/**
 * Text Excel would read as a number, date, time or boolean when written: "2025-11-07", "2024",
 * "1,234", ".5", "(5)", "$5", "May 2025", "TRUE". Kept as text, it stays what the function returned.
 */
const PARSED =
  /^\s*[\d.($]|^\s*(true|false)\s*$|^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/,.]*\d/i;

/**
 * A value as the add-in writes it into a cell (`range.values` or `range.formulas`): text starting
 * with = + - @ gets a leading apostrophe, so Excel stores it as text (the apostrophe is not part of
 * the value) and a dataset citation such as "=WEBSERVICE(…)" never becomes a live formula; so does
 * text Excel would turn into a number or date (an edition's date "2025-11-07" stays that text).
 * Everything the add-in writes from data goes through here.
 */
export function cellValue<T>(value: T): T | string {
  return typeof value === "string" && (LIVE.test(value) || PARSED.test(value)) ? `'${value}` : value;
}

/** {@link cellValue} for every cell of a block. */
export function cellValues<T>(rows: readonly (readonly T[])[]): (T | string)[][] {
  return rows.map((row) => row.map(cellValue));
}
