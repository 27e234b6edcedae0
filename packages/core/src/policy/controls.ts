// China's export-control measures as of a date: which measures touch a mineral (and a destination),
// and where each stands on that date.
import { deepFreeze } from "../_lib/deepFreeze.ts";
import { parseCountry, parseMineral } from "../_lib/ids.ts";
import { readOptions } from "../_lib/options.ts";
import { AGGREGATES, type ControlStatus, type EditionId } from "../constants.ts";
import { controlRows } from "../data/tables.ts";
import { CritminError } from "../errors.ts";
import type { CountryInput, MineralInput } from "../inputs.ts";
import { parseDate, today } from "./dates.ts";
import { FAMILIES, type Family } from "./families.ts";
import { isSuspension, statusOn, type ControlRow, type PartStatus, type StatusRule } from "./status.ts";

/**
 * Why a measure matched a mineral query other than by naming it:
 * - `every-dual-use-item`: the measure covers all dual-use items (MOFCOM 2026 No. 1, Japan's
 *   military users), so it touches every mineral's dual-use items for its destination.
 * - `rare-earth-family`: the measure names rare earths as a group and the query is one of its
 *   members, or the other way round (members: {@link RARE_EARTH_FAMILIES}).
 */
export type MatchRule = "every-dual-use-item" | "rare-earth-family";

/** The rare-earth groups the `rare-earth-family` rule reads, with their members (policy/families.ts). */
export const RARE_EARTH_FAMILIES: readonly Family[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ FAMILIES.filter((f) => f.id.endsWith("rare-earths")),
);

/** One measure with its status on the date asked. */
export interface ControlMeasure {
  readonly id: string;
  readonly issuer: string;
  readonly announced: string;
  readonly effective: string;
  readonly endedOrSuspended: string | null;
  readonly suspendedUntil: string | null;
  readonly status: ControlStatus;
  /** For a partly suspended measure: the suspended part and its own status. */
  readonly part: PartStatus | undefined;
  /** Measure type as written; a suspension notice reads `suspension of a prior measure`. */
  readonly type: string;
  /** Destination scope as written. */
  readonly destination: string;
  /** ISO codes the measure is limited to; empty for every destination. */
  readonly destinations: readonly string[];
  readonly items: string;
  readonly mineralsAsWritten: string;
  readonly minerals: readonly string[];
  readonly everyItem: boolean;
  /** For a suspension notice: the measures it suspends. */
  readonly suspends: readonly string[];
  /** The notices that suspend this measure. */
  readonly suspendedBy: readonly string[];
  readonly hsCodes: string | null;
  readonly sources: readonly string[];
  /** The file's note on the sources. */
  readonly note: string;
  /** What the status and the match rules mean for this row, in words. */
  readonly statusNote: string;
  readonly edition: EditionId;
  readonly locator: string;
  /** The pipeline's rules on the row, then the status and match rules applied. */
  readonly rules: readonly string[];
}

export interface ExportControls {
  /** The date the statuses are on, `YYYY-MM-DD` (today where the caller is, unless `asOf` was given). */
  readonly asOf: string;
  readonly mineral: string | undefined;
  readonly destination: string | undefined;
  readonly measures: readonly ControlMeasure[];
}

export interface ExportControlsQuery {
  readonly mineral?: MineralInput;
  /** `YYYY-MM-DD` text or a Date; today by default. */
  readonly asOf?: string | Date;
  /** A country (ISO code, name or alias): measures limited to it and those for every destination. */
  readonly destination?: CountryInput;
}

const KEYS = ["mineral", "asOf", "destination"] as const;

/** The parsed query: mineral id, date and destination code. */
export interface ParsedControlQuery {
  readonly mineral: string | undefined;
  readonly asOf: string;
  readonly destination: string | undefined;
}

