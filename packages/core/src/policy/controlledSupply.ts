// How much of a stage's world supply sits in China while China controls its export: China's share
// (as chinaShare resolves it) beside the measures in force, or of unknown status, on a date.
import { deepFreeze } from "../_lib/deepFreeze.ts";
import { lookupSupply } from "../_lib/lookup.ts";
import { readOptions } from "../_lib/options.ts";
import type { EditionId, Stage } from "../constants.ts";
import { controlRows } from "../data/tables.ts";
import { rowFields } from "../answer/supply.ts";
import { chinaShare } from "../exposure/chinaShare.ts";
import type { AnswerKind, Bound, Period } from "../answer/answer.ts";
import { parseDate, today } from "./dates.ts";
import { controlsIn, type ControlMeasure } from "./controls.ts";
import { isSuspension } from "./status.ts";

export interface ControlledSupplyRow {
  readonly mineral: string;
  /** China's share of the stage's world supply, 0–1, as `chinaShare(mineral, { stage })`; `undefined` with `reason`. */
  readonly chinaShare: number | undefined;
  readonly edition: EditionId | undefined;
  readonly year: number | undefined;
  /** The years a period average covers, where the source states them. */
  readonly period: Period | undefined;
  readonly kind: AnswerKind | undefined;
  readonly bound: Bound;
  /** Why `chinaShare` is `undefined`. */
  readonly reason: string | undefined;
  readonly locators: readonly string[];
  /** Measures naming the mineral in force on the date (a partly suspended one included). */
  readonly inForce: readonly ControlMeasure[];
  /** Measures whose suspension has passed with no later notice in the data. */
  readonly unknown: readonly ControlMeasure[];
}

export interface ControlledSupply {
  readonly asOf: string;
  readonly stage: Stage;
  readonly rows: readonly ControlledSupplyRow[];
}

/**
 * For each mineral a measure of China names (not the all-dual-use-items ban on Japan's military
 * users, which names none; rule `controlled-supply-named-minerals`), China's share of the stage's
 * world supply — the value, edition, year, kind and bound `chinaShare` resolves — and the
 * measures touching it that are in force, or of unknown status, on `asOf` (default today where the
 * caller is), as {@link exportControls} matches them (a rare earth also through measures on rare
 * earths). A mineral with neither on the date is left out; one without a China share in the data
 * says why in `reason`.
 *
 * @returns the date, stage and rows; `rows` is empty when no measure naming a mineral is in force
 *   or of unknown status on `asOf` (an answer, not missing data)
 * @throws {@link CritminError} `unknown_id` for an unknown stage, `invalid_argument` for a bad date or option
 * @example
 * controlledSupply({ stage: "refining", asOf: "2024-01-01" }).rows.filter((r) => r.mineral === "gallium").map((r) => `China ${(100 * r.chinaShare!).toFixed(1)}% of ${r.mineral} refining (${r.edition}, ${r.year}); in force: ${r.inForce.map((m) => m.id).join(", ")}`)
 * //=> ["China 98.7% of gallium refining (usgs-mcs-2025, 2024); in force: MOFCOM-GAC 2023 No. 23"]
 */
export function controlledSupply(options?: {
  readonly stage?: Stage;
  readonly asOf?: string | Date;
}): ControlledSupply {
  const fn = "controlledSupply";
  const opts = readOptions(fn, options, ["stage", "asOf"] as const);
  const stage = opts.stage<Stage>("refining");
  const asOf = opts.get("asOf", (f, v) => parseDate(f, "asOf", v)) ?? today();
  const all = controlRows();
  const named = new Set(all.filter((r) => !isSuspension(r) && !r.everyItem).flatMap((r) => r.minerals));
  const rows: ControlledSupplyRow[] = [];
  for (const mineral of [...named].sort()) {
    const measures = controlsIn(all, { mineral, asOf, destination: undefined }).filter(
      (m) => !isSuspension(m) && !m.everyItem,
    );
    const inForce = measures.filter((m) => m.status === "in-force");
    const unknown = measures.filter((m) => m.status === "unknown");
    if (inForce.length === 0 && unknown.length === 0) continue;
    // The value from chinaShare itself, so the two can never disagree; the fields from its lookup.
    const share = chinaShare(mineral, { stage });
    const fields = rowFields(lookupSupply(fn, mineral, "CHN", { stage }, { stage }), "share", share, "CHN");
    rows.push({
      mineral,
      chinaShare: share,
      edition: fields.edition,
      year: fields.year,
      period: fields.period,
      kind: fields.kind,
      bound: fields.bound ?? "exact",
      reason: share === undefined ? (fields.reason ?? `no China share of ${mineral} ${stage} in the data`) : undefined,
      locators: (fields.sources ?? []).map((s) => s.locator),
      inForce,
      unknown,
    });
  }
  return deepFreeze({ asOf, stage, rows });
}
