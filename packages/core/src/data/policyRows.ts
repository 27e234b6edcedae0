/**
 * Reads the generated modules of the policy tables (gen/lists.gen.ts, controls.gen.ts,
 * governance.gen.ts, written by pipeline/emit.ts) back into rows. Same column format as the other
 * tables (./columns.ts); these rows have no recomputed columns, so every field is stored and read
 * as is. The column lists are the schemas' keys in order: emit.ts reads every module back and fails
 * unless each row comes back exactly, keys in that order.
 */
import type { ExportControlRow, GovernanceRow, ListItemRow } from "../records.ts";
import { deepFreeze } from "../_lib/deepFreeze.ts";
import { readColumns } from "./columns.ts";

export const LIST_COLUMNS = /* @__PURE__ */ Object.freeze([
  "edition",
  "list",
  "position",
  "item",
  "language",
  "itemEn",
  "qualifier",
  "minerals",
  "published",
  "instrument",
  "reference",
  "url",
  "locator",
  "rules",
] as const satisfies readonly (keyof ListItemRow)[]);

export const CONTROL_COLUMNS = /* @__PURE__ */ Object.freeze([
  "edition",
  "id",
  "issuer",
  "announced",
  "effective",
  "endedOrSuspended",
  "suspendedUntil",
  "type",
  "destination",
  "destinations",
  "items",
  "mineralsAsWritten",
  "minerals",
  "everyItem",
  "suspends",
  "suspendsPart",
  "hsCodes",
  "sources",
  "note",
  "locator",
  "rules",
] as const satisfies readonly (keyof ExportControlRow)[]);

export const GOVERNANCE_COLUMNS = /* @__PURE__ */ Object.freeze([
  "edition",
  "country",
  "dimension",
  "year",
  "estimate",
  "standardError",
  "locator",
  "errorLocator",
  "rules",
] as const satisfies readonly (keyof GovernanceRow)[]);

/**
 * Rows with the given keys, in that order, deeply frozen (lists shared by several rows, such as
 * equal `rules`, are one frozen array).
 */
function decodeTable<T>(text: string, columns: readonly string[]): readonly T[] {
  const table = readColumns(text);
  const values = columns.map((name) => table.get(name));
  const rows = new Array<T>(table.rows);
  for (let i = 0; i < table.rows; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < columns.length; k++) row[columns[k]!] = values[k]![i];
    rows[i] = deepFreeze(row) as T;
  }
  return Object.freeze(rows);
}

export const decodeLists = (text: string): readonly ListItemRow[] => decodeTable(text, LIST_COLUMNS);
export const decodeControls = (text: string): readonly ExportControlRow[] => decodeTable(text, CONTROL_COLUMNS);
export const decodeGovernance = (text: string): readonly GovernanceRow[] => decodeTable(text, GOVERNANCE_COLUMNS);
