import { describe, describeYears as describeEditionYears } from "./_lib/describe.ts";
import { parseWithin } from "./_lib/options.ts";
import {
  byDefaultPreference,
  coverage,
  hasSingleYear,
  latestFigureYear,
  stagesWithData,
  type EditionCoverage,
} from "./_lib/supplyIndex.ts";
import { seriesWithin, type SeriesData } from "./_lib/within.ts";
import { CritminError } from "./errors.ts";
import type { EditionId, Measure, Stage } from "./constants.ts";

/** Why an edition was chosen for a query. */
export type ResolutionRule =
  /** The caller named the edition, or listed the editions allowed (`within`). */
  | "pinned"
  /**
   * No year asked: the newest edition with a single-year observed value for the mineral and stage,
   * at its latest observed year; only when no edition has one, the newest edition with a period
   * average (the EU CRM shares), at its assessment year.
   */
  | "newest-observed"
  /**
   * A year asked: the newest edition with a value for that mineral, stage and year, observed or
   * projected. A period average never answers a year it is not a figure for, unless its edition is pinned.
   */
  | "newest-with-year"
  /**
   * No year asked, a country asked: the newest edition whose latest figures list that country with
   * a value (same order as `newest-observed`: single-year observations first, then period averages).
   * Given only when that is not the edition `newest-observed` (or the `within` pin) chooses; see `lookupRow`.
   */
  | "newest-listing";

export interface Resolution {
  readonly edition: EditionId;
  readonly year: number;
  /** `null` for an observed year, else the projection case (`base-case`). */
  readonly case: string | null;
  readonly rule: ResolutionRule;
}

export type ResolveResult =
  { readonly ok: true; readonly resolution: Resolution } | { readonly ok: false; readonly reason: string };

export interface ResolveQuery {
  readonly mineral: string;
  readonly stage: Stage;
  readonly measure?: Measure;
  readonly year?: number | undefined;
  readonly source?: EditionId | undefined;
  /** The editions allowed when no `source` is named (a workbook's pin); see {@link resolveSource}. */
  readonly within?: readonly EditionId[] | undefined;
}

function describeYears(list: readonly EditionCoverage[]): string {
  return describeEditionYears(list.map((c) => ({ edition: c.edition, years: c.years.keys() })));
}

/**
 * Chooses the edition and year that answer a supply query — the one place critmin decides
 * between sources, so no computation mixes editions silently.
 *
 * - With `source`, that edition is used (`pinned`); with `year`, that year, else its latest observed
 *   year (for a period-average edition, its assessment year).
 * - With `within` (and no `source`): one of those editions is used as if named (`pinned`): the newest
 *   of them with a single-year value for that year, when a year is asked and one has it, else the
 *   newest with a period average labelled that year; without a year, the newest of them in the
 *   `newest-observed` order below; else the newest of them with any figure for the mineral and stage;
 *   else the first listed (the reason then names it).
 *   Nothing outside the list answers, so a pinned workbook never reaches past its pin.
 * - Without `source` or `year`: the newest edition (by publication date) with a single-year observed
 *   value for the mineral and stage, at its latest observed year (`newest-observed`); only when no
 *   edition has one, the newest with a period average (kind `period-average`), at its assessment year.
 * - Without `source`, with `year`: the newest edition with a value for that year (`newest-with-year`),
 *   observed or projected. A period average is not a figure for its assessment year, so it answers a
 *   year query only when its edition is named (`source`) or allowed (`within`).
 *
 * Returns the reason, naming the years that do exist, when nothing matches.
 *
 * @example
 * resolveSource({ mineral: "cobalt", stage: "refining", year: 2035, within: ["iea-cmde-2024", "usgs-mcs-2025"] })
 * //=> { ok: true, resolution: { edition: "iea-cmde-2024", year: 2035, case: "base-case", rule: "pinned" } }
 * resolveSource({ mineral: "cobalt", stage: "refining", within: ["iea-cmde-2024", "usgs-mcs-2025"] })
 * //=> { ok: true, resolution: { edition: "iea-cmde-2024", year: 2023, case: null, rule: "pinned" } }
 * resolveSource({ mineral: "cobalt", stage: "refining", year: 2019, within: ["iea-cmde-2025"] }).ok
 * //=> false
 */
