// Reader for the IEA Critical Minerals Data Explorer, May 2025 (base year 2024), as converted to
// JSON by a third party. Rule `iea-2025-json-source-label`: its `source` field says "(2024)", but
// its base-year column is 2024, so it is the May 2025 edition.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DemandTable, Scenario } from "../../src/schema/rows.ts";
import { jsonLocator } from "../locators.ts";
import { SourceError, SourceProblems } from "../problems.ts";
import type { ReaderOutput } from "../types.ts";
import type { IeaDemandCell, IeaEdition, IeaSupplyBlock, Located } from "./iea-common.ts";
import {
  demandRows,
  isDerivedLabel,
  isNoteLabel,
  JSON_SUPPLY_LABELS,
  SCENARIO_LABELS,
  supplyRows,
} from "./iea-common.ts";

export const IEA_2025_FILE = "iea/IEA_CM_Data_Explorer_2025-05.parsed.json";
export const IEA_2025_BASE_YEAR = 2024;
const EDITION: IeaEdition = { id: "iea-cmde-2025", baseYear: IEA_2025_BASE_YEAR };
const SCENARIOS = Object.values(SCENARIO_LABELS);

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function readIea2025(dataDir: string): ReaderOutput {
  const fileName = path.basename(IEA_2025_FILE);
  let doc: Json;
  try {
    doc = JSON.parse(readFileSync(path.join(dataDir, IEA_2025_FILE), "utf8"));
  } catch (error) {
    throw new SourceError(IEA_2025_FILE, [`cannot read the JSON: ${(error as Error).message}`]);
  }
  const problems = new SourceProblems();
  const at = (...p: (string | number)[]) => jsonLocator(fileName, p);
  if (!isObject(doc)) throw new SourceError(IEA_2025_FILE, ["expected an object at the top level"]);

  const section = (key: string): Record<string, Json> => {
    const v = doc[key];
    if (!isObject(v)) {
      problems.add(at(key), "missing or not an object");
      return {};
    }
    return v;
  };

  const blocks = readSupply(section("supply"), at, problems);
  const cells: IeaDemandCell[] = [];
  // Every demand table of this file is the base case: the file has no other variant.
  const addSeries = (series: Json, where: string[], table: DemandTable, mineral: string, use: string) =>
    cells.push(...seriesCells(series, where, table, mineral, use, "Base case", at, problems));
  for (const [mineral, entry] of Object.entries(section("totalDemand"))) {
    if (!isObject(entry)) continue;
    for (const [sector, series] of Object.entries(isObject(entry.sectors) ? entry.sectors : {})) {
      addSeries(series, ["totalDemand", mineral, "sectors", sector], "total-demand", mineral, sector);
    }
    const totals: [string, string][] = [
      ["totalClean", "Total clean technologies"],
      ["otherUses", "Other uses"],
      ["totalDemand", "Total demand"],
    ];
    for (const [key, label] of totals) {
      addSeries(entry[key], ["totalDemand", mineral, key], "total-demand", mineral, label);
    }
    // `cleanShare` is a ratio of two rows above: rule `iea-derived-rows-skipped`.
  }
  for (const [mineral, entry] of Object.entries(section("cleantechByTech"))) {
    if (!isObject(entry)) continue;
    for (const [sector, series] of Object.entries(isObject(entry.sectors) ? entry.sectors : {})) {
      addSeries(series, ["cleantechByTech", mineral, "sectors", sector], "clean-tech-by-sector", mineral, sector);
    }
    addSeries(
      entry.total,
      ["cleantechByTech", mineral, "total"],
      "clean-tech-by-sector",
      mineral,
      "Total clean technologies",
    );
  }
  for (const [mineral, series] of Object.entries(section("cleantechByMineral"))) {
    if (isDerivedLabel(mineral)) continue;
    addSeries(series, ["cleantechByMineral", mineral], "clean-tech-by-mineral", mineral, "Total clean technologies");
  }
  for (const [technology, entry] of Object.entries(section("byTechnology"))) {
    if (!isObject(entry) || !isObject(entry.minerals)) continue;
    for (const [mineral, series] of Object.entries(entry.minerals)) {
      if (isDerivedLabel(mineral)) continue;
      addSeries(series, ["byTechnology", technology, "minerals", mineral], "technology", mineral, technology);
    }
  }
  problems.throwIfAny(IEA_2025_FILE);
  const supply = supplyRows(EDITION, blocks, problems);
  const demand = demandRows(EDITION, cells, problems);
  problems.throwIfAny(IEA_2025_FILE);
  return { supply, demand, indicators: [] };
}

