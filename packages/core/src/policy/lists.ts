// The official critical-mineral lists: which lists there are, whether one names a mineral, and
// every item that names it, as written.
import { deepFreeze } from "../_lib/deepFreeze.ts";
import { parseMineral, requireString } from "../_lib/ids.ts";
import { nearest, unknownId } from "../_lib/nearest.ts";
import { perDataset } from "../_lib/perDataset.ts";
import { listRows } from "../data/tables.ts";
import { CRITICAL_LISTS, type CriticalListId, type EditionId } from "../constants.ts";
import type { MineralInput } from "../inputs.ts";
import type { ListItemRow } from "../records.ts";
import { familyOf, groupsOf } from "./families.ts";

/** One official list. */
export interface CriticalList {
  readonly id: CriticalListId;
  readonly jurisdiction: string;
  /** The official document: its title and number. */
  readonly instrument: string;
  /** Publication date, `YYYY-MM-DD`. */
  readonly published: string;
  /** How many items the list has, counted from its rows. */
  readonly items: number;
  readonly edition: EditionId;
}

/** One item of a list that names a mineral, with the rule that made it count where one did. */
export interface ListNaming {
  readonly list: CriticalListId;
  readonly edition: EditionId;
  /** The item as written in the list's language. */
  readonly item: string;
  readonly language: string;
  readonly itemEn: string | null;
  readonly qualifier: string | null;
  readonly published: string;
  readonly instrument: string;
  /** Where the item stands in the official document (`Annex I, Section 1, point (f)`). */
  readonly reference: string;
  readonly url: string;
  readonly locator: string;
  /** The dataset's mineral ids the item names. */
  readonly minerals: readonly string[];
  /** The pipeline's rules on the row, then the lookup rule that made the item count, if any. */
  readonly rules: readonly string[];
}

/**
 * Lookup rules, each named in the answer:
 * - `eu-crma-strategic-is-critical`: Regulation (EU) 2024/1252 makes every strategic raw material
 *   (Annex I) a critical one too, so an Annex I item counts for `eu-crma-2024-critical`.
 * - `member-of-named-group`: the list names a group (heavy rare earths) the mineral belongs to.
 * - `group-members-named`: asked for a group id (`pgms`), the list names it through its members:
 *   a group item naming only members ("for permanent magnets (Nd, Pr, …)"), or every member.
 */
export type ListRule = "eu-crma-strategic-is-critical" | "member-of-named-group" | "group-members-named";

/** Each list rule in words, for the docs. */
export const LIST_RULE_NOTES: Readonly<Record<ListRule, string>> = {
  "eu-crma-strategic-is-critical":
    "Regulation (EU) 2024/1252 makes every strategic raw material (Annex I) a critical one too: an Annex I item counts for eu-crma-2024-critical, and the answer names Annex I",
  "member-of-named-group": "the list names a group (heavy rare earths, platinum group metals) the mineral belongs to",
  "group-members-named":
    "asked for a group id, the list names it through its members: a group item naming only members, or every member listed",
};

// Jurisdiction is not a column of ListItemRow: one label per list id.
const JURISDICTION: Readonly<Record<CriticalListId, string>> = {
  "us-cml-2022": "United States",
  "us-cml-2025": "United States",
  "eu-crma-2024-critical": "European Union",
  "eu-crma-2024-strategic": "European Union",
};

const LIST_CANDIDATES = /* @__PURE__ */ CRITICAL_LISTS.map((id) => [id, id] as const);

/** A list id of {@link CRITICAL_LISTS}, case-insensitive; else `unknown_id` with the nearest. */
export function parseListId(fn: string, input: unknown): CriticalListId {
  const text = requireString(fn, "list", input).trim().toLowerCase();
  if ((CRITICAL_LISTS as readonly string[]).includes(text)) return text as CriticalListId;
  throw unknownId(fn, "list", input, nearest(text, LIST_CANDIDATES), CRITICAL_LISTS);
}

