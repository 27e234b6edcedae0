// What the workflow tests share: the add-in's functions as Excel registers them (id → wrapper,
// with each parameter's shape from functions.json), for evaluating formulas in Node the way the
// task pane does in the browser; and the editions and two pins they use.
import * as core from "@critmin/core";
import { afterAll, beforeAll } from "vitest";
import { generateMetadata } from "../../scripts/build.ts";
import * as functions from "../../src/functions/functions.ts";
import type { FunctionInfo, FunctionLookup } from "../../src/workbook/evaluate.ts";
import { makePin } from "../../src/workbook/pin.ts";
import { installStubRuntime, uninstallStubRuntime } from "../stub-runtime.ts";

export const KNOWN = core.editions().map((e) => e.id);
/** A pin to the older IEA edition, and one to the newer, with the same USGS and EU editions. */
export const OLD = makePin(["iea-cmde-2024", "usgs-mcs-2025", "ec-crm-2023"], KNOWN);
export const NEW = makePin(["iea-cmde-2025", "usgs-mcs-2025", "ec-crm-2023"], KNOWN);

interface Meta {
  functions: { id: string; parameters: { name: string; dimensionality?: "scalar" | "matrix" }[] }[];
}

export async function functionLookup(): Promise<FunctionLookup> {
  const { json, associate } = await generateMetadata();
  const meta = JSON.parse(json) as Meta;
  const byId = new Map<string, FunctionInfo>();
  for (const a of associate) {
    const f = meta.functions.find((m) => m.id === a.id)!;
    const fn = (functions as unknown as Record<string, (...args: unknown[]) => unknown>)[a.functionName]!;
    byId.set(a.id.toUpperCase(), { fn, dimensionality: f.parameters.map((p) => p.dimensionality) });
  }
  return (id) => byId.get(id.toUpperCase());
}

/**
 * For a test file: installs the CustomFunctions stand-in before its tests and removes it after,
 * and returns the lookup, usable inside the tests.
 */
export function registeredFunctions(): FunctionLookup {
  let current: FunctionLookup | undefined;
  beforeAll(async () => {
    installStubRuntime();
    current = await functionLookup();
  }, 120_000);
  afterAll(() => uninstallStubRuntime());
  return (id) => {
    if (!current) throw new Error("the functions are registered before the tests run, not when the file loads");
    return current(id);
  };
}
