import type { DemandRow, IndicatorRow, SupplyRow } from "../src/schema/rows.ts";

/** What each reader returns: the rows it read, by table; a table the edition does not fill is empty. */
export interface ReaderOutput {
  readonly supply: SupplyRow[];
  readonly demand: DemandRow[];
  readonly indicators: IndicatorRow[];
}

export function emptyOutput(): ReaderOutput {
  return { supply: [], demand: [], indicators: [] };
}
