// `within` (a workbook's pin: at most one edition per source series) for the functions that read one
// series only: IEA demand and technology tables, USGS reserves. Such a function reads the listed
// editions of its own series; a list naming none of them leaves its choice as without `within`, so a
// pin restricts only the sources it names.
import type { EditionId } from "../constants.ts";
import { demandRows, mineralList } from "../data/tables.ts";
import { perDataset } from "./perDataset.ts";

/** What a one-series function reads: demand rows (IEA demand and technology tables) or reserves. */
export type SeriesData = "demand" | "reserves";

/** "iea-cmde-2024" → "iea-cmde": the source series an edition is one release of. */
const seriesOf = (id: string) => id.replace(/-\d{4}$/, "");

/**
 * The series that carry each kind of one-series data in the active dataset. Reserves are read from
 * the registry's coverage, so that asking decodes no supply table.
 */
const carriers: Record<SeriesData, () => ReadonlySet<string>> = {
  demand: /* @__PURE__ */ perDataset(() => new Set(demandRows().map((r) => seriesOf(r.edition)))),
  reserves: /* @__PURE__ */ perDataset(
    () =>
      new Set(
        mineralList().flatMap((m) =>
          m.coverage.filter((c) => c.measure === "reserves").map((c) => seriesOf(c.edition)),
        ),
      ),
  ),
};

/** The editions of `within` in a series that carries `data` (empty when it names none). */
export function seriesWithin(data: SeriesData, within: readonly EditionId[]): EditionId[] {
  const series = carriers[data]();
  return within.filter((id) => series.has(seriesOf(id)));
}

/**
 * The editions a one-series function may read: `[source]` when named, else {@link seriesWithin};
 * `undefined` (any edition) when neither narrows the choice.
 */
export function allowedEditions(
  source: EditionId | undefined,
  within: readonly EditionId[] | undefined,
  data: SeriesData,
): readonly EditionId[] | undefined {
  if (source !== undefined) return [source];
  const allowed = within && seriesWithin(data, within);
  return allowed && allowed.length > 0 ? allowed : undefined;
}
