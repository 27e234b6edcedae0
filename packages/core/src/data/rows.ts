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
 * Rows come back with their keys in the schema's order (emit.ts checks the decoders' column lists
 * against the schemas). Equal `rules` (and `sources`) lists are one
 * frozen array shared by the rows that have them.
 */
import type { DemandRow, IndicatorRow, SupplyRow } from "../records.ts";
import { ABSENT, readColumns } from "./columns.ts";
import { scaleToTonnes, tonnesPerUnit } from "./units.ts";

const factors = /* @__PURE__ */ new Map<string, number | undefined>();

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

/** The named columns of a module's table, expanded; the names are written as one space-separated line. */
const columnsOf = (table: ReturnType<typeof readColumns>, names: string) =>
  names.split(" ").map((name) => table.get(name));

// The decoders build each row as one object literal, keys in the schema's order: rows of one shape
// that decode about twice as fast as rows assembled key by key from the column names.

export function decodeSupply(text: string): readonly SupplyRow[] {
  const table = readColumns(text);
  const [
    edition,
    mineral,
    stage,
    measure,
    country,
    year,
    kind,
    kase,
    value,
    unit,
    tonnes,
    share,
    basis,
    status,
    locator,
    rules,
  ] = columnsOf(
    table,
    "edition mineral stage measure country year kind case value unit tonnes share basis status locator rules",
  );
  const rows = new Array<{ -readonly [K in keyof SupplyRow]: SupplyRow[K] }>(table.rows);
  for (let i = 0; i < table.rows; i++) {
    const v = value![i] as number | null;
    const u = unit![i] as string;
    rows[i] = {
      edition: edition![i] as SupplyRow["edition"],
      mineral: mineral![i] as string,
      stage: stage![i] as SupplyRow["stage"],
      measure: measure![i] as SupplyRow["measure"],
      country: country![i] as string,
      year: year![i] as number,
      kind: kind![i] as SupplyRow["kind"],
      case: kase![i] as string | null,
      value: v,
      unit: u,
      tonnes: tonnes![i] !== undefined ? (tonnes![i] as number | null) : tonnesOf(v, u),
      // Derived below once every WORLD row is known; a stored share is kept as is.
      share: (share![i] as number | null | undefined) ?? null,
      basis: basis![i] as string,
      status: status![i] as SupplyRow["status"],
      locator: locator![i] as string,
      rules: rules![i] as string[],
    };
  }
  const worlds = worldRows(rows);
  for (let i = 0; i < rows.length; i++) {
    if (share![i] === undefined) rows[i]!.share = derivedShare(rows[i]!, worlds.get(supplyBlockKey(rows[i]!)));
  }
  return frozen(rows);
}

export function decodeDemand(text: string): readonly DemandRow[] {
  const table = readColumns(text);
  const [edition, tableName, mineral, use, variant, scenario, year, kind, value, unit, tonnes, basis, locator, rules] =
    columnsOf(table, "edition table mineral use variant scenario year kind value unit tonnes basis locator rules");
  const rows = new Array<DemandRow>(table.rows);
  for (let i = 0; i < table.rows; i++) {
    const v = value![i] as number;
    const u = unit![i] as string;
    rows[i] = {
      edition: edition![i] as DemandRow["edition"],
      table: tableName![i] as DemandRow["table"],
      mineral: mineral![i] as string,
      use: use![i] as string,
      variant: variant![i] as string,
      scenario: scenario![i] as DemandRow["scenario"],
      year: year![i] as number,
      kind: kind![i] as DemandRow["kind"],
      value: v,
      unit: u,
      // Demand is always in a mass unit, so the recomputed tonnes are a number.
      tonnes: tonnes![i] !== undefined ? (tonnes![i] as number) : (tonnesOf(v, u) as number),
      basis: basis![i] as string,
      locator: locator![i] as string,
      rules: rules![i] as string[],
    };
  }
  return frozen(rows);
}

export function decodeIndicators(text: string): readonly IndicatorRow[] {
  const table = readColumns(text);
  const [edition, indicator, mineral, economy, stage, year, value, unit, status, locator, sources, rules] = columnsOf(
    table,
    "edition indicator mineral economy stage year value unit status locator sources rules",
  );
  const rows = new Array<IndicatorRow>(table.rows);
  for (let i = 0; i < table.rows; i++) {
    const row = {
      edition: edition![i] as IndicatorRow["edition"],
      indicator: indicator![i] as IndicatorRow["indicator"],
      mineral: mineral![i] as string,
      economy: economy![i] as IndicatorRow["economy"],
      stage: stage![i] as IndicatorRow["stage"],
      year: year![i] as number,
      value: value![i] as number | null,
      unit: unit![i] as IndicatorRow["unit"],
      status: status![i] as IndicatorRow["status"],
      locator: locator![i] as string,
    };
    // `sources` is optional: only where the row has it.
    const rowRules = rules![i] as string[];
    rows[i] =
      sources![i] !== ABSENT
        ? { ...row, sources: sources![i] as string[], rules: rowRules }
        : { ...row, rules: rowRules };
  }
  return frozen(rows);
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
