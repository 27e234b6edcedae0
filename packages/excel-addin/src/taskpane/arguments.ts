// Formula arguments as a person types them in the pane's forms, and the formula text to paste.

export type Cell = number | string | boolean | null;

/** Reads what a person typed the way Excel reads a formula argument: "" is omitted, 2023 a number, "x" or x text. */
export function parseArgument(raw: string): Cell {
  const text = raw.trim();
  if (text === "") return null;
  const quoted = /^"((?:[^"]|"")*)"$/.exec(text);
  if (quoted) return quoted[1]!.replaceAll('""', '"');
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(text)) {
    const percent = text.endsWith("%");
    const n = Number(percent ? text.slice(0, -1) : text);
    return percent ? n / 100 : n;
  }
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  return text;
}

function formulaArgument(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "string") return `"${value.replaceAll('"', '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** `=CRITMIN.CHINA_SHARE("cobalt","refining",2023)`: trailing omitted arguments dropped, inner ones left empty. */
export function formulaText(namespace: string, id: string, values: readonly Cell[]): string {
  const args = [...values];
  while (args.length > 0 && args[args.length - 1] === null) args.pop();
  return `=${namespace}.${id}(${args.map(formulaArgument).join(",")})`;
}

const DEFAULT_NAMESPACE = "CRITMIN";

/** The namespace the formulas are written in: `?ns=CRITMINDEV` for the dev build, CRITMIN by default. */
export function namespaceFromQuery(): string {
  const ns = new URLSearchParams(location.search).get("ns")?.trim().toUpperCase();
  return ns && /^[A-Z][A-Z0-9_]{0,31}$/.test(ns) ? ns : DEFAULT_NAMESPACE;
}
