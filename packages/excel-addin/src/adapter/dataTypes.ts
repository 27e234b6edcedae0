// Excel data types (issue 17): whether the host takes them, and a value function's number as a
// formatted number value. One switch, read once at run time, so every function answers in the
// same mode and tests can run the whole add-in in either.
import type { AnswerUnit } from "@critmin/core";
import { cellUnit, numberFormatFor } from "../workbook/numberFormats.ts";

/** ExcelApi 1.16 brought formatted number and entity values to custom functions. */
export const DATA_TYPES_API = { set: "ExcelApi", version: "1.16" } as const;

let forced: boolean | undefined;
let probed: boolean | undefined;

/** Whether the host renders data types; asked of Office once, when Office has a context to ask. */
export function dataTypesSupported(): boolean {
  if (forced !== undefined) return forced;
  if (probed !== undefined) return probed;
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  // No context yet (the runtime is still loading): plain values now, ask again on the next call.
  if (!requirements) return false;
  try {
    probed = requirements.isSetSupported(DATA_TYPES_API.set, DATA_TYPES_API.version) === true;
  } catch {
    probed = false;
  }
  return probed;
}

/** Tests (and the browser harness) force a mode; `undefined` goes back to asking the host. */
export function forceDataTypes(supported: boolean | undefined): void {
  forced = supported;
  probed = undefined;
}

// What each value function's answer is measured in: core's Answer unit for the same call (the
// test in dataTypes.test.ts holds each equal to explain's), so the format comes from one table.
const ANSWER_UNITS: Readonly<Record<string, AnswerUnit>> = Object.freeze({
  CHINA_SHARE: "fraction",
  SHARE: "fraction",
  PRODUCTION: "t",
  HHI: "index",
  CONCENTRATION_RATIO: "fraction",
  EFFECTIVE_SUPPLIERS: "count",
  GROUP_SHARE: "fraction",
  SHARE_CHANGE: "fraction-difference",
  SUPPLY_AT_RISK: "fraction",
  COVERAGE_WITHOUT: "ratio",
  DIVERSIFICATION_GAP: "t",
  CRMA_CHECK: "record",
  DEMAND: "t",
  TECH_EXPOSURE: "record",
  SUPPLY_RISK: "index",
  ECONOMIC_IMPORTANCE: "index",
  IMPORT_RELIANCE: "fraction",
  RESERVES: "t",
  IS_CRITICAL: "boolean",
  UNDER_EXPORT_CONTROL: "boolean",
  GOVERNANCE: "index",
  WEIGHTED_HHI: "index",
});

/** The answer unit each value function's cell holds (for the test against explain). */
export function answerUnitOf(excelId: string): AnswerUnit | undefined {
  return Object.prototype.hasOwnProperty.call(ANSWER_UNITS, excelId) ? ANSWER_UNITS[excelId] : undefined;
}

/** The number format a function's numbers get; `undefined` for plain ("General") and non-numbers. */
export function cellFormat(excelId: string): string | undefined {
  const format = numberFormatFor(cellUnit(excelId, answerUnitOf(excelId)));
  return format === "General" ? undefined : format;
}

/** A number with its format as Excel's formatted number value, frozen like everything we return. */
export function formattedNumber(basicValue: number, numberFormat: string): Excel.FormattedNumberCellValue {
  return Object.freeze({ type: "FormattedNumber" as const, basicValue, numberFormat });
}

/**
 * One cell of a value function: where the host takes data types and the unit has a format, a
 * number becomes a formatted number value (errors, text, booleans and indices stay as they are);
 * elsewhere the value is exactly what it was.
 */
export function formatCell<T>(excelId: string, cell: T): T | Excel.FormattedNumberCellValue {
  if (typeof cell !== "number" || !dataTypesSupported()) return cell;
  const format = cellFormat(excelId);
  return format === undefined ? cell : formattedNumber(cell, format);
}

/** The functions that return data types: entity cards (EXPLAIN's answer too), and value functions whose numbers carry a format. */
const CARD_FUNCTIONS: readonly string[] = ["MINERAL", "COUNTRY", "EXPLAIN"];

/** Whether functions.json must let `excelId` return data types (the build post-processes it). */
export function returnsDataTypes(excelId: string): boolean {
  return CARD_FUNCTIONS.includes(excelId) || cellFormat(excelId) !== undefined;
}
