// Locator formats, one per kind of source file; every row in the dataset carries one.

/** `IEA_CM_Data_Explorer_2024-05.xlsx!'2 Total supply for key minerals'!B7` */
export function cellLocator(file: string, sheet: string, cell: string): string {
  return `${file}!'${sheet}'!${cell}`;
}

/** `MCS2025_World_Data.csv:row 268:PROD_2023`; `line` is the physical line, the header being line 1. */
export function csvLocator(file: string, line: number, column: string): string {
  return `${file}:row ${line}:${column}`;
}

/** `IEA_CM_Data_Explorer_2025-05.parsed.json#/supply/Copper/mining/countries/Chile/2024` (RFC 6901). */
export function jsonLocator(file: string, path: readonly (string | number)[]): string {
  const escaped = path.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1"));
  return `${file}#/${escaped.join("/")}`;
}

/** Marks a value the pipeline derived from located inputs (e.g. a recomputed rest of world). */
export function derivedLocator(rule: string, inputs: readonly string[]): string {
  return `derived:${rule}(${inputs.join(" ; ")})`;
}
