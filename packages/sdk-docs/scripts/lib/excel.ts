// Excel functions as the docs see them: functions.json (as the add-in build makes it), the traits
// table (packages/excel-addin/src/functions/traits.ts) and the add-in's own functions, called the way
// Excel calls them against the stand-in CustomFunctions runtime (excel-addin/scripts/runtime-stub.ts).
import { TRAITS, type ExcelArg, type ExcelExample } from "../../../excel-addin/src/functions/traits.ts";
import type { FunctionMeta, Metadata } from "../../../excel-addin/src/taskpane/metadata.ts";

export type { EnumMeta, FunctionMeta, Metadata, ParameterMeta } from "../../../excel-addin/src/taskpane/metadata.ts";

type Wrapper = (...args: unknown[]) => unknown;

export interface ExcelContext {
  readonly metadata: Metadata;
  /** Each function's JSDoc `@returns` text, by id. */
  readonly returns: ReadonlyMap<string, string>;
  readonly wrappers: ReadonlyMap<string, Wrapper>;
  readonly namespace: string;
}

/** functions.json (as the add-in build makes it) and the wrappers, with the runtime stand-in installed. */
export async function loadExcel(): Promise<ExcelContext> {
  const { installStubRuntime } = await import("../../../excel-addin/scripts/runtime-stub.ts");
  if (!(globalThis as { CustomFunctions?: unknown }).CustomFunctions) installStubRuntime();
  const { generateMetadata, returnsTexts } = await import("../../../excel-addin/scripts/build.ts");
  const functions = (await import("../../../excel-addin/src/functions/functions.ts")) as unknown as Record<
    string,
    Wrapper
  >;
  const { json, associate } = await generateMetadata();
  const returns = await returnsTexts(associate);
  const metadata = JSON.parse(json) as Metadata;
  const wrappers = new Map<string, Wrapper>();
  for (const { id, functionName } of associate) {
    const fn = functions[functionName];
    if (typeof fn !== "function") throw new Error(`functions.ts exports no function ${functionName} (for ${id})`);
    wrappers.set(id, fn);
  }
  return { metadata, returns, wrappers, namespace: "CRITMIN" };
}

// ---------------------------------------------------------------------------------------------
// Calling a function as Excel does, and showing what comes back

export interface ShownCell {
  /** What the cell shows: the value, or the error code. */
  readonly value: string;
  /** The error message, for an error. */
  readonly message?: string;
  readonly kind: "number" | "text" | "boolean" | "error" | "blank";
}

function isExcelError(value: unknown): value is { code: string; message: string } {
  return value instanceof Error && typeof (value as { code?: unknown }).code === "string";
}

export function showCell(value: unknown): ShownCell {
  if (isExcelError(value)) return { value: value.code, message: value.message, kind: "error" };
  if (typeof value === "number") return { value: String(value), kind: "number" };
  if (typeof value === "boolean") return { value: value ? "TRUE" : "FALSE", kind: "boolean" };
  if (value === "" || value === null || value === undefined) return { value: "", kind: "blank" };
  if (typeof value === "string") return { value, kind: "text" };
  throw new Error(`a cell holds a number, text, a boolean, a blank or an error, not ${JSON.stringify(value)}`);
}

/** Calls the wrapper with every declared parameter (null when left out), ranges as 2-D arrays. */
export function callAsExcel(meta: FunctionMeta, fn: Wrapper, args: readonly ExcelArg[]): ShownCell[][] {
  const values = meta.parameters.map((p, i) => {
    const arg = i < args.length ? args[i]! : null;
    return p.dimensionality === "matrix" && !Array.isArray(arg) ? [[arg]] : arg;
  });
  const out = fn(...values);
  if (!Array.isArray(out) || !out.every(Array.isArray))
    throw new Error(`${meta.id} returned ${String(out)}, not a 2-D array`);
  return (out as unknown[][]).map((row) => row.map(showCell));
}

function formulaArg(arg: ExcelArg): string {
  if (arg === null) return "";
  if (typeof arg === "string") return `"${arg.replaceAll('"', '""')}"`;
  if (typeof arg === "boolean") return arg ? "TRUE" : "FALSE";
  if (typeof arg === "number") return String(arg);
  return `{${arg.map((row) => row.map((v) => formulaArg(v)).join(",")).join(";")}}`;
}

export function formula(namespace: string, id: string, args: readonly ExcelArg[]): string {
  const trimmed = [...args];
  while (trimmed.length > 0 && trimmed.at(-1) === null) trimmed.pop();
  return `=${namespace}.${id}(${trimmed.map(formulaArg).join(", ")})`;
}

export interface ComputedExample {
  readonly id: string;
  readonly formula: string;
  readonly args: readonly ExcelArg[];
  readonly note?: string;
  readonly cells: ShownCell[][];
}

export function computeExamples(
  ctx: ExcelContext,
  id: string,
  examples: readonly ExcelExample[] = TRAITS[id]?.examples ?? [],
): ComputedExample[] {
  const meta = ctx.metadata.functions.find((f) => f.id === id);
  const fn = ctx.wrappers.get(id);
  if (!meta || !fn) throw new Error(`no function ${id}`);
  return examples.map((e) => ({
    id,
    formula: formula(ctx.namespace, id, e.args),
    args: e.args,
    ...(e.note ? { note: e.note } : {}),
    cells: callAsExcel(meta, fn, e.args),
  }));
}
