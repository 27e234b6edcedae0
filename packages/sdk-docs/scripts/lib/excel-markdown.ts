// Computed examples as markdown: a value with its unit, a spilled range, a table with its header
// row. Shared by the function pages (excel-pages.ts) and the guides' snippets (excel-guides.ts).
import { TRAITS, type ValueUnit } from "../../../excel-addin/src/functions/traits.ts";
import type { ComputedExample, ShownCell } from "./excel.ts";
import { code, num, pct, table, text } from "./markdown.ts";

/** A table function spills a header row first (its traits say so). */
export function isTable(id: string): boolean {
  return TRAITS[id]?.kind === "table";
}

function unitOf(id: string): ValueUnit | undefined {
  const t = TRAITS[id];
  return t?.kind === "value" ? t.unit : undefined;
}

/** Shares, changes in share and coverage ratios are fractions: the pages add the percentage. */
export function isFraction(id: string): boolean {
  const unit = unitOf(id);
  return unit === "percent" || unit === "fraction";
}

export function isTonnes(id: string): boolean {
  return unitOf(id) === "tonnes";
}

/** What a table column's numbers are, by its header: the page adds the percentage or the tonnes beside them. */
function columnUnit(header: string): ValueUnit | undefined {
  if (/share|weight/i.test(header)) return "percent";
  if (/tonnes|\(t\)/i.test(header)) return "tonnes";
  return undefined;
}

function gloss(id: string, cell: ShownCell, column?: string): string {
  if (cell.kind !== "number") return "";
  const n = Number(cell.value);
  const unit = column === undefined ? unitOf(id) : columnUnit(column);
  if ((unit === "percent" || unit === "fraction") && Math.abs(n) <= 10) return ` (${pct(n)})`;
  if (unit === "tonnes") return ` (${num(n, 0)} t)`;
  return "";
}

/** One cell; `column`, a table's header over it, says what its number is. */
export function cellMarkdown(id: string, cell: ShownCell, column?: string): string {
  if (cell.kind === "error") return `**${code(cell.value)}** ${text(cell.message ?? "")}`;
  if (cell.kind === "blank") return "";
  if (cell.kind === "text") return text(cell.value);
  return `${code(cell.value)}${gloss(id, cell, column)}`;
}

const MAX_ROWS = 12;

export function gridMarkdown(
  id: string,
  example: ComputedExample,
  tableFunction: boolean,
  inputName: string | undefined,
): string {
  const rows = example.cells;
  const range = Array.isArray(example.args[0])
    ? (example.args[0] as readonly (readonly (string | number | boolean)[])[])
    : undefined;
  let header: string[];
  let body: string[][];
  if (tableFunction && rows.length > 0 && rows[0]!.every((c) => c.kind === "text")) {
    const columns = rows[0]!.map((c) => String(c.value));
    header = columns.map(text);
    body = rows.slice(1).map((r) => r.map((c, i) => cellMarkdown(id, c, columns[i])));
  } else if (range && range.length === rows.length && rows.every((r) => r.length === 1)) {
    header = [`${inputName ?? "input"} (the range)`, "Result (spilled)"];
    body = rows.map((r, i) => [text(range[i]!.join(", ")), cellMarkdown(id, r[0]!)]);
  } else {
    header = rows[0]!.map((_, i) => `column ${i + 1}`);
    body = rows.map((r) => r.map((c) => cellMarkdown(id, c)));
  }
  const more =
    body.length > MAX_ROWS
      ? `\n\n… and ${body.length - MAX_ROWS} more rows (${rows.length} rows spilled in all, header included).`
      : "";
  return `${table(header, body.slice(0, MAX_ROWS))}${more}`;
}

/** The formula, linked to its page when asked, with the example's note under it. */
export function formulaCell(e: ComputedExample, link = false): string {
  const f = link ? `[${code(e.formula)}](/excel/${e.id})` : code(e.formula);
  return e.note ? `${f}<br><small>${text(e.note)}</small>` : f;
}

/** One-cell examples as a table: formula, result and, where the function's EXPLAIN gives them, edition, year and unit. */
export function scalarTable(
  scalar: readonly ComputedExample[],
  readAs: (e: ComputedExample) => string | undefined,
  link = false,
): string {
  const read = scalar.map((e) => readAs(e) ?? "");
  const withRead = read.some(Boolean);
  return table(
    ["Formula", "Result", ...(withRead ? ["Read as"] : [])],
    scalar.map((e, i) => [
      formulaCell(e, link),
      cellMarkdown(e.id, e.cells[0]![0]!),
      ...(withRead ? [text(read[i]!)] : []),
    ]),
  );
}

export function examplesMarkdown(
  id: string,
  examples: readonly ComputedExample[],
  tableFunction: boolean,
  inputName: string | undefined,
  readAs: (e: ComputedExample) => string | undefined = () => undefined,
): string {
  const scalar = examples.filter((e) => e.cells.length === 1 && e.cells[0]!.length === 1);
  const parts: string[] = [];
  if (scalar.length > 0) parts.push(scalarTable(scalar, readAs));
  for (const e of examples.filter((x) => !scalar.includes(x))) {
    parts.push(
      `${code(e.formula)}${e.note ? `: ${text(e.note)}` : ""}\n\n${gridMarkdown(id, e, tableFunction, inputName)}`,
    );
  }
  return parts.join("\n\n");
}
