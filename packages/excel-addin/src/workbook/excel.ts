// The Excel-facing layer of the workbook workflows: thin, batched Office.js calls around the
// plain modules of this folder. Each step queues its loads or writes and syncs once (scanning
// syncs once per batch of sheets, so progress shows and Cancel works on large workbooks); nothing
// here loops over cells with a sync.
//
// Choices Office.js imposes:
// - The edition pin is a workbook setting (`context.workbook.settings`, ExcelApi 1.4): it is saved
//   in the file, so it travels with the workbook.
// - Freeze for sharing copies each sheet (`worksheet.copy()`, ExcelApi 1.10) and writes into the
//   copy only its CRITMIN cells' and their spills' values and formats (cards as entities with
//   ExcelApi 1.16); a Sources sheet lists the editions. Office.js cannot write into another
//   workbook, so the frozen sheets are added to this one, named "Frozen – …"; the person moves them
//   to a new workbook (right-click the tabs → Move or Copy → (new book)) and shares that.
//   The original sheets are not touched.
import { dataTypesSupported } from "../adapter/dataTypes.ts";
import { boxAddress, findCritminFormulas, NAMESPACES, topLeft, type FormulaCell } from "./formulas.ts";
import { editionsCited, uniqueSheetName } from "./freeze.ts";
import { queueFrozen, readSpills } from "./freezePlan.ts";
import { tableValues, type TableBlock } from "./insertTable.ts";
import {
  OWNED_SETTING,
  parseOwned,
  ReplaceNeeded,
  serialiseOwned,
  sheetTarget,
  type OnExisting,
  type SheetRef,
  type SheetTarget,
} from "./owned.ts";
import { parsePin, PIN_SETTING, serialisePin, type Pin, type PinParse } from "./pin.ts";
import { mergeSources, sourcesNotes, sourcesRows, SOURCES_HEADER, type EditionInfo } from "./sourcesSheet.ts";
import type { Evaluator } from "./evaluate.ts";
import { cellValues } from "./text.ts";
import { throwIfAborted, upgradeReport, type Progress, type UpgradeReport } from "./upgradeReport.ts";

export const SOURCES_SHEET = "Sources";
export const REPORT_SHEET = "CRITMIN upgrade report";

export interface StepOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress & { readonly stage: string }) => void;
}

export interface WriteOptions {
  /** When the add-in's own sheet of that name is there: "ask" (the default) throws {@link ReplaceNeeded} before writing. */
  readonly onExisting?: OnExisting;
}

interface SheetsRead {
  readonly sheets: Excel.WorksheetCollection;
  readonly owned: Excel.Setting;
}

/** Queues the reads {@link chooseSheet} needs: every sheet's name and id, and the add-in's record of its own. */
function queueSheetsRead(context: Excel.RequestContext): SheetsRead {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  const owned = context.workbook.settings.getItemOrNullObject(OWNED_SETTING);
  owned.load("value");
  return { sheets, owned };
}

/**
 * After the sync: where to write (a user's sheet is never the target), or {@link ReplaceNeeded} when
 * it would replace the add-in's own sheet and `onExisting` is "ask".
 */
function chooseSheet(
  read: SheetsRead,
  wanted: string,
  onExisting: OnExisting = "ask",
): SheetTarget & { readonly present: SheetRef[]; readonly owned: Set<string> } {
  const present = read.sheets.items.map((s) => ({ id: s.id, name: s.name }));
  const owned = read.owned.isNullObject === true ? new Set<string>() : parseOwned(read.owned.value);
  const target = sheetTarget(wanted, present, owned, onExisting);
  if (target.replaces && onExisting === "ask") throw new ReplaceNeeded(target.name);
  return { ...target, present, owned };
}

/** Excel.run with the pane's host: a stand-in in tests, Office's `Excel` in Excel. */
function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const excel = (globalThis as { Excel?: typeof Excel }).Excel;
  if (!excel || typeof excel.run !== "function") throw new Error("Excel is not available: open the add-in in Excel");
  return excel.run(batch);
}

