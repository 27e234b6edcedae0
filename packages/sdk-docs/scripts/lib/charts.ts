// Charts drawn from the dataset at build time, as self-contained SVG (no scripts, no fonts, no
// external references), so they can be committed, embedded elsewhere or opened on their own.

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const INK = "#1f2937";
const MUTED = "#6b7280";
const GRID = "#e5e7eb";

function esc(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The opening of a chart: the svg element, its accessible title and description, a white ground, and the title and subtitle lines at `x`. */
function svgHead(width: number, height: number, title: string, subtitle: readonly string[], x: number): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="t d" font-family="${FONT}">`,
    `<title id="t">${esc(title)}</title><desc id="d">${esc(subtitle.join(" "))}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${x}" y="28" font-size="18" font-weight="600" fill="${INK}">${esc(title)}</text>`,
    ...subtitle.map(
      (line, k) => `<text x="${x}" y="${50 + k * 17}" font-size="12.5" fill="${MUTED}">${esc(line)}</text>`,
    ),
  ];
}

export interface SeriesPoint {
  readonly year: number;
  readonly value: number;
  readonly projection: boolean;
}

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly points: readonly SeriesPoint[];
}

export interface Panel {
  readonly title: string;
  readonly series: readonly Series[];
}

/** Small multiples of share lines (0–100%), one panel per mineral, a legend on top. */
export function shareLinesSvg(opts: {
  title: string;
  subtitle: string;
  panels: readonly Panel[];
  years: readonly [number, number];
  columns?: number;
}): string {
  const columns = opts.columns ?? 2;
  const pw = 300;
  const ph = 180;
  const gap = 76;
  const vgap = 30;
  const left = 40;
  const width = left + columns * pw + (columns - 1) * gap + 44;
  const subtitle = opts.subtitle.split("\n");
  // Legend items, wrapped to the width; the panels start below them.
  const series = opts.panels[0]?.series ?? [];
  const items = [
    ...series.map((s) => ({ label: s.label, color: s.color, hollow: false })),
    { label: "projection (IEA base case), dashed", color: MUTED, hollow: true },
  ];
  const legend: string[] = [];
  let lx = left - 24;
  let ly = 56 + subtitle.length * 17;
  for (const item of items) {
    const w = 34 + item.label.length * 6.6;
    if (lx + w > width - 8 && lx > left - 24) {
      lx = left - 24;
      ly += 20;
    }
    if (item.hollow)
      legend.push(
        `<circle cx="${lx + 11}" cy="${ly}" r="4" fill="#ffffff" stroke="${item.color}" stroke-width="1.5"/>`,
      );
    else
      legend.push(
        `<line x1="${lx}" y1="${ly}" x2="${lx + 22}" y2="${ly}" stroke="${item.color}" stroke-width="2.5"/><circle cx="${lx + 11}" cy="${ly}" r="4" fill="${item.color}"/>`,
      );
    legend.push(`<text x="${lx + 28}" y="${ly + 4}" font-size="12.5" fill="${INK}">${esc(item.label)}</text>`);
    lx += w + 14;
  }
  const top = ly + 26;
  const rows = Math.ceil(opts.panels.length / columns);
  const height = top + rows * ph + (rows - 1) * vgap + 24;
  const [y0, y1] = opts.years;
  const out = svgHead(width, height, opts.title, subtitle, left - 24);
  out.push(...legend);

  opts.panels.forEach((panel, i) => {
    const ox = left + (i % columns) * (pw + gap);
    const oy = top + Math.floor(i / columns) * (ph + vgap);
    const plotTop = oy + 22;
    const plotH = ph - 44;
    const x = (year: number) => ox + ((year - y0) / (y1 - y0)) * pw;
    const y = (v: number) => plotTop + (1 - v) * plotH;
    out.push(`<g>`);
    out.push(
      `<text x="${ox}" y="${oy + 12}" font-size="13.5" font-weight="600" fill="${INK}">${esc(panel.title)}</text>`,
    );
    for (const v of [0, 0.25, 0.5, 0.75, 1]) {
      out.push(
        `<line x1="${ox}" y1="${r1(y(v))}" x2="${ox + pw}" y2="${r1(y(v))}" stroke="${GRID}" stroke-width="1"/>`,
      );
      out.push(
        `<text x="${ox - 5}" y="${r1(y(v) + 4)}" font-size="10.5" fill="${MUTED}" text-anchor="end">${v * 100}%</text>`,
      );
    }
    for (const year of [2023, 2030, 2035, 2040].filter((t) => t >= y0 && t <= y1)) {
      out.push(
        `<text x="${r1(x(year))}" y="${oy + ph - 8}" font-size="10.5" fill="${MUTED}" text-anchor="middle">${year}</text>`,
      );
    }
    for (const s of panel.series) {
      const pts = [...s.points].sort((a, b) => a.year - b.year);
      for (let k = 1; k < pts.length; k++) {
        const a = pts[k - 1]!;
        const b = pts[k]!;
        const dash = b.projection ? ` stroke-dasharray="5 4"` : "";
        out.push(
          `<line x1="${r1(x(a.year))}" y1="${r1(y(a.value))}" x2="${r1(x(b.year))}" y2="${r1(y(b.value))}" stroke="${s.color}" stroke-width="2.2"${dash}/>`,
        );
      }
      for (const p of pts) {
        const fill = p.projection ? "#ffffff" : s.color;
        out.push(
          `<circle cx="${r1(x(p.year))}" cy="${r1(y(p.value))}" r="3.6" fill="${fill}" stroke="${s.color}" stroke-width="1.8"><title>${esc(`${panel.title}, ${s.label}, ${p.year}${p.projection ? " (projection)" : ""}: ${(p.value * 100).toFixed(1)}%`)}</title></circle>`,
        );
      }
    }
    // End labels, pushed apart where two series end close together.
    const ends = panel.series
      .map((s) => ({ s, last: [...s.points].sort((a, b) => a.year - b.year).at(-1) }))
      .filter((e): e is { s: Series; last: SeriesPoint } => e.last !== undefined)
      .map((e) => ({ ...e, y: y(e.last.value) + 4 }))
      .sort((a, b) => a.y - b.y);
    for (let k = 1; k < ends.length; k++) if (ends[k]!.y - ends[k - 1]!.y < 12) ends[k]!.y = ends[k - 1]!.y + 12;
    for (const e of ends)
      out.push(
        `<text x="${r1(x(e.last.year) + 7)}" y="${r1(e.y)}" font-size="11" font-weight="600" fill="${e.s.color}">${Math.round(e.last.value * 100)}%</text>`,
      );
    out.push(`</g>`);
  });
  out.push(`</svg>`);
  return `${out.join("\n")}\n`;
}

