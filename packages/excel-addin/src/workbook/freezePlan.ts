// What Freeze for sharing writes into a sheet's copy. `worksheet.copy()` already holds everything
// the person made: linked data types (Stocks, Geography, other add-ins' entities), array formulas,
// rich values, their own formulas and constants. Writing a cell back from what the scan read would
// flatten those to their display text, so only the cells the add-in made are written: each CRITMIN
// formula cell, and the cells its result spills into (the spill would vanish once its anchor holds
// a constant).
import { traitsOf } from "../functions/traits.ts";
import {
  type Box,
  boxAddress,
  boxOf,
  cellAddress,
  type FormulaCell,
  isCritminFormula,
  NAMESPACES,
  parseCall,
  topLeft,
} from "./formulas.ts";
import { freezeFormats, freezeGrid } from "./freeze.ts";
import { cellValue } from "./text.ts";
import { throwIfAborted } from "./upgradeReport.ts";

/** A sheet's used range as the scan read it (excel.ts ScannedSheet), with where CRITMIN results spill. */
export interface ReadRange {
  readonly address: string;
  readonly formulas: readonly (readonly unknown[])[];
  readonly values?: readonly (readonly unknown[])[];
  readonly numberFormat?: readonly (readonly unknown[])[];
  readonly valuesAsJson?: readonly (readonly unknown[])[];
  /**
   * Each CRITMIN formula cell's spill range as Excel reports it (`getSpillingToRangeOrNullObject`,
   * ExcelApi 1.12), by the anchor's address in the sheet ("C3" → "Data!C3:E9"); an anchor left out
   * does not spill. Left out altogether where the host has no such API: the block is then guessed.
   */
  readonly spills?: ReadonlyMap<string, string>;
}

/** One rectangle to write in the copy, at its address in the sheet. */
export interface FreezeBlock {
  readonly address: string;
  /** What to write with `range.formulas`: the values of the add-in's cells. */
  readonly formulas: unknown[][];
  /** What to write with `range.numberFormat`; `undefined` when no cell of the block changes format. */
  readonly numberFormat: string[][] | undefined;
}

export interface FreezePlan {
  readonly blocks: readonly FreezeBlock[];
  /** Cards to write back as entity values, by address in the sheet. */
  readonly entities: readonly { readonly address: string; readonly value: Excel.CellValue }[];
  /** The CRITMIN formulas that become values (for the editions they cite). */
  readonly formulas: readonly string[];
}

const isFormula = (v: unknown): boolean => typeof v === "string" && v.startsWith("=");

/** valuesAsJson types a function's spilled result can hold that carry nothing but a value (and a format). */
const PLAIN = new Set(["String", "Double", "Boolean", "Empty", "Error", "FormattedNumber"]);
const plain = (json: unknown): boolean => json === undefined || PLAIN.has((json as { type?: unknown }).type as string);

/**
 * False for a formula that can only ever fill its own cell: a call of a one-value function with
 * literal arguments (`=CRITMIN.CHINA_SHARE("cobalt")`). A range or array argument, a card, a
 * table or a formula that does more may spill.
 */
export function maySpill(formula: string, namespaces: readonly string[] = NAMESPACES): boolean {
  const call = parseCall(formula, namespaces);
  return !(call.ok && traitsOf(call.id)?.kind === "value");
}

/**
 * Where the host cannot say where a result spills (no ExcelApi 1.12), the block is guessed from
 * the used range's values as before this planner, but only over the cells the anchor's values can
 * cover. A call of a one-value function with literal arguments (`=CRITMIN.CHINA_SHARE("cobalt")`)
 * covers its own cell only. Otherwise the run of non-empty constants right of the anchor gives the
 * width, the longest run below a cell of that row the height (a table's blank cell, such as the rank
 * of its rest-of-world row, does not end it); formula cells in that rectangle are left out (a spill
 * never holds one), and a person's constant there is written back as the value it read. Hosts without
 * 1.12 have no data types (ExcelApi 1.16), so no linked entity can be among those constants; where
 * the values were read as JSON all the same, a cell holding more than a plain value ends the run.
 */