/** Writes a formula into the active cell, with its unit's number format (numberFormats.ts); returns the address. One sync. */
export function insertFormula(formula: string, numberFormat?: string): Promise<string> {
  return run(async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.formulas = [[formula]];
    if (numberFormat !== undefined) cell.numberFormat = [[numberFormat]];
    cell.load("address");
    await context.sync();
    return cell.address;
  });
}

/** The workbook's pin as stored in its settings. One sync. */
export function readPin(known: readonly string[]): Promise<PinParse> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(PIN_SETTING);
    item.load("value");
    await context.sync();
    if (item.isNullObject === true) return { ok: true, pin: null } as const;
    return parsePin(item.value, known);
  });
}

/**
 * Stores (or, with null, removes) the pin and recalculates the workbook, so every CRITMIN formula
 * answers under it. The caller sets the runtime's current pin first (setCurrentPin), so the
 * recalculation already sees it. One sync.
 */
export function writePin(pin: Pin | null): Promise<void> {
  return run(async (context) => {
    const settings = context.workbook.settings;
    if (pin) settings.add(PIN_SETTING, serialisePin(pin));
    else settings.getItemOrNullObject(PIN_SETTING).delete();
    context.workbook.application.calculate("Full");
    await context.sync();
  });
}

/** Recalculates every formula (after the pin was read at start-up, say). One sync. */
export function recalculate(): Promise<void> {
  return run(async (context) => {
    context.workbook.application.calculate("Full");
    await context.sync();
  });
}

export interface ScannedSheet {
  readonly name: string;
  /** The used range's address, e.g. "Sheet1!A1:F40"; empty for an empty sheet. */
  readonly address: string;
  readonly formulas: unknown[][];
  readonly values?: unknown[][];
  /** With values: the formats, and the values as JSON where the host has data types (ExcelApi 1.16). */
  readonly numberFormat?: unknown[][];
  readonly valuesAsJson?: Excel.CellValue[][];
  readonly cells: readonly FormulaCell[];
}

const SHEETS_PER_SYNC = 8;

/**
 * Every sheet's used range (formulas, and values when asked) and its CRITMIN formulas. One sync for
 * the sheet names, then one per batch of sheets.
 */
export function scanWorkbook(
  options: StepOptions & { readonly values?: boolean; readonly namespaces?: readonly string[] } = {},
): Promise<ScannedSheet[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const names = sheets.items.map((s) => s.name);
    const scanned: ScannedSheet[] = [];
    for (let start = 0; start < names.length; start += SHEETS_PER_SYNC) {
      throwIfAborted(options.signal);
      options.onProgress?.({ stage: "Scanning sheets", done: start, total: names.length });
      const batch = names.slice(start, start + SHEETS_PER_SYNC).map((name) => {
        const range = sheets.getItem(name).getUsedRangeOrNullObject();
        if (!options.values) range.load("address,formulas");
        // eslint-disable-next-line office-addins/no-navigational-load -- valuesAsJson (ExcelApi 1.16) is a plain property
        else if (dataTypesSupported()) range.load("address,formulas,values,numberFormat,valuesAsJson");
        else range.load("address,formulas,values,numberFormat");
        return { name, range };
      });
      // Batches of SHEETS_PER_SYNC sheets, one sync each: progress and Cancel between batches on a large workbook.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const { name, range } of batch) {
        if (range.isNullObject === true) {
          scanned.push({ name, address: "", formulas: [], cells: [] });
          continue;
        }
        const cells = findCritminFormulas(
          name,
          range.formulas,
          topLeft(range.address),
          options.namespaces ?? NAMESPACES,
        );
        scanned.push({
          name,
          address: range.address,
          formulas: range.formulas,
          ...(options.values ? { values: range.values, numberFormat: range.numberFormat } : {}),
          ...(options.values && dataTypesSupported() ? { valuesAsJson: range.valuesAsJson } : {}),
          cells,
        });
      }
    }
    options.onProgress?.({ stage: "Scanning sheets", done: names.length, total: names.length });
    return scanned;
  });
}

/**
 * Writes a report sheet and activates it; returns its name. An earlier report sheet of the add-in's
 * is replaced only with `onExisting: "replace"` (else {@link ReplaceNeeded}, nothing written); a
 * user's sheet of that name is left alone and the report gets the next free name ("… (2)").
 * Syncs: one to read the sheets, one to write, one to record the new sheet as the add-in's.
 */
