// The charts page: China's refining share by edition and year, and the HHI heatmap, drawn as SVG
// files from the bundled dataset.
import * as core from "@critmin/core";
import { heatmapSvg, shareLinesSvg, type HeatRow, type Panel } from "./charts.ts";
import { code, compact, generatedHeader, num, pct, table, text } from "./markdown.ts";

/** A mineral's display name, or its id when the dataset has no such mineral. */
export const mineralName = (id: string) => core.mineralEntries.find((m) => m.id === id)?.name ?? id;

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

export function chartsPage(): { md: string; svgs: Map<string, string> } {
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
