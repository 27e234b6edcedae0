// Between HyperFormula values and Excel values, for every host of the CRITMIN functions in
// HyperFormula: the test plugin (plugin.ts) and the benchmark's built bundle (test/bench/excel.ts).
// Imports no add-in code, so the benchmark loads only the bundle it measures.
import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from "hyperformula";
import { StubError, type StubErrorCode } from "../../packages/excel-addin/test/stub-runtime.ts";

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
