// What the adapter tests share: calling a CRITMIN function as Excel does and checking what Excel
// would get back, parity with @critmin/core, and one known-good call per exported function.
import * as core from "@critmin/core";
import { expect } from "vitest";
import * as functions from "../src/functions/functions.ts";
import { ErrorCode, isExcelError, StubError } from "./stub-runtime.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel passes anything: the tests call the functions with whatever Excel (or worse) might send.
export type Fn = (...args: any[]) => unknown;
export type Grid = unknown[][];

export const MAX_MESSAGE = 255;

/** What Excel would get back: the call must not throw, must not be a promise, and must be a rectangular grid of values. */
export function call(fn: Fn, ...args: unknown[]): Grid {
  let out: unknown;
  try {
    out = fn(...args);
  } catch (error) {
    throw new Error(`${fn.name}(${args.map(show).join(", ")}) threw ${String(error)}: Excel would show a bare #VALUE!`);
  }
  expectGrid(out, `${fn.name}(${args.map(show).join(", ")})`);
  return out;
}

export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (value instanceof StubError) return `Error(${value.code})`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function expectGrid(out: unknown, where: string): asserts out is Grid {
  expect(out, `${where}: a promise would show #BUSY!`).not.toBeInstanceOf(Promise);
  expect(typeof (out as { then?: unknown } | null)?.then, `${where}: thenable`).not.toBe("function");
  expect(Array.isArray(out), `${where}: not a 2-D array`).toBe(true);
  const rows = out as unknown[];
  expect(rows.length, `${where}: no rows`).toBeGreaterThan(0);
  const width = (rows[0] as unknown[]).length;
  expect(width, `${where}: empty first row`).toBeGreaterThan(0);
  rows.forEach((row, r) => {
    expect(Array.isArray(row), `${where}: row ${r} is not an array`).toBe(true);
    expect((row as unknown[]).length, `${where}: row ${r} width (not rectangular)`).toBe(width);
    (row as unknown[]).forEach((cell, c) => expectCell(cell, `${where}[${r}][${c}]`));
  });
}

/** A value Excel shows as itself: finite number, text, boolean, or a runtime error with a message where Excel shows one. */
export function expectCell(cell: unknown, where: string): void {
  if (isExcelError(cell)) {
    if (cell.code === ErrorCode.invalidValue || cell.code === ErrorCode.notAvailable) {
      expect(cell.message.length, `${where}: ${cell.code} without a message`).toBeGreaterThan(0);
      expect(cell.message.length, `${where}: message longer than Excel shows`).toBeLessThanOrEqual(MAX_MESSAGE);
    }
    return;
  }
  expect(cell === null || cell === undefined, `${where}: null/undefined shows as 0 in Excel`).toBe(false);
  if (typeof cell === "number") expect(Number.isFinite(cell), `${where}: ${cell} is not a finite number`).toBe(true);
  else expect(["string", "boolean"], `${where}: ${show(cell)} is not an Excel value`).toContain(typeof cell);
}

export function expectError(cell: unknown, code: string, ...parts: (string | RegExp)[]): StubError {
  expect(isExcelError(cell), `expected ${code}, got ${show(cell)}`).toBe(true);
  const error = cell as StubError;
  expect(error.code).toBe(code);
  for (const part of parts) {
    if (typeof part === "string") expect(error.message).toContain(part);
    else expect(error.message).toMatch(part);
  }
  return error;
}

/** The first cell of what a call returned is #VALUE! with a message containing each of `parts`. */
export function expectValueError(out: Grid, ...parts: (string | RegExp)[]): StubError {
  return expectError(out[0]![0], ErrorCode.invalidValue, ...parts);
}

export const truncated = (message: string) =>
  message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 3)}...` : message;

/**
 * The adapter's answer for one cell against the core's: the same number or text, #N/A (with a
 * message naming the function) where the core has no figure, #VALUE! with the core's own message
 * where the core throws.
 */
export function expectParity(cell: unknown, fnName: string, expected: () => unknown, where = ""): void {
  let want: unknown;
  try {
    want = expected();
  } catch (error) {
    expectError(cell, ErrorCode.invalidValue);
    expect((cell as StubError).message, where).toBe(truncated((error as Error).message));
    return;
  }
  if (want === undefined || (typeof want === "number" && !Number.isFinite(want))) {
    expectError(cell, ErrorCode.notAvailable, `${fnName}:`);
    return;
  }
  expect(cell, where).toBe(want);
}

export const column = (values: readonly unknown[]) => values.map((v) => [v]);
export const MINERAL_IDS = core.minerals().map((m) => m.id);
export const STAGES = [null, ...core.STAGES] as const;
export const stageOpt = (stage: (typeof STAGES)[number]) => (stage === null ? undefined : stage);

// ---------------------------------------------------------------------------------------------
// One known-good call per exported function. A new export must be added here, so that it is
// covered by the hostile-argument sweep below.
export const VALID: Record<string, unknown[]> = {
  chinaShare: [[["cobalt"]]],
  share: [[["lithium"]], "AUS"],
  production: [[["copper"]], "World"],
  topProducers: ["nickel"],
  hhi: [[["cobalt"]]],
  concentrationRatio: [[["cobalt"]], 3],
  effectiveSuppliers: [[["cobalt"]]],
  groupShare: [[["cobalt"]], "G7"],
  shareChange: [[["cobalt"]], "CHN", 2023, 2030],
  supplyAtRisk: [[["cobalt"]], "CHN", 0.5],
  coverageWithout: [[["cobalt"]]],
  diversificationGap: [[["cobalt"]]],
  crmaCheck: [[["lithium"]], "refining"],
  demand: [[["cobalt"]]],
  techExposure: [[["EV"]]],
  techExposureTable: ["EV"],
  supplyRisk: [[["cobalt"]]],
  economicImportance: [[["cobalt"]]],
  importReliance: [[["cobalt"]], "USA"],
  reserves: [[["cobalt"]], "World"],
  series: ["lithium", "China"],
  source: [[["cobalt"]]],
  explain: ["CHINA_SHARE", "cobalt"],
  minerals: [],
  countries: [],
  groups: [],
  editions: [],
  dataVersion: [],
  // policy (issue 15)
  isCritical: [[["gallium"]], "eu-crma-2024-strategic"],
  criticalLists: ["copper"],
  exportControls: ["graphite", "2025-11-08"],
  underExportControl: [[["gallium"]], "2024-01-01"],
  // governance (issue 15)
  governance: [[["China"]], "political-stability", 2022],
  weightedHhi: [[["cobalt"]], "refining"],
  // cards (issue 17)
  mineral: ["cobalt"],
  country: ["Chile"],
};

export const EXPORTS = Object.entries(functions as unknown as Record<string, unknown>).filter(
  (e): e is [string, Fn] => typeof e[1] === "function",
);
