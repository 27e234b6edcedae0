// SERIES's table: one row per edition, year and case of a core series. The Excel function, the
// task pane's chart and the parity test read the same header and rows from here.
import type { Series } from "@critmin/core";

export const SERIES_HEADER: readonly string[] = Object.freeze([
  "Edition",
  "Year",
  "Kind",
  "Case",
  "Share",
  "Tonnes",
  "Bound",
  "Status",
  "Locator",
]);

/** The table's rows for a series, in the header's order; `undefined` cells become blanks in Excel. */
export function seriesRows(s: Series): (string | number | null | undefined)[][] {
  return s.rows.map((r) => [r.edition, r.year, r.kind, r.case, r.value, r.tonnes, r.bound, r.status, r.locator]);
}
