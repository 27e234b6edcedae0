// Formula semantics in a real spreadsheet engine (ENGINEERING.md, "Testing without Excel", item 6):
// HyperFormula hosts the add-in's own CRITMIN.* functions (packages/excel-addin/src/functions) as a
// FunctionPlugin, so nesting, IFERROR/ISNA, range arguments, spills and #SPILL! are exercised by an
// engine nobody on this project wrote. Expected numbers come from @critmin/core, which
// test/parity.test.ts ties to the Excel functions case by case.
//
// HyperFormula is GPL-3.0 or commercial: a root devDependency used here only, never bundled
// (licenseKey "gpl-v3").
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
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
  type RawCellContent,
} from "hyperformula";
import * as core from "../packages/core/src/index.ts";
import * as functions from "../packages/excel-addin/src/functions/functions.ts";
import { installStubRuntime, StubError, type StubErrorCode } from "../packages/excel-addin/test/stub-runtime.ts";

// The CustomFunctions global the add-in finds in Excel: the shared test stand-in (same error codes).
installStubRuntime();

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

const source = readFileSync(new URL("../packages/excel-addin/src/functions/functions.ts", import.meta.url), "utf8");
const exported = functions as unknown as Record<string, ExcelFunction>;
const SPECS: readonly Spec[] = [
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
// Between HyperFormula values and Excel values.

const TO_HF: Readonly<Record<string, ErrorType>> = {
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
function excelScalar(value: unknown): unknown {
  if (value === undefined || value === EmptyValue) return null;
  if (value instanceof CellError)
    return new StubError((TO_EXCEL[value.type] ?? "#VALUE!") as StubErrorCode, value.message);
  // Dates, percentages and currencies are numbers with a format (HyperFormula's RichNumber).
  if (typeof value === "object" && value !== null && "val" in value && typeof value.val === "number") return value.val;
  return value;
}
const excelArgument = (value: unknown): unknown =>
  value instanceof SimpleRangeValue ? value.data.map((row) => row.map(excelScalar)) : excelScalar(value);

/** One cell of an Excel answer as a HyperFormula value. */
function hfScalar(value: unknown): unknown {
  if (value instanceof StubError) return new CellError(TO_HF[value.code] ?? ErrorType.ERROR, value.message);
  if (value === null || value === undefined) return EmptyValue;
  return value;
}
function hfResult(result: unknown[][]): unknown {
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

class CritminPlugin extends FunctionPlugin {
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

const translations: Record<string, string> = {};
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

beforeAll(() => {
  HyperFormula.registerFunctionPlugin(CritminPlugin, { enGB: translations });
});
afterAll(() => {
  HyperFormula.unregisterFunctionPlugin(CritminPlugin);
});

// ---------------------------------------------------------------------------------------------
// Helpers.

// smartRounding off: cells export the double the function returned (HyperFormula otherwise rounds
// output to 10 significant digits), as Excel keeps a custom function's double.
const sheet = (data: RawCellContent[][]) =>
  HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3", smartRounding: false });
/** A1-style address on the first sheet. */
function at(address: string) {
  const match = /^([A-Z])(\d+)$/.exec(address)!;
  return { sheet: 0, col: match[1]!.charCodeAt(0) - 65, row: Number(match[2]) - 1 };
}
const valueAt = (hf: HyperFormula, address: string) => hf.getCellValue(at(address));
function rangeValues(hf: HyperFormula, from: string, rows: number, cols: number) {
  const start = at(from);
  return hf.getRangeValues({ start, end: { sheet: 0, col: start.col + cols - 1, row: start.row + rows - 1 } });
}
function errorAt(hf: HyperFormula, address: string): DetailedCellError {
  const value = valueAt(hf, address);
  expect(value).toBeInstanceOf(DetailedCellError);
  return value as DetailedCellError;
}
function thrown(compute: () => unknown): string {
  try {
    compute();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected core to throw");
}

// ---------------------------------------------------------------------------------------------

describe("CRITMIN.* functions hosted in HyperFormula", () => {
  it("registers every shipped function under its Excel name", () => {
    expect(SPECS.length).toBe(Object.keys(functions).length);
    for (const spec of SPECS) expect(spec.params.length, spec.id).toBe(spec.fn.length);
    const registered = HyperFormula.getRegisteredFunctionNames("enGB");
    expect(SPECS.map((s) => `CRITMIN.${s.id}`).filter((name) => !registered.includes(name))).toEqual([]);
    expect(SPECS.find((s) => s.id === "CHINA_SHARE")).toMatchObject({
      broadcasts: true,
      params: [{ optional: false }, { optional: true }, { optional: true }, { optional: true }],
    });
  });

  it("returns core's number for a plain call, with or without the optional arguments", () => {
    const hf = sheet([
      ['=CRITMIN.CHINA_SHARE("cobalt")'],
      ['=CRITMIN.CHINA_SHARE("Co", "refining", 2023, "iea-cmde-2024")'],
      ['=CRITMIN.SHARE("lithium", "Australia", "mining")'],
      ['=CRITMIN.HHI("rare earths")'],
      ["=CRITMIN.DATA_VERSION()"],
    ]);
    expect(valueAt(hf, "A1")).toBe(core.chinaShare("cobalt"));
    expect(valueAt(hf, "A2")).toBe(
      core.chinaShare("cobalt", { stage: "refining", year: 2023, source: "iea-cmde-2024" }),
    );
    expect(valueAt(hf, "A3")).toBe(core.share("lithium", "AUS", { stage: "mining" }));
    expect(valueAt(hf, "A4")).toBe(core.hhi("rare-earths"));
    expect(valueAt(hf, "A5")).toBe(core.datasetVersion());
    expect(typeof valueAt(hf, "A1")).toBe("number");
    hf.destroy();
  });

  it("nests in other formulas", () => {
    const share = core.chinaShare("cobalt")!;
    const hf = sheet([
      ['=ROUND(CRITMIN.CHINA_SHARE("cobalt")*100,1)', share, "=ROUND(B1*100,1)"],
      ['=CRITMIN.SHARE("cobalt", "CHN") - CRITMIN.CHINA_SHARE("cobalt")'],
      ['=IF(CRITMIN.HHI("cobalt")>2500, "highly concentrated", "not")'],
      ['=CRITMIN.PRODUCTION("lithium", "World", "mining") * CRITMIN.SHARE("lithium", "Chile", "mining")'],
    ]);
    expect(valueAt(hf, "A1")).toBe(valueAt(hf, "C1"));
    expect(Math.abs((valueAt(hf, "A1") as number) - share * 100)).toBeLessThanOrEqual(0.05);
    expect(valueAt(hf, "A2")).toBe(0);
    expect(valueAt(hf, "A3")).toBe(core.hhi("cobalt")! > 2500 ? "highly concentrated" : "not");
    expect(valueAt(hf, "A4")).toBe(
      core.production("lithium", "WORLD", { stage: "mining" })! * core.share("lithium", "CHL", { stage: "mining" })!,
    );
    hf.destroy();
  });

  it("gives #N/A with the reason for a missing figure, which ISNA and IFERROR see", () => {
    expect(core.chinaShare("cobalt", { year: 2019 })).toBeUndefined();
    const reason = core.provenance({ mineral: "cobalt", year: 2019 }).reason!;
    const hf = sheet([
      ['=CRITMIN.CHINA_SHARE("cobalt",,2019)'],
      ['=ISNA(CRITMIN.CHINA_SHARE("cobalt",,2019))'],
      ['=IFERROR(CRITMIN.CHINA_SHARE("cobalt",,2019),"n/a")'],
      ['=IFERROR(CRITMIN.CHINA_SHARE("cobalt"),"n/a")'],
      ['=IFNA(CRITMIN.DEMAND("gallium"), 0)'],
      ['=ISNA(CRITMIN.CHINA_SHARE("cobalt"))'],
    ]);
    const error = errorAt(hf, "A1");
    expect(error.type).toBe(ErrorType.NA);
    expect(error.value).toBe("#N/A");
    expect(error.message).toContain(reason);
    expect(valueAt(hf, "A2")).toBe(true);
    expect(valueAt(hf, "A3")).toBe("n/a");
    expect(valueAt(hf, "A4")).toBe(core.chinaShare("cobalt"));
    expect(valueAt(hf, "A5")).toBe(core.demand("gallium") ?? 0);
    expect(valueAt(hf, "A6")).toBe(false);
    hf.destroy();
  });

  it("gives #VALUE! with core's message for a bad argument, which ISNA does not mistake for missing data", () => {
    const hf = sheet([
      ['=CRITMIN.CHINA_SHARE("cobolt")'],
      ['=ISNA(CRITMIN.CHINA_SHARE("cobolt"))'],
      ['=ISERROR(CRITMIN.CHINA_SHARE("cobolt"))'],
      ['=CRITMIN.SHARE("cobalt", "Atlantis")'],
      ['=CRITMIN.CONCENTRATION_RATIO("cobalt", 0)'],
    ]);
    const error = errorAt(hf, "A1");
    expect(error.type).toBe(ErrorType.VALUE);
    expect(error.message).toContain(thrown(() => core.chinaShare("cobolt")));
    expect(error.message).toContain('did you mean "cobalt"?');
    expect(valueAt(hf, "A2")).toBe(false);
    expect(valueAt(hf, "A3")).toBe(true);
    expect(errorAt(hf, "A4").message).toContain(thrown(() => core.share("cobalt", "Atlantis")));
    expect(errorAt(hf, "A5").message).toContain(thrown(() => core.crN("cobalt", 0)));
    hf.destroy();
  });

  it("takes arguments from cells: text, numbers, and an empty cell as an omitted argument", () => {
    const hf = sheet([
      ["lithium", "Australia", "mining", null, "iea-cmde-2024", "=CRITMIN.SHARE(A1, B1, C1, D1, E1)"],
      ["cobalt", "DRC", "mining", 2023, null, "=CRITMIN.SHARE(A2, B2, C2, D2, E2)"],
      ["nickel", null, null, 2030, null, "=CRITMIN.CHINA_SHARE(A3, , D3)"],
    ]);
    expect(valueAt(hf, "F1")).toBe(core.share("lithium", "AUS", { stage: "mining", source: "iea-cmde-2024" }));
    expect(valueAt(hf, "F2")).toBe(core.share("cobalt", "COD", { stage: "mining", year: 2023 }));
    expect(valueAt(hf, "F3")).toBe(core.chinaShare("nickel", { year: 2030 }));
    hf.destroy();
  });

  it("spills one answer per cell of a range argument, in the range's shape", () => {
    const minerals = ["cobalt", "lithium", "nickel"];
    const hf = sheet([
      [
        "cobalt",
        "=CRITMIN.CHINA_SHARE(A1:A3)",
        '=CRITMIN.CHINA_SHARE(A1:A3, "refining", 2023, "iea-cmde-2024")',
        "=SUM(CRITMIN.CHINA_SHARE(A1:A3))",
      ],
      ["lithium"],
      ["nickel"],
      ["graphite", "cobolt", "gallium", '=CRITMIN.HHI(A4:C4, "mining")'],
    ]);
    expect(rangeValues(hf, "B1", 3, 1)).toEqual(minerals.map((m) => [core.chinaShare(m)]));
    expect(rangeValues(hf, "C1", 3, 1)).toEqual(
      minerals.map((m) => [core.chinaShare(m, { stage: "refining", year: 2023, source: "iea-cmde-2024" })]),
    );
    expect(hf.getCellFormula(at("B2"))).toBeUndefined(); // B2:B3 belong to B1's spill
    expect(valueAt(hf, "D1")).toBe(minerals.reduce((sum, m) => sum + core.chinaShare(m)!, 0));
    // A horizontal range spills a row; each cell errs on its own.
    expect(valueAt(hf, "D4")).toBe(core.hhi("graphite", { stage: "mining" }));
    expect(errorAt(hf, "E4").type).toBe(ErrorType.VALUE);
    expect(errorAt(hf, "E4").message).toContain(thrown(() => core.hhi("cobolt", { stage: "mining" })));
    expect(core.hhi("gallium", { stage: "mining" })).toBeUndefined();
    expect(errorAt(hf, "F4").type).toBe(ErrorType.NA);
    hf.destroy();
  });

  it("spills TOP_PRODUCERS as a table with a header row", () => {
    const producers = core.topProducers("cobalt", { stage: "mining", n: 3 })!;
    const hf = sheet([
      [
        '=CRITMIN.TOP_PRODUCERS("cobalt", "mining", 3)',
        null,
        null,
        null,
        null,
        '=CRITMIN.TOP_PRODUCERS("cobalt", , , 1999)',
        '=CRITMIN.TOP_PRODUCERS("cobalt", , -1)',
      ],
      [],
      [],
      [],
      [],
      ['=CRITMIN.TOP_PRODUCERS("cobalt")'],
    ]);
    expect(rangeValues(hf, "A1", 4, 5)).toEqual([
      ["Rank", "Country", "Name", "Share", "Tonnes"],
      ...producers.map((p) => [p.rank, p.country, p.name, p.share, p.tonnes ?? ""]),
    ]);
    expect(valueAt(hf, "A5")).toBeNull(); // nothing spills past the table
    // No block, or a bad n: one error cell, nothing spilled.
    expect(core.topProducers("cobalt", { year: 1999 })).toBeUndefined();
    expect(errorAt(hf, "F1").type).toBe(ErrorType.NA);
    expect(errorAt(hf, "G1").type).toBe(ErrorType.VALUE);
    expect(errorAt(hf, "G1").message).toContain(thrown(() => core.topProducers("cobalt", { n: -1 })));
    expect(valueAt(hf, "F2")).toBeNull();
    const defaults = core.topProducers("cobalt")!;
    expect(rangeValues(hf, "A6", defaults.length + 1, 5)).toEqual([
      ["Rank", "Country", "Name", "Share", "Tonnes"],
      ...defaults.map((p) => [p.rank, p.country, p.name, p.share, p.tonnes ?? ""]),
    ]);
    hf.destroy();
  });

  it("spills the lists with a header row", () => {
    const hf = sheet([["=CRITMIN.MINERALS()", null, null, '=CRITMIN.COUNTRIES("G7")', null, "=CRITMIN.EDITIONS()"]]);
    const minerals = core.minerals();
    expect(rangeValues(hf, "A1", minerals.length + 1, 3)).toEqual([
      ["Id", "Name", "Aliases"],
      ...minerals.map((m) => [m.id, m.name, m.aliases.join(", ")]),
    ]);
    const g7 = core.countries("G7");
    expect(rangeValues(hf, "D1", g7.length + 1, 2)).toEqual([["Code", "Name"], ...g7.map((c) => [c.code, c.name])]);
    expect(rangeValues(hf, "F1", core.editions().length + 1, 1).flat()).toEqual([
      "Id",
      ...core.editions().map((e) => e.id),
    ]);
    hf.destroy();
  });

  it("gives #SPILL! when the spill area is blocked by a value", () => {
    const table = sheet([['=CRITMIN.TOP_PRODUCERS("cobalt", "mining", 3)'], [null, "in the way"]]);
    expect(errorAt(table, "A1").type).toBe(ErrorType.SPILL);
    expect(errorAt(table, "A1").value).toBe("#SPILL!");
    expect(valueAt(table, "B2")).toBe("in the way");
    // Unlike Excel, HyperFormula recomputes a blocked formula only when one of its inputs changes,
    // not when the blocking cell is cleared (handsontable/hyperformula#1287): clear, then re-enter.
    table.setCellContents(at("B2"), null);
    table.setCellContents(at("A1"), '=CRITMIN.TOP_PRODUCERS("cobalt", "mining", 3)');
    expect(valueAt(table, "A1")).toBe("Rank");
    expect(valueAt(table, "B2")).toBe(core.topProducers("cobalt", { stage: "mining", n: 3 })![0]!.country);
    table.destroy();

    const column = sheet([
      ["cobalt", "=CRITMIN.CHINA_SHARE(A1:A2)"],
      ["lithium", "in the way"],
    ]);
    expect(errorAt(column, "B1").type).toBe(ErrorType.SPILL);
    column.destroy();

    // A value typed into a spilled result blocks it too.
    const list = sheet([["=CRITMIN.MINERALS()"]]);
    expect(valueAt(list, "A1")).toBe("Id");
    list.setCellContents(at("B5"), "typed over");
    expect(errorAt(list, "A1").type).toBe(ErrorType.SPILL);
    list.destroy();
  });

  it("recalculates when an argument cell changes", () => {
    const hf = sheet([["cobalt", "=CRITMIN.CHINA_SHARE(A1)"]]);
    expect(valueAt(hf, "B1")).toBe(core.chinaShare("cobalt"));
    hf.setCellContents(at("A1"), "graphite");
    expect(valueAt(hf, "B1")).toBe(core.chinaShare("graphite"));
    hf.setCellContents(at("A1"), "cobolt");
    expect(errorAt(hf, "B1").type).toBe(ErrorType.VALUE);
    hf.destroy();
  });

  it("passes an error argument through, as Excel does, without calling the function", () => {
    const hf = sheet([["=1/0", "=CRITMIN.CHINA_SHARE(A1)", '=CRITMIN.SHARE("cobalt", NA())']]);
    expect(errorAt(hf, "B1").type).toBe(ErrorType.DIV_BY_ZERO);
    expect(errorAt(hf, "C1").type).toBe(ErrorType.NA);
    hf.destroy();
  });

  it("cannot size a table whose arguments are cell references: one cell, #VALUE!", () => {
    const hf = sheet([["cobalt", "=CRITMIN.TOP_PRODUCERS(A1)"]]);
    expect(errorAt(hf, "B1").type).toBe(ErrorType.VALUE);
    hf.destroy();
  });
});