export function guessedSpill(
  read: Pick<ReadRange, "formulas" | "valuesAsJson">,
  r: number,
  c: number,
  namespaces: readonly string[] = NAMESPACES,
): Box {
  if (!maySpill(String(read.formulas[r]?.[c]), namespaces)) return { row: r, column: c, rows: 1, columns: 1 };
  const spillable = (row: number, column: number) => {
    const f = read.formulas[row]?.[column];
    return f !== undefined && f !== null && f !== "" && !isFormula(f) && plain(read.valuesAsJson?.[row]?.[column]);
  };
  let columns = 1;
  while (spillable(r, c + columns)) columns++;
  let rows = 1;
  for (let j = c; j < c + columns; j++) {
    let below = 1;
    while (spillable(r + below, j)) below++;
    rows = Math.max(rows, below);
  }
  return { row: r, column: c, rows, columns };
}

/**
 * The marked cells of a grid as rectangles: runs of marked cells in each row, a run merged with the
 * one below it when both span the same columns. Every marked cell is in exactly one rectangle.
 */
export function rectangles(marked: readonly (readonly boolean[])[]): Box[] {
  const open = new Map<string, { row: number; column: number; rows: number; columns: number }>();
  const done: Box[] = [];
  marked.forEach((cells, row) => {
    const runs: [number, number][] = [];
    for (let c = 0; c < cells.length; c++) {
      if (!cells[c]) continue;
      const start = c;
      while (cells[c + 1]) c++;
      runs.push([start, c - start + 1]);
    }
    const next = new Map<string, { row: number; column: number; rows: number; columns: number }>();
    for (const [column, columns] of runs) {
      const key = `${column}:${columns}`;
      const above = open.get(key);
      if (above && above.row + above.rows === row) {
        above.rows++;
        next.set(key, above);
        open.delete(key);
      } else next.set(key, { row, column, rows: 1, columns });
    }
    done.push(...open.values());
    open.clear();
    for (const [key, box] of next) open.set(key, box);
  });
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.column - b.column);
}

const isEntity = (v: unknown): v is Excel.EntityCellValue =>
  typeof v === "object" && v !== null && (v as { type?: unknown }).type === "Entity";

/**
 * What to write into the copy of the sheet `read` was read from: each CRITMIN formula cell takes
 * its value, each cell of its spill block the value it showed; nothing else in the copy is written.
 * Number formats (freezeFormats: the person's own stays) and cards go only to those cells too.
 */
export function planFreeze(read: ReadRange, namespaces: readonly string[] = NAMESPACES): FreezePlan {
  const values = read.values ?? [];
  const origin = topLeft(read.address);
  const anchors = freezeGrid(read.formulas, values, namespaces);
  const kept = freezeFormats(read.formulas, values, read.numberFormat ?? [], read.valuesAsJson, namespaces);
  const critmin = read.formulas.map((row) => row.map((f) => isCritminFormula(f, namespaces)));
  const spilled = read.formulas.map((row) => row.map(() => false));
  critmin.forEach((row, r) =>
    row.forEach((isAnchor, c) => {
      if (!isAnchor) return;
      const block = spillOf(read, r, c, origin, namespaces);
      for (let i = block.row; i < block.row + block.rows; i++)
        for (let j = block.column; j < block.column + block.columns; j++)
          if (spilled[i]?.[j] === false && !critmin[i]![j] && spillCell(read, i, j)) spilled[i]![j] = true;
    }),
  );
  const marked = critmin.map((row, r) => row.map((isAnchor, c) => isAnchor || spilled[r]![c]!));
  const valueAt = (r: number, c: number) =>
    critmin[r]![c] ? anchors.grid[r]![c] : cellValue(values[r]?.[c] ?? read.formulas[r]![c]);
  const blocks = rectangles(marked).map((box): FreezeBlock => {
    const rows = Array.from({ length: box.rows }, (_, i) => box.row + i);
    const columns = Array.from({ length: box.columns }, (_, j) => box.column + j);
    const formats = kept.numberFormat && rows.map((r) => columns.map((c) => kept.numberFormat![r]![c]!));
    const changed = rows.some((r) => columns.some((c) => formats?.[r - box.row]![c - box.column] !== own(read, r, c)));
    return {
      address: boxAddress({ ...box, row: origin.row + box.row, column: origin.column + box.column }),
      formulas: rows.map((r) => columns.map((c) => valueAt(r, c))),
      numberFormat: formats && changed ? formats : undefined,
    };
  });
  // A card spilled by a CRITMIN formula (a range of minerals, say) was made by the add-in too.
  const spilledCards = spilled.flatMap((row, r) =>
    row.flatMap((isSpilled, c) => {
      const json = read.valuesAsJson?.[r]?.[c];
      return isSpilled && isEntity(json) ? [{ row: r, column: c, value: json }] : [];
    }),
  );
  const entities = [...kept.entities, ...spilledCards].map((e) => ({
    address: cellAddress(origin.row + e.row, origin.column + e.column),
    value: e.value,
  }));
  return { blocks, entities, formulas: anchors.formulas };
}

