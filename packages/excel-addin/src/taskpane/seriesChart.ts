// The Data tab's chart of one country's share across editions, drawn from SERIES's spilled table:
// one line per edition, solid where observed, dashed into its projections, a square for a period
// average. Presentation attributes and classes only (the page's CSP allows no inline style).
import { editionLabel } from "../adapter/answerText.ts";
import { SERIES_HEADER } from "../adapter/seriesTable.ts";
import { keyItem, svg } from "./charts.ts";
import { make } from "./dom.ts";

/** Line colours (classes in taskpane.css); an edition beyond these reuses them in order. */
const COLOURS = 5;

export interface SeriesChartPoint {
  readonly edition: string;
  readonly year: number;
  readonly kind: "observed" | "projected" | "period-average";
  readonly share: number;
}

/** SERIES's spilled rows (header first) as chart points; rows without a share are left out, never drawn as 0. */
export function seriesPoints(rows: readonly (readonly unknown[])[]): SeriesChartPoint[] {
  const [header, ...body] = rows;
  if (!header || header.map(String).join("|") !== SERIES_HEADER.join("|")) return [];
  const at = (name: string) => SERIES_HEADER.indexOf(name);
  return body
    .filter((r) => typeof r[at("Share")] === "number" && typeof r[at("Year")] === "number")
    .map((r) => ({
      edition: String(r[at("Edition")]),
      year: r[at("Year")] as number,
      kind: String(r[at("Kind")]) as SeriesChartPoint["kind"],
      share: r[at("Share")] as number,
    }));
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

const KIND_WORDS: Readonly<Record<SeriesChartPoint["kind"], string>> = {
  observed: "observed",
  projected: "projection",
  "period-average": "period average",
};

/**
 * The chart with its visible title, unit and legend. Years sit at even steps, each labelled: an
 * edition's observed year and its projections five years apart would otherwise crowd the labels
 * of the observed years together at 350 px.
 */
export function seriesChart(
  id: string,
  title: string,
  points: readonly SeriesChartPoint[],
  empty = "No edition has a figure.",
  width = 300,
): HTMLElement {
  const figure = make("figure", { class: "series-chart", id: `${id}-figure` });
  figure.append(make("figcaption", { id: `${id}-caption` }, title));
  const editions = [...new Set(points.map((p) => p.edition))];
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const height = 180;
  const pad = { left: 36, right: 10, top: 10, bottom: 34 };
  const described = editions
    .map(
      (e) =>
        `${editionLabel(e)}: ${points
          .filter((p) => p.edition === e)
          .map((p) => `${p.year} ${KIND_WORDS[p.kind]} ${pct(p.share)}`)
          .join(", ")}`,
    )
    .join("; ");
  const root = svg("svg", {
    id,
    viewBox: `0 0 ${width} ${height}`,
    width: "100%",
    role: "img",
    "aria-labelledby": `${id}-caption ${id}-desc`,
    class: "chart",
  });
  root.append(svg("desc", { id: `${id}-desc` }, described || "no figures"));
  if (points.length === 0) {
    // Nothing to draw: say why (SERIES's reason), rather than an empty frame.
    figure.append(make("p", { class: "hint", id: `${id}-empty` }, empty));
    return figure;
  }
  figure.append(root);
  const step = (width - pad.left - pad.right) / Math.max(1, years.length);
  const x = (year: number) => pad.left + step * (years.indexOf(year) + 0.5);
  const y = (share: number) => pad.top + (1 - share) * (height - pad.top - pad.bottom);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(svg("line", { x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick), class: "grid" }));
    root.append(
      svg("text", { x: pad.left - 4, y: y(tick) + 3, "text-anchor": "end", class: "axis" }, `${tick * 100}%`),
    );
  }
  for (const year of years)
    root.append(
      svg(
        "text",
        { x: x(year), y: height - pad.bottom + 12, "text-anchor": "middle", class: "axis year" },
        String(year),
      ),
    );
  root.append(
    svg("text", { x: pad.left, y: height - 4, class: "axis" }, "Share of world output (%), by year of the figure"),
  );
  const path = (list: readonly SeriesChartPoint[]) =>
    list.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.year).toFixed(1)},${y(p.share).toFixed(1)}`).join(" ");
  editions.forEach((edition, i) => {
    const colour = `s${i % COLOURS}`;
    const own = points.filter((p) => p.edition === edition);
    const observed = own.filter((p) => p.kind === "observed");
    const projected = own.filter((p) => p.kind === "projected");
    const lastObserved = observed.at(-1);
    if (observed.length > 1) root.append(svg("path", { d: path(observed), class: `line observed ${colour}` }));
    if (projected.length > 0)
      root.append(
        svg("path", {
          d: path(lastObserved ? [lastObserved, ...projected] : projected),
          class: `line projection ${colour}`,
        }),
      );
    for (const p of own) {
      const label = `${editionLabel(edition)} ${p.year} ${KIND_WORDS[p.kind]}: ${pct(p.share)}`;
      const mark =
        p.kind === "period-average"
          ? svg("rect", { x: x(p.year) - 4, y: y(p.share) - 4, width: 8, height: 8, class: `mark average ${colour}` })
          : svg("circle", { cx: x(p.year), cy: y(p.share), r: 3, class: `mark ${p.kind} ${colour}` });
      mark.append(svg("title", {}, label));
      root.append(mark);
    }
  });
  figure.append(legend(editions, points));
  return figure;
}

/** One key per edition drawn, then one per kind of figure drawn: nothing for what is not on the chart. */
function legend(editions: readonly string[], points: readonly SeriesChartPoint[]): HTMLElement {
  const list = make("ul", { class: "series-legend", "aria-label": "Legend" });
  editions.forEach((edition, i) =>
    list.append(keyItem(`swatch s${i % COLOURS}`, editionLabel(edition), `series-legend-${edition}`)),
  );
  const kinds = new Set(points.map((p) => p.kind));
  if (kinds.has("observed")) list.append(keyItem("key observed", "observed"));
  if (kinds.has("projected")) list.append(keyItem("key projection", "projection (base case)"));
  if (kinds.has("period-average")) list.append(keyItem("key average", "period average (years not stated)"));
  return list;
}
