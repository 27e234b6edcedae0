import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { DemandRow, SupplyRow } from "../../src/schema/rows.ts";
import type { ReaderOutput } from "../types.ts";
import { isDerivedLabel, restOfWorld, variantId } from "./iea-common.ts";
import { readIea2025 } from "./iea-json.ts";
import { readIea2024 } from "./iea-xlsx.ts";
import { SOURCE_DIR as dataDir } from "../sourceDir.ts";

const XLSX = path.join(dataDir, "iea/IEA_CM_Data_Explorer_2024-05.xlsx");
const JSON_FILE = path.join(dataDir, "iea/IEA_CM_Data_Explorer_2025-05.parsed.json");

// The raw sources, opened here without the readers.
let workbook: ExcelJS.Workbook;
let raw: unknown;
let ed2024: ReaderOutput;
let ed2025: ReaderOutput;

beforeAll(async () => {
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(XLSX);
  raw = JSON.parse(readFileSync(JSON_FILE, "utf8"));
  ed2024 = await readIea2024(dataDir);
  ed2025 = readIea2025(dataDir);
});

function rawCell(locator: string): unknown {
  const m = /^[^!]+!'([^']+)'!([A-Z]+\d+)$/.exec(locator);
  if (!m) throw new Error(`not a cell locator: ${locator}`);
  const v = workbook.getWorksheet(m[1])!.getCell(m[2]!).value;
  return v && typeof v === "object" && "result" in v ? v.result : v;
}

/** The raw JSON value at a path of keys. */
function rawAt(...keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], raw);
}

function rawPointer(locator: string): unknown {
  const pointer = locator.split("#")[1]!;
  return rawAt(
    ...pointer
      .split("/")
      .slice(1)
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~")),
  );
}

/** Finds a label in a sheet by scanning, the way a person would. */
function findRow(sheet: string, column: string, label: string, after = 1): number {
  const ws = workbook.getWorksheet(sheet)!;
  for (let r = after; r <= ws.rowCount; r++) if (ws.getCell(`${column}${r}`).value === label) return r;
  throw new Error(`${label} not found in ${sheet} column ${column}`);
}

const num = (v: unknown) => v as number;

