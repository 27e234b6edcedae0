// Cell values from Excel and from the functions are typed `unknown` where they cross into the pane
// and the workbook code: one rule for showing any of them as text.

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