export interface HeatCell {
  readonly value: number | undefined;
  /** Printed before the value, e.g. "≥" for a lower bound. */
  readonly prefix?: string;
  readonly tooltip: string;
}

export interface HeatRow {
  readonly label: string;
  readonly cells: readonly HeatCell[];
}

/** Colour stops for an HHI 0–10,000: pale below 1,500, yellow to amber to 2,500, red above, dark red at 10,000. */
const HEAT_STOPS: readonly (readonly [number, readonly [number, number, number]])[] = [
  [0, [247, 244, 236]],
  [1500, [253, 230, 138]],
  [2500, [245, 158, 11]],
  [5000, [220, 38, 38]],
  [10_000, [110, 20, 20]],
];

export function heatColor(value: number): string {
  const v = Math.max(0, Math.min(10_000, value));
  let k = 1;
  while (k < HEAT_STOPS.length - 1 && v > HEAT_STOPS[k]![0]) k++;
  const [v0, c0] = HEAT_STOPS[k - 1]!;
  const [v1, c1] = HEAT_STOPS[k]!;
  const t = (v - v0) / (v1 - v0);
  return `rgb(${c0.map((c, i) => Math.round(c + (c1[i]! - c) * t)).join(",")})`;
}

/** A heat map: one row per label, one column per heading, the value printed in each cell. */
export function heatmapSvg(opts: {
  title: string;
  subtitle: string;
  columns: readonly string[];
  rows: readonly HeatRow[];
  note: string;
}): string {
  const labelW = 210;
  const cellW = 120;
  const cellH = 19;
  const subtitle = opts.subtitle.split("\n");
  const top = 92 + subtitle.length * 17;
  const legendW = 270;
  const width = labelW + opts.columns.length * cellW + 40 + legendW;
  const height = top + opts.rows.length * cellH + 40;
  const out = svgHead(width, height, opts.title, subtitle, 16);
  out.push(
    `<text x="16" y="${50 + subtitle.length * 17 + 3}" font-size="12.5" fill="${MUTED}">${esc(opts.note)}</text>`,
  );
  opts.columns.forEach((c, j) => {
    out.push(
      `<text x="${labelW + j * cellW + cellW / 2}" y="${top - 10}" font-size="12.5" font-weight="600" fill="${INK}" text-anchor="middle">${esc(c)}</text>`,
    );
  });
  opts.rows.forEach((row, i) => {
    const y = top + i * cellH;
    out.push(
      `<text x="${labelW - 10}" y="${y + 14}" font-size="12" fill="${INK}" text-anchor="end">${esc(row.label)}</text>`,
    );
    row.cells.forEach((cell, j) => {
      const x = labelW + j * cellW;
      if (cell.value === undefined) {
        out.push(
          `<rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" fill="#ffffff" stroke="${GRID}"><title>${esc(cell.tooltip)}</title></rect>`,
        );
        out.push(
          `<text x="${x + cellW / 2}" y="${y + 14}" font-size="11" fill="${MUTED}" text-anchor="middle">no data</text>`,
        );
        return;
      }
      const dark = cell.value > 3500;
      out.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" fill="${heatColor(cell.value)}"><title>${esc(cell.tooltip)}</title></rect>`,
      );
      out.push(
        `<text x="${x + cellW / 2}" y="${y + 14}" font-size="11.5" fill="${dark ? "#ffffff" : INK}" text-anchor="middle">${esc(`${cell.prefix ?? ""}${Math.round(cell.value).toLocaleString("en-US")}`)}</text>`,
      );
    });
  });
  // legend
  const lx = labelW + opts.columns.length * cellW + 40;
  out.push(`<text x="${lx}" y="${top - 10}" font-size="12.5" font-weight="600" fill="${INK}">HHI</text>`);
  const steps = 20;
  for (let k = 0; k < steps; k++) {
    const v = (k / (steps - 1)) * 10_000;
    out.push(`<rect x="${lx}" y="${top + k * 12}" width="22" height="12" fill="${heatColor(v)}"/>`);
  }
  for (const [v, label] of [
    [0, "0"],
    [1500, "1,500: moderately concentrated above"],
    [2500, "2,500: highly concentrated above"],
    [10_000, "10,000: one country"],
  ] as const) {
    const yy = top + (v / 10_000) * (steps - 1) * 12 + 9;
    out.push(
      `<line x1="${lx + 22}" y1="${r1(yy - 3)}" x2="${lx + 30}" y2="${r1(yy - 3)}" stroke="${MUTED}"/><text x="${lx + 34}" y="${r1(yy)}" font-size="11" fill="${MUTED}">${esc(label)}</text>`,
    );
  }
  out.push(
    `<text x="${lx}" y="${top + steps * 12 + 22}" font-size="11" fill="${MUTED}">≥ marks a lower bound: part of</text>`,
  );
  out.push(
    `<text x="${lx}" y="${top + steps * 12 + 36}" font-size="11" fill="${MUTED}">supply is only "rest of world".</text>`,
  );
  out.push(`</svg>`);
  return `${out.join("\n")}\n`;
}
