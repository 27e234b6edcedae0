// The add-in's functions as Excel registers them (id → wrapper, with each parameter's shape from
// functions.json), for evaluating formulas in Node the way the task pane does in the browser.
import { generateMetadata } from "../../scripts/build.ts";
import * as functions from "../../src/functions/functions.ts";
import type { FunctionInfo, FunctionLookup } from "../../src/workbook/evaluate.ts";

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
