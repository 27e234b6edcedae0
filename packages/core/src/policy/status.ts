// Where one export-control measure stands on a date: a pure function of the measure's dates and of
// the notices that suspend it, so the status rules are tested on rows read from the raw file.
import type { ControlStatus } from "../constants.ts";
import type { ExportControlRow } from "../records.ts";

/**
 * The status rules, each named in the row that applies it:
 * - `suspension-lapsed-unknown`: a suspension's last day has passed and the data holds no later
 *   notice; whether the measure applies again (or the suspension was extended) is not known, so
 *   the status is `unknown`, never a guess.
 * - `suspended-before-effective`: suspended before its effective date (2025 Nos. 55–58): the
 *   measure never took effect; it goes from `announced` to `suspended`.
 * - `partial-suspension-part-status`: a notice suspends only part of the measure (section 2 of
 *   2024 No. 46); the rest stands, so the measure is `in-force` and `part` gives the suspended
 *   part's own status.
 * - `suspension-notice`: a row that suspends other measures is in force from its effective date to
 *   the suspension's last day, then `unknown` (as the measures it suspends).
 */
export type StatusRule =
  "suspension-lapsed-unknown" | "suspended-before-effective" | "partial-suspension-part-status" | "suspension-notice";

/** The status of the suspended part of a partly suspended measure. */
export interface PartStatus {
  /** The part as the suspending notice names it (`section 2`). */
  readonly part: string;
  readonly status: ControlStatus;
  /** The notice that suspends it. */
  readonly by: string;
}

export interface StatusOn {
  readonly status: ControlStatus;
  readonly rules: readonly StatusRule[];
  readonly part: PartStatus | undefined;
}

/** A measure row as the status reads it. */
export type ControlRow = ExportControlRow;

/** Whether the row is a notice suspending other measures, not a control itself. */
export const isSuspension = (row: { readonly suspends: readonly string[] }): boolean => row.suspends.length > 0;

/** The rank of a status in time: a measure's statuses never go back down this order. */
export const STATUS_ORDER: Readonly<Record<ControlStatus, number>> = {
  announced: 0,
  "in-force": 1,
  suspended: 2,
  ended: 3,
  unknown: 3,
};

/** Dates compare as text (`YYYY-MM-DD`). Status of the measure's own dates, as if wholly suspended. */
function ownStatus(row: ControlRow, date: string, rules: StatusRule[]): ControlStatus {
  const end = row.endedOrSuspended;
  if (isSuspension(row)) {
    rules.push("suspension-notice");
    if (date < row.effective) return "announced";
    if (row.suspendedUntil !== null && date > row.suspendedUntil) {
      rules.push("suspension-lapsed-unknown");
      return "unknown";
    }
    return end !== null && date >= end ? "ended" : "in-force";
  }
  if (end !== null && date >= end) {
    if (end < row.effective) rules.push("suspended-before-effective");
    if (row.suspendedUntil === null) return "ended";
    if (date <= row.suspendedUntil) return "suspended";
    rules.push("suspension-lapsed-unknown");
    return "unknown";
  }
  return date < row.effective ? "announced" : "in-force";
}

/**
 * The measure's status on `date` (`YYYY-MM-DD`), or `undefined` before it was announced (the data
 * knows no such measure then). `all` is every measure row, to find the notices suspending this one.
 */
export function statusOn(row: ControlRow, date: string, all: readonly ControlRow[]): StatusOn | undefined {
  if (date < row.announced) return undefined;
  const rules: StatusRule[] = [];
  const status = ownStatus(row, date, rules);
  const partial = all.find((s) => s.suspends.includes(row.id) && s.suspendsPart);
  if (!partial?.suspendsPart || (status !== "suspended" && status !== "unknown"))
    return { status, rules, part: undefined };
  // The suspended part has the dates' status; the measure itself stands.
  return {
    status: "in-force",
    rules: [...rules, "partial-suspension-part-status"],
    part: { part: partial.suspendsPart, status, by: partial.id },
  };
}
