// Data pages generated from the bundled dataset: editions, coverage, quirks and rules, charts.
import * as core from "@critmin/core";
import { heatmapSvg, shareLinesSvg, type HeatRow, type Panel } from "./charts.ts";
import { code, generatedHeader, num, pct, table, text } from "./markdown.ts";
import { OTHER_QUIRKS, RULES, type Publisher } from "./rules.ts";

type Row = { readonly edition: string; readonly rules: readonly string[] };

const EDITION_SHORT: Record<string, string> = {
  "iea-cmde-2024": "IEA 2024",
  "iea-cmde-2025": "IEA 2025",
  "usgs-mcs-2025": "USGS 2025",
  "ec-crm-2023": "EU CRM 2023",
};

export const PUBLISHER_OF_EDITION: Record<string, Publisher> = {
  "iea-cmde-2024": "IEA",
  "iea-cmde-2025": "IEA",
  "usgs-mcs-2025": "USGS",
  "ec-crm-2023": "EU",
};

const mineralName = (id: string) => core.mineralEntries.find((m) => m.id === id)?.name ?? id;

function countBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
}

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

// ---------------------------------------------------------------------------------------------

function editionsPage(): string {
  const supply = countBy(core.dataset().supply, (r) => r.edition);
  const demand = countBy(core.dataset().demand, (r) => r.edition);
  const indicators = countBy(core.dataset().indicators, (r) => r.edition);
  const parts = [
    generatedHeader("the bundled dataset (@critmin/core editions() and dataset())", {
      title: "Data: editions and sources",
    }),
    "# Data",
    "",
    `Every number critmin returns comes from one of these source editions, with a locator to the sheet and cell or the file and row it was read from. The bundled dataset is release ${code(core.datasetVersion())}: ${num(core.dataset().supply.length, 0)} supply rows, ${num(core.dataset().demand.length, 0)} demand rows and ${num(core.dataset().indicators.length, 0)} indicator rows over ${core.mineralEntries.length} minerals and ${core.countryEntries.length} countries.`,
    "",
    "Editions are immutable: a query pinned to an edition gives the same value in every later release. A new edition is added beside the others, never written over them. Which edition answers a query that does not pin one is decided by one documented rule: see [which edition answers](/methodology#which-edition-answers).",
    "",
    "- [Coverage](/data/coverage): which mineral, stage and year each edition covers.",
    "- [Source quirks and pipeline rules](/data/quirks): what is odd in each source file and how it is handled.",
    "- [Charts](/data/charts): China's refining share to 2040 and supply concentration by mineral and stage.",
    "",
    "## Editions",
    "",
    table(
      ["Edition", "Publisher", "Date", "Licence", "Rows (supply / demand / indicators)"],
      core
        .editions()
        .map((e) => [
          `[${code(e.id)}](#${e.id})`,
          text(e.publisher),
          e.date,
          text(e.licence),
          `${num(supply.get(e.id) ?? 0, 0)} / ${num(demand.get(e.id) ?? 0, 0)} / ${num(indicators.get(e.id) ?? 0, 0)}`,
        ]),
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
    "IEA data are © IEA and licensed CC BY 4.0; the May 2025 edition is read from a third party's JSON conversion of the IEA's data explorer (see its citation). USGS data are U.S. Government works in the public domain. The EU study is © European Union, reused under the Commission's reuse policy (CC BY 4.0); its tables are read from third-party extractions named in the citation. critmin's own code is MIT-licensed. When you publish a figure from critmin, cite the edition it came from: `cite()` in code and `=CRITMIN.SOURCE()` in Excel print the citation for any supply figure.",
    "",
  );
  return parts.join("\n");
}

// ---------------------------------------------------------------------------------------------

/** A table in smaller type (see .compact in the theme's CSS). */
function compact(markdownTable: string): string {
  return `<div class="compact">\n\n${markdownTable}\n\n</div>`;
}

function yearsText(years: readonly number[], projected: ReadonlySet<number>): string {
  return years.map((y) => (projected.has(y) ? `${y}ᵖ` : String(y))).join(", ");
}

function coveragePage(): string {
  const editions = core.editions().map((e) => e.id);
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
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------

function quirksPage(pipelineRuleIds: readonly string[]): string {
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
  for (const p of publishers) {
    const rules = ids.filter((id) => RULES[id]!.publisher === p).sort();
    parts.push(`## ${p} {#${p.toLowerCase()}}`, "", `Editions: ${editionsOf(p)}.`, "");
    parts.push(
      compact(
        table(
          ["Rule", "Quirk in the source", "How it is handled", "Rows"],
          rules.map((id) => {
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
      ),
      "",
    );
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
  const all = OTHER_QUIRKS.filter((q) => q.publisher === "All");
  if (all.length > 0)
    parts.push("## Every source", "", ...all.map((q) => `- ${text(q.quirk)} ${text(q.handling)}`), "");
  return parts.join("\n");
}

// ---------------------------------------------------------------------------------------------

export interface Charts {
  readonly files: Map<string, string>;
}

const IEA = ["iea-cmde-2024", "iea-cmde-2025"] as const;
const COLORS: Record<string, string> = { "iea-cmde-2024": "#1f3a5f", "iea-cmde-2025": "#d97706" };
const CHART_YEARS = [2023, 2024, 2030, 2035, 2040] as const;

function chinaRefiningPanels(): { panels: Panel[]; minerals: string[] } {
  const minerals = core.mineralEntries
    .filter((m) =>
      IEA.every((ed) =>
        m.coverage.some((c) => c.edition === ed && c.stage === "refining" && c.measure === "production"),
      ),
    )
    .map((m) => m.id);
  const panels = minerals.map((m) => ({
    title: mineralName(m),
    series: IEA.map((ed) => ({
      label: `${ed} (${core
        .editions()
        .find((e) => e.id === ed)!
        .title.replace(/^Critical Minerals Data Explorer \((.*)\)$/, "$1")})`,
      color: COLORS[ed]!,
      points: CHART_YEARS.flatMap((year) => {
        const value = core.chinaShare(m, { year, source: ed });
        if (value === undefined) return [];
        const resolution = core.provenance({ mineral: m, country: "CHN", year, source: ed, stage: "refining" });
        return [{ year, value, projection: resolution.kind === "projection" }];
      }),
    })),
  }));
  return { panels, minerals };
}

function hhiRows(): { rows: HeatRow[]; table: string[][] } {
  const list: { row: HeatRow; max: number; table: string[][] }[] = [];
  for (const m of core.mineralEntries) {
    const cells = core.STAGES.map((stage) => ({ stage, c: core.concentration(m.id, { stage }) }));
    if (cells.every((x) => x.c === undefined)) continue;
    const row: HeatRow = {
      label: m.name,
      cells: cells.map(({ stage, c }) =>
        c === undefined
          ? { value: undefined, tooltip: `${m.name}, ${stage}: no production shares` }
          : {
              value: c.hhi,
              prefix: c.lowerBound ? "≥" : "",
              tooltip: `${m.name}, ${stage}: HHI ${Math.round(c.hhi)}${c.lowerBound ? " (lower bound)" : ""}, ${c.resolution.edition}, ${c.resolution.year}`,
            },
      ),
    };
    list.push({
      row,
      max: Math.max(...cells.map((x) => x.c?.hhi ?? -1)),
      table: cells.flatMap(({ stage, c }) =>
        c
          ? [
              [
                text(m.name),
                stage,
                `${c.lowerBound ? "≥ " : ""}${num(c.hhi, 0)}`,
                num(c.effectiveSuppliers ?? 0, 1),
                pct(c.cr3),
                `[${code(c.resolution.edition)}](/data/#${c.resolution.edition})`,
                String(c.resolution.year),
              ],
            ]
          : [],
      ),
    });
  }
  list.sort((a, b) => b.max - a.max || a.row.label.localeCompare(b.row.label));
  return { rows: list.map((x) => x.row), table: list.flatMap((x) => x.table) };
}

function chartsPage(): { md: string; svgs: Map<string, string> } {
  const { panels } = chinaRefiningPanels();
  const china = shareLinesSvg({
    title: "China's share of world refining, by IEA edition",
    subtitle: `Observed base year, then the IEA base case (announced projects) for 2030, 2035 and 2040.\nDataset ${core.datasetVersion()}; each value is chinaShare(mineral, { year, source }).`,
    panels,
    years: [2022, 2041],
  });
  const hhi = hhiRows();
  const heat = heatmapSvg({
    title: "Supply concentration (HHI) by mineral and stage",
    subtitle: `Herfindahl–Hirschman index over countries, 0–10,000: hhi(mineral, { stage }),\nthe newest edition with observed data for each cell. Dataset ${core.datasetVersion()}.`,
    note: "Hover a cell for its edition and year. Minerals sorted by their most concentrated stage.",
    columns: ["mining", "refining"],
    rows: hhi.rows,
  });
  const dataRows: string[][] = [];
  for (const p of panels) {
    for (const s of p.series)
      dataRows.push([
        text(p.title),
        text(s.label.split(" ")[0]!),
        ...CHART_YEARS.map((y) => {
          const pt = s.points.find((x) => x.year === y);
          return pt ? `${pct(pt.value)}${pt.projection ? "ᵖ" : ""}` : "";
        }),
      ]);
  }
  const md = [
    generatedHeader("the bundled dataset (chinaShare, concentration)", { title: "Data: charts" }),
    "# Charts",
    "",
    "Drawn from the bundled dataset each time the docs are built, as plain SVG files (open one on its own to download it).",
    "",
    "## China's refining share to 2040 {#china-refining}",
    "",
    "![China's share of world refining per mineral, 2023 to 2040, by IEA edition](./charts/china-refining-share.svg)",
    "",
    `Each figure is ${code("chinaShare(mineral, { year, source })")} (Excel: ${code('=CRITMIN.CHINA_SHARE(mineral, "refining", year, source)')}). Projections (ᵖ) are the IEA's base case: announced projects, not a scenario. The two editions are shown side by side, never mixed.`,
    "",
    compact(table(["Mineral", "Edition", ...CHART_YEARS.map(String)], dataRows, ["l", "l", "r", "r", "r", "r", "r"])),
    "",
    "## Concentration by mineral and stage {#hhi}",
    "",
    "![Heat map of the Herfindahl–Hirschman index by mineral and stage](./charts/hhi-heatmap.svg)",
    "",
    `Each cell is ${code("hhi(mineral, { stage })")}: the edition and year chosen by the [default rule](/methodology#which-edition-answers). ≥ marks a [lower bound](/methodology#hhi): the source reports part of supply only as rest of world. 1,500 and 2,500 are the thresholds of the U.S. merger guidelines (2010) for moderately and highly concentrated markets.`,
    "",
    "::: details The numbers behind the heat map",
    "",
    compact(
      table(["Mineral", "Stage", "HHI", "Effective suppliers", "Top 3 share", "Edition", "Year"], hhi.table, [
        "l",
        "l",
        "r",
        "r",
        "r",
        "l",
        "r",
      ]),
    ),
    "",
    ":::",
    "",
  ].join("\n");
  return {
    md,
    svgs: new Map([
      ["china-refining-share.svg", china],
      ["hhi-heatmap.svg", heat],
    ]),
  };
}

export function dataPages(pipelineRuleIds: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set("data/index.md", editionsPage());
  files.set("data/coverage.md", coveragePage());
  files.set("data/quirks.md", quirksPage(pipelineRuleIds));
  const charts = chartsPage();
  files.set("data/charts.md", charts.md);
  for (const [name, svg] of charts.svgs) files.set(`data/charts/${name}`, svg);
  return files;
}
