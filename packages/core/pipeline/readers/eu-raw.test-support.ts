// Test-only access to the raw EU CSVs, deliberately not through the readers' code (no csv-parse,
// no eu-csv.ts), so expected values come from the files themselves.
import { readFileSync } from "node:fs";
import path from "node:path";
import { SOURCE_DIR } from "../sourceDir.ts";

export const dataDir = SOURCE_DIR;

export function rawBytes(file: string): Buffer {
  return readFileSync(path.join(dataDir, "eu", file));
}

const linesCache = new Map<string, string[]>();

/** Physical lines; index 0 is line 1 (the header). */
export function rawLines(file: string): string[] {
  const cached = linesCache.get(file);
  if (cached) return cached;
  const lines = rawBytes(file).toString("utf8").split(/\r?\n/);
  linesCache.set(file, lines);
  return lines;
}

/** Splits one CSV record; quoted fields may hold commas and line breaks. */
export function splitCsv(text: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

export interface RawRecord {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** The record starting on physical line `line`, joining lines while a quote is open. */
export function recordAt(lines: readonly string[], line: number): { text: string; next: number } {
  let text = lines[line - 1] ?? "";
  let next = line + 1;
  while ((text.match(/"/g)?.length ?? 0) % 2 === 1 && next <= lines.length) {
    text += `\n${lines[next - 1] ?? ""}`;
    next++;
  }
  return { text, next };
}

/** Every data record of a file with the physical line it starts on. */
export function rawRecords(file: string): RawRecord[] {
  const lines = rawLines(file);
  const header = splitCsv(lines[0] ?? "");
  const records: RawRecord[] = [];
  for (let line = 2; line <= lines.length;) {
    const { text, next } = recordAt(lines, line);
    if (text.trim() !== "") {
      const fields = splitCsv(text);
      records.push({ line, cells: Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ""])) });
    }
    line = next;
  }
  return records;
}

/** The raw cell a `file:row N:COLUMN` locator points at. */
export function cellAt(locator: string): string {
  const m = /^(.+):row (\d+):(.+)$/.exec(locator);
  if (!m) throw new Error(`not a csv locator: ${locator}`);
  const [, file = "", line = "", column = ""] = m;
  const lines = rawLines(file);
  const header = splitCsv(lines[0] ?? "");
  const fields = splitCsv(recordAt(lines, Number(line)).text);
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`no column ${column} in ${file}`);
  return fields[index] ?? "";
}

/** The whole raw record a locator points at, by header name. */
export function recordOf(locator: string): Record<string, string> {
  const m = /^(.+):row (\d+):/.exec(locator);
  if (!m) throw new Error(`not a csv locator: ${locator}`);
  const [, file = "", line = ""] = m;
  const lines = rawLines(file);
  const header = splitCsv(lines[0] ?? "");
  const fields = splitCsv(recordAt(lines, Number(line)).text);
  return Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ""]));
}

/** "1.5" (percent) → 15 / 1000: one correctly rounded division, i.e. the double nearest 0.015. */
export function exactPercentFraction(digits: string): number {
  const [whole = "", decimals = ""] = digits.split(".");
  return Number(whole + decimals) / 10 ** (decimals.length + 2);
}
