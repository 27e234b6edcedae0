import type ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { CritminError } from "../errors.ts";
import { SCENARIOS, STAGES } from "../schema/rows.ts";
import { TechExposureOptions } from "../schema/options.ts";
import { TECHNOLOGIES, techExposure, type TechExposure } from "./techExposure.ts";
import { RAW, readJson, readWorkbook, cellNumber, IEA_SCENARIO_TITLES } from "../../../../test/support/raw.ts";
import { thrown } from "../../../../test/support/thrown.ts";

// Expected values come from the raw source files, read here without the pipeline. The dataset stores
// tonnes to the gram, so weighted shares agree with the raw kt figures to about 1e-11: compared to 10 digits.
const iea2025 = readJson(RAW.ieaParsed2025);

let workbook: ExcelJS.Workbook;
beforeAll(async () => {
  workbook = await readWorkbook(RAW.ieaWorkbook2024);
});

type Scenario = "STEPS" | "APS" | "NZE";
type StageName = "mining" | "refining";

/** A technology sheet's "Base case" rows (mineral label, kt) for one scenario's year, or the base year. */
function techRows2024(sheet: string, scenario: Scenario | null, year: number): [string, number][] {
  const ws = workbook.getWorksheet(sheet)!;
  const starts: Partial<Record<Scenario, number>> = {};
  ws.getRow(4).eachCell((cell, col) => {
    for (const [s, title] of Object.entries(IEA_SCENARIO_TITLES)) if (cell.value === title) starts[s as Scenario] = col;
  });
  const bounds = Object.values(starts).sort((a, b) => a - b);
  const from = scenario ? starts[scenario]! : 2;
  const to = scenario ? (bounds.find((c) => c > from) ?? Infinity) : bounds[0]!;
  let column = 0;
  ws.getRow(5).eachCell((cell, col) => {
    if (!column && col >= from && col < to && cell.value === year) column = col;
  });
  const rows: [string, number][] = [];
  let inBlock = false;
  for (let r = 6; r <= ws.rowCount; r++) {
    const label = ws.getCell(r, 1).value;
    if (label === "Base case") inBlock = true;
    // The block ends at its "Total …" row or, where it has none (4.5), at the next case's heading (a label without figures).
    else if (
      inBlock &&
      typeof label === "string" &&
      (label.startsWith("Total ") || ws.getCell(r, column).value === null)
    )
      return rows;
    else if (inBlock && typeof label === "string") rows.push([label, cellNumber(ws.getCell(r, column).value)]);
  }
  if (inBlock) return rows;
  throw new Error(`${sheet}: no base case block`);
}

/** China's share of a sheet 2 block (China ÷ the block's total row), or undefined when China is not listed. */
function chinaShare2024(title: string, year: number): number | undefined {
  const ws = workbook.getWorksheet("2 Total supply for key minerals")!;
  for (let r = 1; r <= ws.rowCount; r++) {
    for (let c = 1; c <= ws.columnCount; c++) {
      if (ws.getCell(r, c).value !== title) continue;
      let yearColumn = 0;
      for (let x = c + 1; x <= c + 5 && !yearColumn; x++) if (ws.getCell(4, x).value === year) yearColumn = x;
      let china: number | undefined;
      for (let row = r + 1; ; row++) {
        const label = ws.getCell(row, c).value;
        if (label === "China") china = cellNumber(ws.getCell(row, yearColumn).value);
        // The cobalt refining block labels its total "Total clean technologies".
        if (label === "Total" || label === "Total clean technologies")
          return china === undefined ? undefined : china / cellNumber(ws.getCell(row, yearColumn).value);
      }
    }
  }
  throw new Error(`${title} not found`);
}

