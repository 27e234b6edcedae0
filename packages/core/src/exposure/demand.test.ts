import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { CritminError } from "../errors.ts";
import { DemandOptions } from "../schema/options.ts";
import { demand } from "./demand.ts";
import { RAW, readJson, readWorkbook, cellNumber, IEA_SCENARIO_TITLES } from "../../../../test/support/raw.ts";
import { thrown } from "../../../../test/support/thrown.ts";

// Expected values come from the raw source files, read here without the pipeline.
const iea2025 = readJson(RAW.ieaParsed2025);

let workbook: ExcelJS.Workbook;
beforeAll(async () => {
  workbook = await readWorkbook(RAW.ieaWorkbook2024);
});

/** kt → tonnes, to the gram, the precision the dataset stores. */
const t = (kt: number) => Math.round(kt * 1000 * 1e6) / 1e6;

type Scenario = keyof typeof IEA_SCENARIO_TITLES;

/**
 * A demand sheet's cell in kt, found as a reader would: the block heading in column A, then the row
 * label under it; the scenario title over the columns, then the year under it (the base year sits
 * left of the first scenario).
 */
function demandKt(sheet: string, block: string | null, label: string, scenario: Scenario | null, year: number): number {
  const ws = workbook.getWorksheet(sheet)!;
  let titleRow = 0;
  const starts: Partial<Record<Scenario, number>> = {};
  for (let r = 1; r <= 10 && !titleRow; r++) {
    ws.getRow(r).eachCell((cell, col) => {
      for (const [s, title] of Object.entries(IEA_SCENARIO_TITLES))
        if (cell.value === title) starts[s as Scenario] = col;
    });
    if (starts.STEPS) titleRow = r;
  }
  const bounds = Object.values(starts).sort((a, b) => a - b);
  const from = scenario ? starts[scenario]! : 1;
  const to = scenario ? (bounds.find((c) => c > from) ?? Infinity) : bounds[0]!;
  let column = 0;
  ws.getRow(titleRow + 1).eachCell((cell, col) => {
    if (!column && col >= from && col < to && cell.value === year) column = col;
  });
  let inBlock = block === null;
  for (let r = titleRow + 2; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (!inBlock && v === block) inBlock = true;
    else if (inBlock && v === label) return cellNumber(ws.getCell(r, column).value);
  }
  throw new Error(`${sheet}: ${block} / ${label} not found`);
}

