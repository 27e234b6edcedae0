// Official critical-minerals lists (editions us-cml-2022, us-cml-2025, eu-crma-2024), one file
// transcribed by hand: one ListItemRow per line, items mapped to mineral ids by ../listItems.ts.
import path from "node:path";
import type { CriticalListId } from "../../src/constants.ts";
import { ListItemRow, type EditionId } from "../../src/schema/rows.ts";
import { LISTS_FILE } from "../editions.ts";
import { listItemMapping, LIST_RULES } from "../listItems.ts";
import { SourceProblems, validRow } from "../problems.ts";
import { readCsv, type CsvRecord } from "./csv.ts";
import { isRealDate } from "./dates.ts";

export const LISTS_FILE_NAME = path.basename(LISTS_FILE);

const COLUMNS = [
  "list_id",
  "jurisdiction",
  "instrument",
  "published",
  "category",
  "item_as_written",
  "qualifier",
  "source_url",
  "locator",
  "language",
  "item_en",
  "cross_check_url",
] as const;
type Column = (typeof COLUMNS)[number];

/** The file's list ids → the dataset's list id and edition. */
export const LIST_IDS: Readonly<Record<string, { list: CriticalListId; edition: EditionId }>> = {
  "us-2022-final": { list: "us-cml-2022", edition: "us-cml-2022" },
  "us-2025-final": { list: "us-cml-2025", edition: "us-cml-2025" },
  "eu-crma-2024-strategic": { list: "eu-crma-2024-strategic", edition: "eu-crma-2024" },
  "eu-crma-2024-critical": { list: "eu-crma-2024-critical", edition: "eu-crma-2024" },
};

/**
 * The position a `locator` states: "list position 7 of 60 …" (US) → 7; "Annex II, Section 1, point
 * (ab)" (EU) → 28, the points running (a)–(z) then (aa), (ab), …
 */
export function statedPosition(locator: string): number | undefined {
  const us = /^list position (\d+) of \d+\b/.exec(locator);
  if (us) return Number(us[1]);
  const eu = /point \(([a-z]{1,2})\)$/.exec(locator);
  if (!eu) return undefined;
  const letters = eu[1]!;
  const index = (c: string) => c.charCodeAt(0) - 96;
  return letters.length === 1 ? index(letters) : 26 * index(letters[0]!) + index(letters[1]!);
}

export function readCriticalLists(dataDir: string): ListItemRow[] {
  const problems = new SourceProblems();
  const records = readCsv(path.join(dataDir, LISTS_FILE), COLUMNS, problems);
  const counts = new Map<string, number>();
  const rows: ListItemRow[] = [];
  for (const record of records) {
    const row = listItemRow(record, counts, problems);
    if (row) rows.push(row);
  }
  for (const fileId of Object.keys(LIST_IDS))
    if (!counts.has(fileId)) problems.add(LISTS_FILE_NAME, `list ${fileId} has no rows`);
  problems.throwIfAny(LISTS_FILE_NAME);
  return rows;
}

function listItemRow(
  record: CsvRecord<Column>,
  counts: Map<string, number>,
  problems: SourceProblems,
): ListItemRow | undefined {
  const c = record.cells;
  const locator = `${LISTS_FILE_NAME}:row ${record.line}`;
  const ids = LIST_IDS[c.list_id];
  if (!ids) {
    problems.add(locator, `unknown list id "${c.list_id}"`);
    return undefined;
  }
  // Position: the row's order within its list, which must be the position its locator states.
  const position = (counts.get(c.list_id) ?? 0) + 1;
  counts.set(c.list_id, position);
  const stated = statedPosition(c.locator);
  if (stated !== position)
    problems.add(locator, `row ${position} of ${c.list_id}, but its locator says "${c.locator}"`);
  if (!isRealDate(c.published)) problems.add(locator, `published: not a real date YYYY-MM-DD: "${c.published}"`);
  const mapping = listItemMapping(c.item_as_written, c.language);
  if (!mapping) {
    problems.add(
      locator,
      `item "${c.item_as_written}" (${c.language}) is in no mapping table (pipeline/listItems.ts): map it there, or list it with no id and the reason`,
    );
    return undefined;
  }
  const rules = [...(c.language === "de" ? [LIST_RULES.germanName] : []), ...(mapping.rules ?? [])];
  const row: ListItemRow = {
    edition: ids.edition,
    list: ids.list,
    position,
    item: c.item_as_written,
    language: c.language,
    itemEn: c.item_en === "" ? null : c.item_en,
    qualifier: c.qualifier === "" ? null : c.qualifier,
    minerals: [...mapping.minerals],
    published: c.published,
    instrument: c.instrument,
    reference: c.locator,
    url: c.source_url,
    locator,
    rules,
  };
  return validRow(ListItemRow, row, locator, problems);
}
