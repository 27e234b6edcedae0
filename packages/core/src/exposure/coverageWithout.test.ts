import type ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { bundledDataset } from "../data/dataset.ts";
import { CritminError } from "../errors.ts";
import { SCENARIOS, type Stage } from "../schema/rows.ts";
import { CoverageWithoutOptions } from "../schema/options.ts";
import { coverageWithout } from "./coverageWithout.ts";
import { RAW, readJson, readWorkbook, cellNumber } from "../../../../test/support/raw.ts";

const { supply } = bundledDataset();

// Expected values come from the raw source files, read here without the pipeline. The dataset stores
// tonnes to the gram, so ratios agree with the raw kt figures to about 1e-11: compared to 10 digits.
const iea2025 = readJson(RAW.ieaParsed2025);

let workbook: ExcelJS.Workbook;
beforeAll(async () => {
  workbook = await readWorkbook(RAW.ieaWorkbook2024);
});

/** Sheet 2 block (e.g. "Cobalt - Refining"): listed countries and the total row, kt, for one year column. */
function supplyBlock(title: string, year: number): { countries: Map<string, number>; total: number } {
  const ws = workbook.getWorksheet("2 Total supply for key minerals")!;
  for (let r = 1; r <= ws.rowCount; r++) {
    for (let c = 1; c <= ws.columnCount; c++) {
      if (ws.getCell(r, c).value !== title) continue;
      let yearColumn = 0;
      for (let h = 1; h < r && !yearColumn; h++) {
        for (let x = c + 1; x <= c + 5; x++) if (ws.getCell(h, x).value === year) yearColumn ||= x;
      }
      const countries = new Map<string, number>();
      for (let row = r + 1; ; row++) {
        const label = ws.getCell(row, c).value;
        // The cobalt refining block labels its total "Total clean technologies".
        if (label === "Total" || label === "Total clean technologies")
          return { countries, total: cellNumber(ws.getCell(row, yearColumn).value) };
        if (typeof label === "string" && label !== "Rest of world")
          countries.set(label, cellNumber(ws.getCell(row, yearColumn).value));
      }
    }
  }
  throw new Error(`${title} not found`);
}

/** Sheet 1: a mineral block's "Total demand" row, kt, base year or a scenario's year. */
function totalDemandKt(block: string, scenario: "STEPS" | "APS" | "NZE" | null, year: number): number {
  const ws = workbook.getWorksheet("1 Total demand for key minerals")!;
  const titles = {
    STEPS: "Stated Policies scenario",
    APS: "Announced Pledges scenario",
    NZE: "Net Zero Emissions by 2050 scenario",
  };
  let from = 2;
  let to = Infinity;
  const starts: number[] = [];
  ws.getRow(4).eachCell((cell, col) => {
    if (Object.values(titles).includes(cell.value as string)) starts.push(col);
    if (scenario && cell.value === titles[scenario]) from = col;
  });
  to = scenario ? (starts.find((c) => c > from) ?? Infinity) : Math.min(...starts);
  let column = 0;
  ws.getRow(5).eachCell((cell, col) => {
    if (!column && col >= from && col < to && cell.value === year) column = col;
  });
  let inBlock = false;
  for (let r = 6; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (v === block) inBlock = true;
    else if (inBlock && v === "Total demand") return cellNumber(ws.getCell(r, column).value);
  }
  throw new Error(`${block} not found`);
}

const maxOf = (m: Map<string, number> | Record<string, number>) =>
  Math.max(...(m instanceof Map ? m.values() : Object.values(m)));

/** 2025 JSON block for one year: listed countries (not "Rest of world") and the total. */
function jsonBlock(mineral: string, stage: "mining" | "refining", year: number) {
  const b = iea2025.supply[mineral][stage];
  const countries: Record<string, number> = {};
  for (const [name, series] of Object.entries<Record<string, number>>(b.countries))
    if (name !== "Rest of world") countries[name] = series[String(year)]!;
  return { countries, total: b.total[String(year)] as number };
}

