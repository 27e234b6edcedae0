// Indicator rows indexed once per dataset, on first use, so each lookup after that is one Map read.
import { indicatorRows } from "../data/tables.ts";
import type { MineralId } from "../data/index.ts";
import type { Indicator, Stage } from "../constants.ts";
import type { IndicatorRow } from "../records.ts";
import { perDataset } from "./perDataset.ts";

export type Economy = IndicatorRow["economy"];

/** An indicator question after parsing: ids checked; `year` undefined means the latest assessment. */
export interface IndicatorQuery {
  readonly fn: string;
  readonly indicator: Indicator;
  readonly economy: Economy;
  readonly mineral: MineralId;
  /** `null` for the per-material value (no stage). */
  readonly stage: Stage | null;
  readonly year: number | undefined;
}

export type IndicatorLookup =
  | {
      readonly query: IndicatorQuery;
      readonly year: number;
      readonly row: IndicatorRow;
      readonly value: number;
      readonly reason?: undefined;
    }
  | {
      readonly query: IndicatorQuery;
      readonly year: number | undefined;
      readonly row?: IndicatorRow;
      readonly value?: undefined;
      readonly reason: string;
    };

interface Index {
  readonly rows: ReadonlyMap<string, IndicatorRow>;
  /** By `indicator|economy|mineral`: every row of that material, in dataset order. */
  readonly series: ReadonlyMap<string, readonly IndicatorRow[]>;
  /** By `indicator|economy`: the latest year with any row. */
  readonly latest: ReadonlyMap<string, number>;
  /** By `indicator|economy|overall` (no stage) or `indicator|economy|staged`: the assessment years, ascending. */
  readonly years: ReadonlyMap<string, readonly number[]>;
}

export const indicatorKey = (indicator: string, economy: string, mineral: string, stage: string | null, year: number) =>
  `${indicator}|${economy}|${mineral}|${stage ?? ""}|${year}`;
const seriesKey = (indicator: string, economy: string, mineral: string) => `${indicator}|${economy}|${mineral}`;

function build(): Index {
  const rows = new Map<string, IndicatorRow>();
  const series = new Map<string, IndicatorRow[]>();
  const latest = new Map<string, number>();
  const years = new Map<string, Set<number>>();
  for (const row of indicatorRows()) {
    const key = indicatorKey(row.indicator, row.economy, row.mineral, row.stage, row.year);
    // The build emits one row per key; keep the first should that ever change, so answers stay stable.
    if (!rows.has(key)) rows.set(key, row);
    const sKey = seriesKey(row.indicator, row.economy, row.mineral);
    const list = series.get(sKey) ?? [];
    series.set(sKey, list);
    list.push(row);
    const lKey = `${row.indicator}|${row.economy}`;
    latest.set(lKey, Math.max(latest.get(lKey) ?? row.year, row.year));
    const yKey = `${lKey}|${row.stage === null ? "overall" : "staged"}`;
    years.set(yKey, (years.get(yKey) ?? new Set()).add(row.year));
  }
  const sorted = new Map([...years].map(([key, set]) => [key, [...set].sort((a, b) => a - b)] as const));
  return { rows, series, latest, years: sorted };
}

const get = /* @__PURE__ */ perDataset(build);

/** The latest assessment year of an indicator (any material), e.g. 2023 for the EU CRM study. */
export function latestIndicatorYear(indicator: Indicator, economy: Economy): number | undefined {
  return get().latest.get(`${indicator}|${economy}`);
}

/** The years an indicator was assessed in (any material): per material (`overall`) or per stage (`staged`). */
export function indicatorYears(indicator: Indicator, economy: Economy, by: "overall" | "staged"): readonly number[] {
  return get().years.get(`${indicator}|${economy}|${by}`) ?? [];
}

/** The row for one indicator, economy, material, stage (`null`: none) and year. */
export function indicatorRow(
  indicator: Indicator,
  economy: Economy,
  mineral: string,
  stage: Stage | null,
  year: number,
): IndicatorRow | undefined {
  return get().rows.get(indicatorKey(indicator, economy, mineral, stage, year));
}

/** "overall 2011, 2014; mining 2023": the stages and years a material has a value for. */
function describeAvailable(rows: readonly IndicatorRow[]): string {
  const byStage = new Map<string, number[]>();
  for (const row of rows) {
    if (row.value === null) continue;
    const stage = row.stage ?? "overall";
    byStage.set(stage, [...(byStage.get(stage) ?? []), row.year]);
  }
  return [...byStage]
    .map(([stage, years]) => `${stage} ${[...new Set(years)].sort((a, b) => a - b).join(", ")}`)
    .join("; ");
}

/** The value answering an indicator query, or why there is none (naming the stages and years that exist). */
export function lookupIndicator(query: IndicatorQuery): IndicatorLookup {
  const { indicator, economy, mineral, stage } = query;
  const year = query.year ?? latestIndicatorYear(indicator, economy);
  const what = `${economy} ${indicator} for ${mineral}${stage ? ` at ${stage}` : ""}`;
  const row = year === undefined ? undefined : indicatorRow(indicator, economy, mineral, stage, year);
  if (!row || row.value === null) {
    const available = describeAvailable(get().series.get(seriesKey(indicator, economy, mineral)) ?? []);
    const why = row
      ? `${row.edition} gives no ${what} in ${year} (${row.status}) at ${row.locator}`
      : `no ${what}${year === undefined ? "" : ` in ${year}`}`;
    return { query, year, row, reason: `${why}${available ? `; available: ${available}` : ""}` };
  }
  return { query, year: row.year, row, value: row.value };
}
