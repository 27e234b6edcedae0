// Issue 17 item 4: freeze for sharing keeps the citations. A frozen CRITMIN cell keeps its value
// and its unit's number format (which any Excel shows, add-in or not); where the host has data
// types a card is written back as the entity value it was, with its attribution; the person's own
// cells and formats are not touched, and the Sources sheet is still written. Only the add-in's
// cells are written into the copy (CRITMIN formulas and their spills): a linked data type, the
// person's formulas and array formulas keep what `worksheet.copy()` made. Mocked Excel
// (office-addin-mock, mockWorkbook.ts, which records every write and spill-range read); the values
// come from the add-in's own functions.
import * as core from "@critmin/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { forceDataTypes } from "../../src/adapter/dataTypes.ts";
import * as functions from "../../src/functions/functions.ts";
import { freezeForSharing } from "../../src/workbook/excel.ts";
import { soleCall } from "../../src/workbook/freeze.ts";
import { forceSpillApi } from "../../src/workbook/freezePlan.ts";
import { boxOf, cellAddress } from "../../src/workbook/formulas.ts";
import { cellValue } from "../cellValues.ts";
import { installStubRuntime, uninstallStubRuntime } from "../stub-runtime.ts";
import { mockExcel, type MockExcel, type SheetData } from "./mockWorkbook.ts";

const scope = globalThis as { Excel?: unknown };
beforeAll(() => installStubRuntime());
afterAll(() => uninstallStubRuntime());
afterEach(() => {
  delete scope.Excel;
  forceDataTypes(undefined);
  forceSpillApi(undefined);
});

function use(mock: MockExcel): MockExcel {
  scope.Excel = mock.Excel;
  return mock;
}

const info = { datasetVersion: core.datasetVersion() };
const COBALT = '=CRITMIN.CHINA_SHARE("cobalt")';

/** A1 a share, A2 the same share ×100, A3 a share the person formatted themselves, B1 their own number. */
function shares(value: number): SheetData {
  return {
    address: "A1:B3",
    formulas: [
      [COBALT, 1234.5],
      [`${COBALT}*100`, ""],
      ['=CRITMIN.CHINA_SHARE("lithium")', ""],
    ],
    values: [
      [value, 1234.5],
      [value * 100, ""],
      [0.7, ""],
    ],
    numberFormat: [
      ["General", "General"],
      ["General", "General"],
      ["0%", "General"],
    ],
  };
}

// The mock names a copy's writes by the sheet it was copied from.
const writeOf = (mock: MockExcel, key: "formulas" | "numberFormat" | "valuesAsJson") =>
  mock.writes.filter((w) => w.sheet === "Data (copy)" && w[key]);

/** Every cell of the copy that got anything written (values, formats or entities), sorted. */
function writtenCells(mock: MockExcel): string[] {
  const cells = new Set<string>();
  for (const w of mock.writes.filter((w) => w.sheet === "Data (copy)")) {
    if (!w.formulas && !w.values && !w.numberFormat && !w.valuesAsJson) continue;
    const box = boxOf(w.address);
    for (let r = box.row; r < box.row + box.rows; r++)
      for (let c = box.column; c < box.column + box.columns; c++) cells.add(cellAddress(r, c));
  }
  return [...cells].sort();
}