/** A reported spill holds only the function's values; a guessed one, only a constant with a plain value. */
function spillCell(read: ReadRange, r: number, c: number): boolean {
  return !isFormula(read.formulas[r]![c]) && (read.spills !== undefined || plain(read.valuesAsJson?.[r]?.[c]));
}

function own(read: ReadRange, r: number, c: number): string {
  const format = read.numberFormat?.[r]?.[c];
  return typeof format === "string" ? format : "General";
}

/** The anchor's spill block, 0-based in the used range (the anchor alone when it does not spill). */
function spillOf(
  read: ReadRange,
  r: number,
  c: number,
  origin: { row: number; column: number },
  namespaces: readonly string[],
): Box {
  if (!read.spills) return guessedSpill(read, r, c, namespaces);
  const reported = read.spills.get(cellAddress(origin.row + r, origin.column + c));
  if (!reported) return { row: r, column: c, rows: 1, columns: 1 };
  const box = boxOf(reported);
  return { ...box, row: box.row - origin.row, column: box.column - origin.column };
}

/**
 * Queues the writes that freeze `copy` (a copy of the sheet `read` was read from): per block its
 * values, then its number formats; then the cards. Returns the CRITMIN formulas that became values.
 */
export function queueFrozen(copy: Excel.Worksheet, read: ReadRange, namespaces: readonly string[]): readonly string[] {
  const plan = planFreeze(read, namespaces);
  for (const block of plan.blocks) {
    const range = copy.getRange(block.address);
    range.formulas = block.formulas;
    if (block.numberFormat) range.numberFormat = block.numberFormat;
  }
  for (const e of plan.entities) copy.getRange(e.address).valuesAsJson = [[e.value]];
  return plan.formulas;
}

let spillApi: boolean | undefined;

/** Tests force whether the host has `getSpillingToRangeOrNullObject` (ExcelApi 1.12); `undefined` asks Office. */
export function forceSpillApi(supported: boolean | undefined): void {
  spillApi = supported;
}

function spillApiSupported(): boolean {
  if (spillApi !== undefined) return spillApi;
  try {
    const requirements = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
    return requirements?.isSetSupported("ExcelApi", "1.12") === true;
  } catch {
    return false;
  }
}

const ANCHORS_PER_SYNC = 5_000;

/**
 * Where each CRITMIN formula's result spills, by sheet (anchor address → spill range address). The
 * anchors of every sheet are queued together, one sync per {@link ANCHORS_PER_SYNC} (so a huge
 * workbook's request stays within Office's size limits); usually one sync in all. It cannot share
 * the scan's syncs, since the anchors are known only once the used ranges are read. A formula that
 * cannot spill ({@link maySpill}) is not asked about. `undefined` for every sheet where the host has
 * no ExcelApi 1.12: planFreeze then guesses the blocks from the values.
 */
export async function readSpills(
  context: Excel.RequestContext,
  scanned: readonly { readonly name: string; readonly cells: readonly Pick<FormulaCell, "address" | "formula">[] }[],
  namespaces: readonly string[] = NAMESPACES,
  signal?: AbortSignal,
): Promise<(ReadonlyMap<string, string> | undefined)[]> {
  if (!spillApiSupported()) return scanned.map(() => undefined);
  const found = scanned.map(() => new Map<string, string>());
  const anchors = scanned.flatMap((s, i) =>
    s.cells.filter((cell) => maySpill(cell.formula, namespaces)).map((cell) => ({ i, name: s.name, cell })),
  );
  for (let start = 0; start < anchors.length; start += ANCHORS_PER_SYNC) {
    throwIfAborted(signal);
    const queued = anchors.slice(start, start + ANCHORS_PER_SYNC).map((a) => {
      const sheet = context.workbook.worksheets.getItem(a.name);
      const spill = sheet.getRange(a.cell.address).getSpillingToRangeOrNullObject();
      spill.load("address");
      return { ...a, spill };
    });
    // One sync per ANCHORS_PER_SYNC anchors, never per cell.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { i, cell, spill } of queued)
      if (spill.isNullObject !== true) found[i]!.set(cell.address, spill.address);
  }
  return found;
}