export function parseControlQuery(fn: string, query: unknown): ParsedControlQuery {
  const opts = readOptions(fn, query, KEYS);
  const mineral = opts.get("mineral", parseMineral);
  const asOf = opts.get("asOf", (f, v) => parseDate(f, "asOf", v)) ?? today();
  const destination = opts.get("destination", (f, v) => {
    const code = parseCountry(f, v, "destination");
    if ((AGGREGATES as readonly string[]).includes(code))
      throw new CritminError("invalid_argument", `${f}: destination must be a country, got "${String(v)}"`);
    return code;
  });
  return { mineral, asOf, destination };
}

/** How a measure touches the mineral: `null` directly, a rule, or `false` when it does not. */
function touches(row: ControlRow, mineral: string): MatchRule | null | false {
  if (row.minerals.includes(mineral)) return null;
  if (row.everyItem) return "every-dual-use-item";
  for (const family of RARE_EARTH_FAMILIES) {
    // Group to member and member to group, never member to member: a measure on holmium does
    // not touch dysprosium.
    const groupAsked = family.id === mineral && row.minerals.some((m) => family.members.includes(m));
    const groupNamed = family.members.includes(mineral) && row.minerals.includes(family.id);
    if (groupAsked || groupNamed) return "rare-earth-family";
  }
  return false;
}

/** Each status and match rule in words: the rows' `statusNote` and the docs' rule list read this. */
export const CONTROL_RULE_NOTES: Readonly<Record<StatusRule | MatchRule, string>> = {
  "suspension-lapsed-unknown":
    "the suspension's last day has passed and the data holds no later notice: whether the measure applies again is unknown",
  "suspended-before-effective": "suspended before its effective date: it never took effect",
  "partial-suspension-part-status": "only part of the measure is suspended; the rest stands",
  "suspension-notice": "a notice suspending other measures, not a control itself",
  "every-dual-use-item": "covers all dual-use items, so every mineral's dual-use items, for its destination only",
  "rare-earth-family": "matched through the rare-earth family (the group and its members)",
};

function measure(
  row: ControlRow,
  date: string,
  all: readonly ControlRow[],
  match: MatchRule | null,
): ControlMeasure | undefined {
  const on = statusOn(row, date, all);
  if (on === undefined) return undefined;
  const applied: (StatusRule | MatchRule)[] = [...on.rules, ...(match ? [match] : [])];
  const part = on.part ? ` (${on.part.part}: ${on.part.status} by ${on.part.by})` : "";
  return {
    id: row.id,
    issuer: row.issuer,
    announced: row.announced,
    effective: row.effective,
    endedOrSuspended: row.endedOrSuspended,
    suspendedUntil: row.suspendedUntil,
    status: on.status,
    part: on.part,
    type: row.type,
    destination: row.destination,
    destinations: row.destinations,
    items: row.items,
    mineralsAsWritten: row.mineralsAsWritten,
    minerals: row.minerals,
    everyItem: row.everyItem === true,
    suspends: row.suspends,
    suspendedBy: all.filter((s) => s.suspends.includes(row.id)).map((s) => s.id),
    hsCodes: row.hsCodes,
    sources: row.sources,
    note: row.note,
    statusNote: [`${on.status} on ${date}${part}`, ...applied.map((r) => CONTROL_RULE_NOTES[r])].join("; "),
    edition: row.edition,
    locator: row.locator,
    rules: [...row.rules, ...applied],
  };
}

/** {@link exportControls} over given rows: the pure part, which the tests run on rows read from the raw file. */
export function controlsIn(rows: readonly ControlRow[], query: ParsedControlQuery): ControlMeasure[] {
  const out: ControlMeasure[] = [];
  for (const row of rows) {
    const match = query.mineral === undefined ? null : touches(row, query.mineral);
    if (match === false) continue;
    if (query.destination !== undefined && row.destinations.length > 0 && !row.destinations.includes(query.destination))
      continue;
    const m = measure(row, query.asOf, rows, match);
    if (m) out.push(m);
  }
  return out;
}