describe("freeze keeps units and sources", () => {
  it("without data types: a frozen CHINA_SHARE keeps its value and 0.0%; other formats stay", async () => {
    forceDataTypes(false);
    const value = functions.chinaShare([["cobalt"]])[0]![0] as number;
    expect(value).toBe(core.chinaShare("cobalt"));
    const mock = use(mockExcel({ Data: shares(value) }));
    const result = await freezeForSharing(null, core.editions(), info);
    expect(result.sheets[0]).toMatchObject({ to: "Frozen – Data", frozen: 3 });
    expect(writeOf(mock, "formulas").map((w) => [w.address, w.formulas])).toEqual([
      ["A1:A3", [[value], [value * 100], [0.7]]],
    ]);
    const [formats] = writeOf(mock, "numberFormat");
    expect(formats!.address).toBe("A1:A3");
    expect(formats!.numberFormat).toEqual([
      ["0.0%"],
      // ×100 is no longer a share: no share format for it.
      ["General"],
      // The person's own format wins.
      ["0%"],
    ]);
    // B1, the person's own number, is not written.
    expect(writtenCells(mock)).toEqual(["A1", "A2", "A3"]);
    expect(writeOf(mock, "valuesAsJson")).toEqual([]);
    expect(mock.writes.some((w) => w.sheet === "Frozen – Sources" && w.values)).toBe(true);
    expect(mock.syncs()).toBe(3);
  });

  it("with data types: the formatted value's format, and a MINERAL card written as its entity with attribution", async () => {
    forceDataTypes(true);
    forceSpillApi(true);
    const [share, lithium] = functions
      .chinaShare([["cobalt"], ["lithium"]])
      .map((row) => cellValue(row[0]) as Excel.FormattedNumberCellValue);
    const card = functions.mineral("cobalt")[0]![0] as Excel.EntityCellValue;
    expect(card.type).toBe("Entity");
    expect(lithium!.type).toBe("FormattedNumber");
    // A linked data type the person typed in (not a CRITMIN cell): left as it is.
    const theirs = { type: "Entity", text: "Mine", properties: {} };
    const blank = { type: "String", basicValue: "" };
    const mock = use(
      mockExcel({
        Data: {
          address: "B2:C4",
          // B2 spills two shares into B2:B3 (B3 has no formula of its own, a formatted value).
          formulas: [
            ['=CRITMIN.CHINA_SHARE({"cobalt";"lithium"})', "Mine"],
            [lithium!.basicValue, ""],
            ['=CRITMIN.MINERAL("cobalt")', ""],
          ],
          values: [
            [share!.basicValue, "Mine"],
            [lithium!.basicValue, ""],
            [card.text, ""],
          ],
          valuesAsJson: [
            [share, theirs],
            [lithium, blank],
            [card, blank],
          ],
          spills: { B2: "B2:B3" },
        },
      }),
    );
    const result = await freezeForSharing(null, core.editions(), info);
    expect(result.sheets[0]!.frozen).toBe(2);
    expect(writeOf(mock, "formulas").map((w) => [w.address, w.formulas])).toEqual([
      ["B2:B4", [[share!.basicValue], [lithium!.basicValue], [card.text]]],
    ]);
    expect(writeOf(mock, "numberFormat")[0]!.numberFormat).toEqual([
      [share!.numberFormat],
      [lithium!.numberFormat],
      ["General"],
    ]);
    expect(share!.numberFormat).toBe("0.0%");
    expect(writtenCells(mock)).toEqual(["B2", "B3", "B4"]);
    const entities = writeOf(mock, "valuesAsJson");
    expect(entities.map((w) => w.address)).toEqual(["B4"]);
    const written = entities[0]!.valuesAsJson![0]![0] as Excel.EntityCellValue;
    expect(written.type).toBe("Entity");
    expect(written.text).toBe(card.text);
    const usgs = core.editions().find((e) => e.id.startsWith("usgs-"))!;
    expect(written.provider?.description).toContain(usgs.publisher);
    const attributions = Object.values(written.properties!).flatMap(
      (p) => (p as Excel.EntityPropertyExtraProperties).propertyMetadata?.attribution ?? [],
    );
    expect(attributions.length).toBeGreaterThan(0);
    expect(attributions.every((a) => a.sourceText && a.sourceAddress?.startsWith("http"))).toBe(true);
    expect(mock.writes.some((w) => w.sheet === "Frozen – Sources" && w.values)).toBe(true);
    // Scan: names + one batch; the spill ranges of both anchors in one; the copies and Sources in one.
    expect(mock.spillReads).toEqual(["Data!B2", "Data!B4"]);
    expect(mock.syncs()).toBe(4);
  });
});

/** A value as valuesAsJson reads it. */
const json = (v: unknown) =>
  typeof v === "number" ? { type: "Double", basicValue: v } : { type: "String", basicValue: String(v) };

/**
 * A1:A2 the person's numbers; B1 a Stocks value; C1 their =SUM(A1:A2); D1 =SEQUENCE(2) spilling
 * D1:D2; E1:E2 a legacy array formula; F1 a CRITMIN share; H1 TOP_PRODUCERS spilling H1:L5; M1 the
 * person's note beside the table. Values from the add-in's own functions.
 */
function mixed(dataTypes: boolean): { data: SheetData; share: number; table: unknown[][] } {
  const shareCell = functions.chinaShare([["cobalt"]])[0]![0];
  const share = dataTypes ? (shareCell as Excel.FormattedNumberCellValue).basicValue : (shareCell as number);
  const table = functions.topProducers("cobalt", "refining" as never, 3);
  expect(table).toHaveLength(5);
  const rows = 5;
  const formulas: unknown[][] = Array.from({ length: rows }, () => Array<unknown>(13).fill(""));
  const values: unknown[][] = formulas.map((row) => [...row]);
  const set = (r: number, c: number, formula: unknown, value: unknown = formula) => {
    formulas[r]![c] = formula;
    values[r]![c] = value;
  };
  set(0, 0, 10);
  set(1, 0, 20);
  set(0, 1, "Microsoft Corp");
  set(0, 2, "=SUM(A1:A2)", 30);
  set(0, 3, "=SEQUENCE(2)", 1);
  set(1, 3, 2);
  set(0, 4, "=A1:A2*2", 20);
  set(1, 4, "=A1:A2*2", 40);
  set(0, 5, COBALT, share);
  table.forEach((row, r) => row.forEach((v, c) => set(r, 7 + c, v)));
  // The anchor holds the formula; the rest of the table has none of its own (as Excel reads a spill).
  formulas[0]![7] = '=CRITMIN.TOP_PRODUCERS("cobalt","refining",3)';
  set(0, 12, "checked");
  const valuesAsJson = values.map((row) => row.map(json));
  valuesAsJson[0]![1] = {
    type: "LinkedEntity",
    text: "Microsoft Corp",
    id: { entityId: "MSFT", domainId: "financial", serviceId: 268435456, culture: "en-US" },
  } as never;
  if (dataTypes) valuesAsJson[0]![5] = shareCell as never;
  return {
    data: {
      address: "A1:M5",
      formulas,
      values,
      ...(dataTypes ? { valuesAsJson } : {}),
      spills: { D1: "D1:D2", H1: "H1:L5" },
    },
    share,
    table,
  };
}

