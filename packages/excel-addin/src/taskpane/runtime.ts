// The CRITMIN functions as the pane calls them: exactly what Excel calls. This module runs before
// functions.js (taskpane.js comes first in taskpane.html) and records every
// CustomFunctions.associate(id, fn) that functions.js makes; outside Office, where there is no
// CustomFunctions runtime, it first installs a minimal stand-in (associate, Error, ErrorCode).
import type { FunctionInfo, FunctionLookup } from "../workbook/evaluate.ts";
import { ErrorCode } from "./errorCodes.ts";

export type AnyFunction = (...args: unknown[]) => unknown;

/** What the page needs of a CustomFunctions runtime, real or stand-in. */
interface Runtime {
  associate: (...args: unknown[]) => void;
  Error: new (code: string, message?: string) => object;
  ErrorCode: Record<string, string>;
}

const registry = new Map<string, AnyFunction>();
let standIn: Runtime | undefined;

function record(args: readonly unknown[]): void {
  if (args.length === 2 && typeof args[0] === "string" && typeof args[1] === "function") {
    registry.set(args[0].toUpperCase(), args[1] as AnyFunction);
  } else if (args.length === 1 && typeof args[0] === "object" && args[0] !== null) {
    for (const [id, fn] of Object.entries(args[0]))
      if (typeof fn === "function") registry.set(id.toUpperCase(), fn as AnyFunction);
  }
}

/** The Excel error a function returns, as the runtime's `CustomFunctions.Error` carries it. */
class PlaygroundError {
  readonly code: string;
  readonly message: string;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message ?? "";
  }
}

function installRecorder(): void {
  const scope = globalThis as unknown as { CustomFunctions?: Runtime };
  if (scope.CustomFunctions === undefined) {
    standIn = { associate: (...args: unknown[]) => record(args), Error: PlaygroundError, ErrorCode };
    scope.CustomFunctions = standIn;
    return;
  }
  const runtime = scope.CustomFunctions;
  const original = runtime.associate;
  try {
    runtime.associate = function associate(...args: unknown[]) {
      record(args);
      return original.apply(runtime, args);
    };
  } catch {
    // A read-only runtime: Excel still gets its functions; the playground lists none.
  }
}

/**
 * If Office's runtime arrived after the stand-in was installed, it took over the `CustomFunctions`
 * object and the associations made so far never reached Excel: hand them over again.
 */
export function replayAssociations(): void {
  const runtime = (globalThis as unknown as { CustomFunctions?: Runtime }).CustomFunctions;
  if (!standIn || !runtime || runtime.associate === standIn.associate) return;
  for (const [id, fn] of registry) {
    try {
      runtime.associate(id, fn);
    } catch {
      // already associated
    }
  }
}

installRecorder();

/** The function functions.js associated with `id`, if any. */
export function registered(id: string): AnyFunction | undefined {
  return registry.get(id.toUpperCase());
}

/** How many functions functions.js associated: none means it did not load. */
export function registeredCount(): number {
  return registry.size;
}

/** Calls a registered function by id (synchronously: the CRITMIN functions are). */
export function call(id: string, ...args: unknown[]): unknown {
  const fn = registered(id);
  if (!fn) throw new Error(`${id} is not registered`);
  return fn(...args);
}

/** The registered functions with their parameter shapes, for evaluating formulas (upgrade report). */
export function lookupFrom(functions: readonly FunctionMetaShape[]): FunctionLookup {
  const byId = new Map<string, FunctionInfo>();
  for (const f of functions) {
    const fn = registered(f.id);
    if (fn) byId.set(f.id.toUpperCase(), { fn, dimensionality: f.parameters.map((p) => p.dimensionality) });
  }
  return (id) => byId.get(id.toUpperCase());
}

interface FunctionMetaShape {
  readonly id: string;
  readonly parameters: readonly { readonly dimensionality?: "scalar" | "matrix" }[];
}
