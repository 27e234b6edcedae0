/**
 * Reads the generated data modules (gen/*.gen.ts, written by pipeline/emit.ts) back into rows.
 *
 * A module holds its rows in one template string, one JSON object per line, so the committed files
 * diff row by row while the type checker sees a single string instead of thousands of object
 * literals (which exceed what it can infer). To keep the shipped bundles small and quick to load,
 * a line stores only what cannot be recovered exactly:
 *
 * - The first line is `{"defaults":{…}}`: a key a row line leaves out takes its value from there.
 * - `tonnes` is left out where `value` × the unit's factor gives it back ({@link tonnesOf}).
 * - `share` (supply) is left out where {@link derivedShare} gives it back: the EU's percent ÷ 100,
 *   1 for the WORLD row, else `value` ÷ the value of the block's WORLD row.
 *
 * "Gives it back" means the very same double: emit.ts recomputes every row it writes with these
 * functions, stores the figure itself wherever they would differ by as much as one bit, and checks
 * that reading the module returns every row exactly (`pnpm data:build`, `pnpm data:check`).
 * Rows come back with their keys in the schema's order, each with its own `rules` array.
 */
import type { DemandRow, IndicatorRow, SupplyRow } from "../schema.ts";

type Line = { readonly [key: string]: unknown };

/** The header and the row lines of a module's text. */
function parse(text: string): { defaults: Line; lines: Line[] } {
  // One JSON.parse for the whole text: the lines become the elements of one array.
  const all = JSON.parse(`[${text.trim().replaceAll("\n", ",")}]`) as Line[];
  const header = all[0] as { defaults?: Line } | undefined;
  if (!header?.defaults) throw new Error("critmin data module: the first line must be {\"defaults\":{…}}");
  return { defaults: header.defaults, lines: all.slice(1) };
}

/** A line's value for `key`, or the module's default. */
const get = (line: Line, defaults: Line, key: string): unknown => (line[key] !== undefined ? line[key] : defaults[key]);
/** A list-valued key: the line's own array, or a copy of the default (so no two rows share one array). */
const list = <T>(line: Line, defaults: Line, key: string): T[] => (line[key] !== undefined ? (line[key] as T[]) : [...(defaults[key] as T[])]);

/** Tonnes per one unit, for the units a source's mass figures come in. Mirrors pipeline/units.ts. */
const TONNES_PER_UNIT: Readonly<Record<string, number>> = {
  "kt": 1_000,
  "metric tons": 1,
  "metric dry tons": 1,
  "thousand metric tons": 1_000,
  "thousand metric dry tons": 1_000,
  "million metric tons": 1_000_000,
  "kilograms": 0.001,
};

const factors = new Map<string, number | undefined>();

/** `value` in metric tonnes, computed as the pipeline computes it; `null` without a value or for a unit that is not a mass. */
export function tonnesOf(value: number | null, unit: string): number | null {
  if (value === null) return null;
  let factor = factors.get(unit);
  if (factor === undefined && !factors.has(unit)) factors.set(unit, (factor = TONNES_PER_UNIT[unit.trim().toLowerCase()]));
  if (factor === undefined) return null;
  return factor >= 1 ? Math.round(value * factor * 1e6) / 1e6 : value * factor;
}

/** A printed percent as a fraction by moving the decimal point (4.5 → 0.045), as the EU reader does. */
function percentToFraction(value: number): number | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(value));
  if (!m) return null;
  const decimals = m[2] ?? "";
  const all = (m[1]! + decimals).padStart(decimals.length + 3, "0");
  const point = all.length - decimals.length - 2;
  return Number(`${all.slice(0, point)}.${all.slice(point)}`);
}

/** What a supply row's block (edition, mineral, stage, measure, year, case) says about its WORLD row. */
export interface WorldRow {
  readonly value: number | null;
  readonly status: string;
}

export const supplyBlockKey = (r: { edition: string; mineral: string; stage: string; measure: string; year: number; case: string | null }): string =>
  `${r.edition}|${r.mineral}|${r.stage}|${r.measure}|${r.year}|${r.case ?? ""}`;

/** The share a supply row would get from its own value and its block's WORLD row. */
export function derivedShare(row: Pick<SupplyRow, "country" | "value" | "unit">, world: WorldRow | undefined): number | null {
  const { value } = row;
  if (value === null) return null;
  if (row.unit === "percent") return percentToFraction(value);
  if (row.country === "WORLD") return value > 0 ? 1 : null;
  if (!world || world.value === null || !(world.value > 0) || world.status === "lower-bound" || world.status === "upper-bound") return null;
  return value / world.value;
}