describe("freeze writes only the add-in's cells", () => {
  const THEIRS = ["A1", "A2", "B1", "C1", "D1", "D2", "E1", "E2", "M1"];
  const ADDED = ["F1", ...["H", "I", "J", "K", "L"].flatMap((c) => [1, 2, 3, 4, 5].map((r) => `${c}${r}`))];

  it("leaves a linked entity, a formula and array formulas untouched; writes the share and the spilled table", async () => {
    forceDataTypes(true);
    forceSpillApi(true);
    const { data, share, table } = mixed(true);
    const mock = use(mockExcel({ Data: data }));
    const result = await freezeForSharing(null, core.editions(), info);
    expect(result.sheets[0]).toMatchObject({ to: "Frozen – Data", frozen: 2 });
    expect(writtenCells(mock)).toEqual([...ADDED].sort());
    expect(writtenCells(mock).filter((c) => THEIRS.includes(c))).toEqual([]);
    const writes = writeOf(mock, "formulas");
    expect(writes.map((w) => w.address)).toEqual(["F1", "H1:L5"]);
    expect(writes[0]!.formulas).toEqual([[share]]);
    expect(writes[0]!.numberFormat).toEqual([["0.0%"]]);
    expect(writes[1]!.formulas).toEqual(table);
    // Only the table's spill range is asked for (a share of one literal mineral cannot spill), in one sync.
    expect(mock.spillReads).toEqual(["Data!H1"]);
    expect(mock.writes.some((w) => w.sheet === "Frozen – Sources" && w.values)).toBe(true);
    expect(mock.syncs()).toBe(4);
  });

  it("where the host cannot say where results spill (no ExcelApi 1.12): the same cells, guessed from the values", async () => {
    forceDataTypes(false);
    forceSpillApi(false);
    const { data, share, table } = mixed(false);
    // Without the API a constant next to the table's header is taken for part of it: keep M1 clear here.
    data.formulas[0]![12] = "";
    data.values[0]![12] = "";
    const mock = use(mockExcel({ Data: data }));
    await freezeForSharing(null, core.editions(), info);
    expect(writtenCells(mock)).toEqual([...ADDED].sort());
    const writes = writeOf(mock, "formulas");
    expect(writes.map((w) => [w.address, w.formulas])).toEqual([
      ["F1", [[share]]],
      ["H1:L5", table],
    ]);
    expect(writes[0]!.numberFormat).toEqual([["0.0%"]]);
    expect(mock.spillReads).toEqual([]);
    expect(mock.syncs()).toBe(3);
  });
});

describe("spill ranges on a large workbook", () => {
  it("are asked for in batches of 5,000 anchors, one sync each", async () => {
    forceSpillApi(true);
    const n = 5_001;
    const formulas = Array.from({ length: n }, (_, r) => [`=CRITMIN.CHINA_SHARE(B${r + 1})`, "cobalt"]);
    const values = formulas.map(() => [0.5, "cobalt"]);
    const mock = use(mockExcel({ Data: { address: `A1:B${n}`, formulas, values } }));
    const result = await freezeForSharing(null, core.editions(), info);
    expect(result.sheets[0]!.frozen).toBe(n);
    expect(mock.spillReads).toHaveLength(n);
    // Scan: names + one batch; spill ranges: two; the copies and Sources: one.
    expect(mock.syncs()).toBe(5);
    expect(writeOf(mock, "formulas").map((w) => w.address)).toEqual([`A1:A${n}`]);
  });
});

describe("soleCall", () => {
  it("names the function a formula is only a call of", () => {
    expect(soleCall(COBALT)).toBe("CHINA_SHARE");
    expect(soleCall('= critmin.hhi("cobalt", ")") ')).toBe("HHI");
    expect(soleCall("=CRITMIN.CHINA_SHARE(CRITMIN.MINERALS())")).toBe("CHINA_SHARE");
    expect(soleCall(`${COBALT}*100`)).toBeUndefined();
    expect(soleCall(`=1+${COBALT.slice(1)}`)).toBeUndefined();
    expect(soleCall("=SUM(1)")).toBeUndefined();
  });
});