export function writeReportSheet(
  values: readonly (readonly unknown[])[],
  options: WriteOptions & { readonly name?: string } = {},
): Promise<string> {
  return run(async (context) => {
    const read = queueSheetsRead(context);
    await context.sync();
    const target = chooseSheet(read, options.name ?? REPORT_SHEET, options.onExisting);
    if (target.replaces) context.workbook.worksheets.getItem(target.name).delete();
    const sheet = context.workbook.worksheets.add(target.name);
    const width = values[0]?.length ?? 1;
    const range = sheet.getRange(boxAddress({ row: 0, column: 0, rows: values.length, columns: width }));
    range.values = cellValues(values);
    range.format.autofitColumns();
    sheet.activate();
    sheet.load("id");
    await context.sync();
    const kept = target.present.filter((s) => !(target.replaces && s.name === target.name));
    context.workbook.settings.add(OWNED_SETTING, serialiseOwned(target.owned, kept, sheet.id));
    await context.sync();
    return target.name;
  });
}

/**
 * Writes the Sources sheet with the given editions, or (`existing`: the add-in's own sheet's used
 * range, loaded with its values) extends it; returns the sheet. Queued, not synced.
 */
function queueSources(
  context: Excel.RequestContext,
  existing: Excel.Range | undefined,
  rows: string[][],
  notes: string[][],
  name: string,
): Excel.Worksheet {
  const filled = existing !== undefined && existing.isNullObject !== true;
  const merged = mergeSources(filled ? (existing.values as unknown[][]) : undefined, rows);
  const sheet = existing ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.add(name);
  if (filled) existing.clear("Contents");
  const all = [...merged, SOURCES_HEADER.map(() => ""), ...notes];
  const range = sheet.getRange(boxAddress({ row: 0, column: 0, rows: all.length, columns: SOURCES_HEADER.length }));
  range.values = cellValues(all);
  sheet.getRange(boxAddress({ row: 0, column: 0, rows: 1, columns: SOURCES_HEADER.length })).format.font.bold = true;
  range.format.autofitColumns();
  return sheet;
}

export interface InsertedTable {
  readonly sheet: string;
  readonly address: string;
  /** The sheet listing the table's editions: "Sources", or "Sources (2)" when a user's sheet has that name. */
  readonly sources: string;
}

const ROWS_PER_SYNC = 5_000;

/**
 * Writes a table block at the active cell as an Excel table, and its editions to the add-in's
 * Sources sheet: extended only with `onExisting: "replace"` (else {@link ReplaceNeeded} before
 * anything is written), never a user's sheet of that name (then "Sources (2)"). Large blocks are
 * written in slices of rows, one sync each, so progress shows and Cancel works (a cancelled insert
 * leaves the rows written so far, and no table object). Syncs: one to read the active cell and the
 * sheets, one per slice, one for the table and sources, one to record a new Sources sheet.
 */
export function writeTable(
  block: TableBlock,
  editions: readonly EditionInfo[],
  info: { readonly datasetVersion: string; readonly pin?: string; readonly when?: string },
  options: StepOptions & WriteOptions = {},
): Promise<InsertedTable> {
  return run(async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.load("address,rowIndex,columnIndex");
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const read = queueSheetsRead(context);
    await context.sync();
    const target = chooseSheet(read, SOURCES_SHEET, options.onExisting);
    const existing = target.replaces
      ? context.workbook.worksheets.getItem(target.name).getUsedRangeOrNullObject()
      : undefined;
    existing?.load("values");
    const values = cellValues(tableValues(block));
    const width = block.header.length;
    for (let start = 0; start < values.length; start += ROWS_PER_SYNC) {
      throwIfAborted(options.signal);
      options.onProgress?.({ stage: "Writing rows", done: start, total: values.length });
      const slice = values.slice(start, start + ROWS_PER_SYNC);
      sheet.getRange(
        boxAddress({ row: cell.rowIndex + start, column: cell.columnIndex, rows: slice.length, columns: width }),
      ).values = slice;
      // Batches of ROWS_PER_SYNC rows, one sync each: progress and Cancel between batches on a large table.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    const address = boxAddress({ row: cell.rowIndex, column: cell.columnIndex, rows: values.length, columns: width });
    const table = sheet.tables.add(`${sheet.name}!${address}`, true);
    table.name = block.name;
    block.numberFormats.forEach((format, i) => {
      if (format !== "General") table.columns.getItemAt(i).getDataBodyRange().numberFormat = [[format]];
    });
    const sources = queueSources(
      context,
      existing,
      sourcesRows(block.editions, editions),
      sourcesNotes({ ...info, note: `Table ${block.name}: ${block.title}` }),
      target.name,
    );
    if (!target.replaces) sources.load("id");
    await context.sync();
    if (!target.replaces) {
      context.workbook.settings.add(OWNED_SETTING, serialiseOwned(target.owned, target.present, sources.id));
      await context.sync();
    }
    options.onProgress?.({ stage: "Writing rows", done: values.length, total: values.length });
    return { sheet: sheet.name, address, sources: target.name };
  });
}

