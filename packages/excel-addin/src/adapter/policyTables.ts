// The spilled tables of CRITICAL_LISTS and EXPORT_CONTROLS: one row per core record, dates as
// YYYY-MM-DD text like the other spills (EDITIONS), so a table reads the same in every locale.
// An empty list is an answer here ("no list names it", "no measure touches it on that date"), not
// missing data: the table then has one row saying so in its first cell, never the header alone.
import * as core from "@critmin/core";

/** One row as wide as `header`, the words in its first cell and `cells` (by column name) after. */
function sayingRow(header: readonly string[], words: string, cells: Readonly<Record<string, string>> = {}): string[] {
  return header.map((column, i) => (i === 0 ? words : (cells[column] ?? "")));
}

export const LIST_HEADER = ["List", "Item", "Item (English)", "Qualifier", "Published", "Reference", "Rules"] as const;

/** "no list in the data names it (us-cml-2022, …)": the lists the dataset in use holds. */
const noList = () => {
  const held = core.criticalLists().map((l) => l.id);
  return `no list in the data names it (${held.join(", ")})`;
};

export const listRows = (namings: readonly core.ListNaming[]): (string | null | undefined)[][] =>
  namings.length === 0
    ? [sayingRow(LIST_HEADER, noList())]
    : namings.map((n) => [n.list, n.item, n.itemEn, n.qualifier, n.published, n.reference, n.rules.join(", ")]);

export const CONTROL_HEADER = [
  "Measure",
  "Status",
  "As of",
  "Type",
  "Announced",
  "Effective",
  "Ended or suspended",
  "Suspended until",
  "Destination",
  "Items",
  "HS codes",
  "Status note",
] as const;

/** "no measure in the data touches gallium on 2020-01-01 (exports to USA)". */
const noMeasure = (result: core.ExportControls) =>
  `no measure in the data touches ${result.mineral ?? "any mineral"} on ${result.asOf}` +
  (result.destination ? ` (exports to ${result.destination})` : "");

export const controlRows = (result: core.ExportControls): (string | null | undefined)[][] =>
  result.measures.length === 0
    ? [sayingRow(CONTROL_HEADER, noMeasure(result), { "As of": result.asOf })]
    : result.measures.map((m) => [
        m.id,
        m.status,
        result.asOf,
        m.type,
        m.announced,
        m.effective,
        m.endedOrSuspended,
        m.suspendedUntil,
        m.destination,
        m.items,
        m.hsCodes,
        m.statusNote,
      ]);