/** `{ "2024": v, "STEPS": { "2030": v, … }, … }` → located cells. */
function seriesCells(
  series: Json,
  where: string[],
  table: DemandTable,
  mineralLabel: string,
  useLabel: string,
  variantLabel: string,
  at: (...p: (string | number)[]) => string,
  problems: SourceProblems,
): IeaDemandCell[] {
  if (!isObject(series)) {
    problems.add(at(...where), "expected a series object");
    return [];
  }
  const cells: IeaDemandCell[] = [];
  const push = (scenario: Scenario | null, yearKey: string, value: Json, path: string[]) => {
    const year = Number(yearKey);
    if (!Number.isInteger(year)) return problems.add(at(...path), `expected a year key, got "${yearKey}"`);
    if (typeof value !== "number") return problems.add(at(...path), `expected a number, got ${JSON.stringify(value)}`);
    cells.push({ table, mineralLabel, useLabel, variantLabel, scenario, year, value, locator: at(...path) });
  };
  for (const [key, value] of Object.entries(series)) {
    if ((SCENARIOS as string[]).includes(key)) {
      if (!isObject(value)) {
        problems.add(at(...where, key), "expected years under a scenario");
        continue;
      }
      for (const [year, v] of Object.entries(value)) push(key as Scenario, year, v, [...where, key, year]);
    } else {
      push(null, key, value, [...where, key]);
    }
  }
  return cells;
}

function readSupply(
  supply: Record<string, Json>,
  at: (...p: (string | number)[]) => string,
  problems: SourceProblems,
): IeaSupplyBlock[] {
  const blocks: IeaSupplyBlock[] = [];
  for (const [mineral, stages] of Object.entries(supply)) {
    const labels = JSON_SUPPLY_LABELS[mineral];
    if (!labels || !isObject(stages)) {
      problems.add(at("supply", mineral), "unknown supply mineral");
      continue;
    }
    for (const [stage, block] of Object.entries(stages)) {
      const label = labels[stage];
      if (!label || !isObject(block) || !isObject(block.countries) || !isObject(block.total)) {
        problems.add(at("supply", mineral, stage), "expected a block with countries and total");
        continue;
      }
      const entries: { name: string; values: Map<number, Located> }[] = [];
      for (const [name, byYear] of Object.entries(block.countries)) {
        if (isNoteLabel(name)) continue;
        entries.push({ name, values: yearValues(byYear, ["supply", mineral, stage, "countries", name], at, problems) });
      }
      const total = yearValues(block.total, ["supply", mineral, stage, "total"], at, problems);
      blocks.push({ label, entries, total });
    }
  }
  return blocks;
}

function yearValues(
  byYear: Json,
  where: string[],
  at: (...p: (string | number)[]) => string,
  problems: SourceProblems,
): Map<number, Located> {
  const values = new Map<number, Located>();
  if (!isObject(byYear)) {
    problems.add(at(...where), "expected values by year");
    return values;
  }
  for (const [yearKey, v] of Object.entries(byYear)) {
    const year = Number(yearKey);
    if (!Number.isInteger(year)) problems.add(at(...where, yearKey), "expected a year key");
    else if (typeof v === "number") values.set(year, { value: v, locator: at(...where, yearKey) });
    else problems.add(at(...where, yearKey), `expected a number, got ${JSON.stringify(v)}`);
  }
  return values;
}
