// The freeze planner (freezePlan.ts), pure: which cells of a sheet's copy Freeze for sharing writes.
// Only the add-in's cells: each CRITMIN formula cell and the block its result spills into; a
// person's linked data type, their formulas, an array formula and its spill, their constants and
// their formats are never written. The grids are placeholders laid out like a sheet, not figures.
import { describe, expect, it } from "vitest";
import { boxAddress, boxOf, cellAddress, type Box } from "../../src/workbook/formulas.ts";
import {
  guessedSpill,
  maySpill,
  planFreeze,
  rectangles,
  type FreezePlan,
  type ReadRange,
} from "../../src/workbook/freezePlan.ts";

const TOP = '=CRITMIN.TOP_PRODUCERS("cobalt")';
const SHARE = '=CRITMIN.CHINA_SHARE("cobalt")';
const LINKED = { type: "LinkedEntity", text: "Microsoft Corp", id: { entityId: "x", domainId: "stocks" } };

/** Every cell a plan writes (values), in the sheet. */
function written(plan: FreezePlan): string[] {
  return plan.blocks.flatMap((b) => cells(boxOf(b.address))).sort();
}

function cells(box: Box): string[] {
  const out: string[] = [];
  for (let r = box.row; r < box.row + box.rows; r++)
    for (let c = box.column; c < box.column + box.columns; c++) out.push(cellAddress(r, c));
  return out;
}

/**
 * Used range B2:G6. B2:B3 numbers and C2 a Stocks value of the person's; D2 their =SUM, D3 an
 * =SEQUENCE spilling D3:D4; E2 a CRITMIN table spilling E2:F6 (its last row's rank blank, like a
 * rest-of-world row); G3 their note beside it; B6 a CRITMIN share.
 */
function sheet(): ReadRange {
  const formulas = [
    [10, "Microsoft Corp", "=SUM(B2:B3)", TOP, "Country", ""],
    [20, "", "=SEQUENCE(2)", 1, "CHN", "mine"],
    ["", "", 2, 2, "FIN", ""],
    ["", "", "", "", "ROW", ""],
    [SHARE, "", "", "", "", ""],
  ];
  const values = formulas.map((row) => [...row]);
  values[0]![2] = 30;
  values[1]![2] = 1;
  values[0]![3] = "Rank";
  values[4]![0] = 0.5;
  const valuesAsJson = values.map((row) => row.map((v) => ({ type: "String", basicValue: v })));
  valuesAsJson[0]![1] = LINKED as never;
  return { address: "Data!B2:G6", formulas, values, valuesAsJson };
}

