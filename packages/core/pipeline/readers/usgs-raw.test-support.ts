// Test-only access to the raw USGS CSVs, deliberately not through the readers' code (no usgs-csv.ts):
// each physical line is parsed on its own, so expected values come from the files themselves.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { SOURCE_DIR } from "../sourceDir.ts";

export const dataDir = SOURCE_DIR;

export interface RawUsgsCsv {
  readonly text: string;
  /** The raw cells of physical line `line` (header = 1), keyed by column name. */
  readonly rawRow: (line: number) => Record<string, string>;
  /** Every non-blank physical line after the header, with its cells. */
  readonly dataLines: readonly { readonly line: number; readonly row: Record<string, string> }[];
  /** The physical line and column a reader's locator (`FILE:row N:COLUMN`) points at. */
  readonly locatorParts: (locator: string) => { line: number; column: string };
}

function parseLine(line: string): string[] {
  const [record] = parse(line);
  return record ?? [];
}

export function rawUsgsCsv(file: string): RawUsgsCsv {
  const text = readFileSync(path.join(dataDir, "usgs", file), "utf8");
  const lines = text.split(/\r?\n/);
  const header = parseLine(lines[0] ?? "");
  const rawRow = (line: number) => {
    const cells = parseLine(lines[line - 1] ?? "");
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""]));
  };
  const dataLines = lines
    .map((line, i) => ({ line: i + 1, text: line }))
    .filter(({ line, text: content }) => line > 1 && content.trim() !== "")
    .map(({ line }) => ({ line, row: rawRow(line) }));
  const prefix = `${file}:row `;
  const locatorParts = (locator: string) => {
    const m = /^(\d+):(.+)$/.exec(locator.startsWith(prefix) ? locator.slice(prefix.length) : "");
    if (!m) throw new Error(`unexpected locator ${locator}`);
    return { line: Number(m[1]), column: m[2] ?? "" };
  };
  return { text, rawRow, dataLines, locatorParts };
}
