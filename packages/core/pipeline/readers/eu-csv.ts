// Shared plumbing for the EU CRM 2023 files: decoding, physical line numbers, exact percent parsing.
import { basename } from "node:path";
import { parse } from "csv-parse/sync";
import type { EditionId } from "../../src/schema/rows.ts";
import { SourceError } from "../problems.ts";
import { readSourceText } from "../sourceText.ts";

export const EU_EDITION: EditionId = "ec-crm-2023";

/** The assessment year of the 2023 study; appendix-7 shares and the results table carry no year of their own. */
export const EU_ASSESSMENT_YEAR = 2023;

/** One CSV record keyed by header, with the physical line it starts on (header = line 1). */
export interface EuRecord {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * Reads an EU CSV. The appendix-7 files hold Latin-1 bytes in otherwise UTF-8 text (Türkiye),
 * so decoding is UTF-8 with replacement, not fatal: the damaged name is then mapped explicitly
 * (rule `eu-damaged-turkiye`) instead of guessing the file's encoding per byte.
 */
export function readEuCsv(file: string, columns: readonly string[]): EuRecord[] {
  const name = basename(file);
  const text = readSourceText(file, false);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { info: true, skip_empty_lines: true }) as unknown as typeof parsed;
  } catch (error) {
    throw new SourceError(name, [`${name}: not readable as CSV: ${(error as Error).message}`]);
  }
  const [header, ...body] = parsed;
  const names = header?.record ?? [];
  if (columns.some((c, i) => names[i] !== c)) {
    throw new SourceError(name, [`${name}:row 1: expected columns ${columns.join(",")}, got ${names.join(",")}`]);
  }
  return body.map(({ record, info }) => ({
    line: startLine(record, info.lines),
    cells: Object.fromEntries(names.map((name, i) => [name, record[i] ?? ""])),
  }));
}

// csv-parse reports the line a record ends on; a quoted field with a line break
// ("Natural Teak\nwood" in annex 4) makes the record start earlier.
function startLine(record: readonly string[], endLine: number): number {
  const breaks = record.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  return endLine - breaks;
}

/** Collapses the whitespace and line breaks some EU names carry ("Natural Teak\nwood"). */
export function cleanEuName(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/**
 * `"1.5"` (a percent, as printed) → 0.015, the double nearest the decimal 0.015.
 * Dividing the parsed number by 100 would give 0.015000000000000001, so the decimal point
 * is moved in the digit string instead and the result parsed once.
 */
export function percentToFraction(digits: string): number {
  const m = DECIMAL.exec(digits);
  if (!m) throw new Error(`expected a decimal percent, got "${digits}"`);
  const whole = m[1] ?? "";
  const decimals = m[2] ?? "";
  // At least one digit must stay left of the moved point: "0.01" → "00001" → "0.0001".
  const all = (whole + decimals).padStart(decimals.length + 3, "0");
  const point = all.length - decimals.length - 2;
  return Number(`${all.slice(0, point)}.${all.slice(point)}`);
}