// How a reader matches a technology sheet's mineral to the supply sheet: the magnet rare earths (Nd,
// Pr, Dy, Tb) share one supply block.
const SUPPLY_2024: Record<string, Record<StageName, string>> = {
  Copper: { mining: "Copper - Mining", refining: "Copper - Refining" },
  Cobalt: { mining: "Cobalt - Mining", refining: "Cobalt - Refining" },
  Lithium: { mining: "Lithium - Mining", refining: "Lithium - Chemicals" },
  Nickel: { mining: "Nickel - Mining", refining: "Nickel - Refining" },
  "Battery-grade graphite": { mining: "Graphite - Mining (natural)", refining: "Graphite - Battery grade" },
  "Magnet rare earths": {
    mining: "Magnet rare earth elements - Mining",
    refining: "Magnet rare earth elements - Refining",
  },
};
const SUPPLY_2025: Record<string, string> = {
  Copper: "Copper",
  Cobalt: "Cobalt",
  Lithium: "Lithium",
  Nickel: "Nickel",
  "Battery-grade graphite": "Graphite",
  "Magnet rare earths": "Rare Earth Elements",
};
const MAGNET = new Set(["Neodymium", "Praseodymium", "Dysprosium", "Terbium"]);
const ID: Record<string, string> = {
  "Battery-grade graphite": "graphite",
  "Magnet rare earths": "rare-earths",
  "PGMs (other than iridum)": "pgms",
  PGMs: "pgms",
};
const id = (label: string) => ID[label] ?? label.toLowerCase();

interface Expected {
  exposure: number;
  breakdown: { mineral: string; demandTonnes: number; chinaShare: number }[];
  excluded: string[];
}

/** The weighted average recomputed by hand from (mineral label, kt) rows and a China share per supply label. */
function expected(rows: [string, number][], share: (label: string) => number | undefined): Expected {
  const kt = new Map<string, number>();
  for (const [label, value] of rows) {
    const key = MAGNET.has(label) ? "Magnet rare earths" : label;
    kt.set(key, (kt.get(key) ?? 0) + value);
  }
  const breakdown: Expected["breakdown"] = [];
  const excluded: string[] = [];
  for (const [label, value] of kt) {
    if (value === 0) continue;
    const s = share(label);
    if (s === undefined) excluded.push(id(label));
    else breakdown.push({ mineral: id(label), demandTonnes: value * 1000, chinaShare: s });
  }
  const total = breakdown.reduce((a, e) => a + e.demandTonnes, 0);
  return { exposure: breakdown.reduce((a, e) => a + e.demandTonnes * e.chinaShare, 0) / total, breakdown, excluded };
}

function expectMatches(actual: TechExposure | undefined, want: Expected) {
  expect(actual).toBeDefined();
  expect(actual!.exposure).toBeCloseTo(want.exposure, 10);
  expect(actual!.breakdown.map((e) => e.mineral).sort()).toEqual(want.breakdown.map((e) => e.mineral).sort());
  for (const e of want.breakdown) {
    const got = actual!.breakdown.find((b) => b.mineral === e.mineral)!;
    expect(got.demandTonnes, e.mineral).toBeCloseTo(e.demandTonnes, 5);
    expect(got.chinaShare, e.mineral).toBeCloseTo(e.chinaShare, 10);
  }
  expect([...actual!.excluded].sort()).toEqual([...want.excluded].sort());
}

function expected2024(sheet: string, stage: StageName, scenario: Scenario | null, year: number): Expected {
  return expected(techRows2024(sheet, scenario, year), (label) =>
    SUPPLY_2024[label] ? chinaShare2024(SUPPLY_2024[label][stage], year) : undefined,
  );
}

function expected2025(technology: string, stage: StageName, scenario: Scenario | null, year: number): Expected {
  const minerals = iea2025.byTechnology[technology].minerals as Record<string, Record<string, unknown>>;
  const rows = Object.entries(minerals)
    .filter(([label]) => !label.startsWith("Total"))
    .map(
      ([label, series]) =>
        [label, (scenario ? (series[scenario] as Record<string, number>)[year] : series[year]) as number] as [
          string,
          number,
        ],
    );
  return expected(rows, (label) => {
    const block = SUPPLY_2025[label] && iea2025.supply[SUPPLY_2025[label]][stage];
    const china = block?.countries.China?.[year];
    return china === undefined ? undefined : china / block.total[year];
  });
}

