// Reader for the IEA Critical Minerals Data Explorer workbook (May 2024, base year 2023).
import path from "node:path";
import ExcelJS from "exceljs";
import type { DemandTable, Scenario } from "../../src/schema/rows.ts";
import { cellLocator } from "../locators.ts";
import { SourceError, SourceProblems } from "../problems.ts";
import type { ReaderOutput } from "../types.ts";
import type { IeaDemandCell, IeaEdition, IeaSupplyBlock, Located } from "./iea-common.ts";
import {
  demandRows,
  isDerivedLabel,
  isSupplyTotalLabel,
  SCENARIO_LABELS,
  supplyBlockInfo,
  supplyRows,
} from "./iea-common.ts";

export const IEA_2024_FILE = "iea/IEA_CM_Data_Explorer_2024-05.xlsx";
const EDITION: IeaEdition = { id: "iea-cmde-2024", baseYear: 2023 };
const SUPPLY_SHEET = "2 Total supply for key minerals";

/** Demand sheets and how their rows are grouped. */
const DEMAND_SHEETS: readonly { name: string; table: DemandTable; grouping: "mineral" | "variant" | "none" }[] = [
  { name: "1 Total demand for key minerals", table: "total-demand", grouping: "mineral" },
  { name: "3.1 Cleantech demand by tech", table: "clean-tech-by-sector", grouping: "mineral" },
  { name: "3.2 Cleantech demand by mineral", table: "clean-tech-by-mineral", grouping: "none" },
  { name: "4.1 Solar PV", table: "technology", grouping: "variant" },
  { name: "4.2 Wind", table: "technology", grouping: "variant" },
  { name: "4.3 EV", table: "technology", grouping: "variant" },
  { name: "4.4 Battery storage", table: "technology", grouping: "variant" },
  { name: "4.5 Electricity networks", table: "technology", grouping: "variant" },
  { name: "4.6 Hydrogen", table: "technology", grouping: "variant" },
];

export async function readIea2024(dataDir: string): Promise<ReaderOutput> {
  const file = path.join(dataDir, IEA_2024_FILE);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new SourceError(IEA_2024_FILE, [`cannot read the workbook: ${(error as Error).message}`]);
  }
  const problems = new SourceProblems();
  const fileName = path.basename(IEA_2024_FILE);
  const sheet = (name: string) => {
    const ws = workbook.getWorksheet(name);
    if (!ws) problems.add(fileName, `missing sheet "${name}"`);
    return ws;
  };

  const supplySheet = sheet(SUPPLY_SHEET);
  const blocks = supplySheet ? readSupplySheet(supplySheet, fileName, problems) : [];
  const cells = DEMAND_SHEETS.flatMap((spec) => {
    const ws = sheet(spec.name);
    return ws ? readDemandSheet(ws, spec, fileName, problems) : [];
  });
  problems.throwIfAny(IEA_2024_FILE);
  const supply = supplyRows(EDITION, blocks, problems);
  const demand = demandRows(EDITION, cells, problems);
  problems.throwIfAny(IEA_2024_FILE);
  return { supply, demand, indicators: [] };
}

/** Text of a cell, or a formula's cached result. */
function cellValue(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === "object" && "result" in v) return (v as { result: unknown }).result;
  if (v && typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return v;
}

function text(cell: ExcelJS.Cell): string {
  const v = cellValue(cell);
  return typeof v === "string" ? v.trim() : "";
}

/**
 * Sheet 2 holds two side-by-side tables: mining (label in A, years in B–E) and refining
 * (label in G, years in H–K). Block headers read "<mineral> - <stage>".
 */
