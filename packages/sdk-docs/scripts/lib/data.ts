// Data pages generated from the bundled dataset: editions and coverage here; quirks and rules in
// data-quirks.ts, charts in data-charts.ts.
import * as core from "@critmin/core";
import { chartsPage, mineralName } from "./data-charts.ts";
import { editionHoldings, policyCoverage, wgiYearsPart } from "./data-policy.ts";
import { quirksPage } from "./data-quirks.ts";
import { code, compact, generatedHeader, num, table, text } from "./markdown.ts";

const EDITION_SHORT: Record<string, string> = {
  "iea-cmde-2024": "IEA 2024",
  "iea-cmde-2025": "IEA 2025",
  "usgs-mcs-2025": "USGS 2025",
  "ec-crm-2023": "EU CRM 2023",
};

// ---------------------------------------------------------------------------------------------

function editionsPage(): string {
  const data = core.dataset();
  const parts = [
    generatedHeader("the bundled dataset (@critmin/core editions() and dataset())", {
      title: "Data: editions and sources",
    }),
    "# Data",
    "",
    `Every number critmin returns comes from one of these source editions, with a locator to the sheet and cell or the file and row it was read from. The bundled dataset is release ${code(core.datasetVersion())}: ${num(core.dataset().supply.length, 0)} supply rows, ${num(core.dataset().demand.length, 0)} demand rows and ${num(core.dataset().indicators.length, 0)} indicator rows over ${core.mineralEntries.length} minerals and ${core.countryEntries.length} countries; and the policy layer: ${num(data.lists.length, 0)} items of ${core.criticalLists().length} official critical lists, ${num(data.controls.length, 0)} export-control measures of China and ${num(data.governance.filter((r) => r.estimate !== null).length, 0)} World Bank governance (WGI) estimates.`,
    "",
    "Editions are immutable: a query pinned to an edition gives the same value in every later release. A new edition is added beside the others, never written over them. Which edition answers a query that does not pin one is decided by one documented rule: see [which edition answers](/methodology#which-edition-answers).",
    "",
    "- [Coverage](/data/coverage): which mineral, stage and year each edition covers.",
    "- [Source quirks and pipeline rules](/data/quirks): what is odd in each source file and how it is handled.",
    "- [Charts](/data/charts): China's refining share to 2040 and supply concentration by mineral and stage.",
    "- [Official critical lists](/data/critical-lists): the US and EU lists, item by item, and how items map to minerals.",
    "- [China's export controls](/data/export-controls): every measure with its dates and today's status, and the status rules.",
    "",
    "## Editions",
    "",
    table(
      ["Edition", "Publisher", "Date", "Licence", "What it holds"],
      core
        .editions()
        .map((e) => [`[${code(e.id)}](#${e.id})`, text(e.publisher), e.date, text(e.licence), editionHoldings(e.id)]),
    ),
    "",
  ];
  for (const e of core.editions()) {
    parts.push(
      `### ${text(e.id)} {#${e.id}}`,
      "",
      `**${text(e.title)}**, ${text(e.publisher)}, ${e.date}. Licence: ${text(e.licence)}. [${text(e.url)}](${e.url})`,
      "",
      `Cite as: ${text(e.citation)}`,
      "",
      compact(
        table(
          ["File", "SHA-256"],
          e.files.map((f) => [code(f.path), code(f.sha256)]),
        ),
      ),
      "",
    );
  }
  parts.push(
    "## Licences and attribution",
    "",
    "IEA data are © IEA and licensed CC BY 4.0; the May 2025 edition is read from a third party's JSON conversion of the IEA's data explorer (see its citation). USGS data are U.S. Government works in the public domain. The EU study is © European Union, reused under the Commission's reuse policy (CC BY 4.0); its tables are read from third-party extractions named in the citation. The World Bank's Worldwide Governance Indicators are CC BY 4.0 (cite Kaufmann and Kraay, as in their edition). The US critical-mineral lists are U.S. Government works in the public domain; the EU Critical Raw Materials Act is © European Union, reused with acknowledgement; China's export-control measures are facts of public government notices, transcribed with their sources, no prose copied. critmin's own code is MIT-licensed. When you publish a figure from critmin, cite the edition it came from: `cite()` in code and `=CRITMIN.SOURCE()` in Excel print the citation for any supply figure.",
    "",
  );
  return parts.join("\n");
}

// ---------------------------------------------------------------------------------------------

function yearsText(years: readonly number[], projected: ReadonlySet<number>): string {
  return years.map((y) => (projected.has(y) ? `${y}ᵖ` : String(y))).join(", ");
}