describe("coverageWithout", () => {
  // Removing the largest supplier by default is removing it by name; nickel's is not China.
  it.each([
    { mineral: "cobalt", name: "Cobalt", largest: "China", supplier: "China" },
    { mineral: "nickel", name: "Nickel", largest: "Indonesia", supplier: "IDN" },
  ])(
    "iea-cmde-2024: $mineral refining 2023 without the largest supplier ($largest, or named $supplier) = (block total − it) ÷ sheet 1 total demand",
    ({ mineral, name, largest, supplier }) => {
      const { countries, total } = supplyBlock(`${name} - Refining`, 2023);
      expect([...countries].sort(([, x], [, y]) => y - x)[0]![0]).toBe(largest);
      expect(maxOf(countries)).toBe(countries.get(largest));
      const expected = (total - countries.get(largest)!) / totalDemandKt(name, null, 2023);
      expect(coverageWithout(mineral, { year: 2023, source: "iea-cmde-2024" })).toBeCloseTo(expected, 10);
      expect(coverageWithout(mineral, { supplier, year: 2023, source: "iea-cmde-2024" })).toBeCloseTo(expected, 10);
    },
  );

  it("defaults to the largest supplier in the newest edition's observed base year (iea-cmde-2025, 2024)", () => {
    for (const [name, id] of [
      ["Cobalt", "cobalt"],
      ["Copper", "copper"],
      ["Nickel", "nickel"],
      ["Lithium", "lithium"],
      ["Rare Earth Elements", "rare-earths"],
    ] as const) {
      const { countries, total } = jsonBlock(name, "refining", 2024);
      const expected = (total - maxOf(countries)) / iea2025.totalDemand[name].totalDemand["2024"];
      expect(coverageWithout(id), id).toBeCloseTo(expected, 10);
    }
  });

  it("removes a named supplier at the mining stage (lithium, Australia, 2023)", () => {
    const { countries, total } = supplyBlock("Lithium - Mining", 2023);
    const expected = (total - countries.get("Australia")!) / totalDemandKt("Lithium", null, 2023);
    expect(
      coverageWithout("lithium", { supplier: "Australia", stage: "mining", year: 2023, source: "iea-cmde-2024" }),
    ).toBeCloseTo(expected, 10);
  });

  it("pairs a projection year's base-case supply with demand under STEPS, or the scenario asked", () => {
    const { countries, total } = jsonBlock("Lithium", "refining", 2030);
    const rest = total - maxOf(countries);
    const demand = iea2025.totalDemand.Lithium.totalDemand;
    expect(coverageWithout("lithium", { year: 2030 })).toBeCloseTo(rest / demand.STEPS["2030"], 10);
    expect(coverageWithout("lithium", { year: 2030, demandScenario: "NZE" })).toBeCloseTo(
      rest / demand.NZE["2030"],
      10,
    );
    expect(coverageWithout("lithium", { year: 2030, demandScenario: "NZE", supplyCase: "base-case" })).toBe(
      coverageWithout("lithium", { year: 2030, demandScenario: "NZE" }),
    );
  });

  it("iea-cmde-2024: rare earths 2040 under APS (magnet rare earths on both sides)", () => {
    const { countries, total } = supplyBlock("Magnet rare earth elements - Refining", 2040);
    const expected = (total - maxOf(countries)) / totalDemandKt("Magnet rare earth elements", "APS", 2040);
    expect(coverageWithout("rare-earths", { year: 2040, demandScenario: "APS", source: "iea-cmde-2024" })).toBeCloseTo(
      expected,
      10,
    );
  });

  it("can exceed 1 (copper mining 2023 without the DRC)", () => {
    const { countries, total } = supplyBlock("Copper - Mining", 2023);
    const expected = (total - countries.get("Democratic Republic of Congo")!) / totalDemandKt("Copper", null, 2023);
    const value = coverageWithout("copper", { supplier: "DRC", stage: "mining", year: 2023, source: "iea-cmde-2024" });
    expect(value).toBeCloseTo(expected, 10);
    expect(coverageWithout("lithium", { year: 2040, source: "iea-cmde-2024" })).toBeLessThan(1);
  });

  it("never mixes editions: 2023 comes from iea-cmde-2024 even though usgs-mcs-2025 is newer and has copper mining for 2023", () => {
    expect(
      supply.some(
        (r) => r.edition === "usgs-mcs-2025" && r.mineral === "copper" && r.stage === "mining" && r.year === 2023,
      ),
    ).toBe(true);
    const { countries, total } = supplyBlock("Copper - Mining", 2023);
    const expected = (total - maxOf(countries)) / totalDemandKt("Copper", null, 2023);
    expect(coverageWithout("copper", { stage: "mining", year: 2023 })).toBeCloseTo(expected, 10);
    expect(coverageWithout("copper", { stage: "mining", source: "usgs-mcs-2025" })).toBeUndefined();
  });

  it("is undefined for a year with demand but no supply in the edition (2045, 2050)", () => {
    expect(iea2025.totalDemand.Cobalt.totalDemand.STEPS["2045"]).toBeTypeOf("number");
    expect(iea2025.supply.Cobalt.refining.total["2045"]).toBeUndefined();
    expect(coverageWithout("cobalt", { year: 2045 })).toBeUndefined();
    expect(coverageWithout("cobalt", { year: 2050, source: "iea-cmde-2024" })).toBeUndefined();
    expect(coverageWithout("cobalt", { year: 2024, source: "iea-cmde-2024" })).toBeUndefined();
  });

  it("is undefined for graphite: IEA supply is natural or battery-grade graphite, its demand all grades", () => {
    const ws = workbook.getWorksheet("1 Total demand for key minerals")!;
    const notes = ws.getColumn(1).values.find((v) => typeof v === "string" && v.startsWith("Notes:")) as string;
    expect(notes).toMatch(/Graphite demand\s+includes all grades of mined and synthetic graphite/);
    expect(() => supplyBlock("Graphite - Battery grade", 2023)).not.toThrow();
    expect(coverageWithout("graphite")).toBeUndefined();
    expect(coverageWithout("graphite", { stage: "mining", year: 2023 })).toBeUndefined();
  });

  it("is undefined for a supplier the block does not list, and uses a listed 0 as 0", () => {
    expect(supplyBlock("Cobalt - Refining", 2023).countries.has("United States")).toBe(false);
    expect(coverageWithout("cobalt", { supplier: "USA", year: 2023, source: "iea-cmde-2024" })).toBeUndefined();
    const { countries, total } = supplyBlock("Cobalt - Refining", 2023);
    expect(countries.get("Indonesia")).toBe(0);
    expect(coverageWithout("cobalt", { supplier: "Indonesia", year: 2023, source: "iea-cmde-2024" })).toBeCloseTo(
      total / totalDemandKt("Cobalt", null, 2023),
      10,
    );
  });

  it('accepts "largest" explicitly and the case label "Base case"', () => {
    expect(coverageWithout("nickel", { supplier: "Largest" })).toBe(coverageWithout("nickel"));
    expect(coverageWithout("nickel", { year: 2035, supplyCase: "Base case" as never })).toBe(
      coverageWithout("nickel", { year: 2035 }),
    );
  });

  it("suggests the nearest mineral, scenario or source; rejects aggregates as suppliers", () => {
    expect(() => coverageWithout("cobolt")).toThrowError(
      new CritminError("unknown_id", 'coverageWithout: unknown mineral "cobolt"; did you mean "cobalt"?'),
    );
    expect(() => coverageWithout("cobalt", { year: 2030, demandScenario: "NZ" as never })).toThrowError(
      new CritminError("unknown_id", 'coverageWithout: unknown demandScenario "NZ"; did you mean "NZE"?'),
    );
    expect(() => coverageWithout("cobalt", { supplier: "Chnia" })).toThrowError(
      /^coverageWithout: unknown country "Chnia"; did you mean "CHN"\?$/,
    );
    expect(() => coverageWithout("cobalt", { supplyCase: "high" as never })).toThrowError(
      /^coverageWithout: unknown supplyCase "high"; expected one of base-case$/,
    );
    expect(() => coverageWithout("cobalt", { supplier: "ROW" })).toThrowError(
      new CritminError("invalid_argument", 'coverageWithout: supplier must be a country or "largest", got "ROW"'),
    );
  });

  it("rejects wrong types with the argument's name", () => {
    expect(() => coverageWithout(7 as never)).toThrowError(/^coverageWithout: mineral must be a non-empty string/);
    expect(() => coverageWithout("cobalt", { supplier: 42 as never })).toThrowError(
      /^coverageWithout: supplier must be a non-empty string, got 42$/,
    );
    expect(() => coverageWithout("cobalt", { year: 2030.5 })).toThrowError(
      /^coverageWithout: year must be a whole number/,
    );
    expect(() => coverageWithout("cobalt", { demandScenario: 3 as never })).toThrowError(
      /^coverageWithout: demandScenario must be a non-empty string/,
    );
    expect(() => coverageWithout("cobalt", { scenario: "NZE" } as never)).toThrowError(
      /^coverageWithout: unknown option "scenario"/,
    );
  });

  // Every IEA block with a total and at least two listed countries, as [edition, mineral, stage, year, countries].
  const blocks = (() => {
    const map = new Map<
      string,
      {
        edition: "iea-cmde-2024" | "iea-cmde-2025";
        mineral: string;
        stage: Stage;
        year: number;
        countries: [string, number][];
      }
    >();
    for (const r of supply) {
      if (
        (r.edition !== "iea-cmde-2024" && r.edition !== "iea-cmde-2025") ||
        r.measure !== "production" ||
        r.mineral === "graphite"
      )
        continue;
      const key = `${r.edition}|${r.mineral}|${r.stage}|${r.year}`;
      const entry = map.get(key) ?? {
        edition: r.edition,
        mineral: r.mineral,
        stage: r.stage,
        year: r.year,
        countries: [],
      };
      map.set(key, entry);
      if (r.country !== "WORLD" && r.country !== "ROW" && r.tonnes !== null)
        entry.countries.push([r.country, r.tonnes]);
    }
    return [...map.values()].filter((b) => b.countries.length >= 2);
  })();

  it('decreases (weakly) when a larger supplier is removed, and "largest" gives the minimum (property)', () => {
    expect(blocks.length).toBeGreaterThan(40);
    fc.assert(
      fc.property(
        fc.constantFrom(...blocks),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...SCENARIOS),
        (b, i, j, demandScenario) => {
          const [a, va] = b.countries[i % b.countries.length]!;
          const [c, vc] = b.countries[j % b.countries.length]!;
          const opts = { stage: b.stage, year: b.year, source: b.edition, demandScenario };
          const ca = coverageWithout(b.mineral, { ...opts, supplier: a })!;
          const cc = coverageWithout(b.mineral, { ...opts, supplier: c })!;
          const cl = coverageWithout(b.mineral, opts)!;
          expect(ca).toBeTypeOf("number");
          if (va >= vc) expect(ca).toBeLessThanOrEqual(cc);
          else expect(ca).toBeGreaterThanOrEqual(cc);
          expect(cl).toBeLessThanOrEqual(Math.min(ca, cc));
          expect(cl).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("CoverageWithoutOptions", () => {
  it("accepts the documented options and rejects unknown keys", () => {
    const options = {
      supplier: "CHN",
      year: 2030,
      supplyCase: "base-case",
      demandScenario: "APS",
      stage: "mining",
      source: "iea-cmde-2025",
    } as const;
    expect(CoverageWithoutOptions.parse(options)).toEqual(options);
    expect(CoverageWithoutOptions.safeParse({ scenario: "APS" }).success).toBe(false);
    expect(CoverageWithoutOptions.safeParse({ supplyCase: "high" }).success).toBe(false);
  });
});

describe("coverageWithout within a pin", () => {
  it("reads supply and demand from the pin's IEA edition (iea-cmde-2024: base year 2023)", () => {
    const { countries, total } = supplyBlock("Cobalt - Refining", 2023);
    const expected = (total - maxOf(countries)) / totalDemandKt("Cobalt", null, 2023);
    expect(coverageWithout("cobalt", { within: ["ec-crm-2023", "iea-cmde-2024", "usgs-mcs-2025"] })).toBeCloseTo(
      expected,
      10,
    );
  });

  it("answers nothing from an IEA edition outside the list, and is not narrowed by a list naming none", () => {
    expect(coverageWithout("cobalt", { year: 2023 })).toBeDefined();
    expect(coverageWithout("cobalt", { year: 2023, within: ["iea-cmde-2025"] })).toBeUndefined();
    expect(coverageWithout("cobalt", { within: ["usgs-mcs-2025"] })).toBe(coverageWithout("cobalt"));
    expect(coverageWithout("cobalt", { source: "iea-cmde-2025", within: ["iea-cmde-2024"] })).toBe(
      coverageWithout("cobalt", { source: "iea-cmde-2025" }),
    );
    expect(CoverageWithoutOptions.safeParse({ within: ["iea-cmde-2024"] }).success).toBe(true);
  });
});
