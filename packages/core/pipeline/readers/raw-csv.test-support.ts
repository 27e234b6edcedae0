// Test-only access to raw CSV source files, deliberately not through the readers' code (no csv.ts):
// each physical line is parsed on its own, so expected values come from the files themselves.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { SourceError } from "../problems.ts";
import { SOURCE_DIR } from "../sourceDir.ts";

export const dataDir = SOURCE_DIR;

export interface RawCsv {
  /** The file's text as stored (a BOM, if any, kept). */
  readonly text: string;
  /** The header's names (a leading BOM removed). */
  readonly header: readonly string[];
  /** The raw cells of physical line `line` (header = 1), keyed by column name. */
  readonly rawRow: (line: number) => Record<string, string>;
  /** Every non-blank physical line after the header, with its cells. */
  readonly dataLines: readonly { readonly line: number; readonly row: Record<string, string> }[];
  /** The physical line and column a reader's locator (`FILE:row N:COLUMN` or `FILE:row N`) points at. */
  readonly locatorParts: (locator: string) => { line: number; column: string };
}

function parseLine(line: string): string[] {
  const [record] = parse(line);
  return record ?? [];
}

/** `relative`: the file's path under the data directory (`usgs/MCS2025_World_Data.csv`). */
export function rawCsv(relative: string): RawCsv {
  const file = path.basename(relative);
  const text = readFileSync(path.join(dataDir, relative), "utf8");
  const lines = text.split(/\r?\n/);
  const header = parseLine((lines[0] ?? "").replace(/^\uFEFF/, ""));
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
    const m = /^(\d+)(?::(.+))?$/.exec(locator.startsWith(prefix) ? locator.slice(prefix.length) : "");
    if (!m) throw new Error(`unexpected locator ${locator}`);
    return { line: Number(m[1]), column: m[2] ?? "" };
  };
  return { text, header, rawRow, dataLines, locatorParts };
}

/**
 * The problems a reader reports for a file written to a fresh data directory (at `relative`), one
 * per line, or "" when it reads the file; the directory is removed afterwards.
 */
export function problemsReading(relative: string, text: string, read: (dataDir: string) => unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), "critmin-reader-"));
  try {
    mkdirSync(path.join(dir, path.dirname(relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), text);
    read(dir);
    return "";
  } catch (error) {
    if (error instanceof SourceError) return error.problems.join("\n");
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