const itemsByList = /* @__PURE__ */ perDataset(() => {
  const map = new Map<CriticalListId, ListItemRow[]>(CRITICAL_LISTS.map((id) => [id, []]));
  for (const row of listRows()) map.get(row.list)?.push(row);
  for (const rows of map.values()) rows.sort((a, b) => a.position - b.position);
  return map;
});

/**
 * The official critical-mineral lists the dataset holds: the US final lists of 2022 and 2025, and
 * the EU Critical Raw Materials Act's two (Annex I, strategic; Annex II, critical).
 *
 * @returns one entry per list with items in the dataset in use, in the order of {@link CRITICAL_LISTS}
 * @example
 * criticalLists().map((l) => `${l.id} (published ${l.published}): ${l.items} items`)
 * //=> ["us-cml-2022 (published 2022-02-24): 50 items", "us-cml-2025 (published 2025-11-07): 60 items", "eu-crma-2024-critical (published 2024-05-03): 34 items", "eu-crma-2024-strategic (published 2024-05-03): 17 items"]
 */
export function criticalLists(): readonly CriticalList[] {
  const lists: CriticalList[] = [];
  for (const [id, rows] of itemsByList()) {
    const first = rows[0];
    if (!first) continue;
    lists.push({
      id,
      jurisdiction: JURISDICTION[id],
      instrument: first.instrument,
      published: first.published,
      items: rows.length,
      edition: first.edition,
    });
  }
  return deepFreeze(lists);
}

/** What a lookup of one mineral in one list found. */
export interface ListMatch {
  readonly list: CriticalListId;
  /** `undefined` when the dataset in use holds no item of the list. */
  readonly named: boolean | undefined;
  readonly rows: readonly ListItemRow[];
  readonly rule: ListRule | undefined;
  /** For `group-members-named`: the members the list names. */
  readonly members?: readonly string[];
}

function matchIn(list: CriticalListId, items: readonly ListItemRow[], id: string): ListMatch {
  const direct = items.filter((r) => r.minerals.includes(id));
  if (direct.length > 0) return { list, named: true, rows: direct, rule: undefined };
  const groups = groupsOf(id).map((g) => g.id);
  const viaGroup = items.filter((r) => r.minerals.some((m) => groups.includes(m)));
  if (viaGroup.length > 0) return { list, named: true, rows: viaGroup, rule: "member-of-named-group" };
  const family = familyOf(id);
  if (family) {
    const inFamily = (m: string) => family.members.includes(m);
    const rows = items.filter((r) => r.minerals.some(inFamily));
    const members = [...new Set(rows.flatMap((r) => r.minerals.filter(inFamily)))].sort();
    const groupItem = rows.some((r) => r.minerals.length >= 2 && r.minerals.every(inFamily));
    if (rows.length > 0)
      return {
        list,
        named: groupItem || members.length === family.members.length,
        rows,
        rule: "group-members-named",
        members,
      };
  }
  return { list, named: items.length === 0 ? undefined : false, rows: [], rule: undefined };
}

/** The rows of each list, in list order: what the lookups read. */
export type ListsById = ReadonlyMap<CriticalListId, readonly ListItemRow[]>;

/** Whether `list` names the mineral id, with the items and the rule; the core of {@link isCritical}. */
export function listMatch(list: CriticalListId, mineral: string): ListMatch {
  return listMatchIn(itemsByList(), list, mineral);
}

/** {@link listMatch} over given lists: the pure part, tested on rows read from the raw file. */
export function listMatchIn(byList: ListsById, list: CriticalListId, mineral: string): ListMatch {
  const found = matchIn(list, byList.get(list) ?? [], mineral);
  if (list !== "eu-crma-2024-critical" || found.named) return found;
  const strategic = matchIn("eu-crma-2024-strategic", byList.get("eu-crma-2024-strategic") ?? [], mineral);
  if (!strategic.named) return found;
  return { ...strategic, list, rule: "eu-crma-strategic-is-critical" };
}

/** {@link isCritical}'s lookup: the parsed arguments and what they found (explain reads it). */
export function isCriticalLookup(mineral: MineralInput, list: string): ListMatch & { readonly mineral: string } {
  const fn = "isCritical";
  const id = parseMineral(fn, mineral);
  return { ...listMatch(parseListId(fn, list), id), mineral: id };
}