export function decodeSupply(text: string): readonly SupplyRow[] {
  const { defaults: d, lines } = parse(text);
  const rows: SupplyRow[] = [];
  const worlds = new Map<string, WorldRow>();
  for (const l of lines) {
    const value = get(l, d, "value") as number | null;
    const unit = get(l, d, "unit") as string;
    const row: { -readonly [K in keyof SupplyRow]: SupplyRow[K] } = {
      edition: get(l, d, "edition") as SupplyRow["edition"],
      mineral: get(l, d, "mineral") as string,
      stage: get(l, d, "stage") as SupplyRow["stage"],
      measure: get(l, d, "measure") as SupplyRow["measure"],
      country: get(l, d, "country") as string,
      year: get(l, d, "year") as number,
      kind: get(l, d, "kind") as SupplyRow["kind"],
      case: get(l, d, "case") as string | null,
      value,
      unit,
      tonnes: l.tonnes !== undefined ? (l.tonnes as number | null) : tonnesOf(value, unit),
      // Filled below once every WORLD row is known; a stored share is kept as is.
      share: (l.share as number | null | undefined) ?? null,
      basis: get(l, d, "basis") as string,
      status: get(l, d, "status") as SupplyRow["status"],
      locator: get(l, d, "locator") as string,
      rules: list(l, d, "rules"),
    };
    if (row.country === "WORLD") worlds.set(supplyBlockKey(row), { value: row.value, status: row.status });
    rows.push(row);
  }
  lines.forEach((l, i) => {
    if (l.share !== undefined) return;
    const row = rows[i] as { share: number | null } & SupplyRow;
    row.share = derivedShare(row, worlds.get(supplyBlockKey(row)));
  });
  return frozen(rows);
}

/**
 * The bundled rows are shared by every caller and every index: frozen, so a caller that writes to
 * one (say `supplyRows[0].share = 0`) gets an error in strict mode instead of changing later answers.
 */
function frozen<T extends { rules: readonly string[] }>(rows: T[]): readonly T[] {
  for (const row of rows) {
    Object.freeze(row.rules);
    Object.freeze(row);
  }
  return Object.freeze(rows);
}

export function decodeDemand(text: string): readonly DemandRow[] {
  const { defaults: d, lines } = parse(text);
  return frozen(lines.map((l): DemandRow => {
    const value = get(l, d, "value") as number;
    const unit = get(l, d, "unit") as string;
    return {
      edition: get(l, d, "edition") as DemandRow["edition"],
      table: get(l, d, "table") as DemandRow["table"],
      mineral: get(l, d, "mineral") as string,
      use: get(l, d, "use") as string,
      variant: get(l, d, "variant") as string,
      scenario: get(l, d, "scenario") as DemandRow["scenario"],
      year: get(l, d, "year") as number,
      kind: get(l, d, "kind") as DemandRow["kind"],
      value,
      unit,
      tonnes: l.tonnes !== undefined ? (l.tonnes as number) : (tonnesOf(value, unit) as number),
      basis: get(l, d, "basis") as string,
      locator: get(l, d, "locator") as string,
      rules: list(l, d, "rules"),
    };
  }));
}

export function decodeIndicators(text: string): readonly IndicatorRow[] {
  const { defaults: d, lines } = parse(text);
  return frozen(lines.map((l): IndicatorRow => {
    const row = {
      edition: get(l, d, "edition") as IndicatorRow["edition"],
      indicator: get(l, d, "indicator") as IndicatorRow["indicator"],
      mineral: get(l, d, "mineral") as string,
      economy: get(l, d, "economy") as IndicatorRow["economy"],
      stage: get(l, d, "stage") as IndicatorRow["stage"],
      year: get(l, d, "year") as number,
      value: get(l, d, "value") as number | null,
      unit: get(l, d, "unit") as IndicatorRow["unit"],
      status: get(l, d, "status") as IndicatorRow["status"],
      locator: get(l, d, "locator") as string,
    };
    // `sources` is optional: only where the line has it, never from the defaults.
    return l.sources !== undefined ? { ...row, sources: l.sources as string[], rules: list(l, d, "rules") } : { ...row, rules: list(l, d, "rules") };
  }));
}