describe("iea-cmde-2024 reader (xlsx)", () => {
  it("reads every value from the cell its locator names", () => {
    const located = [...ed2024.supply, ...ed2024.demand].filter((r) => !r.locator.startsWith("derived:"));
    expect(located.length).toBeGreaterThan(4000);
    const wrong = located.filter((r) => rawCell(r.locator) !== r.value).map((r) => r.locator);
    expect(wrong).toEqual([]);
  });

  it("China's 2023 cobalt refining share is China's cell over the block total", () => {
    const header = findRow("2 Total supply for key minerals", "G", "Cobalt - Refining");
    const china = findRow("2 Total supply for key minerals", "G", "China", header);
    const total = findRow("2 Total supply for key minerals", "G", "Total clean technologies", header);
    const row = ed2024.supply.find(
      (r) => r.mineral === "cobalt" && r.stage === "refining" && r.year === 2023 && r.country === "CHN",
    )!;
    const sheet = workbook.getWorksheet("2 Total supply for key minerals")!;
    expect(row.share).toBe(num(sheet.getCell(`H${china}`).value) / num(sheet.getCell(`H${total}`).value));
    expect(row.tonnes).toBe(num(sheet.getCell(`H${china}`).value) * 1000);
    expect(row.rules).toEqual([]);
  });

  it("covers six minerals × two stages × 2023 observed and 2030/2035/2040 base case", () => {
    const blocks = new Set(ed2024.supply.map((r) => `${r.mineral}|${r.stage}|${r.year}|${r.kind}|${r.case}`));
    for (const mineral of ["copper", "cobalt", "lithium", "nickel", "graphite", "rare-earths"]) {
      for (const stage of ["mining", "refining"]) {
        expect(blocks).toContain(`${mineral}|${stage}|2023|observed|null`);
        for (const year of [2030, 2035, 2040])
          expect(blocks).toContain(`${mineral}|${stage}|${year}|projection|base-case`);
      }
    }
  });

  it("recomputes rest of world in the four double-counted blocks and nowhere else", () => {
    const fixed = new Set(
      ed2024.supply
        .filter((r) => r.rules.includes("iea-rest-of-world-double-count"))
        .map((r) => `${r.mineral} ${r.stage}`),
    );
    expect([...fixed].sort()).toEqual(["graphite mining", "graphite refining", "nickel mining", "nickel refining"]);
    // Nickel mining 2023: the printed rows exceed the total by exactly Australia's value.
    const ws = workbook.getWorksheet("2 Total supply for key minerals")!;
    const header = findRow(ws.name, "A", "Nickel - Mining");
    const rowOf = (label: string) => findRow(ws.name, "A", label, header);
    const v = (label: string) => num(ws.getCell(`B${rowOf(label)}`).value);
    const listed = ["Indonesia", "Philippines", "New Caledonia", "Russia", "Canada", "Australia"].map(v);
    const sum = listed.reduce((a, b) => a + b, 0);
    expect(sum + v("Rest of world") - v("Total")).toBeCloseTo(v("Australia"), 9);
    const row = ed2024.supply.find(
      (r) => r.mineral === "nickel" && r.stage === "mining" && r.year === 2023 && r.country === "ROW",
    )!;
    expect(row.value).toBeCloseTo(v("Total") - sum, 9);
    expect(row.locator).toMatch(/^derived:iea-rest-of-world-double-count\(/);
  });

  it("reconciles every block: countries and rest of world sum to the total", () => {
    const off = blockSums(ed2024.supply).filter((b) => Math.abs(b.sum - b.total) > 1e-6 * b.total);
    expect(off).toEqual([]);
  });

  it("skips derived rows (top-3 shares, clean-tech shares, cross-mineral totals)", () => {
    const labels = ed2024.demand.map((r) => rawCell(r.locator.replace(/![A-Z]+(\d+)$/, "!A$1")));
    expect(labels.filter((l) => typeof l === "string" && isDerivedLabel(l))).toEqual([]);
    expect(ed2024.supply.some((r) => r.share !== null && r.share > 1)).toBe(false);
  });

  it('iea-derived-rows-skipped: each technology sheet\'s "Total <technology>" is the sum of its stored mineral rows', () => {
    // Sheet → `use`, as the reader names it; scenarios and years from the sheet's own headers.
    const sheets: Record<string, string> = {
      "4.1 Solar PV": "solar-pv",
      "4.2 Wind": "wind",
      "4.3 EV": "electric-vehicles",
      "4.4 Battery storage": "grid-battery-storage",
      "4.5 Electricity networks": "electricity-networks",
      "4.6 Hydrogen": "hydrogen",
    };
    const scenarios: Record<string, string> = {
      "Stated Policies scenario": "STEPS",
      "Announced Pledges scenario": "APS",
      "Net Zero Emissions by 2050 scenario": "NZE",
    };
    const checked: string[] = [];
    const off: string[] = [];
    for (const [name, use] of Object.entries(sheets)) {
      const ws = workbook.getWorksheet(name)!;
      const columns: { col: number; scenario: string | null; year: number }[] = [];
      let scenario: string | null = null;
      for (let c = 2; c <= ws.columnCount; c++) {
        const title = ws.getCell(4, c).value;
        if (typeof title === "string") scenario = scenarios[title.trim()] ?? null;
        const year = ws.getCell(5, c).value;
        if (typeof year === "number") columns.push({ col: c, scenario, year });
      }
      let group = "";
      for (let r = 6; r <= ws.rowCount; r++) {
        const label = ws.getCell(r, 1).value;
        if (typeof label !== "string") continue;
        const cells = columns.map((c) => ({ ...c, value: rawCell(`f!'${name}'!${ws.getCell(r, c.col).address}`) }));
        if (cells.every((c) => typeof c.value !== "number")) group = label.trim();
        if (!label.startsWith("Total ")) continue;
        for (const c of cells.filter((x) => typeof x.value === "number")) {
          const stored = ed2024.demand.filter(
            (d) =>
              d.table === "technology" &&
              d.use === use &&
              d.variant === variantId(group) &&
              d.scenario === c.scenario &&
              d.year === c.year,
          );
          const sum = stored.reduce((a, d) => a + d.value, 0);
          const total = num(c.value);
          checked.push(`${name} ${label}`);
          if (stored.length === 0 || Math.abs(sum - total) > 1e-9 * Math.max(1, total))
            off.push(`${name} ${group} ${c.scenario ?? "base"} ${c.year}: rows sum to ${sum}, total ${total}`);
        }
      }
    }
    expect(off).toEqual([]);
    // 14 total rows, one per case (electricity networks has copper only and no total): 209 cells.
    expect(new Set(checked.map((c) => c.split(" Total ")[0]))).toEqual(
      new Set(["4.1 Solar PV", "4.2 Wind", "4.3 EV", "4.4 Battery storage", "4.6 Hydrogen"]),
    );
    expect(checked.length).toBe(209);
  });

  it("reads demand for all scenarios, the technology cases and the base year", () => {
    const lithiumEv = ed2024.demand.filter(
      (r) => r.table === "total-demand" && r.mineral === "lithium" && r.use === "electric-vehicles",
    );
    expect(lithiumEv.map((r) => `${r.scenario ?? "base"}:${r.year}`).sort()).toEqual(
      [
        "base:2023",
        ...["APS", "NZE", "STEPS"].flatMap((s) => [2030, 2035, 2040, 2045, 2050].map((y) => `${s}:${y}`)),
      ].sort(),
    );
    const ws = workbook.getWorksheet("1 Total demand for key minerals")!;
    const header = findRow(ws.name, "A", "Lithium");
    const r = findRow(ws.name, "A", "Electric vehicles", header);
    const nze2040 = lithiumEv.find((d) => d.scenario === "NZE" && d.year === 2040)!;
    expect(nze2040.value).toBe(ws.getCell(`R${r}`).value);
    expect(nze2040.tonnes).toBe(num(ws.getCell(`R${r}`).value) * 1000);
    const variants = new Set(ed2024.demand.filter((d) => d.table === "technology").map((d) => d.variant));
    expect(variants).toContain("wider-adoption-of-perovskite-solar-cells");
    expect(variants).toContain("base-case");
  });

  it("every row validates against the schema", () => {
    expect(ed2024.supply.filter((r) => !SupplyRow.safeParse(r).success)).toEqual([]);
    expect(ed2024.demand.filter((r) => !DemandRow.safeParse(r).success)).toEqual([]);
  });
});

describe("iea-cmde-2025 reader (json)", () => {
  it("reads every value from the JSON pointer its locator names", () => {
    const located = [...ed2025.supply, ...ed2025.demand].filter((r) => !r.locator.startsWith("derived:"));
    expect(located.length).toBeGreaterThan(3000);
    expect(located.filter((r) => rawPointer(r.locator) !== r.value).map((r) => r.locator)).toEqual([]);
  });

  it("treats 2024 as the observed base year (the file's own label says 2024, rule iea-2025-json-source-label)", () => {
    expect(rawAt("source")).toContain("(2024)");
    const years = new Set(ed2025.supply.filter((r) => r.kind === "observed").map((r) => r.year));
    expect([...years]).toEqual([2024]);
    const china = rawAt("supply", "Cobalt", "refining", "countries", "China", "2024") as number;
    const total = rawAt("supply", "Cobalt", "refining", "total", "2024") as number;
    const row = ed2025.supply.find(
      (r) => r.mineral === "cobalt" && r.stage === "refining" && r.year === 2024 && r.country === "CHN",
    )!;
    expect(row.share).toBe(china / total);
  });

  it("drops the footnotes the JSON lists among rare-earth countries", () => {
    const names = Object.keys(rawAt("supply", "Rare Earth Elements", "mining", "countries") as object);
    expect(names.some((n) => n.startsWith("Notes:"))).toBe(true);
    const countries = ed2025.supply
      .filter((r) => r.mineral === "rare-earths" && r.stage === "mining" && r.year === 2024)
      .map((r) => r.country);
    expect(countries.sort()).toEqual(["AUS", "CHN", "MMR", "ROW", "USA", "WORLD"]);
  });

  it("recomputes rest of world where a listed country is double counted, year by year", () => {
    const fixed = ed2025.supply.filter((r) => r.rules.includes("iea-rest-of-world-double-count"));
    const blocks = new Set(fixed.map((r) => `${r.mineral} ${r.stage}`));
    expect([...blocks].sort()).toEqual(["graphite mining", "graphite refining", "nickel mining", "nickel refining"]);
    // Graphite refining 2024 is consistent in this edition, so it keeps its printed value.
    const printed = ed2025.supply.find(
      (r) => r.mineral === "graphite" && r.stage === "refining" && r.year === 2024 && r.country === "ROW",
    )!;
    expect(printed.value).toBe(rawAt("supply", "Graphite", "refining", "countries", "Rest of world", "2024"));
  });

  it("reconciles every block: countries and rest of world sum to the total", () => {
    expect(blockSums(ed2025.supply).filter((b) => Math.abs(b.sum - b.total) > 1e-6 * b.total)).toEqual([]);
  });

  it("every row validates against the schema", () => {
    expect(ed2025.supply.filter((r) => !SupplyRow.safeParse(r).success)).toEqual([]);
    expect(ed2025.demand.filter((r) => !DemandRow.safeParse(r).success)).toEqual([]);
  });

  it('iea-derived-rows-skipped: each technology\'s "Total <technology>" series is the sum of its stored mineral rows', () => {
    const uses: Record<string, string> = {
      "Solar PV": "solar-pv",
      Wind: "wind",
      "Electric vehicles": "electric-vehicles",
      "Grid battery storage": "grid-battery-storage",
      "Electricity networks": "electricity-networks",
      "Hydrogen technologies": "hydrogen",
    };
    const technologies = rawAt("byTechnology") as Record<string, { minerals: Record<string, unknown> }>;
    const off: string[] = [];
    let cells = 0;
    for (const [technology, { minerals }] of Object.entries(technologies)) {
      for (const [label, series] of Object.entries(minerals)) {
        if (!label.startsWith("Total ")) continue;
        type Point = { scenario: string | null; year: number; value: number };
        const points = Object.entries(series as Record<string, number | Record<string, number>>).flatMap(
          ([key, v]): Point[] =>
            typeof v === "number"
              ? [{ scenario: null, year: Number(key), value: v }]
              : Object.entries(v).map(([year, value]) => ({ scenario: key, year: Number(year), value })),
        );
        for (const p of points) {
          const stored = ed2025.demand.filter(
            (d) =>
              d.table === "technology" && d.use === uses[technology] && d.scenario === p.scenario && d.year === p.year,
          );
          const sum = stored.reduce((a, d) => a + d.value, 0);
          cells++;
          if (stored.length === 0 || Math.abs(sum - p.value) > 1e-6 * Math.max(1, p.value))
            off.push(`${technology} ${p.scenario ?? "base"} ${p.year}: rows sum to ${sum}, total ${p.value}`);
        }
      }
    }
    expect(off).toEqual([]);
    expect(cells).toBeGreaterThan(60);
  });
});

describe("named IEA rules", () => {
  it("iea-rest-of-world-double-count: keeps a consistent rest of world", () => {
    expect(restOfWorld([{ name: "A", value: 5 }], 3, 8)).toEqual({ value: 3 });
  });
  it("iea-rest-of-world-double-count: recomputes when one listed country explains the excess", () => {
    expect(
      restOfWorld(
        [
          { name: "A", value: 5 },
          { name: "B", value: 2 },
        ],
        3,
        8,
      ),
    ).toEqual({ value: 1, doubleCounted: "B" });
  });
  it("iea-rest-of-world-double-count: fails on an excess no country explains", () => {
    expect(restOfWorld([{ name: "A", value: 5 }], 4, 8)).toHaveProperty("problem");
  });
  it("variant ids are kebab-case without the parentheses", () => {
    expect(variantId("Wider direct current (DC) technology development")).toBe(
      "wider-direct-current-technology-development",
    );
  });
});

function blockSums(rows: readonly SupplyRow[]) {
  const blocks = new Map<string, { sum: number; total: number }>();
  for (const r of rows) {
    const key = `${r.mineral} ${r.stage} ${r.year}`;
    const b = blocks.get(key) ?? { sum: 0, total: 0 };
    if (r.country === "WORLD") b.total = r.value ?? 0;
    else b.sum += r.value ?? 0;
    blocks.set(key, b);
  }
  return [...blocks.entries()].map(([key, b]) => ({ key, ...b }));
}
