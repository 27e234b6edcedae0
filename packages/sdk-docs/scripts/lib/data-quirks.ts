// The quirks and rules page: every pipeline rule with the rows it touched in each table, and the
// sources' other quirks, by publisher.
import * as core from "@critmin/core";
import { code, compact, generatedHeader, num, table, text } from "./markdown.ts";
import { OTHER_QUIRKS, RULES, type Publisher } from "./rules.ts";
import { FUNCTION_RULES } from "./rules-policy.ts";

type Row = { readonly edition: string; readonly rules: readonly string[] };

export const PUBLISHER_OF_EDITION: Record<string, Publisher> = {
  "iea-cmde-2024": "IEA",
  "iea-cmde-2025": "IEA",
  "usgs-mcs-2025": "USGS",
  "ec-crm-2023": "EU",
  "wb-wgi-2023": "World Bank",
  "us-cml-2022": "US Government (USGS/DOI)",
  "us-cml-2025": "US Government (USGS/DOI)",
  "eu-crma-2024": "EU",
  "cn-export-controls-2026-01": "China (MOFCOM)",
};

/** Publishers in page order, with the anchor of each one's section. */
const PUBLISHER_ANCHORS: Readonly<Record<Publisher, string>> = {
  IEA: "iea",
  USGS: "usgs",
  EU: "eu",
  "World Bank": "world-bank",
  "US Government (USGS/DOI)": "us-government",
  "China (MOFCOM)": "china",
};

/** The dataset's tables whose rows carry `rules`, with the word the counts use for a row of each. */
export const RULE_TABLES = {
  supply: "supply",
  demand: "demand",
  indicators: "indicator",
  lists: "list item",
  controls: "measure",
  governance: "WGI",
} as const;
type RuleTable = keyof typeof RULE_TABLES;
export type RuleCount = Record<RuleTable, number> & { editions: Set<string> };

/** Rule id → rows touched, per table. */
export function ruleCounts(): Map<string, RuleCount> {
  const counts = new Map<string, RuleCount>();
  const data = core.dataset();
  for (const t of Object.keys(RULE_TABLES) as RuleTable[]) {
    for (const row of data[t] as readonly Row[]) {
      for (const rule of row.rules) {
        const c =
          counts.get(rule) ??
          counts
            .set(rule, {
              supply: 0,
              demand: 0,
              indicators: 0,
              lists: 0,
              controls: 0,
              governance: 0,
              editions: new Set(),
            })
            .get(rule)!;
        c[t]++;
        c.editions.add(row.edition);
      }
    }
  }
  return counts;
}

/** "6,420 WGI, 51 list item": the rows a rule touched, by table. */
function rowsText(c: RuleCount | undefined): string {
  if (!c) return "0 (skips rows)";
  return (Object.entries(RULE_TABLES) as [RuleTable, string][])
    .filter(([t]) => c[t] > 0)
    .map(([t, word]) => `${num(c[t], 0)} ${word}`)
    .join(", ");
}

function functionRulesSection(functionRuleIds: readonly string[]): string[] {
  const missing = functionRuleIds.filter((id) => !FUNCTION_RULES[id]);
  if (missing.length > 0) {
    throw new Error(
      `function rules without a description in packages/sdk-docs/scripts/lib/rules-policy.ts: ${missing.join(", ")}`,
    );
  }
  return [
    "## Rules the functions apply {#function-rules}",
    "",
    "These rules change no row of the dataset: a function applies them when it answers and names them in the answer (`rules`, and the `statusNote` of an export-control measure), so a reader sees why a status is `unknown` or a weighted HHI a lower bound. `explain(fn, ...args)` lists them too.",
    "",
    compact(
      table(
        ["Rule", "Functions", "What the answer does"],
        Object.keys(FUNCTION_RULES)
          .sort()
          .map((id) => [
            `<span id="${id}">${code(id)}</span>`,
            FUNCTION_RULES[id]!.functions.map((f) => `[${code(f)}](/api/functions/${f})`).join(", "),
            text(FUNCTION_RULES[id]!.handling),
          ]),
      ),
    ),
    "",
  ];
}

export function quirksPage(pipelineRuleIds: readonly string[], functionRuleIds: readonly string[]): string {
  const counts = ruleCounts();
  const ids = [...new Set([...pipelineRuleIds, ...counts.keys()])];
  const missing = ids.filter((id) => !RULES[id]);
  if (missing.length > 0) {
    throw new Error(
      `pipeline rules without a description in packages/sdk-docs/scripts/lib/rules.ts: ${missing.join(", ")}`,
    );
  }
  const publishers = Object.keys(PUBLISHER_ANCHORS) as Publisher[];
  const editionsOf = (p: Publisher) =>
    core
      .editions()
      .filter((e) => PUBLISHER_OF_EDITION[e.id] === p)
      .map((e) => `[${code(e.id)}](/data/#${e.id})`)
      .join(", ");
  const parts = [
    generatedHeader("the rows' `rules` in the bundled dataset and packages/core/pipeline", {
      title: "Data: source quirks and pipeline rules",
      aside: false,
    }),
    "# Source quirks and pipeline rules",
    "",
    "The source files are never edited. Where one says something odd (a double count, a wrong unit, a damaged name, a withheld value), the pipeline (`packages/core/pipeline`, one reader per file) handles it with a **named rule**, tested on its own, and every row the rule touched lists it in its `rules`. The counts below are the rows of the bundled dataset that carry each rule; a rule that skips rows (so that no row carries it) shows 0.",
    "",
    "```ts",
    'import { dataset } from "@critmin/core";',
    'dataset().supply.filter((r) => r.rules.includes("iea-rest-of-world-double-count")).length',
    `//=> ${counts.get("iea-rest-of-world-double-count")?.supply ?? 0}`,
    "```",
    "",
  ];
  const ruleTable = (group: Publisher | "All") =>
    compact(
      table(
        ["Rule", "Quirk in the source", "How it is handled", "Rows"],
        ids
          .filter((id) => RULES[id]!.publisher === group)
          .sort()
          .map((id) => {
            const n = rowsText(counts.get(id));
            return [`<span id="${id}">${code(id)}</span>`, text(RULES[id]!.quirk), text(RULES[id]!.handling), n];
          }),
        ["l", "l", "l", "r"],
      ),
    );
  for (const p of publishers) {
    parts.push(`## ${p} {#${PUBLISHER_ANCHORS[p]}}`, "", `Editions: ${editionsOf(p)}.`, "");
    parts.push(ruleTable(p), "");
    const others = OTHER_QUIRKS.filter((q) => q.publisher === p);
    if (others.length > 0) {
      parts.push(
        "Handled without a rule id on the rows:",
        "",
        ...others.map((q) => `- ${text(q.quirk)} ${text(q.handling)}`),
        "",
      );
    }
  }
  // Rules that compare sources, and quirks every source shares.
  const crossSource = ids.some((id) => RULES[id]!.publisher === "All");
  const all = OTHER_QUIRKS.filter((q) => q.publisher === "All");
  if (crossSource || all.length > 0) parts.push("## Every source", "");
  if (crossSource) parts.push(ruleTable("All"), "");
  if (crossSource && all.length > 0) parts.push("Handled without a rule id on the rows:", "");
  if (all.length > 0) parts.push(...all.map((q) => `- ${text(q.quirk)} ${text(q.handling)}`), "");
  parts.push(...functionRulesSection(functionRuleIds));
  return parts.join("\n");
}
