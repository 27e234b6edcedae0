// The quirks and rules page: every pipeline rule with the rows it touched in each table, and the
// sources' other quirks, by publisher.
import * as core from "@critmin/core";
import { code, compact, generatedHeader, num, table, text } from "./markdown.ts";
import { OTHER_QUIRKS, RULES, type Publisher } from "./rules.ts";

type Row = { readonly edition: string; readonly rules: readonly string[] };

export const PUBLISHER_OF_EDITION: Record<string, Publisher> = {
  "iea-cmde-2024": "IEA",
  "iea-cmde-2025": "IEA",
  "usgs-mcs-2025": "USGS",
  "ec-crm-2023": "EU",
};

/** Rule id → rows touched, per table. */
export function ruleCounts(): Map<
  string,
  { supply: number; demand: number; indicators: number; editions: Set<string> }
> {
  const counts = new Map<string, { supply: number; demand: number; indicators: number; editions: Set<string> }>();
  const add = (rows: readonly Row[], table: "supply" | "demand" | "indicators") => {
    for (const row of rows) {
      for (const rule of row.rules) {
        const c = counts.get(rule) ?? { supply: 0, demand: 0, indicators: 0, editions: new Set<string>() };
        c[table]++;
        c.editions.add(row.edition);
        counts.set(rule, c);
      }
    }
  };
  add(core.dataset().supply, "supply");
  add(core.dataset().demand, "demand");
  add(core.dataset().indicators, "indicators");
  return counts;
}

export function quirksPage(pipelineRuleIds: readonly string[]): string {
  const counts = ruleCounts();
  const ids = [...new Set([...pipelineRuleIds, ...counts.keys()])];
  const missing = ids.filter((id) => !RULES[id]);
  if (missing.length > 0) {
    throw new Error(
      `pipeline rules without a description in packages/sdk-docs/scripts/lib/rules.ts: ${missing.join(", ")}`,
    );
  }
  const publishers: readonly Publisher[] = ["IEA", "USGS", "EU"];
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
            const c = counts.get(id);
            const n = c
              ? [
                  c.supply && `${num(c.supply, 0)} supply`,
                  c.demand && `${num(c.demand, 0)} demand`,
                  c.indicators && `${num(c.indicators, 0)} indicator`,
                ]
                  .filter(Boolean)
                  .join(", ")
              : "0 (skips rows)";
            return [`<span id="${id}">${code(id)}</span>`, text(RULES[id]!.quirk), text(RULES[id]!.handling), n];
          }),
        ["l", "l", "l", "r"],
      ),
    );
  for (const p of publishers) {
    parts.push(`## ${p} {#${p.toLowerCase()}}`, "", `Editions: ${editionsOf(p)}.`, "");
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
  return parts.join("\n");
}
