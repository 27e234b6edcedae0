// The playground's result: one value, or a spilled range as a table (a table function's header
// row as the table's header). Shares show as percentages, as the function's traits say.
import { showsPercent, traitsOf } from "../functions/traits.ts";
import type { AnswerUnit } from "@critmin/core";
import { formatByUnit } from "../workbook/numberFormats.ts";
import { textOf } from "../workbook/text.ts";
import { asRows, errorText, formatNumber, isExcelError, make } from "./dom.ts";
import type { FunctionMeta } from "./metadata.ts";

/** How a table column's numbers read, from its header: shares as %, years as written (no "2,023"). */
type ColumnKind = "percent" | "year" | "number";
const columnKind = (header: string): ColumnKind =>
  /share|weight/i.test(header) ? "percent" : /^(year|from|to)$/i.test(header) ? "year" : "number";

function renderValue(value: unknown, kind: ColumnKind | boolean, sign = ""): HTMLElement {
  if (isExcelError(value)) return make("span", { class: "excel-error" }, errorText(value));
  if (typeof value === "number")
    return make(
      "data",
      { value: String(value) },
      `${sign}${kind === "year" ? String(value) : formatNumber(value, kind === true || kind === "percent")}`,
    );
  if (typeof value === "boolean") return make("span", {}, value ? "TRUE" : "FALSE");
  return make("span", {}, textOf(value));
}

/**
 * `sign` ("≥ ", "≤ ") marks a single value that is a bound: a bound is never shown as a plain value.
 * `unit`, the answer's, formats a single value by its kind (numberFormats.ts).
 */
export function renderResult(
  container: HTMLElement,
  meta: FunctionMeta,
  result: unknown,
  sign = "",
  unit?: AnswerUnit,
): void {
  container.replaceChildren();
  const rows = asRows(result);
  const share = showsPercent(meta.id);
  if (rows.length === 1 && rows[0]!.length === 1) {
    const value = rows[0]![0];
    const line = make("p", { class: isExcelError(value) ? "value error" : "value", id: "result-value" });
    line.append(
      typeof value === "number" && unit !== undefined
        ? make("data", { value: String(value) }, `${sign}${formatByUnit(value, unit)}`)
        : renderValue(value, share, sign),
    );
    container.append(line);
    if (typeof value === "number") {
      const note = share ? " (a fraction: format the cell as %)" : "";
      container.append(make("p", { class: "hint" }, `In the cell: ${value}${note}`));
    }
    return;
  }
  const header = traitsOf(meta.id)?.kind === "table" ? rows[0]!.map(String) : undefined;
  const body = header ? rows.slice(1) : rows;
  const kinds = (header ?? []).map(columnKind);
  const wrap = make("div", {
    class: "table-wrap",
    tabindex: "0",
    role: "region",
    "aria-label": `${meta.id} result table`,
  });
  const table = make("table", { id: "result-table" });
  table.append(
    make(
      "caption",
      {},
      `Spills ${rows.length} rows × ${rows[0]?.length ?? 0} columns${header ? ", header row first" : ""}`,
    ),
  );
  if (header) {
    const tr = make("tr");
    for (const h of header) tr.append(make("th", { scope: "col" }, h));
    const thead = make("thead");
    thead.append(tr);
    table.append(thead);
  }
  const tbody = make("tbody");
  for (const row of body) {
    const tr = make("tr");
    row.forEach((value, i) => {
      const td = make("td", { class: typeof value === "number" ? "num" : isExcelError(value) ? "error" : "" });
      td.append(renderValue(value, header ? (kinds[i] ?? "number") : share));
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(tbody);
  wrap.append(table);
  container.append(wrap);
}
