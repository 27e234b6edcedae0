// EXPLAIN as a card (issue 17, item 3): where the host takes data types, the answer is one entity
// whose cell text is the value as the pane shows it, and whose properties are EXPLAIN's rows, each
// source figure attributed to its edition. The rows are answerRows', so both forms say the same.
import type { Answer } from "@critmin/core";
import { cellUnit, formatByUnit } from "../../workbook/numberFormats.ts";
import { answerRows, boundSign } from "../answerText.ts";
import { cellFormat } from "../dataTypes.ts";
import type { Card, CardField } from "./card.ts";

type Plain = number | string | boolean | undefined;

/** The card of `excelId`'s answer for `label` (the question as asked), its value what the cell holds. */
export function explainCard(excelId: string, label: string, answer: Answer<unknown>, value: Plain): Card {
  const rows = answerRows(answer, value);
  const field = ([name, v]: (string | number | boolean)[]): CardField => ({
    name: String(name),
    value: v,
    format: name === "value" && typeof v === "number" ? cellFormat(excelId) : undefined,
    edition: answer.edition,
  });
  const sourceRows = new Set(answer.sources.map((_, i) => `source ${i + 1}`));
  const given = rows.filter(([name, v]) => v !== "" || name === "value");
  const answerFields = given.filter(([name]) => !sourceRows.has(String(name))).map(field);
  // A missing value is the reason's row; the value property says so rather than show a blank.
  const shown = answerFields.map((f) =>
    f.name === "value" && f.value === "" ? { ...f, value: undefined, reason: answer.reason ?? "no value" } : f,
  );
  const sources = answer.sources.map((s, i): CardField => ({
    ...field([`source ${i + 1}`, given.find(([n]) => n === `source ${i + 1}`)?.[1] ?? ""]),
    edition: s.edition,
  }));
  return {
    title: label,
    text: valueText(excelId, answer, value),
    sections: [
      { title: "Answer", fields: shown },
      { title: "Sources", fields: sources },
    ],
  };
}

/** The value as the task pane shows it (78.4%, ≥ 3.2% for a lower bound, 181,796 t); `#N/A` where there is none. */
function valueText(excelId: string, answer: Answer<unknown>, value: Plain): string {
  if (value === undefined) return "#N/A";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const unit = cellUnit(excelId, answer.unit);
  return boundSign(answer) + (unit === undefined ? String(value) : formatByUnit(value, unit));
}
