// One value cell of the USGS world data and the notes beside it: number, bound, "W", "NA" or blank,
// and the status each gives. None of them is ever read as 0.
import type { Measure, Status } from "../../src/schema/rows.ts";
import { USGS_RULES } from "./usgs-rules.ts";

export type ParsedCell =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "lower-bound"; readonly value: number }
  | { readonly kind: "upper-bound"; readonly value: number }
  | { readonly kind: "withheld" }
  | { readonly kind: "not-available" }
  | { readonly kind: "invalid"; readonly text: string };

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * One value cell. usgs-lower-bound: ">2000000" and ">17,000,000" are bounds, kept as printed
 * (2000000) with status `lower-bound`, never read as the value itself; "<50" likewise an upper bound.
 * "W" is withheld and "NA"/"XX" not available: neither is ever 0.
 */
export function parseUsgsCell(raw: string): ParsedCell {
  const text = raw.trim();
  if (text === "") return { kind: "blank" };
  if (text === "W") return { kind: "withheld" };
  if (/^(na|xx)$/i.test(text)) return { kind: "not-available" };
  const bound = /^([<>])\s*(.+)$/.exec(text);
  const digits = bound ? (bound[2] ?? "") : text;
  if (!NUMBER.test(digits)) return { kind: "invalid", text: raw };
  const value = Number(digits.replaceAll(",", ""));
  if (!bound) return { kind: "number", value };
  return bound[1] === ">" ? { kind: "lower-bound", value } : { kind: "upper-bound", value };
}

/**
 * usgs-withheld-is-not-zero: a blank cell whose notes say "W" ("W for 23-24") was withheld to
 * avoid disclosing company data. It becomes `null` with status `withheld`, never 0.
 */
export function notesSayWithheld(notes: string): boolean {
  return /(^|[^A-Za-z])W([^A-Za-z]|$)/.test(notes);
}

/** A blank cell: withheld if the notes say so, otherwise simply not available. */
export function blankCellStatus(notes: string): { status: Status; rules: string[] } {
  return notesSayWithheld(notes)
    ? { status: "withheld", rules: [USGS_RULES.withheld] }
    : { status: "not-available", rules: [] };
}

/** Notes that are a bare "reported" ("Reported.", "reported", the typo "reproted"), overriding an estimated TYPE. */
export function notesSayReported(notes: string): boolean {
  return /(^|,\s*)(reported|reproted)\.?$/i.test(notes.trim());
}

export function notesSayEstimated(notes: string): boolean {
  return /\bestimated\b/i.test(notes);
}

/**
 * Status of a 2023 production or capacity figure. Notes decide first; failing them,
 * usgs-estimated-series: a TYPE ending in "estimated" ("Mine production, cobalt content,
 * estimated") marks the whole series as USGS estimates.
 */
export function status2023(notes: string, type: string): { status: Status; rules: string[] } {
  if (notesSayReported(notes)) return { status: "reported", rules: [] };
  if (notesSayEstimated(notes)) return { status: "estimated", rules: [] };
  if (/\bestimated\b/i.test(type)) return { status: "estimated", rules: [USGS_RULES.estimatedSeries] };
  return { status: "reported", rules: [] };
}

/** usgs-world-total-excludes-us: "Excludes U.S. production." (any case, with or without the stop). */
export function notesSayExcludesUs(notes: string): boolean {
  return /excludes\s+u\.\s?s\.\s+production/i.test(notes);
}

/** Which figure a cell holds: its measure and year decide how a plain number's status is read. */
export interface CellFigure {
  readonly measure: Measure;
  readonly year: number;
}

/** A parsed cell as value, status and rules; `undefined` for a cell that is none of the known forms. */
export function valueAndStatus(
  parsed: ParsedCell,
  notes: string,
  type: string,
  spec: CellFigure,
): { value: number | null; status: Status; rules: string[] } | undefined {
  switch (parsed.kind) {
    case "invalid":
      return undefined;
    case "blank":
      return { value: null, ...blankCellStatus(notes) };
    case "withheld":
      return { value: null, status: "withheld", rules: [USGS_RULES.withheld] };
    case "not-available":
      return { value: null, status: "not-available", rules: [] };
    case "lower-bound":
      return { value: parsed.value, status: "lower-bound", rules: [USGS_RULES.lowerBound] };
    case "upper-bound":
      return { value: parsed.value, status: "upper-bound", rules: [USGS_RULES.upperBound] };
    case "number":
      return { value: parsed.value, ...numberStatus(notes, type, spec) };
  }
}

/** The "_EST_ 2024" columns are USGS estimates by definition; reserves are as reported. */
function numberStatus(notes: string, type: string, spec: CellFigure): { status: Status; rules: string[] } {
  if (spec.measure === "reserves") return { status: "reported", rules: [] };
  if (spec.year === 2024) return { status: "estimated", rules: [] };
  return status2023(notes, type);
}
