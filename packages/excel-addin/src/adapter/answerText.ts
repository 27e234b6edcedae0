// A core Answer in words, for every surface of the add-in that shows a number: EXPLAIN's rows,
// SOURCE's citation and the task pane's line under each result. The answer decides (core); this
// only words what it says.
import type { Answer } from "@critmin/core";

type AnyAnswer = Answer<unknown>;

/** "iea-cmde-2025" → "IEA CMDE 2025". */
export function editionLabel(edition: string): string {
  return edition
    .split("-")
    .map((part) => (/^\d+$/.test(part) ? part : part.toUpperCase()))
    .join(" ");
}

export const UNSTATED_PERIOD = "multi-year average (years not stated in the source)";

/** The year or period an answer is for: never a bare year for a period average. */
export function whenText(answer: AnyAnswer): string | undefined {
  if (answer.period) {
    const { from, to } = answer.period;
    return from === to ? `${from} average` : `${from}–${to} average`;
  }
  if (answer.kind === "period-average") return UNSTATED_PERIOD;
  if (answer.year === undefined) return undefined;
  return answer.kind === "projected" ? `${answer.year} (projected)` : String(answer.year);
}

/** The IEA scenario, or the supply projection's case ("base case"). */
export function scenarioText(answer: AnyAnswer): string | undefined {
  if (answer.scenario && answer.case) return `${answer.scenario}, ${answer.case.replaceAll("-", " ")}`;
  return answer.scenario ?? answer.case?.replaceAll("-", " ");
}

const RECORD_UNITS: Readonly<Record<string, string>> = {
  techExposure: "share of world",
  crmaCheck: "TRUE/FALSE against the 65% benchmark",
  topProducers: "shares of world and tonnes",
  concentration: "concentration measures",
};

/** The unit in words, for the function that answered. */
export function unitText(answer: AnyAnswer): string {
  switch (answer.unit) {
    case "fraction":
      if (answer.function === "importReliance") return "share of apparent consumption";
      if (answer.function === "supplyAtRisk") return "share of world supply lost";
      return "share of world";
    case "fraction-difference":
      return "change in share of world";
    case "t":
      return "tonnes";
    case "index":
      return "index";
    case "count":
      return "effective number of suppliers";
    case "ratio":
      return "supply ÷ demand";
    case "boolean":
      return "TRUE/FALSE";
    default:
      return RECORD_UNITS[answer.function] ?? "record";
  }
}

/** "at least" / "at most" for a bound; undefined for an exact figure. */
export function boundText(answer: AnyAnswer): string | undefined {
  return answer.bound === "lower" ? "at least" : answer.bound === "upper" ? "at most" : undefined;
}

/** "≥ " / "≤ " before a bound's value. */
export function boundSign(answer: AnyAnswer): string {
  return answer.bound === "lower" ? "≥ " : answer.bound === "upper" ? "≤ " : "";
}

/** The pane's one line: edition · year or period · scenario/case · stage · unit · basis (· at least). */
export function answerLine(answer: AnyAnswer): string {
  return [
    answer.edition && editionLabel(answer.edition),
    whenText(answer),
    scenarioText(answer),
    answer.stage,
    unitText(answer),
    answer.basis,
    boundText(answer),
  ]
    .filter((part): part is string => typeof part === "string" && part !== "")
    .join(" · ");
}

function numberText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** One source figure: "cobalt refining, CHN, 2024: 196.143 kt at file#/pointer". */
export function sourceText(source: AnyAnswer["sources"][number]): string {
  // A source without a figure (a list item, a measure's status) says what it is in `what`.
  if (source.value === null && source.unit === "") return `${source.what} at ${source.locator}`;
  const figure = source.value === null ? "withheld by the source" : `${numberText(source.value)} ${source.unit}`;
  const status = source.status === "reported" ? "" : ` (${source.status})`;
  return `${source.what}: ${figure}${status} at ${source.locator}`;
}

/** The citation of an answer: the edition's citation, then each figure and its locator. */
export function citationText(answer: AnyAnswer): string | undefined {
  if (!answer.citation || answer.sources.length === 0) return undefined;
  return `${answer.citation}. ${answer.sources.map((s) => `${s.what}: ${s.locator}`).join("; ")}`;
}

const RULES: Readonly<Record<string, string>> = {
  pinned: "pinned: the edition asked for (or the workbook's pin)",
  "newest-observed": "newest edition with an observed figure",
  "newest-with-year": "newest edition with the year asked for",
  "newest-listing": "newest edition listing the figure",
  "only-edition": "the only edition with this series",
};

export function ruleText(rule: string | undefined): string | undefined {
  return rule === undefined ? undefined : (RULES[rule] ?? rule);
}

/**
 * EXPLAIN's rows, field then value: the value as the plain function returns it (a number stays a
 * number; a missing value is ""), every other field as text ("" where the answer has none).
 */
/**
 * The answer's `extra` fields (the governance functions: WGI edition and year, scale, rules, standard
 * error) as rows: numbers and text as they are, lists of text joined; structured entries (the
 * weighted HHI's terms) are left to the sources rows, which carry the same figures with locators.
 */
function extraRows(extra: Readonly<Record<string, unknown>> | undefined): [string, string | number][] {
  if (!extra) return [];
  return Object.entries(extra).flatMap(([key, v]): [string, string | number][] => {
    if (typeof v === "number" || typeof v === "string") return [[key, v]];
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.length > 0 ? [[key, v.join("; ")]] : [];
    return [];
  });
}

export function answerRows(
  answer: AnyAnswer,
  value: number | string | boolean | undefined,
): (string | number | boolean)[][] {
  const rows: [string, string | number | boolean | undefined][] = [
    ["value", value === undefined || (typeof value === "number" && !Number.isFinite(value)) ? "" : value],
    ["unit", `${answer.unit} (${unitText(answer)})`],
    ["edition", answer.edition],
    ["citation", answer.citation],
    [answer.kind === "period-average" || answer.period ? "period" : "year", whenText(answer)],
    ...(answer.date === undefined ? [] : [["date", answer.date] as [string, string]]),
    ["kind", answer.kind],
    ["scenario / case", scenarioText(answer)],
    ["stage", answer.stage],
    ["basis", answer.basis],
    ["bound", answer.bound === "exact" ? "exact" : `${answer.bound} (${boundText(answer)} this value)`],
    ["not listed", answer.notListed.join(", ")],
    ["reason", answer.reason],
    ["rule", ruleText(answer.rule)],
    ...extraRows(answer.extra),
    ...answer.sources.map((s, i): [string, string] => [`source ${i + 1}`, sourceText(s)]),
  ];
  return rows.map(([field, v]) => [field, v ?? ""]);
}
