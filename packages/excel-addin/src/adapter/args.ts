// Excel hands custom functions: null for an omitted optional argument, 0 (desktop) or null (web)
// for an empty cell, numbers where text is expected, dates as serial numbers, and 2-D arrays for
// ranges. These turn such values into what the core expects, or say which argument is wrong.
import type { EditionId, Scenario, Stage } from "@critmin/core";
import { ArgumentError } from "./errors.ts";

export type Cell = string | number | boolean | null | undefined | CustomFunctions.Error;

function isErrorValue(value: unknown): boolean {
  return typeof value === "object" && value !== null && "code" in value;
}

/** A value as an error message quotes it; never throws (String() does on a null-prototype object). */
export function describe(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 60 ? `${value.slice(0, 59)}…` : value}"`;
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined)
    return String(value);
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function check(fn: string, name: string, value: unknown): void {
  if (isErrorValue(value)) throw new ArgumentError(`${fn}: ${name} is an error value`);
  if (Array.isArray(value)) throw new ArgumentError(`${fn}: ${name} must be a single cell, not a range`);
}

/** An empty cell or omitted argument: null, undefined, "" or (Excel desktop's empty cell) 0. */
export function isBlank(value: unknown, zeroIsBlank = true): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "") ||
    (zeroIsBlank && value === 0)
  );
}

/** A required name (mineral, country, group): text, or a number written as text. */
export function text(fn: string, name: string, value: unknown): string {
  check(fn, name, value);
  if (isBlank(value, false)) throw new ArgumentError(`${fn}: ${name} is required`);
  // Excel desktop passes an empty cell as 0; no name or code is 0, so say so rather than letting
  // the core suggest a "nearest" name for "0".
  if (value === 0) throw new ArgumentError(`${fn}: ${name} is required, got 0 (an empty cell?)`);
  if (typeof value === "boolean")
    throw new ArgumentError(`${fn}: ${name} must be text, got ${value ? "TRUE" : "FALSE"}`);
  // A cell holds text or a number; anything else (an entity, an object, a symbol) is not a name.
  if (typeof value !== "string" && typeof value !== "number")
    throw new ArgumentError(`${fn}: ${name} must be text, got ${describe(value)}`);
  return String(value).trim();
}

export function optionalText(fn: string, name: string, value: unknown): string | undefined {
  check(fn, name, value);
  return isBlank(value) ? undefined : text(fn, name, value);
}

/** Excel serial day 1 is 1900-01-01; serial 60 is the phantom 1900-02-29, hence the 1899-12-30 epoch. */
function serialToYear(serial: number): number {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).getUTCFullYear();
}

/** A year: a number, text like "2030", or a date (its serial number) whose year is taken. */
export function optionalYear(fn: string, name: string, value: unknown): number | undefined {
  check(fn, name, value);
  if (isBlank(value)) return undefined;
  const n = typeof value === "string" ? Number(value.trim()) : value;
  if (typeof n !== "number" || !Number.isFinite(n))
    throw new ArgumentError(`${fn}: ${name} must be a year like 2030, got ${describe(value)}`);
  // Years this dataset could hold are far below the serial numbers of dates since 1908.
  return n > 3000 ? serialToYear(n) : n;
}

export function requiredYear(fn: string, name: string, value: unknown): number {
  const year = optionalYear(fn, name, value);
  if (year === undefined) throw new ArgumentError(`${fn}: ${name} is required`);
  return year;
}

/** "0.3", " 30% " → 0.3; NaN for text that is not a number ("%", "30 %%", "abc"), never 0. */
function numberText(value: string): number {
  const trimmed = value.trim();
  const percent = trimmed.endsWith("%");
  const digits = (percent ? trimmed.slice(0, -1) : trimmed).trim();
  // Number("") is 0: a lone "%" would otherwise be a cut of 0.
  if (digits === "") return Number.NaN;
  return Number(digits) / (percent ? 100 : 1);
}

/** A number where 0 is a real value (a cut, a target): only null, undefined and "" are blank. */
export function optionalNumber(fn: string, name: string, value: unknown): number | undefined {
  check(fn, name, value);
  if (isBlank(value, false)) return undefined;
  const n = typeof value === "string" ? numberText(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n))
    throw new ArgumentError(`${fn}: ${name} must be a number, got ${describe(value)}`);
  return n;
}

export function requiredNumber(fn: string, name: string, value: unknown): number {
  const n = optionalNumber(fn, name, value);
  if (n === undefined) throw new ArgumentError(`${fn}: ${name} is required`);
  return n;
}

/** `[scenario]` as an IEA scenario; throws on a bad argument. */
export function scenarioArg(fn: string, scenario: unknown): Scenario | undefined {
  return optionalText(fn, "scenario", scenario) as Scenario | undefined;
}

/** `[stage]` as a stage; throws on a bad argument. */
export function stageArg(fn: string, stage: unknown): Stage | undefined {
  return optionalText(fn, "stage", stage) as Stage | undefined;
}

/** `[source]` as an edition id; throws on a bad argument. */
export function editionArg(fn: string, source: unknown): EditionId | undefined {
  return optionalText(fn, "source", source) as EditionId | undefined;
}

/**
 * `[as_of]` as the core takes a date: a date serial (what a date cell holds) as its day `YYYY-MM-DD`,
 * text as typed (the core checks it, naming `asOf`), blank as omitted (today).
 */
export function optionalDate(fn: string, name: string, value: unknown): string | undefined {
  check(fn, name, value);
  if (isBlank(value)) return undefined;
  if (typeof value === "string") return value.trim();
  // Serial 1 is 1900-01-01; the last day Excel shows is 9999-12-31 (serial 2,958,465).
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 2_958_465)
    throw new ArgumentError(`${fn}: ${name} must be a date or YYYY-MM-DD text, got ${describe(value)}`);
  return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
}
