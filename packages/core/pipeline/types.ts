import type {
  DemandRow,
  ExportControlRow,
  GovernanceRow,
  IndicatorRow,
  ListItemRow,
  SupplyRow,
} from "../src/schema/rows.ts";

/** What each reader returns: the rows it read, by table; a table the edition does not fill is empty or absent. */
export interface ReaderOutput {
  readonly supply: SupplyRow[];
  readonly demand: DemandRow[];
  readonly indicators: IndicatorRow[];
  readonly lists?: ListItemRow[];
  readonly controls?: ExportControlRow[];
  readonly governance?: GovernanceRow[];
}

export function emptyOutput(): ReaderOutput {
  return { supply: [], demand: [], indicators: [] };
}
