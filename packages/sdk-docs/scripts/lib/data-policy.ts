// What the policy editions (issue 15) hold, for the editions and coverage pages: they have no
// supply, demand or indicator rows, so those pages describe them by their own tables (list items,
// export-control measures, WGI estimates), counted from the bundled dataset.
import * as core from "@critmin/core";
import { WGI_BUNDLED_YEARS } from "../../../core/pipeline/editions.ts";
import { WGI_YEARS } from "../../../core/pipeline/readers/wgi.ts";
import { mineralName } from "./data-charts.ts";
import { code, compact, num, table, text } from "./markdown.ts";

const span = (years: readonly number[]) => `${years[0]}–${years.at(-1)}`;

/** An edition's rows by table, in words: "340 supply rows, 4,603 demand rows", "50 list items (…)". */
export function editionHoldings(edition: string): string {
  const data = core.dataset();
  const n = (rows: readonly { edition: string }[]) => rows.filter((r) => r.edition === edition).length;
  const parts: string[] = [];
  for (const [rows, word] of [
    [data.supply, "supply"],
    [data.demand, "demand"],
    [data.indicators, "indicator"],
  ] as const) {
    if (n(rows) > 0) parts.push(`${num(n(rows), 0)} ${word} rows`);
  }
  const lists = core.criticalLists().filter((l) => l.edition === edition);
  if (lists.length > 0) parts.push(lists.map((l) => `${num(l.items, 0)} list items (${code(l.id)})`).join(", "));
  const measures = data.controls.filter((r) => r.edition === edition);
  if (measures.length > 0) {
    const minerals = new Set(measures.flatMap((r) => r.minerals));
    const announced = measures.map((r) => r.announced).sort();
    parts.push(
      `${num(measures.length, 0)} export-control measures announced ${announced[0]} to ${announced.at(-1)}, naming ${num(minerals.size, 0)} mineral ids`,
    );
  }
  const wgi = data.governance.filter((r) => r.edition === edition);
  if (wgi.length > 0) {
    const estimates = wgi.filter((r) => r.estimate !== null).length;
    const years = [...new Set(wgi.map((r) => r.year))].sort();
    parts.push(
      `${num(estimates, 0)} WGI estimates (${num(new Set(wgi.map((r) => r.country)).size, 0)} economies × ${new Set(wgi.map((r) => r.dimension)).size} dimensions, ${span(years)})`,
    );
  }
  return parts.join("; ") || "nothing bundled";
}

/** The coverage page's section on the lists, the export controls and the WGI. */
export function policyCoverage(): string[] {
  const data = core.dataset();
  const lists = core.criticalLists();
  const perMineral = new Map<string, { measures: number; first: string }>();
  for (const r of data.controls) {
    for (const m of r.minerals) {
      const e = perMineral.get(m) ?? perMineral.set(m, { measures: 0, first: r.effective }).get(m)!;
      e.measures++;
      if (r.effective < e.first) e.first = r.effective;
    }
  }
  const wgiEditions = [...new Set(data.governance.map((r) => r.edition))];
  const years = [...new Set(data.governance.map((r) => r.year))].sort();
  const economies = new Set(data.governance.map((r) => r.country)).size;
  const dimensions = [...new Set(data.governance.map((r) => r.dimension))];
  const everyItem = data.controls.filter((r) => r.everyItem).map((r) => r.id);
  return [
    "## Policy layer",
    "",
    "The policy editions hold no supply, demand or indicator rows; they hold list items, export-control measures and governance estimates.",
    "",
    "### Official critical lists",
    "",
    "Items per list and the distinct mineral ids they name (a group item names the group and its members). Every item with its mapping: [official critical lists](/data/critical-lists).",
    "",
    table(
      ["List", "Edition", "Published", "Items", "Mineral ids named"],
      lists.map((l) => [
        code(l.id),
        `[${code(l.edition)}](/data/#${l.edition})`,
        l.published,
        num(l.items, 0),
        num(new Set(data.lists.filter((r) => r.list === l.id).flatMap((r) => r.minerals)).size, 0),
      ]),
      ["l", "l", "l", "r", "r"],
    ),
    "",
    "### China's export controls",
    "",
    `${num(data.controls.length, 0)} measures. Per mineral: the measures that name it and the earliest effective date. ${everyItem.map(code).join(", ")} covers every dual-use item and names no mineral, so it is not counted here. Dates and status on any day: [China's export controls](/data/export-controls).`,
    "",
    compact(
      table(
        ["Mineral", "Measures", "First effective"],
        [...perMineral]
          .sort(([a], [b]) => mineralName(a).localeCompare(mineralName(b)))
          .map(([m, e]) => [text(mineralName(m)), num(e.measures, 0), e.first]),
        ["l", "r", "l"],
      ),
    ),
    "",
    "### Governance (WGI)",
    "",
    `${wgiEditions.map((e) => `[${code(e)}](/data/#${e})`).join(", ")}: ${num(economies, 0)} economies × ${dimensions.length} dimensions (${dimensions.map(code).join(", ")}), estimates (−2.5 to 2.5, higher is better) with their standard errors. The source file covers ${span(WGI_YEARS)}; the package bundles ${span(WGI_BUNDLED_YEARS)} (rule [${code("wgi-bundled-years")}](/data/quirks#wgi-bundled-years)). A later supply year is weighted with ${WGI_BUNDLED_YEARS.at(-1)} (rule [${code("wgi-newest-year")}](/data/quirks#wgi-newest-year)). Method: [governance](/governance).`,
    "",
    table(
      ["Year", "Estimates", "Empty cells (missing, never 0)"],
      years.map((y) => {
        const rows = data.governance.filter((r) => r.year === y);
        const empty = rows.filter((r) => r.estimate === null).length;
        return [String(y), num(rows.length - empty, 0), num(empty, 0)];
      }),
      ["l", "r", "r"],
    ),
    "",
  ];
}

/** parts/wgi-years.md for the governance page: the WGI years bundled, from the pipeline's rule. */
export function wgiYearsPart(): string {
  const economies = new Set(core.dataset().governance.map((r) => r.country)).size;
  return `<!-- Generated by packages/sdk-docs/scripts/generate.ts from WGI_BUNDLED_YEARS and dataset().governance. -->\nThe package bundles the estimates and standard errors of **${span(WGI_BUNDLED_YEARS)}** for ${num(economies, 0)} economies (the file holds ${span(WGI_YEARS)}; rule [${code("wgi-bundled-years")}](/data/quirks#wgi-bundled-years)); the default year is ${WGI_BUNDLED_YEARS.at(-1)}, the newest. Counts by year: [coverage](/data/coverage#governance-wgi).\n`;
}
