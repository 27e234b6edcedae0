// The line under every playground result: what the number is (edition · year or period · scenario ·
// stage · unit · basis), and a "Full citation" disclosure with the citation, the rule that chose the
// edition and each source figure. Built from core's explain() with the arguments the function
// itself parses (adapter/calls.ts), so it describes exactly the call the result came from.
import { countries, series, type Answer, type Stage } from "@critmin/core";
import { answerLine, editionLabel, ruleText, sourceText } from "../adapter/answerText.ts";
import { CALLS, explainCall } from "../adapter/calls.ts";
import { make } from "./dom.ts";
import type { Cell } from "./arguments.ts";

/** The answer for a call as the form passes it (one value per parameter), or undefined where there is none. */
export function answerFor(id: string, values: readonly Cell[]): Answer<unknown> | undefined {
  if (!Object.prototype.hasOwnProperty.call(CALLS, id)) return undefined;
  try {
    return explainCall(id, values[0] ?? null, values.slice(1));
  } catch {
    // A bad argument: the result above already shows the function's own #VALUE! message.
    return undefined;
  }
}

/** SERIES: the editions that have no row for the country, and why (never a 0). */
function seriesNote(values: readonly Cell[]): string {
  try {
    const [mineral, country, stage, measure] = values;
    const s = series(String(mineral), String(country), {
      stage: (stage ?? undefined) as Stage | undefined,
      measure: (measure ?? undefined) as never,
    });
    const gaps = s.notListed.map(
      (g) => `${editionLabel(g.edition)}${g.insideRestOfWorld ? " (inside rest of world, not zero)" : ""}`,
    );
    const each = "Each row carries its own edition, year, kind and locator.";
    return gaps.length > 0 ? `${each} No row where an edition does not list ${s.country}: ${gaps.join(", ")}.` : each;
  } catch {
    return "";
  }
}

/** What stands in the line for a function without an answer of its own. */
function noAnswer(id: string, values: readonly Cell[], namespace: string): string {
  if (id === "SERIES") return seriesNote(values);
  if (id === "SOURCE") return "The result above is the citation.";
  if (id === "EXPLAIN") return "The rows above are the answer: edition, period, unit, basis and sources.";
  return `Reference data of the bundled dataset; =${namespace}.EDITIONS() cites every edition.`;
}

/** Members of a group the answer counted, and those the source does not list. */
function membersLine(group: Cell, answer: Answer<unknown>): string | undefined {
  let members: readonly string[];
  try {
    members = countries(String(group)).map((c) => c.code);
  } catch {
    return undefined;
  }
  const counted = members.filter((m) => !answer.notListed.includes(m));
  const parts = [`Counted: ${counted.length > 0 ? counted.join(", ") : "none"}.`];
  if (answer.notListed.length > 0) parts.push(`Not listed by the source: ${answer.notListed.join(", ")}.`);
  return parts.join(" ");
}

/**
 * Fills `container` with the answer's line and its full citation. Nothing when the result is an
 * error: the error and its reason are already shown once, above.
 */
export function renderAnswer(
  container: HTMLElement,
  id: string,
  values: readonly Cell[],
  answer: Answer<unknown> | undefined,
  namespace: string,
  failed: boolean,
): void {
  container.replaceChildren();
  container.hidden = failed;
  if (failed) return;
  if (!answer) {
    container.append(make("p", { class: "answer-line", id: "answer-line" }, noAnswer(id, values, namespace)));
    return;
  }
  container.append(make("p", { class: "answer-line", id: "answer-line" }, answerLine(answer)));
  if (id === "GROUP_SHARE") {
    const members = membersLine(values[1] ?? null, answer);
    if (members) container.append(make("p", { class: "hint", id: "answer-members" }, members));
  } else if (answer.notListed.some((m) => !answer.basis?.includes(m))) {
    container.append(
      make("p", { class: "hint", id: "answer-members" }, `Not counted: ${answer.notListed.join(", ")}.`),
    );
  }
  const details = make("details", { id: "answer-details" });
  details.append(make("summary", {}, "Full citation"));
  if (answer.citation) details.append(make("p", {}, answer.citation));
  const rule = ruleText(answer.rule);
  if (answer.edition)
    details.append(make("p", {}, `Edition: ${editionLabel(answer.edition)}${rule ? ` (${rule})` : ""}.`));
  if (answer.sources.length > 0) {
    const list = make("ol", { class: "answer-sources" });
    for (const s of answer.sources) list.append(make("li", {}, sourceText(s)));
    details.append(list);
  }
  container.append(details);
}