/**
 * Whether an official list names a mineral. List ids: `us-cml-2022`, `us-cml-2025`,
 * `eu-crma-2024-critical`, `eu-crma-2024-strategic`. A strategic raw material is also critical
 * under the EU Regulation (rule `eu-crma-strategic-is-critical`). A list item naming a group (heavy
 * rare earths) names its members; a group id (`pgms`) is named by a group item of its members or
 * when every member is listed. `explain(isCritical, …)` gives the items, the annex and the rule.
 *
 * @returns `true` or `false`; `undefined` when the dataset in use holds no item of that list
 * @throws {@link CritminError} `unknown_id` for an unknown mineral or list id (with the nearest)
 * @example
 * isCritical("gallium", "eu-crma-2024-strategic")
 * //=> true
 * isCritical("copper", "us-cml-2022")
 * //=> false
 */
export function isCritical(mineral: MineralInput, list: string): boolean | undefined {
  return isCriticalLookup(mineral, list).named;
}

/**
 * Why {@link isCritical} has no answer: the list is not in the dataset in use (a refreshed dataset
 * from before the lists).
 *
 * @throws {@link CritminError} `invalid_argument` when `list` is not a non-empty string
 * @example
 * isCriticalReason("us-cml-2025").startsWith("the dataset in use holds no item of the list us-cml-2025")
 * //=> true
 */
export function isCriticalReason(list: string): string {
  requireString("isCriticalReason", "list", list);
  return `the dataset in use holds no item of the list ${list} (lists: ${criticalLists()
    .map((l) => l.id)
    .join(", ")})`;
}

/** A list item as a {@link ListNaming} of `list`, with the lookup rule appended. */
function naming(list: CriticalListId, row: ListItemRow, rule: ListRule | undefined): ListNaming {
  return {
    list,
    edition: row.edition,
    item: row.item,
    language: row.language,
    itemEn: row.itemEn,
    qualifier: row.qualifier,
    published: row.published,
    instrument: row.instrument,
    reference: row.reference,
    url: row.url,
    locator: row.locator,
    minerals: row.minerals,
    rules: rule ? [...row.rules, rule] : row.rules,
  };
}

/**
 * Every item of every list that names a mineral: the item as written (and in English where the
 * list's English text was opened), its qualifier ("battery grade"), publication date, place in
 * the document and locator. Same rules as {@link isCritical}; a group id lists the items naming
 * its members only where {@link isCritical} counts them.
 *
 * @returns the items, in list order; an empty list when no list the dataset holds names the
 *   mineral (an answer, not missing data: Excel's CRITICAL_LISTS says so in a row)
 * @throws {@link CritminError} `unknown_id` for an unknown mineral (with the nearest)
 * @example
 * listsNaming("copper").map((n) => n.list)
 * //=> ["us-cml-2025", "eu-crma-2024-critical", "eu-crma-2024-strategic"]
 * listsNaming("nickel").map((n) => `${n.list} (${n.published}): ${n.item}${n.qualifier ? ` [${n.qualifier}]` : ""}`)
 * //=> ["us-cml-2022 (2022-02-24): Nickel", "us-cml-2025 (2025-11-07): Nickel", "eu-crma-2024-critical (2024-05-03): Nickel — Batteriequalität [battery grade]", "eu-crma-2024-strategic (2024-05-03): Nickel — Batteriequalität [battery grade]"]
 */
export function listsNaming(mineral: MineralInput): readonly ListNaming[] {
  const id = parseMineral("listsNaming", mineral);
  return deepFreeze(
    CRITICAL_LISTS.flatMap((list) => {
      const found = listMatch(list, id);
      return found.named ? found.rows.map((row) => naming(list, row, found.rule)) : [];
    }),
  );
}

// Exposed for the docs generator: the dataset's rows of one list, in list order.
export const listItems = (list: CriticalListId): readonly ListItemRow[] => itemsByList().get(list) ?? [];