describe("techExposure", () => {
  it("iea-cmde-2024: EVs, refining, 2023, from sheets 4.3 (base case) and 2", () => {
    const result = techExposure("EV", { year: 2023, source: "iea-cmde-2024" });
    expectMatches(result, expected2024("4.3 EV", "refining", null, 2023));
    expect(result).toMatchObject({
      technology: "electric-vehicles",
      edition: "iea-cmde-2024",
      year: 2023,
      scenario: null,
      stage: "refining",
    });
  });

  it("iea-cmde-2024: wind, mining, NZE 2030 (China is not listed in nickel mining, so nickel is excluded)", () => {
    const want = expected2024("4.2 Wind", "mining", "NZE", 2030);
    expect(want.excluded).toContain("nickel");
    expectMatches(
      techExposure("wind", { year: 2030, scenario: "NZE", stage: "mining", source: "iea-cmde-2024" }),
      want,
    );
  });

  it("iea-cmde-2024: every technology, refining, APS 2040", () => {
    const sheets = {
      "solar-pv": "4.1 Solar PV",
      wind: "4.2 Wind",
      "electric-vehicles": "4.3 EV",
      "grid-battery-storage": "4.4 Battery storage",
      "electricity-networks": "4.5 Electricity networks",
      hydrogen: "4.6 Hydrogen",
    } as const;
    for (const technology of TECHNOLOGIES) {
      expectMatches(
        techExposure(technology, { year: 2040, scenario: "APS", source: "iea-cmde-2024" }),
        expected2024(sheets[technology], "refining", "APS", 2040),
      );
    }
  });

  it("iea-cmde-2025: battery storage, refining, APS 2035 (JSON byTechnology and supply)", () => {
    expectMatches(
      techExposure("battery storage", { year: 2035, scenario: "APS" }),
      expected2025("Grid battery storage", "refining", "APS", 2035),
    );
  });

  it("defaults to the newest edition's base year, refining (iea-cmde-2025, 2024)", () => {
    const result = techExposure("hydrogen");
    expect(result).toMatchObject({
      technology: "hydrogen",
      edition: "iea-cmde-2025",
      year: 2024,
      scenario: null,
      stage: "refining",
    });
    expectMatches(result, expected2025("Hydrogen technologies", "refining", null, 2024));
  });

  it("reads a projection year under STEPS unless a scenario is given", () => {
    expect(techExposure("EV", { year: 2030 })?.scenario).toBe("STEPS");
    expectMatches(techExposure("EV", { year: 2030 }), expected2025("Electric vehicles", "refining", "STEPS", 2030));
    expectMatches(
      techExposure("EV", { year: 2040, scenario: "NZE", stage: "mining" }),
      expected2025("Electric vehicles", "mining", "NZE", 2040),
    );
  });

  it("meets supply and demand years only where both exist: 2045 and 2050 have no supply", () => {
    expect(iea2025.byTechnology.Wind.minerals.Copper.STEPS["2045"]).toBeTypeOf("number");
    expect(iea2025.supply.Copper.refining.total["2045"]).toBeUndefined();
    expect(techExposure("wind", { year: 2045 })).toBeUndefined();
    expect(techExposure("wind", { year: 2050, scenario: "NZE" })).toBeUndefined();
    expect(techExposure("wind", { year: 2023 })?.edition).toBe("iea-cmde-2024");
    expect(techExposure("wind", { year: 2024, source: "iea-cmde-2024" })).toBeUndefined();
    expect(techExposure("wind", { source: "usgs-mcs-2025" })).toBeUndefined();
  });

  it("sums neodymium, praseodymium, dysprosium and terbium into rare-earths, the magnet rare earths block", () => {
    const rows = techRows2024("4.2 Wind", null, 2023).filter(([label]) => MAGNET.has(label));
    expect(rows.map(([label]) => label).sort()).toEqual([...MAGNET].sort());
    const entry = techExposure("wind", { year: 2023, source: "iea-cmde-2024" })!.breakdown.find(
      (e) => e.mineral === "rare-earths",
    )!;
    expect(entry.demandTonnes).toBeCloseTo(rows.reduce((a, [, kt]) => a + kt, 0) * 1000, 5);
    expect(entry.chinaShare).toBeCloseTo(chinaShare2024("Magnet rare earth elements - Refining", 2023)!, 12);
  });

  it("leaves out, from both lists, a mineral the technology does not use that year (cobalt in battery storage, STEPS 2040, is 0)", () => {
    const cobalt = techRows2024("4.4 Battery storage", "STEPS", 2040).find(([label]) => label === "Cobalt")!;
    expect(cobalt[1]).toBe(0);
    const result = techExposure("battery storage", { year: 2040, source: "iea-cmde-2024" })!;
    expect(result.breakdown.map((e) => e.mineral)).not.toContain("cobalt");
    expect(result.excluded).not.toContain("cobalt");
    expect(
      techExposure("battery storage", { year: 2030, source: "iea-cmde-2024" })!.breakdown.map((e) => e.mineral),
    ).toContain("cobalt");
  });

  it("names the most China-dependent mineral of the breakdown as the weakest link (EVs 2023: magnet rare earths, above graphite)", () => {
    const result = techExposure("EV", { year: 2023, source: "iea-cmde-2024" })!;
    const rareEarths = chinaShare2024("Magnet rare earth elements - Refining", 2023)!;
    const graphite = chinaShare2024("Graphite - Battery grade", 2023)!;
    expect(rareEarths).toBeGreaterThan(graphite);
    expect(result.weakestLink.mineral).toBe("rare-earths");
    expect(result.weakestLink.chinaShare).toBeCloseTo(rareEarths, 12);
    expect(result.weakestLink.chinaShare).toBe(Math.max(...result.breakdown.map((e) => e.chinaShare)));
  });

  it("accepts technology ids and labels, case-insensitively", () => {
    const cases: [string, string][] = [
      ["EV", "electric-vehicles"],
      ["electric vehicles", "electric-vehicles"],
      ["Electric-Vehicles", "electric-vehicles"],
      ["solar", "solar-pv"],
      ["Solar PV", "solar-pv"],
      ["wind", "wind"],
      ["battery storage", "grid-battery-storage"],
      ["grids", "electricity-networks"],
      ["electricity networks", "electricity-networks"],
      ["HYDROGEN", "hydrogen"],
    ];
    for (const [label, technology] of cases) expect(techExposure(label)?.technology, label).toBe(technology);
  });

  it("returns frozen results", () => {
    const result = techExposure("EV")!;
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.breakdown)).toBe(true);
    expect(Object.isFrozen(result.breakdown[0])).toBe(true);
  });

  it("suggests the nearest technology, stage or scenario", () => {
    expect(() => techExposure("wnd")).toThrowError(
      new CritminError("unknown_id", 'techExposure: unknown technology "wnd"; did you mean "wind"?'),
    );
    expect(() => techExposure("solr PV")).toThrowError(
      /^techExposure: unknown technology "solr PV"; did you mean "solar-pv"\?$/,
    );
    expect(() => techExposure("other uses")).toThrowError(
      /^techExposure: unknown technology "other uses"; expected one of solar-pv, wind, electric-vehicles/,
    );
    expect(() => techExposure("EV", { stage: "smelting" as never })).toThrowError(
      /^techExposure: unknown stage "smelting"/,
    );
    expect(() => techExposure("EV", { year: 2030, scenario: "APSS" as never })).toThrowError(
      /^techExposure: unknown scenario "APSS"; did you mean "APS"\?$/,
    );
  });

  it("rejects wrong types with the argument's name", () => {
    expect(thrown(() => techExposure(42 as never)).message).toMatch(
      /^techExposure: technology must be a non-empty string, got 42/,
    );
    expect(thrown(() => techExposure(42 as never)).code).toBe("invalid_argument");
    expect(thrown(() => techExposure("EV", { year: "2030" as never })).message).toMatch(
      /^techExposure: year must be a whole number/,
    );
    expect(thrown(() => techExposure("EV", { mineral: "cobalt" } as never)).message).toMatch(
      /^techExposure: unknown option "mineral"/,
    );
    expect(thrown(() => techExposure("EV", "refining" as never)).message).toMatch(
      /^techExposure: options must be an object/,
    );
  });

  const combos = TECHNOLOGIES.flatMap((technology) =>
    (["iea-cmde-2024", "iea-cmde-2025"] as const).flatMap((source) =>
      [undefined, 2030, 2035, 2040].flatMap((year) =>
        SCENARIOS.flatMap((scenario) => STAGES.map((stage) => ({ technology, source, year, scenario, stage }))),
      ),
    ),
  );

  it("exposure is in [0, 1] and between the breakdown's smallest and largest China share (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...combos), ({ technology, ...options }) => {
        const result = techExposure(technology, options);
        if (!result) return;
        const shares = result.breakdown.map((e) => e.chinaShare);
        expect(result.exposure).toBeGreaterThanOrEqual(0);
        expect(result.exposure).toBeLessThanOrEqual(1);
        expect(result.exposure).toBeGreaterThanOrEqual(Math.min(...shares));
        expect(result.exposure).toBeLessThanOrEqual(Math.max(...shares));
        expect(result.breakdown.reduce((a, e) => a + e.weight, 0)).toBeCloseTo(1, 12);
        expect(result.breakdown.filter((e) => result.excluded.includes(e.mineral))).toEqual([]);
        expect(result.weakestLink.chinaShare).toBe(Math.max(...shares));
      }),
      { numRuns: 200 },
    );
  });

  it("is computable for every technology in every year both tables share (refining)", () => {
    const missing = combos
      .filter(({ technology, ...options }) => options.stage === "refining" && !techExposure(technology, options))
      .map((c) => `${c.technology} ${c.source} ${c.year}`);
    expect(missing).toEqual([]);
  });
});

