// Inline SVG charts for the data browser, drawn from the functions' answers. Presentation
// attributes and classes only (the page's CSP allows no inline style).
import { make } from "./dom.ts";

const SVG = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An empty chart, named by its title and described in words for screen readers. */
function chartRoot(id: string, width: number, height: number, title: string, description: string): SVGSVGElement {
  const root = svg("svg", {
    id,
    viewBox: `0 0 ${width} ${height}`,
    width: "100%",
    role: "img",
    "aria-labelledby": `${id}-title ${id}-desc`,
    class: "chart",
  });
  root.append(svg("title", { id: `${id}-title` }, title), svg("desc", { id: `${id}-desc` }, description));
  return root;
}

const pct = (v: number) => `${(v * 100).toFixed(v >= 0.995 || v < 0.1 ? 1 : 0)}%`;

export interface SharePoint {
  readonly year: number;
  readonly share: number;
  readonly projection: boolean;
}

/**
 * A chart with its title and unit in visible text (not only in the SVG's title, which a sighted
 * reader never sees), and a legend when given.
 */
export function chartFigure(chart: SVGSVGElement, title: string, unit: string, legend?: HTMLElement): HTMLElement {
  const figure = make("figure", { class: "chart-figure", id: `${chart.id}-figure` });
  figure.append(
    make("figcaption", { id: `${chart.id}-caption` }, title),
    make("p", { class: "chart-unit" }, unit),
    chart,
  );
  if (legend) figure.append(legend);
  return figure;
}

/**
 * China's share by year: a line, solid for observed years, dashed into the projection years. Years
 * sit at even steps, each labelled (2023 and 2024 beside 2040 would otherwise overlap at 350 px).
 */
export function shareChart(
  id: string,
  title: string,
  points: readonly SharePoint[],
  width = 288,
  height = 170,
): SVGSVGElement {
  const described = points.map((p) => `${p.year}${p.projection ? " (projection)" : ""}: ${pct(p.share)}`).join(", ");
  const root = chartRoot(id, width, height, title, described || "no data");
  if (points.length === 0) return root;
  const pad = { left: 34, right: 10, top: 10, bottom: 24 };
  const years = points.map((p) => p.year);
  const step = (width - pad.left - pad.right) / years.length;
  const x = (year: number) => pad.left + step * (years.indexOf(year) + 0.5);
  const y = (share: number) => pad.top + (1 - share) * (height - pad.top - pad.bottom);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(svg("line", { x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick), class: "grid" }));
    root.append(
      svg("text", { x: pad.left - 4, y: y(tick) + 3, "text-anchor": "end", class: "axis" }, `${tick * 100}%`),
    );
  }
  const observed = points.filter((p) => !p.projection);
  const lastObserved = observed.at(-1);
  const projected = points.filter((p) => p.projection);
  const path = (list: readonly SharePoint[]) =>
    list.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.year).toFixed(1)},${y(p.share).toFixed(1)}`).join(" ");
  if (observed.length > 1) root.append(svg("path", { d: path(observed), class: "line observed" }));
  if (projected.length > 0)
    root.append(
      svg("path", { d: path(lastObserved ? [lastObserved, ...projected] : projected), class: "line projection" }),
    );
  for (const p of points) {
    root.append(
      svg("circle", { cx: x(p.year), cy: y(p.share), r: 3, class: p.projection ? "dot projection" : "dot observed" }),
    );
  }
  for (const year of years)
    root.append(svg("text", { x: x(year), y: height - 8, "text-anchor": "middle", class: "axis year" }, String(year)));
  return root;
}

/** The share chart's key: observed and projection, each only when the chart draws it. */
export function shareLegend(points: readonly SharePoint[]): HTMLElement | undefined {
  const list = make("ul", { class: "chart-legend", "aria-label": "Legend" });
  if (points.some((p) => !p.projection)) list.append(keyItem("key observed", "observed"));
  if (points.some((p) => p.projection)) list.append(keyItem("key projection", "projection (base case)"));
  return list.childElementCount > 0 ? list : undefined;
}

/** One legend entry: its swatch, hidden from screen readers, and its words. */
export function keyItem(swatch: string, text: string, id?: string): HTMLElement {
  const item = make("li", id ? { id } : {});
  item.append(make("span", { class: swatch, "aria-hidden": "true" }), ` ${text}`);
  return item;
}

export interface Bar {
  readonly label: string;
  readonly share: number;
  readonly highlight?: boolean;
}

/** The top producers' shares as horizontal bars, labelled with the share. */
export function barChart(id: string, title: string, bars: readonly Bar[], width = 288): SVGSVGElement {
  const row = 22;
  const labelWidth = 92;
  const height = bars.length * row + 6;
  const root = chartRoot(id, width, height, title, bars.map((b) => `${b.label}: ${pct(b.share)}`).join(", "));
  const span = width - labelWidth - 44;
  bars.forEach((b, i) => {
    const top = 3 + i * row;
    root.append(
      svg(
        "text",
        { x: labelWidth - 6, y: top + 14, "text-anchor": "end", class: "axis label" },
        b.label.length > 15 ? `${b.label.slice(0, 14)}…` : b.label,
      ),
    );
    root.append(
      svg("rect", {
        x: labelWidth,
        y: top + 3,
        width: Math.max(1, b.share * span).toFixed(1),
        height: row - 8,
        rx: 2,
        class: b.highlight ? "bar highlight" : "bar",
      }),
    );
    root.append(svg("text", { x: labelWidth + b.share * span + 4, y: top + 14, class: "axis value" }, pct(b.share)));
  });
  return root;
}
