// How a result reads, by the unit of its answer (core's AnswerUnit): the cell's number format when
// the pane inserts a formula, and the text the pane shows. One table, so a share inserted into a
// cell and the same share in the pane read alike (78.4%), and a new unit cannot be left out.
import type { AnswerUnit } from "@critmin/core";
import { traitsOf, type ValueUnit } from "../functions/traits.ts";

interface UnitFormat {
  /** Excel's number format for the cell; `undefined` leaves the cell's own format (records spill their own columns). */
  readonly excel: string | undefined;
  /** The same number as the pane shows it. */
  readonly text: (value: number) => string;
}

const grouped = (digits: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits });
// Made on first use: building an Intl.NumberFormat at import costs the functions bundle ~10 ms of
// cold start (measured by pnpm bench:startup), and most loads never format a number as text.
let percentFormat: Intl.NumberFormat | undefined;
const percent = () =>
  (percentFormat ??= new Intl.NumberFormat("en-US", {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }));
let signedPointsFormat: Intl.NumberFormat | undefined;
const signedPoints = () =>
  (signedPointsFormat ??= new Intl.NumberFormat("en-US", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }));

export const UNIT_FORMATS: Readonly<Record<AnswerUnit, UnitFormat>> = Object.freeze({
  fraction: { excel: "0.0%", text: (v) => percent().format(v) },
  // A change of share: 0.05 is 5 percentage points; the format shows +5.0% with its sign.
  "fraction-difference": { excel: "+0.0%;-0.0%;0.0%", text: (v) => `${signedPoints().format(v * 100)} pp` },
  t: { excel: '#,##0" t"', text: (v) => `${grouped(0).format(v)} t` },
  // Indices plain: an HHI of 6,234 or a supply risk of 2.8, never a percentage.
  index: { excel: "General", text: (v) => (Math.abs(v) >= 100 ? grouped(0) : grouped(2)).format(v) },
  count: { excel: "0.0", text: (v) => grouped(1).format(v) },
  ratio: { excel: "0.00", text: (v) => grouped(2).format(v) },
  record: { excel: undefined, text: (v) => grouped(2).format(v) },
  // IS_CRITICAL and UNDER_EXPORT_CONTROL return TRUE/FALSE, which Excel shows as they are.
  boolean: { excel: undefined, text: (v) => (v ? "TRUE" : "FALSE") },
});

/** The number format an inserted formula's cell gets for an answer of `unit`; `undefined` for none. */
export function numberFormatFor(unit: AnswerUnit | undefined): string | undefined {
  return unit === undefined ? undefined : UNIT_FORMATS[unit].excel;
}

/** A value as the pane shows it for an answer of `unit`. */
export function formatByUnit(value: number, unit: AnswerUnit): string {
  return UNIT_FORMATS[unit].text(value);
}

/** The answer unit a traits unit stands for, where it names one. */
const FROM_TRAITS: Partial<Record<ValueUnit, AnswerUnit>> = { percent: "fraction", tonnes: "t", index: "index" };

/**
 * The unit of what a function's cell holds: its answer's; for a record whose headline field Excel
 * shows (TECH_EXPOSURE's exposure), the unit its traits give that field.
 */
export function cellUnit(id: string, answerUnit: AnswerUnit | undefined): AnswerUnit | undefined {
  if (answerUnit !== undefined && answerUnit !== "record") return answerUnit;
  const traits = traitsOf(id);
  return traits?.kind === "value" ? FROM_TRAITS[traits.unit] : undefined;
}
