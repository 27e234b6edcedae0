import type { DemandRow, IndicatorRow, SupplyRow } from "../src/schema/rows.ts";

/** What each reader returns: rows for one edition, plus the source names it saw, for the mapping tests. */
export interface ReaderOutput {
  readonly supply: SupplyRow[];
  readonly demand: DemandRow[];
  readonly indicators: IndicatorRow[];
}

export function emptyOutput(): ReaderOutput {
  return { supply: [], demand: [], indicators: [] };
}
