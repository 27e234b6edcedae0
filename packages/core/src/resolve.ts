import { describe } from "./_lib/describe.ts";
import { coverage, stagesWithData, type EditionCoverage } from "./_lib/supplyIndex.ts";
import { CritminError } from "./errors.ts";
import type { EditionId, Measure, Stage } from "./constants.ts";

/** Why an edition was chosen for a query. */
export type ResolutionRule =
  /** The caller named the edition. */
  | "pinned"
  /** No year asked: the newest edition with an observed value for the mineral and stage, at its latest observed year. */
  | "newest-observed"
  /** A year asked: the newest edition with a value (observed or projected) for that mineral, stage and year. */
  | "newest-with-year";

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
}

function describeYears(list: readonly EditionCoverage[]): string {
  return list.map((c) => `${c.edition}: ${[...c.years.keys()].join(", ")}`).join("; ");
}

/**
 * Chooses the edition and year that answer a supply query — the one place critmin decides
 * between sources, so no computation mixes editions silently.
 *
 * - With `source`, that edition is used (`pinned`); with `year`, that year, else its latest observed year.
 * - Without `source` or `year`: the newest edition (by publication date) with an observed value
 *   for the mineral and stage, at its latest observed year (`newest-observed`).
 * - Without `source`, with `year`: the newest edition with a value for that year (`newest-with-year`).
 *
 * Returns the reason, naming the years that do exist, when nothing matches.
 */
export function resolveSource(query: ResolveQuery): ResolveResult {
  checkQuery(query);
  const { mineral, stage, year, source } = query;
  const measure = query.measure ?? "production";
  const all = coverage(mineral, stage, measure);
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
    const chosen = candidates.find((c) => c.observedYears.length > 0);
    if (!chosen)
      return {
        ok: false,
        reason: `no observed ${what} figure${source ? ` in ${source}` : ""}; years available: ${describeYears(candidates)}`,
      };
    const latest = chosen.observedYears.at(-1)!;
    return {
      ok: true,
      resolution: { edition: chosen.edition, year: latest, case: null, rule: source ? "pinned" : "newest-observed" },
    };
  }
  const chosen = candidates.find((c) => c.years.has(year));
  if (!chosen)
    return {
      ok: false,
      reason: `no ${what} figure for ${year}${source ? ` in ${source}` : ""}; years available: ${describeYears(candidates)}`,
    };
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
}
