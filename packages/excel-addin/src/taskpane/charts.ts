// Inline SVG charts for the data browser, drawn from the functions' answers. Presentation
// attributes and classes only (the page's CSP allows no inline style).
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

/** China's share by year: a line, solid for observed years, dashed into the projection years. */
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
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const x = (year: number) =>
    pad.left + (maxYear === minYear ? 0.5 : (year - minYear) / (maxYear - minYear)) * (width - pad.left - pad.right);
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
  const labelled = [...new Set([minYear, ...(lastObserved ? [lastObserved.year] : []), maxYear])];
  for (const year of labelled)
    root.append(svg("text", { x: x(year), y: height - 8, "text-anchor": "middle", class: "axis" }, String(year)));
  return root;
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