function coveragePage(): string {
  // The policy editions have no supply coverage: they get their own section (data-policy.ts).
  const editions = core
    .editions()
    .map((e) => e.id)
    .filter((id) => core.mineralEntries.some((m) => m.coverage.some((c) => c.edition === id)));
  // Which (edition, mineral, stage, year) are projections.
  const projected = new Map<string, Set<number>>();
  for (const r of core.dataset().supply) {
    if (r.kind !== "projection") continue;
    const k = `${r.edition}|${r.mineral}|${r.stage}|${r.measure}`;
    (projected.get(k) ?? projected.set(k, new Set()).get(k)!).add(r.year);
  }
  const ABBR: Record<string, string> = {
    production: "",
    capacity: "capacity ",
    reserves: "reserves ",
    "eu-sourcing": "EU sourcing ",
  };
  const rows: string[][] = [];
  for (const m of core.mineralEntries) {
    for (const stage of core.STAGES) {
      const cov = m.coverage.filter((c) => c.stage === stage);
      if (cov.length === 0) continue;
      const cells = editions.map((ed) =>
        cov
          .filter((c) => c.edition === ed)
          .sort(
            (a, b) =>
              core.MEASURES.indexOf(a.measure as core.Measure) - core.MEASURES.indexOf(b.measure as core.Measure),
          )
          .map(
            (c) =>
              `${ABBR[c.measure] ?? `${c.measure} `}${yearsText(c.years, projected.get(`${ed}|${m.id}|${stage}|${c.measure}`) ?? new Set())}`,
          )
          .join("<br>"),
      );
      rows.push([text(m.name), stage, ...cells]);
    }
  }
  // Demand coverage: years and scenarios of total demand per edition.
  const demandRows: string[][] = [];
  const byMineral = new Map<string, Map<string, { years: Set<number>; scenarios: Set<string> }>>();
  for (const r of core.dataset().demand) {
    if (r.table !== "total-demand" || r.use !== "total") continue;
    const perEdition = byMineral.get(r.mineral) ?? byMineral.set(r.mineral, new Map()).get(r.mineral)!;
    const e =
      perEdition.get(r.edition) ??
      perEdition.set(r.edition, { years: new Set(), scenarios: new Set() }).get(r.edition)!;
    e.years.add(r.year);
    if (r.scenario) e.scenarios.add(r.scenario);
  }
  const demandEditions = editions.filter((ed) => [...byMineral.values()].some((m) => m.has(ed)));
  for (const [mineral, perEdition] of [...byMineral].sort(([a], [b]) => a.localeCompare(b))) {
    demandRows.push([
      text(mineralName(mineral)),
      ...demandEditions.map((ed) => {
        const e = perEdition.get(ed);
        return e
          ? `${[...e.years].sort().join(", ")}${e.scenarios.size > 0 ? ` (${[...e.scenarios].join(", ")})` : ""}`
          : "";
      }),
    ]);
  }
  const indicatorCounts = new Map<string, Map<string, number>>();
  for (const r of core.dataset().indicators) {
    if (r.value === null) continue;
    const m = indicatorCounts.get(r.indicator) ?? indicatorCounts.set(r.indicator, new Map()).get(r.indicator)!;
    const key = `${r.economy} ${r.year}`;
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return [
    generatedHeader("mineralEntries and dataset() of @critmin/core", { title: "Data: coverage", aside: false }),
    "# Coverage",
    "",
    `What the bundled dataset (${code(core.datasetVersion())}) holds, mineral by mineral: for each stage, the years each edition covers. Plain years are observed; years marked ᵖ are projections (the IEA's base case). Without a label the years are production; capacity, reserves and EU sourcing (the EU's own sourcing mix, not world output) are named. An empty cell means that edition has nothing for that mineral and stage: critmin answers \`undefined\` (code) or \`#N/A\` (Excel), never 0.`,
    "",
    "## Supply by mineral, stage, year and edition",
    "",
    compact(table(["Mineral", "Stage", ...editions.map((e) => `[${EDITION_SHORT[e] ?? e}](/data/#${e})`)], rows)),
    "",
    "## Demand",
    "",
    "Total demand (all uses) by edition: years, and the scenarios of the projection years. Sector and technology tables cover the same years.",
    "",
    compact(table(["Mineral", ...demandEditions.map((e) => `[${EDITION_SHORT[e] ?? e}](/data/#${e})`)], demandRows)),
    "",
    "## Indicators",
    "",
    "Published indicators with a value, by economy and assessment year (rows).",
    "",
    table(
      ["Indicator", "Values by economy and year"],
      [...indicatorCounts].map(([ind, m]) => [
        code(ind),
        [...m]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, n]) => `${k}: ${n}`)
          .join(", "),
      ]),
    ),
    "",
    ...policyCoverage(),
  ].join("\n");
}

export function dataPages(pipelineRuleIds: readonly string[], functionRuleIds: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set("data/index.md", editionsPage());
  files.set("data/coverage.md", coveragePage());
  files.set("data/quirks.md", quirksPage(pipelineRuleIds, functionRuleIds));
  files.set("parts/wgi-years.md", wgiYearsPart());
  const charts = chartsPage();
  files.set("data/charts.md", charts.md);
  for (const [name, svg] of charts.svgs) files.set(`data/charts/${name}`, svg);
  return files;
}
