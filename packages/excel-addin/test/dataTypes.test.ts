// Issue 17, formatted results: where the host reports ExcelApi 1.16 a value function's number comes
// back as a formatted number value with its unit's format (shares 0.0%, tonnes #,##0 "t", indices
// plain); elsewhere exactly today's plain number. The build marks exactly those functions in
// functions.json. The parity over the whole dataset in both modes is test/parity.test.ts.
import * as core from "@critmin/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateMetadata, withDataTypes } from "../scripts/build.ts";
import { CALLS, explainCall } from "../src/adapter/calls.ts";
import { answerUnitOf, dataTypesSupported, forceDataTypes, returnsDataTypes } from "../src/adapter/dataTypes.ts";
import * as functions from "../src/functions/functions.ts";
import { traitsOf } from "../src/functions/traits.ts";
import { UNIT_FORMATS } from "../src/workbook/numberFormats.ts";
import { basic, cellValue } from "./cellValues.ts";
import { installStubRuntime, StubError, uninstallStubRuntime } from "./stub-runtime.ts";

const excel = functions as unknown as Record<string, (...args: unknown[]) => unknown[][]>;

beforeAll(() => installStubRuntime());
afterAll(() => uninstallStubRuntime());
afterEach(() => forceDataTypes(undefined));

describe("the host switch", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);
  const office = (supported: (set: string, v: string) => boolean) =>
    ((globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: supported } } });

  it("asks Office for ExcelApi 1.16 once, and is off before Office has a context", () => {
    forceDataTypes(undefined);
    expect(dataTypesSupported()).toBe(false);
    const asked: string[] = [];
    office((set, v) => (asked.push(`${set} ${v}`), true));
    expect([dataTypesSupported(), dataTypesSupported()]).toEqual([true, true]);
    expect(asked).toEqual(["ExcelApi 1.16"]);
  });

  it("an older host (or one whose check throws) gets plain values", () => {
    office(() => false);
    expect(dataTypesSupported()).toBe(false);
    forceDataTypes(undefined);
    office(() => {
      throw new Error("no requirement sets");
    });
    expect(dataTypesSupported()).toBe(false);
  });
});

describe("each value function's unit is core's Answer unit for the same call", () => {
  for (const [id] of Object.entries(CALLS).filter(([, c]) => c.kind === "value")) {
    it(id, () => {
      const example = traitsOf(id)!.examples[0]!.args;
      const [identifier, ...rest] = example;
      expect(answerUnitOf(id)).toBe(explainCall(id, identifier, rest).unit);
    });
  }
});

describe("formatted results", () => {
  const cell = (fn: string, ...args: unknown[]) => excel[fn]!(...args)[0]![0];

  it('a share is 0.0%, tonnes #,##0 " t", an index a plain number; the basic value is core\'s', () => {
    forceDataTypes(true);
    const share = cellValue(cell("chinaShare", [["cobalt"]], null, null, null));
    expect(share).toEqual({ type: "FormattedNumber", basicValue: core.chinaShare("cobalt"), numberFormat: "0.0%" });
    expect(UNIT_FORMATS.fraction.excel).toBe("0.0%");
    const tonnes = cellValue(cell("production", [["copper"]], "CHL", "mining", null, null));
    expect(tonnes).toEqual({
      type: "FormattedNumber",
      basicValue: core.production("copper", "CHL", { stage: "mining" }),
      numberFormat: UNIT_FORMATS.t.excel,
    });
    expect(cell("hhi", [["cobalt"]], null, null, null)).toBe(core.hhi("cobalt"));
    expect(cell("supplyRisk", [["cobalt"]], null, null)).toBe(core.supplyRisk("cobalt"));
    expect(cell("isCritical", [["gallium"]], "us-cml-2022")).toBe(core.isCritical("gallium", "us-cml-2022"));
    expect(cell("techExposure", [["EV"]], null, null, null, null)).toMatchObject({ numberFormat: "0.0%" });
  });

  it("errors stay errors; a range spills formatted values cell by cell", () => {
    forceDataTypes(true);
    const spill = excel.chinaShare!(
      [
        ["cobalt", "unobtainium"],
        ["lithium", 2],
      ],
      null,
      null,
      null,
    );
    expect(
      spill.map((row) => row.map((c) => (c instanceof StubError ? c.code : (c as { type: string }).type))),
    ).toEqual([
      ["FormattedNumber", "#VALUE!"],
      ["FormattedNumber", "#VALUE!"],
    ]);
    spill.flat().forEach((c, i) => cellValue(c, `cell ${i}`));
    expect(basic(spill[1]![0])).toBe(core.chinaShare("lithium"));
  });

  it("without ExcelApi 1.16 every value function returns today's plain value", () => {
    forceDataTypes(false);
    expect(cell("chinaShare", [["cobalt"]], null, null, null)).toBe(core.chinaShare("cobalt"));
    expect(cell("demand", [["lithium"]], 2030, "STEPS", null, null)).toBe(
      core.demand("lithium", { year: 2030, scenario: "STEPS" }),
    );
  });
});

describe("functions.json", () => {
  it("allows data types in the file, and every function that returns them has an untyped (any) result", async () => {
    const { json } = await generateMetadata();
    const metadata = JSON.parse(json) as {
      allowCustomDataForDataTypeAny?: boolean;
      functions: { id: string; result: Record<string, unknown> }[];
    };
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    const returning = metadata.functions.filter((f) => returnsDataTypes(f.id));
    expect(returning.map((f) => f.id)).toEqual(
      expect.arrayContaining(["CHINA_SHARE", "MINERAL", "COUNTRY", "EXPLAIN"]),
    );
    expect(returning.map((f) => f.id)).not.toContain("HHI");
    for (const f of returning) expect(f.result.type ?? "any", f.id).toBe("any");
  }, 60_000);

  it("refuses a data-type function whose result is typed", () => {
    const json = JSON.stringify({ functions: [{ id: "X", result: { type: "number" } }] });
    expect(() => withDataTypes(json, () => true)).toThrow(/X returns data types/);
    const untouched = JSON.parse(withDataTypes(json, () => false));
    expect(untouched.allowCustomDataForDataTypeAny).toBeUndefined();
    expect(untouched.functions[0].result).toEqual({ type: "number" });
  });
});
