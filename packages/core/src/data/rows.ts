/**
 * Reads the generated data modules (gen/*.gen.ts, written by pipeline/emit.ts) back into rows.
 *
 * A module holds its table in the column format of ./columns.ts. To keep the shipped bundles small
 * and quick to load, it stores only what cannot be recovered exactly:
 *
 * - `tonnes` is left out where `value` × the unit's factor gives it back ({@link tonnesOf}).
 * - `share` (supply) is left out where {@link derivedShare} gives it back: the EU's percent ÷ 100,
 *   1 for the WORLD row, else `value` ÷ the value of the block's WORLD row.
 *
 * "Gives it back" means the very same double: emit.ts recomputes every row it writes with these
 * functions, stores the figure itself wherever they would differ by as much as one bit, and checks
 * that reading the module returns every row exactly (`pnpm data:build`, `pnpm data:check`).
 * Rows come back with their keys in the schema's order. Equal `rules` (and `sources`) lists are one
 * frozen array shared by the rows that have them.
 */
import type { DemandRow, IndicatorRow, SupplyRow } from "../schema/rows.ts";
import { ABSENT, readColumns } from "./columns.ts";
import { scaleToTonnes, tonnesPerUnit } from "./units.ts";

const factors = new Map<string, number | undefined>();

/** `value` in metric tonnes, computed as the pipeline computes it; `null` without a value or for a unit that is not a mass. */
export function tonnesOf(value: number | null, unit: string): number | null {
  if (value === null) return null;
  let factor = factors.get(unit);
  if (factor === undefined && !factors.has(unit)) factors.set(unit, (factor = tonnesPerUnit(unit)));
  return factor === undefined ? null : scaleToTonnes(value, factor);
}

/**
 * A printed percent as a fraction by moving the decimal point (4.5 → 0.045), as the EU reader does:
 * `"4.5e-2"` parses to the double nearest 0.045, exactly as `"0.045"` would.
 */
function percentToFraction(value: number): number | null {
  const printed = String(value);
  return PLAIN_DECIMAL.test(printed) ? Number(`${printed}e-2`) : null;
}
const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** What a supply row's block (edition, mineral, stage, measure, year, case) says about its WORLD row. */
export interface WorldRow {
  readonly value: number | null;
  readonly status: string;
}

type BlockKeyField = "edition" | "mineral" | "stage" | "measure" | "year" | "case";

export const supplyBlockKey = (r: Pick<SupplyRow, BlockKeyField>): string =>
  `${r.edition}|${r.mineral}|${r.stage}|${r.measure}|${r.year}|${r.case ?? ""}`;

/** The WORLD row of each block, by {@link supplyBlockKey}; the reader and the emitter derive shares from it alike. */
export function worldRows(
  rows: readonly Pick<SupplyRow, BlockKeyField | "country" | "value" | "status">[],
): Map<string, WorldRow> {
  const worlds = new Map<string, WorldRow>();
  for (const r of rows) if (r.country === "WORLD") worlds.set(supplyBlockKey(r), { value: r.value, status: r.status });
  return worlds;
}

/** The share a supply row would get from its own value and its block's WORLD row. */
export function derivedShare(
  row: Pick<SupplyRow, "country" | "value" | "unit">,
  world: WorldRow | undefined,
): number | null {
  const { value } = row;
  if (value === null) return null;
  if (row.unit === "percent") return percentToFraction(value);
  if (row.country === "WORLD") return value > 0 ? 1 : null;
  if (
    !world ||
    world.value === null ||
    !(world.value > 0) ||
    world.status === "lower-bound" ||
    world.status === "upper-bound"
  )
    return null;
  return value / world.value;
}

/** A row as read, before its decoder fills the `Derived` keys the module left out (`undefined`). */
type ReadRow<T, Derived extends keyof T> = { -readonly [K in keyof T]: K extends Derived ? T[K] | undefined : T[K] };

/**
 * The module's rows, their keys in the order the module stores its columns: the schema's order, which
 * emit.ts writes and checks. A key is left out where its column says the row has none (`sources`).
 */
function readRows<T, Derived extends keyof T = never>(text: string): ReadRow<T, Derived>[] {
  const table = readColumns(text);
  const columns = table.names;
  const values = columns.map((name) => table.get(name));
  const rows = new Array<ReadRow<T, Derived>>(table.rows);
  for (let i = 0; i < table.rows; i++) {
    const row: Record<string, unknown> = {};
    columns.forEach((name, c) => {
      const value = values[c]![i];
      if (value !== ABSENT) row[name] = value;
    });
    rows[i] = row as ReadRow<T, Derived>;
  }
  return rows;
}

export function decodeSupply(text: string): readonly SupplyRow[] {
  const rows = readRows<SupplyRow, "tonnes" | "share">(text);
  // Shares come from the block's WORLD row, known once every row is read; a stored share is kept as is.
  const worlds = worldRows(rows);
  for (const row of rows) {
    if (row.tonnes === undefined) row.tonnes = tonnesOf(row.value, row.unit);
    if (row.share === undefined) row.share = derivedShare(row, worlds.get(supplyBlockKey(row)));
  }
  return frozen(rows as SupplyRow[]);
}

export function decodeDemand(text: string): readonly DemandRow[] {
  const rows = readRows<DemandRow, "tonnes">(text);
  // Demand is always in a mass unit, so the recomputed tonnes are a number.
  for (const row of rows) if (row.tonnes === undefined) row.tonnes = tonnesOf(row.value, row.unit) as number;
  return frozen(rows as DemandRow[]);
}

export function decodeIndicators(text: string): readonly IndicatorRow[] {
  return frozen(readRows<IndicatorRow>(text));
}

/**
 * The bundled rows are shared by every caller and every index: frozen, so a caller that writes to
 * one (say `dataset().supply[0].share = 0`) gets an error in strict mode instead of changing later
 * answers. Lists shared by several rows are frozen once.
 */
function frozen<T extends { rules: readonly string[]; sources?: readonly string[] }>(rows: T[]): readonly T[] {
  for (const row of rows) {
    if (!Object.isFrozen(row.rules)) Object.freeze(row.rules);
    if (row.sources && !Object.isFrozen(row.sources)) Object.freeze(row.sources);
    Object.freeze(row);
  }
  return Object.freeze(rows);
}
