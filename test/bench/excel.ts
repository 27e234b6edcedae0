// The shipped add-in outside Excel, for the benchmarks: the built functions.js (dist/prod) is run
// with a CustomFunctions stub that records what it associates, and its functions are hosted in
// HyperFormula under their Excel names, described by the built functions.json. So the workbooks time
// exactly the code and metadata Excel would load. The plugin follows test/hyperformula.test.ts (read
// its header for the HyperFormula API choices); this copy keeps the benchmark independent of it.
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { ErrorCode, StubError } from "../../packages/excel-addin/test/stub-runtime.ts";

export { StubError };

export type ExcelFunction = (...args: unknown[]) => unknown;

interface Metadata {
  readonly functions: readonly {
    readonly id: string;
    readonly parameters: readonly { readonly optional?: boolean; readonly dimensionality?: string }[];
  }[];
}

export interface AddinBundle {
  /** By function id (`CHINA_SHARE`), as associated by the bundle. */
  readonly functions: ReadonlyMap<string, ExcelFunction>;
  readonly metadata: Metadata;
  /** Declared parameters by function id. */
  readonly arity: ReadonlyMap<string, number>;
}

/** Runs the built functions.js (an IIFE that calls CustomFunctions.associate) and collects its functions. */
export function loadAddinBundle(dir: string): AddinBundle {
  const code = readFileSync(path.join(dir, "functions.js"), "utf8");
  const metadata = JSON.parse(readFileSync(path.join(dir, "functions.json"), "utf8")) as Metadata;
  const functions = new Map<string, ExcelFunction>();
  const stub = {
    Error: StubError,
    ErrorCode,
    associate: (id: string, fn: ExcelFunction) => void functions.set(id, fn),
  };
  // A function of the one global the bundle expects, run in this realm: a separate vm context would
  // hand back arrays and objects of its own.
  const run = vm.runInThisContext(`(function (CustomFunctions) {\n${code}\n})`, {
    filename: path.join(dir, "functions.js"),
  }) as (customFunctions: typeof stub) => void;
  run(stub);
  for (const f of metadata.functions) if (!functions.has(f.id)) throw new Error(`functions.js associates no ${f.id}`);
  return { functions, metadata, arity: new Map(metadata.functions.map((f) => [f.id, f.parameters.length])) };
}

/** Calls a function as Excel does: every declared parameter (null when omitted), then the invocation. */
export function callAsExcel(bundle: AddinBundle, id: string, args: readonly unknown[]): unknown[][] {
  const arity = bundle.arity.get(id)!;
  const values: unknown[] = [];
  for (let i = 0; i < arity; i++) values.push(i < args.length ? args[i] : null);
  values.push({ functionName: id, address: "Sheet1!A1" });
  return bundle.functions.get(id)!(...values) as unknown[][];
}

const TO_HF: Readonly<Record<string, ErrorType>> = {
  "#N/A": ErrorType.NA,
  "#VALUE!": ErrorType.VALUE,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
};

function excelScalar(value: unknown): unknown {
  if (value === undefined || value === EmptyValue) return null;
  if (typeof value === "object" && value !== null && "val" in value && typeof value.val === "number") return value.val;
  return value;
}
const excelArgument = (value: unknown): unknown =>
  value instanceof SimpleRangeValue ? value.data.map((row) => row.map(excelScalar)) : excelScalar(value);
function hfScalar(value: unknown): unknown {
  if (value instanceof StubError) return new CellError(TO_HF[value.code] ?? ErrorType.ERROR, value.message);
  if (value === null || value === undefined) return EmptyValue;
  return value;
}
function hfResult(result: unknown[][]): unknown {
  if (result.length === 1 && result[0]!.length === 1) return hfScalar(result[0]![0]);
  return SimpleRangeValue.onlyValues(result.map((row) => row.map(hfScalar)) as never);
}

interface AstNode {
  readonly args?: readonly AstNode[];
}

let registered: AddinBundle | undefined;

/**
 * Registers CRITMIN.<ID> in HyperFormula for every function of the bundle (once per process). A
 * function whose first parameter is a matrix spills in that argument's shape; the benchmarks use
 * no table functions, which would need sizing by evaluation (see test/hyperformula.test.ts).
 */
export function registerCritmin(bundle: AddinBundle): void {
  if (registered === bundle) return;
  if (registered) throw new Error("a different add-in bundle is already registered in HyperFormula");
  class CritminPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {};
  }
  const translations: Record<string, string> = {};
  for (const meta of bundle.metadata.functions) {
    const name = `CRITMIN.${meta.id}`;
    const fn = bundle.functions.get(meta.id)!;
    const broadcasts = meta.parameters[0]?.dimensionality === "matrix";
    CritminPlugin.implementedFunctions[name] = {
      method: `evaluate_${meta.id}`,
      sizeOfResultArrayMethod: `size_${meta.id}`,
      parameters: meta.parameters.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: p.optional === true,
      })),
      vectorizationForbidden: true,
    };
    translations[name] = name;
    Object.assign(CritminPlugin.prototype, {
      [`evaluate_${meta.id}`](this: FunctionPlugin, ast: { args: AstNode[] }, state: unknown) {
        return this.runFunction(ast.args as never, state as never, this.metadata(name), (...args: unknown[]) => {
          const excelArgs = meta.parameters.map((_, i) => excelArgument(args[i]));
          return hfResult(fn(...excelArgs, { functionName: meta.id }) as unknown[][]) as never;
        });
      },
      [`size_${meta.id}`](this: FunctionPlugin, ast: { args: AstNode[] }, state: unknown) {
        const first = ast.args[0];
        if (!broadcasts || !first) return ArraySize.scalar();
        const shape = this.arraySizeForAst(first as never, state as never);
        return shape.width * shape.height > 1 ? new ArraySize(shape.width, shape.height) : ArraySize.scalar();
      },
    });
  }
  HyperFormula.registerFunctionPlugin(CritminPlugin, { enGB: translations });
  registered = bundle;
}