describe("which cells a frozen copy gets written", () => {
  it("reads and writes A1 rectangles", () => {
    expect(boxOf("Data!$B$3:$D$9")).toEqual({ row: 2, column: 1, rows: 7, columns: 3 });
    expect(boxOf("'My sheet'!C3")).toEqual({ row: 2, column: 2, rows: 1, columns: 1 });
    expect(boxAddress(boxOf("Data!AA10:AB12"))).toBe("AA10:AB12");
    expect(boxAddress(boxOf("C3"))).toBe("C3");
  });

  it("groups marked cells into rectangles, each marked cell in exactly one", () => {
    const T = true;
    const F = false;
    expect(
      rectangles([
        [T, T, F, T],
        [T, T, F, F],
        [F, T, T, F],
      ]).map(boxAddress),
    ).toEqual(["A1:B2", "D1", "B3:C3"]);
    // Random grids: the rectangles cover the marked cells exactly, without overlap.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) % 3 !== 0;
    for (let n = 0; n < 200; n++) {
      const grid = Array.from({ length: 5 }, () => Array.from({ length: 6 }, random));
      const covered = rectangles(grid).flatMap(cells).sort();
      const marked = grid.flatMap((row, r) => row.flatMap((m, c) => (m ? [cellAddress(r, c)] : []))).sort();
      expect(covered).toEqual(marked);
    }
  });

  it("with the spill ranges Excel reports: the CRITMIN cells and their spills, nothing of the person's", () => {
    const plan = planFreeze({ ...sheet(), spills: new Map([["E2", "Data!E2:F5"]]) });
    expect(written(plan)).toEqual(["B6", "E2", "E3", "E4", "E5", "F2", "F3", "F4", "F5"]);
    const table = plan.blocks.find((b) => b.address === "E2:F5")!;
    expect(table.formulas).toEqual([
      ["Rank", "Country"],
      [1, "CHN"],
      [2, "FIN"],
      ["", "ROW"],
    ]);
    // Nothing in the table changes format; the share takes its function's.
    expect(table.numberFormat).toBeUndefined();
    expect(plan.blocks.find((b) => b.address === "B6")).toEqual({
      address: "B6",
      formulas: [[0.5]],
      numberFormat: [["0.0%"]],
    });
    expect(plan.formulas).toEqual([TOP, SHARE]);
    expect(plan.entities).toEqual([]);
  });

  it("where the host cannot say where results spill, guesses the same block here", () => {
    const plan = planFreeze(sheet());
    expect(written(plan)).toEqual(["B6", "E2", "E3", "E4", "E5", "F2", "F3", "F4", "F5"]);
  });

  it("only a one-value function called with literals is known not to spill", () => {
    expect(maySpill(SHARE)).toBe(false);
    expect(maySpill('=critmindev.hhi("cobalt",,2023)')).toBe(false);
    expect(maySpill("=CRITMIN.CHINA_SHARE(A1:A3)")).toBe(true);
    expect(maySpill('=CRITMIN.CHINA_SHARE({"cobalt";"lithium"})')).toBe(true);
    expect(maySpill(`${SHARE}*100`)).toBe(true);
    expect(maySpill(TOP)).toBe(true);
    expect(maySpill('=CRITMIN.MINERAL("cobalt")')).toBe(true);
  });

  it("a guessed block: one cell for a one-value call with literals; a linked entity or formula ends it", () => {
    const read = sheet();
    expect(guessedSpill(read, 4, 0)).toEqual({ row: 4, column: 0, rows: 1, columns: 1 });
    expect(guessedSpill(read, 0, 3)).toEqual({ row: 0, column: 3, rows: 4, columns: 2 });
    // A share of a range of minerals may spill: the constants below it are taken for its values.
    const ranged = {
      address: "A1:B3",
      formulas: [
        ["=CRITMIN.CHINA_SHARE(C1:C2)", "x"],
        [0.2, ""],
        ["", ""],
      ],
    };
    expect(guessedSpill(ranged, 0, 0)).toEqual({ row: 0, column: 0, rows: 2, columns: 2 });
    const linked = {
      ...ranged,
      valuesAsJson: [
        [{}, LINKED],
        [{ type: "Double" }, {}],
      ],
    };
    expect(guessedSpill(linked, 0, 0)).toEqual({ row: 0, column: 0, rows: 2, columns: 1 });
    const formula = {
      address: "A1:B2",
      formulas: [
        [TOP, "=NOW()"],
        ["=A1", ""],
      ],
    };
    expect(guessedSpill(formula, 0, 0)).toEqual({ row: 0, column: 0, rows: 1, columns: 1 });
  });

  it("keeps the person's number format in a written cell, and writes a spilled card back as its entity", () => {
    const card = { type: "Entity", text: "Cobalt", properties: {} };
    const read: ReadRange = {
      address: "A1:B2",
      formulas: [
        [SHARE, "=CRITMIN.MINERAL(C1:C2)"],
        ["", "Lithium"],
      ],
      values: [
        [0.5, "Cobalt"],
        ["", "Lithium"],
      ],
      numberFormat: [
        ["0%", "General"],
        ["General", "General"],
      ],
      valuesAsJson: [
        [{ type: "Double", basicValue: 0.5 }, card],
        [
          { type: "String", basicValue: "" },
          { ...card, text: "Lithium" },
        ],
      ],
      spills: new Map([["B1", "B1:B2"]]),
    };
    const plan = planFreeze(read);
    expect(plan.blocks).toEqual([
      { address: "A1:B1", formulas: [[0.5, "Cobalt"]], numberFormat: undefined },
      { address: "B2", formulas: [["Lithium"]], numberFormat: undefined },
    ]);
    expect(plan.entities.map((e) => [e.address, (e.value as Excel.EntityCellValue).text])).toEqual([
      ["B1", "Cobalt"],
      ["B2", "Lithium"],
    ]);
  });
});
