// The result model: what a number is, beside the number. explain.ts builds one per call.
import type { EditionId, Scenario, Stage, Status } from "../constants.ts";
import type { SupplyRow } from "../records.ts";
import type { ResolutionRule } from "../resolve.ts";
import type { ListRule } from "../policy/lists.ts";

/**
 * What `value` is measured in:
 * - `fraction`: a share or rate, 0–1 (0.784 is 78.4%).
 * - `fraction-difference`: a difference of two fractions (0.05 is 5 percentage points).
 * - `t`: metric tonnes of content on the source's basis.
 * - `index`: a score without a unit (HHI 0–10,000, EU supply risk, economic importance).
 * - `count`: an effective number of suppliers.
 * - `ratio`: supply over demand (1 means equal; it can exceed 1).
 * - `record`: a structured result (rows or a verdict); its fields carry their own units.
 * - `boolean`: a yes/no verdict (a list names the mineral; a measure is in force).
 */
export type AnswerUnit = "fraction" | "fraction-difference" | "t" | "index" | "count" | "ratio" | "record" | "boolean";

/** `observed` for a single year's figure, `projected` for a projection, `period-average` for a multi-year average. */
export type AnswerKind = "observed" | "projected" | "period-average";

/**
 * `exact`: the figure as the source gives it. `lower` / `upper`: the true figure is at least / at
 * most `value` — a source's "<0.1%" or ">2,000", a group with members inside rest of world, an HHI
 * over listed countries only.
 */
export type Bound = "exact" | "lower" | "upper";

/**
 * How the edition (and year) was chosen: a rule of {@link resolveSource} (the same words for demand);
 * `newest-with-years` for a change between two years (the newest edition with both);
 * `latest-assessment` for a published indicator without a year asked; a list rule
 * (policy/lists.ts) for `isCritical` where one made the mineral count.
 */
export type AnswerRule = ResolutionRule | "newest-with-years" | "latest-assessment" | ListRule;

/** The years a multi-year average covers, or the two years a change spans. */
export interface Period {
  readonly from: number;
  readonly to: number;
}

/** One source figure an answer was computed from. */
export interface AnswerSource {
  readonly edition: EditionId;
  /** Where the figure stands: `file!'sheet'!B7`, `file:row 268:COLUMN` or `file#/json/pointer`. */
  readonly locator: string;
  /** What the figure is, in words: "cobalt refining, CHN, 2024". */
  readonly what: string;
  /** The number as printed in the source, in `unit`; `null` where the source withholds it. */
  readonly value: number | null;
  readonly unit: string;
  readonly status: Status;
}

/**
 * A value with everything needed to read it right: edition, year or period, kind, scenario and
 * case, stage, unit, the source's definition of the material, whether it is a bound, what the
 * source does not list, why it is missing, how the edition was chosen, and the figures behind it.
 */
export interface Answer<T> {
  /** The core function that answered: `"chinaShare"`. */
  readonly function: string;
  /** Exactly what the plain call returns. */
  readonly value: T;
  readonly unit: AnswerUnit;
  readonly edition: EditionId | undefined;
  /** The edition's citation, as its publisher asks to be cited. */
  readonly citation: string | undefined;
  /** The figure's year; `undefined` for a period average whose years the source does not state. */
  readonly year: number | undefined;
  /** The years a multi-year average covers (or a change spans); `undefined` where the source does not state them. */
  readonly period: Period | undefined;
  /** The day a dated answer is for, `YYYY-MM-DD`: a list's publication date, the date a control status is on. */
  readonly date?: string | undefined;
  readonly kind: AnswerKind | undefined;
  /** Projection case of a supply projection (`base-case`). */
  readonly case: string | undefined;
  /** IEA demand scenario of a projection (`STEPS`, `APS`, `NZE`). */
  readonly scenario: Scenario | undefined;
  readonly stage: Stage | undefined;
  /** The source's definition of the material (e.g. "natural graphite", "magnet rare earths (Nd, Pr, Dy, Tb)"). */
  readonly basis: string | undefined;
  readonly bound: Bound;
  /** Countries (or group members) the edition does not list separately: inside its rest of world, if anywhere. */
  readonly notListed: readonly string[];
  /** Why `value` is `undefined`; `undefined` when there is a value. */
  readonly reason: string | undefined;
  readonly rule: AnswerRule | undefined;
  /** The source figures the value was read or computed from, each with its locator. */
  readonly sources: readonly AnswerSource[];
  /**
   * What a function reads beyond one supply edition, by name: for `governance` the standard error
   * and its locator, for `governanceWeightedHhi` the WGI edition and year, the scale and the named
   * rules applied. `undefined` for the other functions.
   */
  readonly extra?: Readonly<Record<string, unknown>> | undefined;
}

/** An answer's fields other than `function` and `value`, all optional: {@link answer} fills the defaults. */
export type AnswerFields = Partial<Omit<Answer<unknown>, "function" | "value">>;

/** A row's kind in answer words: the data's `projection` reads `projected`. */
export function kindOf(kind: string): AnswerKind {
  return kind === "projection" ? "projected" : kind === "period-average" ? "period-average" : "observed";
}

/** The bound a source status states. */
export function boundOf(status: Status): Bound {
  return status === "lower-bound" ? "lower" : status === "upper-bound" ? "upper" : "exact";
}

/** A supply row as an answer's source figure. */
export function supplySource(row: SupplyRow): AnswerSource {
  const when = row.kind === "projection" ? `${row.year} ${row.case ?? ""}`.trim() : String(row.year);
  const measure = row.measure === "production" ? "" : ` ${row.measure}`;
  return Object.freeze({
    edition: row.edition,
    locator: row.locator,
    what: `${row.mineral} ${row.stage}${measure}, ${row.country}, ${(row.kind as string) === "period-average" ? "period average" : when}`,
    value: row.value,
    unit: row.unit,
    status: row.status,
  });
}

/** The year, period and kind an answer reports for a row: a period average never claims one year. */
export function datedBy(row: Pick<SupplyRow, "year" | "kind">): Pick<Answer<unknown>, "year" | "period" | "kind"> {
  const kind = kindOf(row.kind);
  return { year: kind === "period-average" ? undefined : row.year, period: undefined, kind };
}
