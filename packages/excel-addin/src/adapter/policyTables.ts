// The spilled tables of CRITICAL_LISTS and EXPORT_CONTROLS: one row per core record, dates as
// YYYY-MM-DD text like the other spills (EDITIONS), so a table reads the same in every locale.
import type * as core from "@critmin/core";

export const LIST_HEADER = ["List", "Item", "Item (English)", "Qualifier", "Published", "Reference", "Rules"] as const;

export const listRows = (namings: readonly core.ListNaming[]) =>
  namings.map((n) => [n.list, n.item, n.itemEn, n.qualifier, n.published, n.reference, n.rules.join(", ")]);

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

export const controlRows = (result: core.ExportControls) =>
  result.measures.map((m) => [
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
