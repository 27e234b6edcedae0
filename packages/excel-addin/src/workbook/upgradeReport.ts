// The upgrade report: every CRITMIN cell evaluated under the workbook's current edition pin and
// under the proposed one; the cells whose value would change, side by side, and the cells that
// could not be evaluated outside Excel (listed, not guessed).
import type { FormulaCell } from "./formulas.ts";
import type { Evaluated, Evaluator, Scalar } from "./evaluate.ts";
import { cellValue } from "./text.ts";

export type ReportValue = Scalar | readonly (readonly Scalar[])[];

export interface ReportRow {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  readonly old: ReportValue;
  readonly new: ReportValue;
  /** new − old when both are numbers. */
  readonly difference: number | null;
}

export interface NotEvaluated {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  readonly reason: string;
}

export interface UpgradeReport {
  readonly total: number;
  readonly changed: readonly ReportRow[];
  readonly unchanged: number;
  readonly notEvaluated: readonly NotEvaluated[];
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
  /** Cells evaluated between yields to the event loop (so the pane repaints and Cancel works). */
  readonly chunk?: number;
}

export class Cancelled extends Error {
  constructor() {
    super("Cancelled");
    this.name = "Cancelled";
  }
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new Cancelled();
}

const TOLERANCE = 1e-12;

/** Array.isArray, typed for a report value (it would narrow to any[]). */
function isTable(value: ReportValue): value is readonly (readonly Scalar[])[] {
  return Array.isArray(value);
}

export function sameValue(a: ReportValue, b: ReportValue): boolean {
  if (typeof a === "number" && typeof b === "number")
    return a === b || Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
  if (isTable(a) && isTable(b)) {
    return (
      a.length === b.length &&
      a.every((row, i) => row.length === b[i]!.length && row.every((v, j) => sameValue(v, b[i]![j]!)))
    );
  }
  return a === b;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function upgradeReport(
  cells: readonly FormulaCell[],
  before: Evaluator,
  after: Evaluator,
  options: RunOptions = {},
): Promise<UpgradeReport> {
  const chunk = options.chunk ?? 200;
  const changed: ReportRow[] = [];
  const notEvaluated: NotEvaluated[] = [];
  let unchanged = 0;
  for (let i = 0; i < cells.length; i++) {
    if (i % chunk === 0) {
      throwIfAborted(options.signal);
      options.onProgress?.({ done: i, total: cells.length });
      if (i > 0) await tick();
      throwIfAborted(options.signal);
    }
    const cell = cells[i]!;
    const old: Evaluated = before(cell.formula);
    const next: Evaluated = after(cell.formula);
    if (!old.ok || !next.ok) {
      notEvaluated.push({
        sheet: cell.sheet,
        address: cell.address,
        formula: cell.formula,
        reason: (!old.ok ? old : (next as { reason: string })).reason,
      });
      continue;
    }
    if (sameValue(old.value, next.value)) {
      unchanged++;
      continue;
    }
    const difference = typeof old.value === "number" && typeof next.value === "number" ? next.value - old.value : null;
    changed.push({
      sheet: cell.sheet,
      address: cell.address,
      formula: cell.formula,
      old: old.value,
      new: next.value,
      difference,
    });
  }
  options.onProgress?.({ done: cells.length, total: cells.length });
  return { total: cells.length, changed, unchanged, notEvaluated };
}

/** A spilled table in one report cell: "table 6×5". */
export function displayValue(value: ReportValue): Scalar {
  if (isTable(value)) return `table ${value.length}×${value[0]?.length ?? 0}`;
  return value;
}

export const REPORT_HEADER = ["Sheet", "Address", "Formula", "Old", "New", "Difference", "Note"] as const;

/**
 * The report sheet's cells: a title block, the header and one row per changed cell, then the cells
 * not evaluated. Rectangular (every row as wide as the header), ready for `range.values`. Formulas
 * are written as text (cellValue's leading apostrophe) so the report does not recalculate them.
 */
export function reportSheetValues(
  report: UpgradeReport,
  labels: { readonly from: string; readonly to: string; readonly when?: string },
): Scalar[][] {
  const width = REPORT_HEADER.length;
  const pad = (row: Scalar[]): Scalar[] => [...row, ...Array<Scalar>(Math.max(0, width - row.length)).fill("")];
  const rows: Scalar[][] = [
    pad(["CRITMIN upgrade report"]),
    pad(["From", labels.from]),
    pad(["To", labels.to]),
    pad(["Cells scanned", report.total, "changed", report.changed.length, "unchanged", report.unchanged]),
    pad(["Not evaluated", report.notEvaluated.length]),
  ];
  if (labels.when) rows.push(pad(["Generated", labels.when]));
  rows.push(pad([]), [...REPORT_HEADER]);
  for (const r of report.changed) {
    const note = Array.isArray(r.old) || Array.isArray(r.new) ? "spilled table changed" : "";
    rows.push([r.sheet, r.address, cellValue(r.formula), displayValue(r.old), displayValue(r.new), r.difference, note]);
  }
  for (const n of report.notEvaluated)
    rows.push([n.sheet, n.address, cellValue(n.formula), "", "", null, `not evaluated: ${n.reason}`]);
  return rows;
}
