// Edition immutability across a refresh: every edition of the dataset in use must come back with
// the same metadata and exactly the same rows (compared as canonical JSON, so key and row order do
// not matter; any value, key, added or missing row does). New data means a new edition id.
import type { Dataset } from "../data/dataset.ts";
import { canonical } from "./canonical.ts";

type Row = { readonly edition: string };

/**
 * Every table whose rows belong to an edition, with what a changed row is reported by: its mineral,
 * or for the policy tables its list, measure or country.
 */
const TABLES = {
  supply: (r: Dataset["supply"][number]) => r.mineral,
  demand: (r: Dataset["demand"][number]) => r.mineral,
  indicators: (r: Dataset["indicators"][number]) => r.mineral,
  lists: (r: Dataset["lists"][number]) => r.list,
  controls: (r: Dataset["controls"][number]) => r.id,
  governance: (r: Dataset["governance"][number]) => r.country,
} as const;
type Table = keyof typeof TABLES;

/** Each edition's rows of one table, as canonical lines grouped by the table's group key. */
function linesByEdition<R extends Row>(
  rows: readonly R[],
  groupOf: (row: R) => string,
  editions: ReadonlySet<string>,
): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const row of rows) {
    if (!editions.has(row.edition)) continue;
    let byGroup = out.get(row.edition);
    if (!byGroup) out.set(row.edition, (byGroup = new Map<string, string[]>()));
    const group = groupOf(row);
    const lines = byGroup.get(group);
    if (lines) lines.push(canonical(row));
    else byGroup.set(group, [canonical(row)]);
  }
  return out;
}

function sameLines(a: readonly string[] = [], b: readonly string[] = []): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((line, i) => line === y[i]);
}

/** The rows of `mineral` that are in `before` and not in `after`, or the other way round: how many. */
function changedCount(before: readonly string[] = [], after: readonly string[] = []): number {
  const left = new Map<string, number>();
  for (const line of before) left.set(line, (left.get(line) ?? 0) + 1);
  let extra = 0;
  for (const line of after) {
    const n = left.get(line) ?? 0;
    if (n > 0) left.set(line, n - 1);
    else extra++;
  }
  let missing = 0;
  for (const n of left.values()) missing += n;
  return Math.max(missing, extra);
}

/**
 * Why `next` does not keep the released editions of `current` as they are, or `undefined` when it
 * does. Names the first edition, table and mineral that differ.
 */
export function editionChange(current: Dataset, next: Dataset): string | undefined {
  const nextEditions = new Map(next.editions.map((e) => [e.id as string, e]));
  const removed = current.editions.filter((e) => !nextEditions.has(e.id)).map((e) => e.id);
  if (removed.length > 0)
    return `edition${removed.length === 1 ? "" : "s"} ${removed.join(", ")} ${removed.length === 1 ? "is" : "are"} missing: released editions are never removed`;
  for (const edition of current.editions) {
    if (canonical(edition) !== canonical(nextEditions.get(edition.id))) {
      return `edition ${edition.id} is released and may not change: its title, date, citation or source files differ`;
    }
  }
  const ids = new Set<string>(current.editions.map((e) => e.id));
  for (const table of Object.keys(TABLES) as Table[]) {
    const groupOf = TABLES[table] as (row: Row) => string;
    const before = linesByEdition<Row>(current[table], groupOf, ids);
    const after = linesByEdition<Row>(next[table], groupOf, ids);
    for (const edition of current.editions) {
      const a = before.get(edition.id) ?? new Map<string, string[]>();
      const b = after.get(edition.id) ?? new Map<string, string[]>();
      const groups = [...new Set([...a.keys(), ...b.keys()])].sort();
      const changed = groups.filter((m) => !sameLines(a.get(m), b.get(m)));
      if (changed.length === 0) continue;
      const first = changed[0]!;
      const rows = changedCount(a.get(first), b.get(first));
      const what =
        table === "lists" ? "list" : table === "controls" ? "measure" : table === "governance" ? "country" : "mineral";
      const others =
        changed.length > 1 ? ` (and ${changed.length - 1} other ${what}${changed.length === 2 ? "" : "s"})` : "";
      return `edition ${edition.id} is released and may not change: its ${table} rows for ${first} differ (${rows} row${rows === 1 ? "" : "s"} changed, added or removed)${others}; new data needs a new edition id`;
    }
  }
  return undefined;
}
