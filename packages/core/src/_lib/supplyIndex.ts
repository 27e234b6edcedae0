// Supply rows indexed per mineral on first use (and again for another dataset), so each lookup after
// that is a few Map reads and a first answer reads only its mineral's rows.
import { editionList, supplyRowsOf } from "../data/tables.ts";
import { supplyBlockKey } from "../data/rows.ts";
import type { EditionId, Measure, Stage } from "../constants.ts";
import type { Edition, SupplyRow } from "../records.ts";
import { perDataset } from "./perDataset.ts";

export interface Block {
  /** Rows by country code (and WORLD/ROW). */
  readonly rows: ReadonlyMap<string, SupplyRow>;
}

export interface EditionCoverage {
  readonly edition: EditionId;
  /** Years with at least one single-year observed value, ascending. */
  readonly observedYears: readonly number[];
  /**
   * Years whose only figures are period averages (kind `period-average`: the EU CRM shares, labelled
   * with the assessment year), ascending. Such a figure is not a figure for that year: it answers a
   * year query only when the caller pins its edition.
   */
  readonly periodAverageYears: readonly number[];
  /** Years with any value (observed, projected or period average), ascending, with the case to read them under. */
  readonly years: ReadonlyMap<number, string | null>;
}

/** The year an edition answers a query without a year at: its latest single-year observation, else its latest period average. */
export function latestFigureYear(c: EditionCoverage): number | undefined {
  return c.observedYears.at(-1) ?? c.periodAverageYears.at(-1);
}

/** Whether the edition has a figure for `year` that is a figure for that one year (observed or projected). */
export function hasSingleYear(c: EditionCoverage, year: number): boolean {
  return c.years.has(year) && !c.periodAverageYears.includes(year);
}

/**
 * The editions that answer a query without a year, in the order the default resolution prefers
 * them: those with a single-year observation, newest first, then those with only period averages,
 * newest first. Projection-only editions are left out.
 */
export function byDefaultPreference(list: readonly EditionCoverage[]): EditionCoverage[] {
  return [
    ...list.filter((c) => c.observedYears.length > 0),
    ...list.filter((c) => c.observedYears.length === 0 && c.periodAverageYears.length > 0),
  ];
}

interface Index {
  readonly blocks: ReadonlyMap<string, Block>;
  /** By `mineral|stage|measure`: the editions that cover it, newest first. */
  readonly coverage: ReadonlyMap<string, readonly EditionCoverage[]>;
}

const seriesKey = (mineral: string, stage: string, measure: string) => `${mineral}|${stage}|${measure}`;

/** Editions (those of the dataset in use by default) newest first by publication date: the order the default resolution prefers. */
export function editionsNewestFirst(editions: readonly Edition[] = editionList()): EditionId[] {
  return [...editions].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).map((e) => e.id);
}

function build(rows: readonly SupplyRow[], newestFirst: readonly EditionId[]): Index {
  const blocks = new Map<string, { rows: Map<string, SupplyRow> }>();
  type Years = { observed: Set<number>; single: Set<number>; all: Map<number, string | null> };
  const years = new Map<string, Map<EditionId, Years>>();
  for (const row of rows) {
    const key = supplyBlockKey(row);
    let block = blocks.get(key);
    if (!block) blocks.set(key, (block = { rows: new Map() }));
    block.rows.set(row.country, row);
    if (row.value === null) continue;
    const series = seriesKey(row.mineral, row.stage, row.measure);
    const byEdition = years.get(series) ?? new Map<EditionId, Years>();
    years.set(series, byEdition);
    const entry = byEdition.get(row.edition) ?? { observed: new Set(), single: new Set(), all: new Map() };
    byEdition.set(row.edition, entry);
    if (row.kind === "observed") entry.observed.add(row.year);
    if (row.kind !== "period-average") entry.single.add(row.year);
    // An observed figure wins over a projection for the same year.
    if (!entry.all.has(row.year) || row.kind === "observed") entry.all.set(row.year, row.case);
  }
  const coverage = new Map<string, EditionCoverage[]>();
  for (const [series, byEdition] of years) {
    coverage.set(
      series,
      newestFirst
        .filter((e) => byEdition.has(e))
        .map((edition) => {
          const entry = byEdition.get(edition)!;
          const sorted = [...entry.all.entries()].sort(([a], [b]) => a - b);
          return {
            edition,
            observedYears: [...entry.observed].sort((a, b) => a - b),
            periodAverageYears: [...entry.all.keys()].filter((y) => !entry.single.has(y)).sort((a, b) => a - b),
            years: new Map(sorted),
          };
        }),
    );
  }
  return { blocks, coverage };
}

const EMPTY: Index = { blocks: new Map(), coverage: new Map() };

const state = /* @__PURE__ */ perDataset(() => ({
  newestFirst: editionsNewestFirst(),
  indexes: new Map<string, Index>(),
}));

/** The index of one mineral's rows; only minerals with rows are kept, so any string can be asked. */
function indexOf(mineral: string): Index {
  const s = state();
  let index = s.indexes.get(mineral);
  if (index === undefined) {
    const rows = supplyRowsOf(mineral);
    if (rows.length === 0) return EMPTY;
    s.indexes.set(mineral, (index = build(rows, s.newestFirst)));
  }
  return index;
}

export function block(
  edition: EditionId,
  mineral: string,
  stage: Stage,
  measure: Measure,
  year: number,
  kase: string | null,
): Block | undefined {
  return indexOf(mineral).blocks.get(supplyBlockKey({ edition, mineral, stage, measure, year, case: kase }));
}

export function coverage(mineral: string, stage: Stage, measure: Measure): readonly EditionCoverage[] {
  return indexOf(mineral).coverage.get(seriesKey(mineral, stage, measure)) ?? [];
}

/** Every stage that has any figure for a mineral, for "did you mean" style explanations. */
export function stagesWithData(mineral: string, measure: Measure): Stage[] {
  return (["mining", "refining"] as const).filter((s) => coverage(mineral, s, measure).length > 0);
}

/** Every block of one mineral, stage and measure (each edition, year and case), unordered: for {@link series}. */
export function blocksOf(mineral: string, stage: Stage, measure: Measure): Block[] {
  const found: Block[] = [];
  for (const b of indexOf(mineral).blocks.values()) {
    const first = b.rows.values().next().value;
    if (first && first.stage === stage && first.measure === measure) found.push(b);
  }
  return found;
}
