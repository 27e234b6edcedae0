// CRITMIN.* hosted in HyperFormula: the add-in's own functions (packages/excel-addin/src/functions)
// registered as a FunctionPlugin, for test/hyperformula.test.ts.
//
// API choices (hyperformula 3.5):
// - Names: the functions are registered under their Excel names, "CRITMIN.CHINA_SHARE" etc. A
//   function name may contain dots: the lexer's ProcedureName is `[letter][letters, digits, _ or .]*(`
//   (es/parser/LexerConfig.mjs, NON_RESERVED_CHARACTER_PATTERN), the custom-functions guide names an
//   alias 'HYPER.ALIAS', and built-ins such as NORM.DIST use dots; each name also needs a translation
//   in the engine's language (enGB here, mapped to itself).
// - Arguments: every parameter is FunctionArgumentType.ANY (a range arrives whole, as a
//   SimpleRangeValue, as Excel hands a matrix parameter) with `optionalArg` for the optional ones,
//   and `vectorizationForbidden`, because the functions broadcast over their first argument
//   themselves. The plugin turns what HyperFormula passes into what Excel passes: a range into a 2-D
//   array, an omitted or empty argument (and an empty cell) into null, a dated number into its serial.
//   An error argument never reaches the function: HyperFormula returns it, as Excel does for a
//   custom function without `allowErrorForDataTypeAny`.
// - Results: a 1×1 answer is returned as a scalar (so it nests in arithmetic), anything larger as a
//   SimpleRangeValue that spills. A CustomFunctions.Error becomes a CellError with its message:
//   #N/A → ErrorType.NA, #VALUE! → ErrorType.VALUE (also #DIV/0!, #NUM!; HyperFormula has no #NULL!).
// - Spill size: HyperFormula fixes an array formula's size when it parses the formula, through the
//   function's `sizeOfResultArrayMethod` (the older `arraySizeMethod` is deprecated since 3.1.0).
//   For a function that broadcasts, the size is that of its first argument (a range's width and
//   height). For a table (TOP_PRODUCERS, lists, …) whose arguments are all literals, the size method
//   evaluates the call once and measures the table. A table whose arguments are cell references
//   cannot be sized before evaluation; it gets one cell and evaluates to #VALUE! (the limit
//   HyperFormula documents for its own SEQUENCE with non-literal dimensions).
import { readFileSync } from "node:fs";
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import * as functions from "../../packages/excel-addin/src/functions/functions.ts";
import { StubError, type StubErrorCode } from "../../packages/excel-addin/test/stub-runtime.ts";

// ---------------------------------------------------------------------------------------------
// The shipped functions, read from the JSDoc that custom-functions-metadata reads.

type ExcelFunction = (...args: unknown[]) => unknown[][];
interface Spec {
  readonly id: string;
  readonly fn: ExcelFunction;
  readonly params: readonly { readonly name: string; readonly optional: boolean }[];
  /** The first parameter is a matrix: the answer has its shape. */
  readonly broadcasts: boolean;
}