export interface FreezeResult {
  readonly sheets: readonly { readonly from: string; readonly to: string; readonly frozen: number }[];
  readonly sources: string;
  readonly editions: readonly string[];
}

/**
 * Freeze for sharing: copies every sheet (the copies named "Frozen – <name>"), replaces the CRITMIN
 * formulas in the copies by their values, and writes a "Frozen – Sources" sheet listing the
 * editions cited. The original sheets are not changed. Syncs: the scan's, one for where every
 * CRITMIN result spills (where the host can say and the workbook has any), then one for all copies.
 */
export function freezeForSharing(
  pin: Pin | null,
  editions: readonly EditionInfo[],
  info: { readonly datasetVersion: string; readonly when?: string },
  options: StepOptions & { readonly namespaces?: readonly string[] } = {},
): Promise<FreezeResult> {
  return scanWorkbook({ ...options, values: true }).then((scanned) => {
    throwIfAborted(options.signal);
    return run(async (context) => {
      const taken = scanned.map((s) => s.name);
      const sheets: { from: string; to: string; frozen: number }[] = [];
      const formulas: string[] = [];
      const spills = await readSpills(context, scanned, options.namespaces ?? NAMESPACES, options.signal);
      for (const [i, s] of scanned.entries()) {
        const to = uniqueSheetName(`Frozen – ${s.name}`, taken);
        taken.push(to);
        const copy = context.workbook.worksheets.getItem(s.name).copy("End");
        copy.name = to;
        const read = { ...s, ...(spills[i] ? { spills: spills[i] } : {}) };
        const frozen = s.address && s.cells.length > 0 ? queueFrozen(copy, read, options.namespaces ?? NAMESPACES) : [];
        formulas.push(...frozen);
        sheets.push({ from: s.name, to, frozen: frozen.length });
      }
      const cited = editionsCited(
        formulas,
        pin,
        editions.map((e) => e.id),
      );
      const sourcesName = uniqueSheetName(`Frozen – ${SOURCES_SHEET}`, taken);
      queueSources(
        context,
        undefined,
        sourcesRows(cited.editions, editions),
        sourcesNotes({
          ...info,
          ...(pin ? { pin: pin.editions.join(", ") } : {}),
          note: cited.note ?? `${formulas.length} CRITMIN formulas replaced by their values`,
        }),
        sourcesName,
      );
      await context.sync();
      return { sheets, sources: sourcesName, editions: cited.editions };
    });
  });
}

/**
 * The upgrade report, read-only: scans the workbook and evaluates every CRITMIN formula under the
 * current and the proposed pin. Nothing is written; writeReportSheet and writePin do that once the
 * person confirms.
 */
export async function prepareUpgradeReport(
  evaluators: { readonly before: Evaluator; readonly after: Evaluator },
  options: StepOptions & { readonly namespaces?: readonly string[] } = {},
): Promise<UpgradeReport> {
  const scanned = await scanWorkbook(options);
  const cells = scanned.flatMap((s) => s.cells);
  return upgradeReport(cells, evaluators.before, evaluators.after, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p) => options.onProgress?.({ stage: "Evaluating formulas", ...p }),
  });
}
