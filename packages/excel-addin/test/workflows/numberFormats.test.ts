// Every inserted result reads by its unit (issue 16): the cell gets the number format of its
// answer's unit, on office-addin-mock; the pane shows the same number the same way.
import * as core from "@critmin/core";
import { afterEach, describe, expect, it } from "vitest";
import { explainCall } from "../../src/adapter/calls.ts";
import { EXPLAINED } from "../../src/adapter/explain.ts";
import { TRAITS } from "../../src/functions/traits.ts";
import { insertFormula } from "../../src/workbook/excel.ts";
import { cellUnit, formatByUnit, numberFormatFor, UNIT_FORMATS } from "../../src/workbook/numberFormats.ts";
import { mockExcel } from "./mockWorkbook.ts";

const scope = globalThis as { Excel?: unknown };
afterEach(() => {
  delete scope.Excel;
});

/** The unit of a function's answer for its gallery example (the arguments a person types first). */
function galleryUnit(id: string): core.AnswerUnit {
  const gallery = TRAITS[id]!.gallery;
  const [first, ...rest] = Object.values(gallery).map((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v));
  // The form places the gallery's values by parameter name; the galleries of these functions fill
  // their leading arguments in order, so the same call is made here.
  return cellUnit(id, explainCall(id, first ?? null, rest).unit)!;
}

describe("number format of an inserted formula", () => {
  it("sets the cell's number format with the formula, in the same sync", async () => {
    const mock = mockExcel({ Sheet1: { address: "A1", formulas: [[""]], values: [[""]] } });
    scope.Excel = mock.Excel;
    await insertFormula('=CRITMIN.CHINA_SHARE("cobalt")', numberFormatFor("fraction"));
    const cell = mock.activeCell as { formulas?: unknown[][]; numberFormat?: unknown[][] };
    expect(cell.formulas).toEqual([['=CRITMIN.CHINA_SHARE("cobalt")']]);
    expect(cell.numberFormat).toEqual([["0.0%"]]);
    expect(mock.syncs()).toBe(1);
  });

  it("leaves the cell's format alone when the unit gives none (a record, a table)", async () => {
    const mock = mockExcel({ Sheet1: { address: "A1", formulas: [[""]], values: [[""]] } });
    scope.Excel = mock.Excel;
    await insertFormula('=CRITMIN.TOP_PRODUCERS("nickel")', numberFormatFor(undefined));
    expect((mock.activeCell as { numberFormat?: unknown }).numberFormat).toBeUndefined();
    expect(numberFormatFor("record")).toBeUndefined();
  });

  it("gives shares 0.0%, changes a signed %, tonnes #,##0 t and indices plain", () => {
    expect(numberFormatFor("fraction")).toBe("0.0%");
    expect(numberFormatFor("fraction-difference")).toBe("+0.0%;-0.0%;0.0%");
    expect(numberFormatFor("t")).toBe('#,##0" t"');
    expect(numberFormatFor("index")).toBe("General");
  });

  it("formats each value function's answer by the unit its traits promise", () => {
    const expected: Record<string, string | undefined> = {
      percent: "0.0%",
      tonnes: '#,##0" t"',
      index: "General",
    };
    const checked: string[] = [];
    for (const id of EXPLAINED) {
      const traits = TRAITS[id]!;
      if (traits.kind !== "value" || !(traits.unit in expected)) continue;
      const unit = galleryUnit(id);
      // Effective suppliers is an index in the traits and a count in the answer: one decimal.
      if (unit === "count") continue;
      expect(numberFormatFor(unit), id).toBe(expected[traits.unit]);
      checked.push(id);
    }
    expect(checked).toEqual(
      expect.arrayContaining(["CHINA_SHARE", "PRODUCTION", "HHI", "SUPPLY_RISK", "TECH_EXPOSURE"]),
    );
  });

  it("shows the value in the pane as the cell shows it, never as a 16-digit float", () => {
    const share = core.chinaShare("cobalt")!;
    expect(formatByUnit(share, "fraction")).toBe(`${(share * 100).toFixed(1)}%`);
    expect(formatByUnit(0.0523456789, "fraction-difference")).toBe("+5.2 pp");
    expect(formatByUnit(-0.01, "fraction-difference")).toBe("-1.0 pp");
    expect(formatByUnit(12345.678, "t")).toBe("12,346 t");
    expect(formatByUnit(2.8, "index")).toBe("2.8");
    for (const [unit, f] of Object.entries(UNIT_FORMATS)) expect(f.text(1 / 3), unit).not.toMatch(/\d{5,}/);
  });
});