describe("TechExposureOptions", () => {
  it("accepts the documented options and rejects unknown keys", () => {
    const options = { year: 2030, scenario: "NZE", stage: "mining", source: "iea-cmde-2024" } as const;
    expect(TechExposureOptions.parse(options)).toEqual(options);
    expect(TechExposureOptions.safeParse({ sector: "EV" }).success).toBe(false);
    expect(TechExposureOptions.safeParse({ stage: "smelting" }).success).toBe(false);
  });
});

describe("techExposure within a pin", () => {
  it("weighs the pin's IEA edition (iea-cmde-2024: EVs, refining, base year 2023)", () => {
    const result = techExposure("EV", { within: ["iea-cmde-2024", "usgs-mcs-2025"] });
    expectMatches(result, expected2024("4.3 EV", "refining", null, 2023));
    expect(result).toMatchObject({ edition: "iea-cmde-2024", year: 2023 });
  });

  it("answers nothing from an IEA edition outside the list, and is not narrowed by a list naming none", () => {
    expect(techExposure("EV", { year: 2023 })?.edition).toBe("iea-cmde-2024");
    expect(techExposure("EV", { year: 2023, within: ["iea-cmde-2025"] })).toBeUndefined();
    expect(techExposure("EV", { within: ["usgs-mcs-2025"] })).toEqual(techExposure("EV"));
    expect(techExposure("EV", { source: "iea-cmde-2025", within: ["iea-cmde-2024"] })?.edition).toBe("iea-cmde-2025");
    expect(TechExposureOptions.safeParse({ within: [] }).success).toBe(false);
  });
});