export function resolveSource(query: ResolveQuery): ResolveResult {
  checkQuery(query);
  const { mineral, stage, year } = query;
  const measure = query.measure ?? "production";
  const all = coverage(mineral, stage, measure);
  const source = query.source ?? (query.within ? withinEdition(all, query.within, year) : undefined);
  const candidates = source ? all.filter((c) => c.edition === source) : all;
  const what = `${mineral} ${stage}${measure === "production" ? "" : ` ${measure}`}`;
  if (candidates.length === 0) {
    const others = stagesWithData(mineral, measure).filter((s) => s !== stage);
    const hint =
      all.length > 0
        ? `; editions with data: ${describeYears(all)}`
        : others.length > 0
          ? `; stages with data: ${others.join(", ")}`
          : "";
    return { ok: false, reason: `no ${what} data${source ? ` in ${source}` : ""}${hint}` };
  }
  if (year === undefined) {
    const chosen = byDefaultPreference(candidates)[0];
    if (!chosen)
      return {
        ok: false,
        reason: `no observed ${what} figure${source ? ` in ${source}` : ""}; years available: ${describeYears(candidates)}`,
      };
    return {
      ok: true,
      resolution: {
        edition: chosen.edition,
        year: latestFigureYear(chosen)!,
        case: null,
        rule: source ? "pinned" : "newest-observed",
      },
    };
  }
  const chosen = candidates.find((c) => (source ? c.years.has(year) : hasSingleYear(c, year)));
  if (!chosen) {
    const averaged = source ? [] : candidates.filter((c) => c.periodAverageYears.includes(year));
    const note =
      averaged.length > 0
        ? ` (${averaged.map((c) => c.edition).join(", ")} ${averaged.length > 1 ? "give" : "gives"} a period average labelled ${year}, not a figure for that year; name the edition as source to read it)`
        : "";
    return {
      ok: false,
      reason: `no ${what} figure for ${year}${source ? ` in ${source}` : ""}${note}; years available: ${describeYears(candidates)}`,
    };
  }
  return {
    ok: true,
    resolution: {
      edition: chosen.edition,
      year,
      case: chosen.years.get(year) ?? null,
      rule: source ? "pinned" : "newest-with-year",
    },
  };
}

/** The edition of `within` that answers: see {@link resolveSource}. Also used by `shareChange`. */
export function withinEdition(
  all: readonly EditionCoverage[],
  within: readonly EditionId[],
  year: number | undefined,
): EditionId | undefined {
  const allowed = all.filter((c) => within.includes(c.edition));
  // A single-year figure first; a period average labelled that year only when no allowed edition has one.
  const preferred =
    year === undefined
      ? byDefaultPreference(allowed)[0]
      : (allowed.find((c) => hasSingleYear(c, year)) ?? allowed.find((c) => c.years.has(year)));
  return (preferred ?? allowed[0])?.edition ?? within[0];
}

/** What each function that reads one source series reads: see {@link withinEditions}. */
const ONE_SERIES: Readonly<Record<OneSeriesFunction, SeriesData>> = {
  demand: "demand",
  techExposure: "demand",
  coverageWithout: "demand",
  reserves: "reserves",
};

/** The functions that read one source series (IEA demand and technology tables, USGS reserves). */
export type OneSeriesFunction = "demand" | "techExposure" | "coverageWithout" | "reserves";

/**
 * The editions of `within` that `fn` chooses among when no `source` is named: those of the source
 * series its data comes from (IEA for `demand`, `techExposure` and `coverageWithout`, USGS for
 * `reserves`); the newest of them with the figure answers. Empty when `within` names no edition of
 * that series: `fn` then chooses as without `within`, so a workbook's pin restricts only the sources
 * it names. With a pin (one edition per series) this is the one edition `fn` reads, for a reason to name.
 *
 * @throws {@link CritminError} `invalid_argument` for another `fn`, or a `within` that is not a
 *   non-empty array; `unknown_id` for an unknown edition (with the nearest valid one)
 * @example
 * withinEditions("demand", ["ec-crm-2023", "iea-cmde-2024", "usgs-mcs-2025"])
 * //=> ["iea-cmde-2024"]
 * withinEditions("reserves", ["ec-crm-2023", "iea-cmde-2024", "usgs-mcs-2025"])
 * //=> ["usgs-mcs-2025"]
 * withinEditions("techExposure", ["usgs-mcs-2025"])
 * //=> []
 */
export function withinEditions(fn: OneSeriesFunction, within: readonly EditionId[]): EditionId[] {
  const data = typeof fn === "string" && Object.hasOwn(ONE_SERIES, fn) ? ONE_SERIES[fn] : undefined;
  if (data === undefined)
    throw new CritminError(
      "invalid_argument",
      `withinEditions: fn must be one of ${Object.keys(ONE_SERIES).join(", ")}, got ${describe(fn)}`,
    );
  return seriesWithin(data, parseWithin("withinEditions", within));
}

/**
 * The query's fields have the types it declares. Ids are not checked (an unknown one simply has no
 * data, and the reason says so); a value of another type is the caller's error, not a TypeError.
 */
function checkQuery(query: unknown): asserts query is ResolveQuery {
  const bad = (what: string, value: unknown) =>
    new CritminError("invalid_argument", `resolveSource: ${what}, got ${describe(value)}`);
  if (typeof query !== "object" || query === null || Array.isArray(query))
    throw bad("query must be an object like { mineral, stage }", query);
  const q = query as Record<string, unknown>;
  if (typeof q.mineral !== "string") throw bad("mineral must be a string", q.mineral);
  if (typeof q.stage !== "string") throw bad("stage must be a string", q.stage);
  if (q.measure !== undefined && typeof q.measure !== "string") throw bad("measure must be a string", q.measure);
  if (q.year !== undefined && typeof q.year !== "number") throw bad("year must be a number", q.year);
  if (q.source !== undefined && typeof q.source !== "string") throw bad("source must be a string", q.source);
  if (
    q.within !== undefined &&
    (!Array.isArray(q.within) || q.within.length === 0 || q.within.some((e) => typeof e !== "string"))
  )
    throw bad("within must be a non-empty array of edition ids", q.within);
}