function readSupplySheet(ws: ExcelJS.Worksheet, file: string, problems: SourceProblems): IeaSupplyBlock[] {
  const sides = [
    { labelCol: 1, valueCols: [2, 3, 4, 5] },
    { labelCol: 7, valueCols: [8, 9, 10, 11] },
  ];
  const blocks: IeaSupplyBlock[] = [];
  for (const side of sides) {
    const years = side.valueCols.map((c) => Number(cellValue(ws.getCell(4, c))));
    if (years.some((y) => !Number.isInteger(y))) {
      problems.add(
        cellLocator(file, ws.name, ws.getCell(4, side.valueCols[0]).address),
        "expected year headers in row 4",
      );
      continue;
    }
    let current:
      | { label: string; entries: { name: string; values: Map<number, Located> }[]; total: Map<number, Located> }
      | undefined;
    for (let r = 5; r <= ws.rowCount; r++) {
      const label = text(ws.getCell(r, side.labelCol));
      if (!label) continue;
      const values = new Map<number, Located>();
      side.valueCols.forEach((c, i) => {
        const cell = ws.getCell(r, c);
        const v = cellValue(cell);
        if (typeof v === "number")
          values.set(years[i]!, { value: v, locator: cellLocator(file, ws.name, cell.address) });
        else if (v !== null && v !== undefined && v !== "") {
          problems.add(cellLocator(file, ws.name, cell.address), `expected a number, got ${JSON.stringify(v)}`);
        }
      });
      if (values.size === 0) {
        if (supplyBlockInfo(label)) {
          current = { label, entries: [], total: new Map() };
          blocks.push(current);
        } else if (/ - /.test(label)) {
          problems.add(
            cellLocator(file, ws.name, ws.getCell(r, side.labelCol).address),
            `unknown supply block "${label}"`,
          );
        }
        continue;
      }
      const where = cellLocator(file, ws.name, ws.getCell(r, side.labelCol).address);
      if (!current) {
        problems.add(where, `values outside any block ("${label}")`);
      } else if (isSupplyTotalLabel(label)) {
        current.total = values;
      } else if (!isDerivedLabel(label)) {
        current.entries.push({ name: label, values });
      }
    }
  }
  for (const block of blocks) {
    if (block.total.size === 0) problems.add(block.label, "block has no total row");
  }
  return blocks;
}

/** Maps each value column to its scenario (row 4, spanning to the right) and year (row 5). */
function demandColumns(ws: ExcelJS.Worksheet): { col: number; scenario: Scenario | null; year: number }[] {
  const columns: { col: number; scenario: Scenario | null; year: number }[] = [];
  let scenario: Scenario | null = null;
  for (let c = 2; c <= 20; c++) {
    const label = text(ws.getCell(4, c));
    if (label) scenario = SCENARIO_LABELS[label] ?? null;
    const year = cellValue(ws.getCell(5, c));
    if (typeof year === "number" && Number.isInteger(year)) columns.push({ col: c, scenario, year });
  }
  return columns;
}

function readDemandSheet(
  ws: ExcelJS.Worksheet,
  spec: { name: string; table: DemandTable; grouping: "mineral" | "variant" | "none" },
  file: string,
  problems: SourceProblems,
): IeaDemandCell[] {
  const columns = demandColumns(ws);
  for (const label of [text(ws.getCell(4, 4)), text(ws.getCell(4, 10)), text(ws.getCell(4, 16))]) {
    if (!SCENARIO_LABELS[label]) problems.add(cellLocator(file, ws.name, "D4"), `unknown scenario header "${label}"`);
  }
  const technology = ws.name.replace(/^[\d.]+\s+/, "");
  const cells: IeaDemandCell[] = [];
  let group: string | undefined;
  for (let r = 6; r <= ws.rowCount; r++) {
    const label = text(ws.getCell(r, 1));
    if (!label) continue;
    const numbers = columns.flatMap(({ col, scenario, year }) => {
      const cell = ws.getCell(r, col);
      const v = cellValue(cell);
      if (typeof v === "number")
        return [{ scenario, year, value: v, locator: cellLocator(file, ws.name, cell.address) }];
      if (v !== null && v !== undefined && v !== "") {
        problems.add(cellLocator(file, ws.name, cell.address), `expected a number, got ${JSON.stringify(v)}`);
      }
      return [];
    });
    if (numbers.length === 0) {
      // A label alone heads a group (a mineral, or a technology case); notes start "Notes:".
      if (!label.startsWith("Notes:")) group = label;
      continue;
    }
    if (isDerivedLabel(label)) continue;
    if (spec.grouping !== "none" && !group) {
      problems.add(cellLocator(file, ws.name, `A${r}`), `values before any group header ("${label}")`);
      continue;
    }
    const labels =
      spec.grouping === "mineral"
        ? { mineralLabel: group!, useLabel: label, variantLabel: "Base case" }
        : spec.grouping === "variant"
          ? { mineralLabel: label, useLabel: technology, variantLabel: group! }
          : { mineralLabel: label, useLabel: "Total clean technologies", variantLabel: "Base case" };
    for (const n of numbers) cells.push({ table: spec.table, ...labels, ...n });
  }
  return cells;
}