/**
 * China's export-control measures touching a mineral (every measure when `mineral` is omitted),
 * each with its status on `asOf` (default today, where the caller is; the result gives the date
 * used): `announced` before its effective date, `in-force`, `suspended` from the suspension to its
 * last day, `ended`, or `unknown` once a suspension's last day has passed with no later notice in
 * the data. A measure announced after `asOf` is not listed. A partly suspended measure stays
 * `in-force` with `part` giving the suspended part's status. Suspension notices are listed as
 * such (`type`), with the measures they suspend. `destination` keeps the measures limited to that
 * country and those for every destination. Each row names the rules applied (`rules`, `statusNote`).
 *
 * @returns the date used and the measures; `measures` is empty when no measure in the data touches
 *   the mineral (and destination) by `asOf`: an answer, not missing data (Excel's EXPORT_CONTROLS
 *   says so in a row)
 * @throws {@link CritminError} `unknown_id` for an unknown mineral or destination (with the
 *   nearest), `invalid_argument` for a date that is not `YYYY-MM-DD` or a valid Date, or an
 *   unknown option
 * @example
 * exportControls({ mineral: "gallium", asOf: "2024-01-01" }).measures.map((m) => `${m.id}: ${m.status}`)
 * //=> ["MOFCOM-GAC 2023 No. 23: in-force"]
 * exportControls({ mineral: "lithium", asOf: "2026-12-05" }).measures.map((m) => `${m.id}: ${m.status}`)
 * //=> ["MOFCOM-GAC 2025 No. 58: unknown", "MOFCOM-GAC 2025 No. 70: unknown", "MOFCOM 2026 No. 1: in-force"]
 */
export function exportControls(query?: ExportControlsQuery): ExportControls {
  const parsed = parseControlQuery("exportControls", query);
  return deepFreeze({ ...parsed, measures: controlsIn(controlRows(), parsed) });
}

/** What {@link underExportControl} read: the measures that decide, and why there is no answer. */
export interface UnderControlLookup {
  readonly query: ParsedControlQuery;
  readonly value: boolean | undefined;
  /** The measures that count (controls, not suspension notices; see {@link underExportControl}). */
  readonly measures: readonly ControlMeasure[];
  readonly reason: string | undefined;
}

export function underExportControlLookup(mineral: MineralInput, options?: unknown): UnderControlLookup {
  const fn = "underExportControl";
  const opts = readOptions(fn, options, ["asOf", "destination"] as const);
  const query = parseControlQuery(fn, { mineral, ...opts.values });
  const measures = controlsIn(controlRows(), query).filter(
    (m) => !isSuspension(m) && (query.destination !== undefined || m.destinations.length === 0),
  );
  if (measures.some((m) => m.status === "in-force")) return { query, value: true, measures, reason: undefined };
  const unknown = measures.filter((m) => m.status === "unknown");
  if (unknown.length === 0) return { query, value: false, measures, reason: undefined };
  const ids = unknown.map((m) => `${m.id} (suspended until ${m.suspendedUntil ?? "?"})`).join(", ");
  return {
    query,
    value: undefined,
    measures,
    reason: `on ${query.asOf} no measure on ${query.mineral ?? "the mineral"} is known in force, and ${ids}: the suspension has passed and the data holds no later notice, so whether it applies again is unknown`,
  };
}

/**
 * Whether a mineral is under one of China's export controls on a date: `true` when a measure
 * touching it is in force (a partly suspended one counts: the rest stands), `false` when none is
 * and none is `unknown`, `undefined` when none is known in force but a suspension has passed with
 * no later notice in the data. Suspension notices themselves never count. Without `destination`
 * only measures on exports to every destination count (rule `no-destination-every-destination`);
 * with one, also those limited to it (the Japan dual-use ban counts for every mineral to Japan).
 *
 * @throws {@link CritminError} as {@link exportControls}
 * @example
 * underExportControl("gallium", { asOf: "2023-07-31" })
 * //=> false
 * underExportControl("gallium", { asOf: "2023-08-01" })
 * //=> true
 */
export function underExportControl(
  mineral: MineralInput,
  options?: { readonly asOf?: string | Date; readonly destination?: CountryInput },
): boolean | undefined {
  return underExportControlLookup(mineral, options).value;
}
