// The data browser's timeline of China's export controls touching the chosen mineral: one list
// item per measure, its dates in order and its status today, read from CRITMIN.EXPORT_CONTROLS so
// the pane shows exactly what the formula would. A list, not a chart: it stays readable at 350 px.
import type { CONTROL_HEADER } from "../adapter/policyTables.ts";
import { textOf } from "../workbook/text.ts";
import { asRows, type Call, errorText, isExcelError, make } from "./dom.ts";

// EXPORT_CONTROLS' columns, found by name in its header.
type Column = (typeof CONTROL_HEADER)[number];

/** The dates of a measure in time order, each with what happened on it. */
function steps(get: (c: Column) => string): string[] {
  const effective = get("Effective");
  const end = get("Ended or suspended");
  const until = get("Suspended until");
  const parts = [`announced ${get("Announced")}`];
  // Nos. 55–58 were suspended the day before they were to take effect: never in force.
  if (end && end < effective) parts.push(`suspended ${end}, before taking effect (${effective})`);
  else {
    if (effective !== get("Announced")) parts.push(`effective ${effective}`);
    if (end) parts.push(until ? `suspended ${end}` : `ended ${end}`);
  }
  if (until) parts.push(`until ${until}`);
  return parts;
}

/** The timeline section for one mineral: a heading, then the measures or why there are none. */
export function controlsTimeline(call: Call, mineral: string, mineralName: string): HTMLElement {
  const section = make("section", { id: "data-controls", "aria-labelledby": "data-controls-title" });
  const rows = asRows(call("EXPORT_CONTROLS", mineral));
  const first = rows[0]?.[0];
  if (isExcelError(first)) {
    section.append(make("p", { class: "error" }, `Export controls: ${errorText(first)}`));
    return section;
  }
  const header = (rows[0] ?? []).map(textOf);
  // With no measure, EXPORT_CONTROLS says so in a row of its own, whose Status is empty.
  const said = rows.slice(1);
  const body = said.filter((row) => textOf(row[header.indexOf("Status")]) !== "");
  const asOf = textOf(said[0]?.[header.indexOf("As of")]);
  section.append(
    make(
      "h3",
      { id: "data-controls-title" },
      `China's export controls: ${mineralName}${asOf ? `, status on ${asOf}` : ""}`,
    ),
  );
  if (body.length === 0) {
    const none = textOf(said[0]?.[0]) || "no measure in the data touches this mineral";
    section.append(make("p", { class: "hint" }, `${none[0]!.toUpperCase()}${none.slice(1)}.`));
    return section;
  }
  const list = make("ol", { class: "timeline" });
  for (const row of body) {
    const get = (c: Column) => textOf(row[header.indexOf(c)]);
    const item = make("li", { class: `status-${get("Status")}` });
    const title = make("p", { class: "timeline-title" });
    title.append(make("strong", {}, get("Measure")), ` — ${get("Type")}, to ${get("Destination")}`);
    const status = make("span", { class: "badge", title: get("Status note") }, get("Status"));
    const dates = make("p", { class: "timeline-dates" });
    // Each date kept on one line: a date broken at its hyphen reads as two.
    const text = steps(get).join(" → ");
    text
      .split(/(\d{4}-\d{2}-\d{2})/)
      .forEach((piece, i) => dates.append(i % 2 ? make("span", { class: "date" }, piece) : piece));
    item.append(title, dates, status);
    // A partly suspended measure stands; its suspended part's own status beside it.
    const part = /\((section [^)]*)\)/.exec(get("Status note"))?.[1];
    if (part) item.append(" ", make("span", { class: "hint" }, part));
    list.append(item);
  }
  section.append(list);
  return section;
}