const source = readFileSync(new URL("../../packages/excel-addin/src/functions/functions.ts", import.meta.url), "utf8");
const exported = functions as unknown as Record<string, ExcelFunction>;
export const SPECS: readonly Spec[] = [
  ...source.matchAll(
    /\/\*\*((?:(?!\*\/)[\s\S])*?@customfunction\s+(\w+)[\s\S]*?)\*\/\s*export function (\w+)\(([^)]*)\)/g,
  ),
].map(([, doc, id, name, signature]) => ({
  id: id!,
  fn: exported[name!]!,
  params: [...doc!.matchAll(/@param\s+(\[?)(\w+)/g)].map(([, bracket, param]) => ({
    name: param!,
    optional: bracket === "[",
  })),
  broadcasts: /^\s*\w+\s*:\s*any\[\]\[\]/.test(signature!),
}));

// ---------------------------------------------------------------------------------------------
// Between HyperFormula values and Excel values (exported for any other host of the functions in
// HyperFormula, such as test/bench/excel.ts).

export const TO_HF: Readonly<Record<string, ErrorType>> = {
  "#N/A": ErrorType.NA,
  "#VALUE!": ErrorType.VALUE,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};
const TO_EXCEL: Readonly<Partial<Record<ErrorType, string>>> = Object.fromEntries(
  Object.entries(TO_HF).map(([code, type]) => [type, code]),
);

/** One value as Excel hands it to a custom function. */
export function excelScalar(value: unknown): unknown {
  if (value === undefined || value === EmptyValue) return null;
  if (value instanceof CellError)
    return new StubError((TO_EXCEL[value.type] ?? "#VALUE!") as StubErrorCode, value.message);
  // Dates, percentages and currencies are numbers with a format (HyperFormula's RichNumber).
  if (typeof value === "object" && value !== null && "val" in value && typeof value.val === "number") return value.val;
  return value;
}
export const excelArgument = (value: unknown): unknown =>
  value instanceof SimpleRangeValue ? value.data.map((row) => row.map(excelScalar)) : excelScalar(value);

/** One cell of an Excel answer as a HyperFormula value. */
export function hfScalar(value: unknown): unknown {
  if (value instanceof StubError) return new CellError(TO_HF[value.code] ?? ErrorType.ERROR, value.message);
  if (value === null || value === undefined) return EmptyValue;
  return value;
}
export function hfResult(result: unknown[][]): unknown {
  if (result.length === 1 && result[0]!.length === 1) return hfScalar(result[0]![0]);
  return SimpleRangeValue.onlyValues(result.map((row) => row.map(hfScalar)) as never);
}

/** A literal argument of a formula (text, number, omitted), as Excel would pass it; else `NOT_LITERAL`. */
const NOT_LITERAL = Symbol("not literal");
interface AstNode {
  readonly type: string;
  readonly value?: unknown;
  readonly args?: readonly AstNode[];
}
function literal(node: AstNode): unknown {
  switch (node.type) {
    case "NUMBER":
    case "STRING":
      return node.value;
    case "EMPTY":
      return null;
    case "MINUS_UNARY_OP": {
      const inner = literal(node.value as AstNode);
      return typeof inner === "number" ? -inner : NOT_LITERAL;
    }
    default:
      return NOT_LITERAL;
  }
}

// ---------------------------------------------------------------------------------------------
// The plugin.

export class CritminPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  /** Evaluates `CRITMIN.<id>(…)` by calling the Excel function with Excel's arguments. */
  evaluate(spec: Spec, ast: { args: AstNode[] }, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata(`CRITMIN.${spec.id}`),
      (...args: unknown[]) => {
        const excelArgs = spec.params.map((_, i) => excelArgument(args[i]));
        return hfResult(spec.fn(...excelArgs)) as never;
      },
    );
  }

  /** The size of the spill, fixed when the formula is parsed. */
  size(spec: Spec, ast: { args: AstNode[] }, state: unknown): ArraySize {
    if (spec.broadcasts) {
      const first = ast.args[0];
      if (!first) return ArraySize.scalar();
      const shape = this.arraySizeForAst(first as never, state as never);
      return shape.width * shape.height > 1 ? new ArraySize(shape.width, shape.height) : ArraySize.scalar();
    }
    const args = ast.args.map(literal);
    if (args.includes(NOT_LITERAL)) return ArraySize.scalar();
    const result = spec.fn(...spec.params.map((_, i) => args[i] ?? null));
    return new ArraySize(Math.max(...result.map((row) => row.length)), result.length);
  }
}

export const translations: Record<string, string> = {};
for (const spec of SPECS) {
  const name = `CRITMIN.${spec.id}`;
  CritminPlugin.implementedFunctions[name] = {
    method: `evaluate_${spec.id}`,
    sizeOfResultArrayMethod: `size_${spec.id}`,
    parameters: spec.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
    vectorizationForbidden: true,
  };
  translations[name] = name;
  Object.assign(CritminPlugin.prototype, {
    [`evaluate_${spec.id}`](this: CritminPlugin, ast: { args: AstNode[] }, state: unknown) {
      return this.evaluate(spec, ast, state);
    },
    [`size_${spec.id}`](this: CritminPlugin, ast: { args: AstNode[] }, state: unknown) {
      return this.size(spec, ast, state);
    },
  });
}
