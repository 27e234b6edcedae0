// The Sources sheet: one row per edition whose figures a table or a frozen copy contains, with
// what a reader needs to cite and reuse them.
import { textOf } from "./text.ts";

export interface EditionInfo {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly licence: string;
  readonly citation: string;
  readonly url?: string;
}

export const SOURCES_HEADER = ["Edition", "Title", "Publisher", "Date", "Citation", "Licence", "URL"] as const;

export type SourcesCell = string;

/** Header and one row per edition id (sorted, de-duplicated); an id the add-in lacks is an error. */
export function sourcesRows(ids: Iterable<string>, editions: readonly EditionInfo[]): SourcesCell[][] {
  const byId = new Map(editions.map((e) => [e.id, e]));
  const rows: SourcesCell[][] = [[...SOURCES_HEADER]];
  for (const id of [...new Set(ids)].sort()) {
    const e = byId.get(id);
    if (!e) throw new Error(`no edition record for ${id}`);
    rows.push([e.id, e.title, e.publisher, e.date, e.citation, e.licence, e.url ?? ""]);
  }
  return rows;
}

/**
 * Merges new rows into an existing Sources sheet's values (header first), keeping its rows and
 * adding editions it lacks, so inserting a second table does not drop the first table's sources.
 */
export function mergeSources(
  existing: readonly (readonly unknown[])[] | undefined,
  added: SourcesCell[][],
): SourcesCell[][] {
  const rows = new Map<string, SourcesCell[]>();
  const header = existing?.[0];
  const compatible = header !== undefined && SOURCES_HEADER.every((h, i) => header[i] === h);
  if (compatible)
    for (const row of existing!.slice(1))
      if (row[0])
        rows.set(
          textOf(row[0]),
          SOURCES_HEADER.map((_, i) => textOf(row[i])),
        );
  for (const row of added.slice(1)) rows.set(row[0]!, row);
  return [[...SOURCES_HEADER], ...[...rows.keys()].sort().map((k) => rows.get(k)!)];
}

/** Notes written under the table: dataset version, pin, and how the figures were produced. */
export function sourcesNotes(info: {
  readonly datasetVersion: string;
  readonly pin?: string;
  readonly note?: string;
  readonly when?: string;
}): SourcesCell[][] {
  const notes: SourcesCell[][] = [["Dataset version", info.datasetVersion]];
  if (info.pin) notes.push(["Edition pin", info.pin]);
  if (info.when) notes.push(["Written", info.when]);
  if (info.note) notes.push(["Note", info.note]);
  return notes.map((row) => [...row, ...Array<string>(SOURCES_HEADER.length - row.length).fill("")]);
}
