import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { USES } from "../data/index.ts";
import { bundledDataset } from "../data/dataset.ts";
import { CritminError } from "../errors.ts";
import { demandCoverage, demandRow, technologyCoverage, technologyRows } from "./demandIndex.ts";
import { parseScenario, parseUse } from "./demandTerms.ts";
import { materialOf, SUPPLY_MINERAL_OF } from "./materials.ts";
import { DEFAULT_SCENARIO, demandTable, lookupDemand, resolveDemand } from "./resolveDemand.ts";
import { SOURCE_DIR as dataDir } from "../../pipeline/sourceDir.ts";

const { demand: demandRows, supply } = bundledDataset();

const iea2025 = JSON.parse(readFileSync(path.join(dataDir, "iea/IEA_CM_Data_Explorer_2025-05.parsed.json"), "utf8"));

const query = (over: Partial<Parameters<typeof resolveDemand>[0]> = {}) =>
  ({
    fn: "demand",
    mineral: "cobalt",
    use: "total",
    year: undefined,
    scenario: undefined,
    source: undefined,
    ...over,
  }) as const;

describe("demand index", () => {
  it("finds every demand row by its key, and each key names one row", () => {
    const missing = demandRows.filter(
      (r) => demandRow(r.edition, r.table, r.mineral, r.use, r.scenario, r.year, r.variant) !== r,
    );
    expect(missing.map((r) => r.locator)).toEqual([]);
  });

  it("lists editions newest first, each with its observed base year (iea-cmde-2024: 2023, iea-cmde-2025: 2024)", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dataDir, "iea/IEA_CM_Data_Explorer_2024-05.xlsx"));
    const base2024 = workbook.getWorksheet("1 Total demand for key minerals")!.getCell("B5").value;
    const base2025 = Number(Object.keys(iea2025.totalDemand.Cobalt.totalDemand).find((k) => /^\d{4}$/.test(k)));
    const cobalt = demandCoverage("total-demand", "cobalt", "total");
    expect(cobalt.map((c) => [c.edition, c.baseYear])).toEqual([
      ["iea-cmde-2025", base2025],
      ["iea-cmde-2024", base2024],
    ]);
    expect(cobalt[0]!.years).toEqual([2024, 2030, 2035, 2040, 2045, 2050]);
    expect(technologyCoverage("wind").map((c) => [c.edition, c.baseYear])).toEqual(
      cobalt.map((c) => [c.edition, c.baseYear]),
    );
  });

  it("keeps only the base case in the technology rows", () => {
    const rows = technologyRows("iea-cmde-2024", "electric-vehicles", 2030, "STEPS");
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r.variant))).toEqual(new Set(["base-case"]));
    expect(new Set(rows.map((r) => r.mineral)).size).toBe(rows.length);
  });

  it("reads total-demand, or clean-tech-by-mineral for total-clean of a mineral without it", () => {
    expect(demandTable("lithium", "total")).toBe("total-demand");
    expect(demandTable("lithium", "total-clean")).toBe("total-demand");
    expect(demandTable("gallium", "total-clean")).toBe("clean-tech-by-mineral");
    expect(demandTable("gallium", "total")).toBeUndefined();
    expect(demandTable("gallium", "solar-pv")).toBeUndefined();
  });
});

describe("resolveDemand", () => {
  it("without year or source: the newest edition at its base year, observed (scenario null)", () => {
    expect(resolveDemand(query({ scenario: "NZE" }))).toEqual({
      ok: true,
      resolution: {
        edition: "iea-cmde-2025",
        table: "total-demand",
        year: 2024,
        scenario: null,
        rule: "newest-observed",
      },
    });
  });

  it("with a year: the newest edition that has it; a projection year under STEPS by default", () => {
    expect(resolveDemand(query({ year: 2023 }))).toMatchObject({
      ok: true,
      resolution: { edition: "iea-cmde-2024", year: 2023, scenario: null, rule: "newest-with-year" },
    });
    expect(resolveDemand(query({ year: 2030 }))).toMatchObject({
      ok: true,
      resolution: { edition: "iea-cmde-2025", scenario: DEFAULT_SCENARIO },
    });
    expect(DEFAULT_SCENARIO).toBe("STEPS");
    expect(resolveDemand(query({ year: 2030, scenario: "APS", source: "iea-cmde-2024" }))).toMatchObject({
      ok: true,
      resolution: { edition: "iea-cmde-2024", scenario: "APS", rule: "pinned" },
    });
  });

  it("says why nothing matches, naming the years that exist", () => {
    const result = resolveDemand(query({ year: 2026 }));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/^no 2026 cobalt total demand figure; years available: iea-cmde-2025: 2024, 2030/),
    });
    expect(resolveDemand(query({ source: "usgs-mcs-2025" }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^no cobalt total demand data in usgs-mcs-2025; editions with data/),
    });
    expect(lookupDemand(query({ mineral: "gallium" }))).toMatchObject({
      reason: "no gallium total demand data; only total-clean is available for this mineral",
    });
    expect(lookupDemand(query({ mineral: "lithium", use: "solar-pv" })).row).toBeUndefined();
  });
});

