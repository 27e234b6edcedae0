import { deepFreeze } from "../_lib/deepFreeze.ts";
import { parseCountry, parseMeasure, parseMineral } from "../_lib/ids.ts";
import { readOptions } from "../_lib/options.ts";
import { blocksOf, coverage, stagesWithData } from "../_lib/supplyIndex.ts";
import { boundOf, kindOf, type AnswerKind, type Bound, type Period } from "../answer/answer.ts";
import { editionList } from "../data/tables.ts";
import type { EditionId, Measure, Stage, Status } from "../constants.ts";
import type { MineralInput, CountryInput } from "../inputs.ts";
import type { SeriesOptions } from "../options.ts";
import type { SupplyRow } from "../records.ts";

/** One figure of a {@link series}: a country's share in one edition, year and case. */
export interface SeriesPoint {
  readonly edition: EditionId;
  /** The figure's year; for a period average, the assessment year the source labels it with (not a figure for that one year). */
  readonly year: number;
  /** The years a period average covers; `undefined` where the source does not state them (and for single-year figures). */
  readonly period: Period | undefined;
  readonly kind: AnswerKind;
  /** Projection case (`base-case`), `null` for observed figures and period averages. */
  readonly case: string | null;
  /** Share of the block's world total, 0–1: what `share` answers for this edition and year; `undefined` where the source withholds it. */
  readonly value: number | undefined;
  readonly unit: "fraction";
  /** The country's figure in tonnes of content, `undefined` where the source gives shares only. */
  readonly tonnes: number | undefined;
  readonly basis: string;
  readonly bound: Bound;
  readonly status: Status;
  readonly locator: string;
}

/** The editions (and years) whose block does not list the country separately. */
export interface SeriesGap {
  readonly edition: EditionId;
  readonly years: readonly number[];
  /** True when the block has a rest-of-world figure: the country is inside it, not zero. */
  readonly insideRestOfWorld: boolean;
}

/** Every edition's figures for one country, mineral and stage: see {@link series}. */
export interface Series {
  readonly mineral: string;
  /** ISO 3166-1 alpha-3 (or `WORLD`/`ROW`). */
  readonly country: string;
  readonly stage: Stage;
  readonly measure: Measure;
  /** Ordered by edition publication date, then year (observed before a projection of the same year). */
  readonly rows: readonly SeriesPoint[];
  /** Editions with the series that do not list the country: no row for them, never a 0. */
  readonly notListed: readonly SeriesGap[];
  /** Why `rows` is empty; `undefined` when there are rows. */
  readonly reason: string | undefined;
}

const KEYS = ["stage", "measure"] as const;

/**
 * A country's share of world output of a mineral at one stage in every edition and year the
 * dataset holds: observed years, projections (with their case) and period averages side by side,
 * so editions can be compared without pinning each one.
 *
 * Each value is the number {@link share} returns for that edition and year (`source` and `year`
 * pinned). An edition that does not list the country has no row; `notListed` names it, and says
 * whether the country is inside that edition's rest of world.
 *
 * @returns the rows, ordered by edition date then year, with the editions that do not list the
 *   country and, when there are no rows, the reason; frozen
 * @throws {@link CritminError} `unknown_id` for an unknown mineral, country, stage or measure,
 *   `invalid_argument` for a malformed option
 * @example
 * series("cobalt", "COD", { stage: "mining" }).rows.map((r) => `${r.edition} ${r.year} ${r.kind}`).slice(0, 3)
 * //=> ["ec-crm-2023 2023 period-average", "iea-cmde-2024 2023 observed", "iea-cmde-2024 2030 projected"]
 * series("cobalt", "CHN", { stage: "mining" }).notListed.filter((g) => g.insideRestOfWorld).map((g) => g.edition)
 * //=> ["iea-cmde-2024", "usgs-mcs-2025", "iea-cmde-2025"]
 */
export function series(mineral: MineralInput, country: CountryInput, options?: SeriesOptions): Series {
  const fn = "series";
  const id = parseMineral(fn, mineral);
  const code = parseCountry(fn, country);
  const opts = readOptions(fn, options, KEYS);
  const stage = opts.stage("refining" as const);
  const measure = opts.get("measure", parseMeasure, "production" as const);
  const order = new Map(editionList().map((e) => [e.id, e.date]));
  const rows: SupplyRow[] = [];
  const gaps = new Map<EditionId, { years: number[]; insideRestOfWorld: boolean }>();
  for (const block of blocksOf(id, stage, measure)) {
    const row = block.rows.get(code);
    if (row) {
      rows.push(row);
      continue;
    }
    const any = block.rows.values().next().value!;
    const gap = gaps.get(any.edition) ?? { years: [], insideRestOfWorld: false };
    gaps.set(any.edition, gap);
    if (!gap.years.includes(any.year)) gap.years.push(any.year);
    if (block.rows.get("ROW")?.value != null) gap.insideRestOfWorld = true;
  }
  const byDate = (a: EditionId, b: EditionId) =>
    (order.get(a) ?? "").localeCompare(order.get(b) ?? "") || a.localeCompare(b);
  rows.sort(
    (a, b) =>
      byDate(a.edition, b.edition) ||
      a.year - b.year ||
      Number(a.kind === "projection") - Number(b.kind === "projection"),
  );
  const notListed = [...gaps]
    .sort(([a], [b]) => byDate(a, b))
    .map(([edition, g]) => ({ edition, years: g.years.sort((a, b) => a - b), insideRestOfWorld: g.insideRestOfWorld }));
  const what = `${id} ${stage}${measure === "production" ? "" : ` ${measure}`}`;
  return deepFreeze({
    mineral: id,
    country: code,
    stage,
    measure,
    rows: rows.map(point),
    notListed,
    reason:
      rows.length > 0
        ? undefined
        : seriesReason(what, code, notListed, stagesWithData(id, measure), coverage(id, stage, measure).length),
  });
}

function point(row: SupplyRow): SeriesPoint {
  return {
    edition: row.edition,
    year: row.year,
    period: undefined,
    kind: kindOf(row.kind),
    case: row.case,
    value: row.share ?? undefined,
    unit: "fraction",
    tonnes: row.tonnes ?? undefined,
    basis: row.basis,
    bound: boundOf(row.status),
    status: row.status,
    locator: row.locator,
  };
}

/** Why a country has no figure in any edition: not listed (inside rest of world where there is one), or no such series. */
function seriesReason(
  what: string,
  country: string,
  gaps: readonly SeriesGap[],
  stages: readonly Stage[],
  editions: number,
): string {
  if (editions === 0 && gaps.length === 0)
    return `no ${what} data in any edition${stages.length > 0 ? `; stages with data: ${stages.join(", ")}` : ""}`;
  return describeGaps(country, what, gaps);
}

/**
 * Where a country is not listed, in words: "CHN is not reported separately in iea-cmde-2025 cobalt
 * mining (inside rest of world, not zero)".
 */
export function describeGaps(country: string, what: string, gaps: readonly SeriesGap[]): string {
  const inside = gaps.filter((g) => g.insideRestOfWorld).map((g) => g.edition);
  const absent = gaps.filter((g) => !g.insideRestOfWorld).map((g) => g.edition);
  const parts = [
    inside.length > 0 ? `inside rest of world (not zero) in ${inside.join(", ")}` : "",
    absent.length > 0 ? `not listed in ${absent.join(", ")}` : "",
  ].filter(Boolean);
  return `${country} is not reported separately in ${what}: ${parts.join("; ")}`;
}
