/** The most characters of a caller's text an error message quotes. */
export const MAX_QUOTED = 80;

function cut(text: string): string {
  if (text.length <= MAX_QUOTED) return text;
  return `${text.slice(0, MAX_QUOTED - 1)}… (${text.length} characters)`;
}

/**
 * How an error message shows a value the caller passed: text in quotes, numbers and the like as
 * themselves, anything else as JSON or its type. Never throws (a null-prototype object, a symbol,
 * a BigInt or a circular object would make `String()`, a template literal or `JSON.stringify`
 * throw a TypeError of their own) and never quotes more than {@link MAX_QUOTED} characters.
 */
export function describe(input: unknown): string {
  switch (typeof input) {
    case "string":
      return `"${cut(input)}"`;
    case "number":
    case "boolean":
    case "undefined":
      return String(input);
    case "bigint":
      return `${cut(input.toString())}n`;
    case "symbol":
      return cut(input.toString());
    case "function":
      return "a function";
  }
  if (input === null) return "null";
  try {
    if (input instanceof Error) return cut(`${String(input.name)}: ${String(input.message)}`);
    const json = JSON.stringify(input);
    if (typeof json === "string") return cut(json);
  } catch {
    // circular, a BigInt inside, a throwing getter or toJSON: fall through to the type
  }
  return Object.prototype.toString.call(input);
}

/** "iea-cmde-2024: 2023, 2030; usgs-mcs-2025: 2023": the years each edition has, for a reason. */
export function describeYears(list: readonly { readonly edition: string; readonly years: Iterable<number> }[]): string {
  return list.map((c) => `${c.edition}: ${[...c.years].join(", ")}`).join("; ");
}

/** A share as a percent with at most one decimal, for reasons: 0.1234 → "12.3%". */
export const describePercent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;
