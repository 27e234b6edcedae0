// Finding CRITMIN formulas in what Excel's `range.formulas` returns: a 2-D array holding the
// formula text of formula cells and the constant of the others.

export const NAMESPACES = ["CRITMIN", "CRITMINDEV"] as const;

export interface FormulaCell {
  readonly sheet: string;
  /** A1 address without the sheet, e.g. "B3". */
  readonly address: string;
  /** 0-based, in the sheet. */
  readonly row: number;
  readonly column: number;
  readonly formula: string;
}

export type Literal = string | number | boolean | null;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `"…"` string literals blanked, so text such as ="CRITMIN.X(" is not taken for a call. */
export function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, (s) => `"${" ".repeat(Math.max(0, s.length - 2))}"`);
}

/** Matches `NS.FUNCTION(` for the given namespaces (longest first, so CRITMINDEV is not read as CRITMIN). */
export function callPattern(namespaces: readonly string[] = NAMESPACES): RegExp {
  const names = [...namespaces]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");
  return new RegExp(`(?<![A-Za-z0-9_.])(${names})\\.([A-Za-z_][A-Za-z0-9_.]*)\\s*\\(`, "gi");
}

/** True for a formula (text starting with "=") that calls a CRITMIN function anywhere in it. */
export function isCritminFormula(value: unknown, namespaces: readonly string[] = NAMESPACES): value is string {
  if (typeof value !== "string" || !value.startsWith("=")) return false;
  return callPattern(namespaces).test(withoutStrings(value));
}

/** The CRITMIN functions a formula calls, upper case, in order of appearance. */
export function functionsCalled(formula: string, namespaces: readonly string[] = NAMESPACES): string[] {
  return [...withoutStrings(formula).matchAll(callPattern(namespaces))].map((m) => m[2]!.toUpperCase());
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function cellAddress(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

/** "Sheet1!B3:D9" or "'My sheet'!B3" or "B3" → the top-left cell, 0-based. */
export function topLeft(address: string): { row: number; column: number } {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(local);
  if (!match) throw new Error(`not an A1 address: ${address}`);
  let column = 0;
  for (const ch of match[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** A rectangle of cells, 0-based. */
export interface Box {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** "Sheet1!B3:D9", "'My sheet'!B3" or "$B$3:$D$9" → the rectangle it covers. */
export function boxOf(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [first = "", last = first] = local.split(":");
  const start = topLeft(first);
  const end = topLeft(last);
  return { ...start, rows: end.row - start.row + 1, columns: end.column - start.column + 1 };
}

/** "B3:H9" (or "B3" for one cell) for a rectangle. */
export function boxAddress(box: Box): string {
  const start = cellAddress(box.row, box.column);
  if (box.rows === 1 && box.columns === 1) return start;
  return `${start}:${cellAddress(box.row + box.rows - 1, box.column + box.columns - 1)}`;
}

/** Every CRITMIN formula in a used range's formulas, with its address in the sheet. */
export function findCritminFormulas(
  sheet: string,
  formulas: readonly (readonly unknown[])[],
  origin: { row: number; column: number } = { row: 0, column: 0 },
  namespaces: readonly string[] = NAMESPACES,
): FormulaCell[] {
  const found: FormulaCell[] = [];
  formulas.forEach((cells, r) =>
    cells.forEach((value, c) => {
      if (isCritminFormula(value, namespaces)) {
        const row = origin.row + r;
        const column = origin.column + c;
        found.push({ sheet, address: cellAddress(row, column), row, column, formula: value });
      }
    }),
  );
  return found;
}

export type ParsedCall =
  | { readonly ok: true; readonly namespace: string; readonly id: string; readonly args: readonly Literal[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Parses a formula that is exactly one CRITMIN call with literal arguments:
 * `=CRITMIN.SHARE("lithium","AUS",,2023)`. Literals: "text" (with "" escapes), numbers (with an
 * optional %), TRUE/FALSE, and empty (omitted). Anything else (a cell reference, a nested call, an
 * operator) cannot be evaluated outside Excel and is said so.
 */
export function parseCall(formula: string, namespaces: readonly string[] = NAMESPACES): ParsedCall {
  const names = [...namespaces]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");
  const head = new RegExp(`^=\\s*(${names})\\.([A-Za-z_][A-Za-z0-9_.]*)\\s*\\(`, "i").exec(formula);
  if (!head) return { ok: false, reason: "not a single CRITMIN call" };
  const args: Literal[] = [];
  let i = head[0].length;
  const text = formula;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  skip();
  if (text[i] === ")") {
    i++;
    skip();
    return i === text.length
      ? { ok: true, namespace: head[1]!.toUpperCase(), id: head[2]!.toUpperCase(), args }
      : { ok: false, reason: "more than one CRITMIN call or an operator after it" };
  }
  for (;;) {
    skip();
    const rest = text.slice(i);
    let m: RegExpExecArray | null;
    if (rest.startsWith(",") || rest.startsWith(")")) {
      args.push(null);
    } else if ((m = /^"((?:[^"]|"")*)"/.exec(rest))) {
      args.push(m[1]!.replaceAll('""', '"'));
      i += m[0].length;
    } else if ((m = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?%?/i.exec(rest))) {
      const token = m[0];
      const n = Number(token.endsWith("%") ? token.slice(0, -1) : token);
      args.push(token.endsWith("%") ? n / 100 : n);
      i += token.length;
    } else if ((m = /^(TRUE|FALSE)(?![A-Za-z0-9_(!.:$])/i.exec(rest))) {
      args.push(m[1]!.toUpperCase() === "TRUE");
      i += m[0].length;
    } else {
      return { ok: false, reason: "an argument is a cell reference, a name or a nested formula" };
    }
    skip();
    const ch = text[i];
    if (ch === ",") {
      i++;
      continue;
    }
    if (ch === ")") {
      i++;
      skip();
      if (i !== text.length) return { ok: false, reason: "more than one CRITMIN call or an operator after it" };
      return { ok: true, namespace: head[1]!.toUpperCase(), id: head[2]!.toUpperCase(), args };
    }
    return { ok: false, reason: "an argument is an expression, not a literal" };
  }
}