describe("demand", () => {
  it('iea-cmde-2024: lithium total demand, NZE 2030 (sheet 1, Lithium block, "Total demand" row) × 1000', () => {
    const kt = demandKt("1 Total demand for key minerals", "Lithium", "Total demand", "NZE", 2030);
    expect(demand("lithium", { year: 2030, scenario: "NZE", source: "iea-cmde-2024" })).toBe(t(kt));
  });

  it("defaults to the newest edition's observed base year (iea-cmde-2025, 2024)", () => {
    expect(demand("cobalt")).toBe(t(iea2025.totalDemand.Cobalt.totalDemand["2024"]));
    expect(demand("rare earths")).toBe(t(iea2025.totalDemand["Rare Earth Elements"].totalDemand["2024"]));
  });

  it("answers a year only an older edition has from that edition (2023 → iea-cmde-2024)", () => {
    const kt = demandKt("1 Total demand for key minerals", "Nickel", "Total demand", null, 2023);
    expect(demand("nickel", { year: 2023 })).toBe(t(kt));
  });

  it("reads a projection year under STEPS unless a scenario is given", () => {
    const copper = iea2025.totalDemand.Copper.totalDemand;
    expect(demand("copper", { year: 2035 })).toBe(t(copper.STEPS["2035"]));
    expect(demand("copper", { year: 2035, scenario: "APS" })).toBe(t(copper.APS["2035"]));
    expect(demand("copper", { year: 2050, scenario: "nze" as never })).toBe(t(copper.NZE["2050"]));
  });

  it("reads the observed base year whatever the scenario (it is common to all scenarios)", () => {
    expect(demand("copper", { year: 2024, scenario: "NZE" })).toBe(t(iea2025.totalDemand.Copper.totalDemand["2024"]));
  });

  it("picks a sector by id or label, case-insensitively", () => {
    const { sectors, totalClean, otherUses } = iea2025.totalDemand.Copper;
    for (const sector of ["EV", "electric vehicles", "Electric-Vehicles", "electric-vehicles"]) {
      expect(demand("copper", { sector })).toBe(t(sectors["Electric vehicles"]["2024"]));
    }
    expect(demand("copper", { sector: "solar PV" })).toBe(t(sectors["Solar PV"]["2024"]));
    expect(demand("copper", { sector: "grids", year: 2040, scenario: "APS" })).toBe(
      t(sectors["Electricity networks"].APS["2040"]),
    );
    expect(demand("copper", { sector: "clean" })).toBe(t(totalClean["2024"]));
    expect(demand("copper", { sector: "Clean technologies" })).toBe(t(totalClean["2024"]));
    expect(demand("copper", { sector: "other uses" })).toBe(t(otherUses["2024"]));
  });

  it("iea-cmde-2024: cobalt for electric vehicles, 2023 (sheet 1, Cobalt block)", () => {
    const kt = demandKt("1 Total demand for key minerals", "Cobalt", "Electric vehicles", null, 2023);
    expect(demand("cobalt", { sector: "EV", year: 2023, source: "iea-cmde-2024" })).toBe(t(kt));
  });

  it("gives graphite demand on its stated basis, all grades (sheet 1's graphite block)", () => {
    const kt = demandKt(
      "1 Total demand for key minerals",
      "Graphite (all grades: natural and synthetic)",
      "Total demand",
      "STEPS",
      2040,
    );
    expect(demand("graphite", { year: 2040, source: "iea-cmde-2024" })).toBe(t(kt));
  });

  it("answers only total-clean for a mineral without a total-demand table (gallium), from the clean-tech table", () => {
    expect(demand("gallium", { sector: "total-clean" })).toBe(t(iea2025.cleantechByMineral.Gallium["2024"]));
    const kt = demandKt("3.2 Cleantech demand by mineral", null, "Gallium", "NZE", 2040);
    expect(demand("gallium", { sector: "clean", year: 2040, scenario: "NZE", source: "iea-cmde-2024" })).toBe(t(kt));
    expect(demand("gallium")).toBeUndefined();
    expect(demand("gallium", { sector: "solar PV" })).toBeUndefined();
  });

  it("is undefined, not 0, where the tables have no figure", () => {
    expect(Object.keys(iea2025.totalDemand.Lithium.sectors)).not.toContain("Solar PV");
    expect(demand("lithium", { sector: "solar PV" })).toBeUndefined();
    expect(demand("cobalt", { year: 2026 })).toBeUndefined();
    expect(demand("cobalt", { year: 2019 })).toBeUndefined();
    expect(demand("cobalt", { source: "usgs-mcs-2025" })).toBeUndefined();
    expect(demand("aluminium")).toBeUndefined();
  });

  it("suggests the nearest mineral, sector or scenario", () => {
    expect(() => demand("lithum")).toThrowError(
      new CritminError("unknown_id", 'demand: unknown mineral "lithum"; did you mean "lithium"?'),
    );
    expect(() => demand("copper", { sector: "wnd" })).toThrowError(
      new CritminError("unknown_id", 'demand: unknown sector "wnd"; did you mean "wind"?'),
    );
    expect(() => demand("copper", { year: 2030, scenario: "STEP" as never })).toThrowError(
      new CritminError("unknown_id", 'demand: unknown scenario "STEP"; did you mean "STEPS"?'),
    );
    expect(() => demand("copper", { scenario: "XYZZY" as never })).toThrowError(
      /^demand: unknown scenario "XYZZY"; expected one of STEPS, APS, NZE$/,
    );
  });

  it("rejects wrong types with the argument's name", () => {
    expect(thrown(() => demand(42 as never)).message).toMatch(/^demand: mineral must be a non-empty string/);
    expect(thrown(() => demand("copper", { year: "2030" as never })).message).toMatch(
      /^demand: year must be a whole number/,
    );
    expect(thrown(() => demand("copper", { sector: 5 as never })).message).toMatch(
      /^demand: sector must be a non-empty string/,
    );
    expect(thrown(() => demand("copper", { scenario: 1 as never })).message).toMatch(
      /^demand: scenario must be a non-empty string/,
    );
    expect(thrown(() => demand("copper", { scenaro: "NZE" } as never)).message).toMatch(
      /^demand: unknown option "scenaro"/,
    );
    expect(thrown(() => demand("copper", { scenaro: "NZE" } as never)).code).toBe("invalid_argument");
  });

  it("treats null options as omitted (Excel passes null)", () => {
    expect(demand("copper", { year: null, scenario: null, sector: null, source: null } as never)).toBe(
      demand("copper"),
    );
  });
});

