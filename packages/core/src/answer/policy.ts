// Answers of the policy functions: the list items or export-control measures a call read.
import { controlRows } from "../data/tables.ts";
import type { ListItemRow } from "../records.ts";
import type { ControlMeasure, UnderControlLookup } from "../policy/controls.ts";
import { isCriticalReason, listItems, type ListMatch } from "../policy/lists.ts";
import type { AnswerFields, AnswerSource } from "./answer.ts";

/** A source without a figure: what it says is in `what` (a list item, a measure's status). */
const textSource = (edition: AnswerSource["edition"], locator: string, what: string): AnswerSource =>
  Object.freeze({ edition, locator, what, value: null, unit: "", status: "reported" });

/** The span of rows a whole table or list was read from: `file:row 2 to file:row 17`. */
const span = (rows: readonly { locator: string }[]): string =>
  rows.length === 1 ? rows[0]!.locator : `${rows[0]!.locator} to ${rows[rows.length - 1]!.locator}`;

function itemText(row: ListItemRow): string {
  const english = row.itemEn && row.itemEn !== row.item ? ` (${row.itemEn})` : "";
  const qualifier = row.qualifier ? `, qualifier: ${row.qualifier}` : "";
  return `${row.list}: "${row.item}"${english}${qualifier} — ${row.reference}`;
}

/** `isCritical`: the items that name the mineral, or the whole list when none does. */
export function isCriticalFields(found: ListMatch & { readonly mineral: string }, list: string): AnswerFields {
  const items = listItems(found.list);
  const first = items[0];
  if (!first) return { reason: isCriticalReason(list) };
  const rows = found.named ? found.rows : [];
  const basis = [
    `${first.instrument}, published ${first.published}`,
    found.rule ? `rule ${found.rule}` : undefined,
    found.members ? `members named: ${found.members.join(", ")}` : undefined,
  ]
    .filter(Boolean)
    .join("; ");
  return {
    edition: (rows[0] ?? first).edition,
    year: Number((rows[0] ?? first).published.slice(0, 4)),
    date: (rows[0] ?? first).published,
    basis,
    rule: found.rule,
    sources:
      rows.length > 0
        ? rows.map((r) => textSource(r.edition, r.locator, itemText(r)))
        : [
            textSource(
              first.edition,
              span(items),
              `${found.list}: ${items.length} items, none naming ${found.mineral}${found.rows.length > 0 ? ` as a whole (some members: ${found.members?.join(", ") ?? ""})` : ""}`,
            ),
          ],
  };
}

const measureText = (m: ControlMeasure, asOf: string): string =>
  `${m.id} (${m.type}; destination: ${m.destination}): ${m.status} on ${asOf}${m.part ? `; ${m.part.part} ${m.part.status} by ${m.part.by}` : ""}`;

/** `underExportControl`: the measures that decided, or the whole table when none touches the mineral. */
export function underExportControlFields(found: UnderControlLookup): AnswerFields {
  const { query, measures } = found;
  const all = controlRows();
  const edition = measures[0]?.edition ?? all[0]?.edition;
  const scope =
    query.destination === undefined
      ? "measures on exports to every destination (rule no-destination-every-destination)"
      : `measures on exports to ${query.destination} or to every destination`;
  const sources =
    measures.length > 0
      ? measures.map((m) => textSource(m.edition, m.locator, measureText(m, query.asOf)))
      : all.length > 0
        ? [
            textSource(
              all[0]!.edition,
              span(all),
              `${all.length} measures, none touching ${query.mineral ?? ""} in scope`,
            ),
          ]
        : [];
  return {
    edition,
    year: Number(query.asOf.slice(0, 4)),
    date: query.asOf,
    basis: `China's export controls on ${query.mineral ?? ""} on ${query.asOf}: ${scope}`,
    reason: found.reason ?? (all.length === 0 ? "the dataset in use holds no export-control measures" : undefined),
    sources,
  };
}