describe("comparing supply and demand", () => {
  it("knows the material of every IEA supply and demand basis (a new label must be classified)", () => {
    const bases = new Set([
      ...supply.filter((r) => r.edition.startsWith("iea-") && r.measure === "production").map((r) => r.basis),
      ...demandRows.filter((r) => r.table === "total-demand").map((r) => r.basis),
    ]);
    expect([...bases].filter((b) => materialOf(b) === undefined)).toEqual([]);
  });

  it("matches each IEA supply block to total demand except graphite (natural or battery-grade vs all grades)", () => {
    const mismatched = new Set<string>();
    for (const r of supply) {
      if (!r.edition.startsWith("iea-") || r.measure !== "production") continue;
      const d = demandRows.find(
        (x) => x.edition === r.edition && x.table === "total-demand" && x.mineral === r.mineral,
      );
      if (d && materialOf(d.basis) !== materialOf(r.basis)) mismatched.add(`${r.mineral} ${r.stage}`);
    }
    expect([...mismatched].sort()).toEqual(["graphite mining", "graphite refining"]);
  });

  it("maps exactly the four magnet rare earths to the rare-earths supply block, whose basis names them", () => {
    const bases = new Set(
      supply.filter((r) => r.edition.startsWith("iea-") && r.mineral === "rare-earths").map((r) => r.basis),
    );
    expect([...bases]).toEqual(["magnet rare earths (Nd, Pr, Dy, Tb)"]);
    expect(Object.keys(SUPPLY_MINERAL_OF).sort()).toEqual(["dysprosium", "neodymium", "praseodymium", "terbium"]);
    expect(new Set(Object.values(SUPPLY_MINERAL_OF))).toEqual(new Set(["rare-earths"]));
    const technologyMinerals = new Set(demandRows.filter((r) => r.table === "technology").map((r) => r.mineral));
    for (const element of Object.keys(SUPPLY_MINERAL_OF)) expect(technologyMinerals.has(element), element).toBe(true);
    expect(technologyMinerals.has("rare-earths")).toBe(false);
  });
});

describe("parsing", () => {
  it("reads scenarios by code or name, case-insensitively", () => {
    expect(parseScenario("f", "nze")).toBe("NZE");
    expect(parseScenario("f", "Net Zero Emissions by 2050")).toBe("NZE");
    expect(parseScenario("f", "stated policies")).toBe("STEPS");
    expect(parseScenario("f", " APS ")).toBe("APS");
    expect(() => parseScenario("f", "")).toThrowError(
      new CritminError("invalid_argument", 'f: scenario must be a non-empty string, got ""'),
    );
  });

  it("reads sectors and technologies by id or label, within the allowed ids", () => {
    expect(parseUse("f", "sector", "EVs", USES)).toBe("electric-vehicles");
    expect(parseUse("f", "sector", "Other low-emissions power generation", USES)).toBe("other-low-emissions-power");
    expect(parseUse("f", "sector", "total demand", USES)).toBe("total");
    expect(() => parseUse("f", "technology", "total", ["wind", "solar-pv"])).toThrowError(
      /^f: unknown technology "total"; expected one of wind, solar-pv$/,
    );
    expect(() => parseUse("f", "technology", "wnd", ["wind", "solar-pv"])).toThrowError(
      /^f: unknown technology "wnd"; did you mean "wind"\?$/,
    );
  });
});