describe("DemandOptions", () => {
  it("accepts the documented options and rejects unknown keys", () => {
    expect(DemandOptions.parse({ year: 2030, scenario: "NZE", sector: "EV", source: "iea-cmde-2024" })).toEqual({
      year: 2030,
      scenario: "NZE",
      sector: "EV",
      source: "iea-cmde-2024",
    });
    expect(DemandOptions.safeParse({ sectr: "EV" }).success).toBe(false);
    expect(DemandOptions.safeParse({ sector: "" }).success).toBe(false);
    expect(DemandOptions.safeParse({ scenario: "BAU" }).success).toBe(false);
  });
});

describe("demand within a pin", () => {
  const lithium2023 = () => t(demandKt("1 Total demand for key minerals", "Lithium", "Total demand", null, 2023));

  it("reads the pin's IEA edition (iea-cmde-2024: base year 2023), not the newest", () => {
    expect(demand("lithium", { within: ["ec-crm-2023", "iea-cmde-2024", "usgs-mcs-2025"] })).toBe(lithium2023());
    expect(demand("lithium")).toBe(t(iea2025.totalDemand.Lithium.totalDemand["2024"]));
  });

  it("answers nothing from an IEA edition outside the list (2023 is only in iea-cmde-2024)", () => {
    expect(demand("lithium", { year: 2023 })).toBe(lithium2023());
    expect(demand("lithium", { year: 2023, within: ["iea-cmde-2025", "usgs-mcs-2025"] })).toBeUndefined();
    expect(demand("lithium", { year: 2023, within: ["iea-cmde-2024", "iea-cmde-2025"] })).toBe(lithium2023());
  });

  it("is not narrowed by a list naming no IEA edition, and loses to an explicit source", () => {
    expect(demand("cobalt", { within: ["usgs-mcs-2025", "ec-crm-2023"] })).toBe(demand("cobalt"));
    expect(demand("cobalt", { source: "iea-cmde-2025", within: ["iea-cmde-2024"] })).toBe(
      t(iea2025.totalDemand.Cobalt.totalDemand["2024"]),
    );
  });

  it("rejects a within that is not a non-empty list of editions", () => {
    expect(thrown(() => demand("cobalt", { within: [] }))).toMatchObject({ code: "invalid_argument" });
    expect(thrown(() => demand("cobalt", { within: ["iea-cmde-2030"] as never }))).toMatchObject({
      code: "unknown_id",
    });
    expect(DemandOptions.parse({ within: ["iea-cmde-2024"] })).toEqual({ within: ["iea-cmde-2024"] });
    expect(DemandOptions.safeParse({ within: [] }).success).toBe(false);
  });
});
