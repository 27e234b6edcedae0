import { describe, expect, it } from "vitest";
import { IndicatorRow } from "../../src/schema/rows.ts";
import { euMineralId } from "./eu-materials.ts";
import { EU_ANNEX4_FILE, EU_RESULTS_FILE, readEuIndicators } from "./eu-indicators.ts";
import { cellAt, dataDir, exactPercentFraction, rawRecords, recordOf } from "./eu-raw.test-support.ts";

const rows = readEuIndicators(dataDir).indicators;
const annexRows = rows.filter((r) => r.locator.startsWith(`${EU_ANNEX4_FILE}:`));
const resultRows = rows.filter((r) => r.locator.startsWith(`${EU_RESULTS_FILE}:`));
const lineOf = (locator: string) => Number(/:row (\d+):/.exec(locator)?.[1]);
const columnOf = (locator: string) => locator.split(":").at(-1) ?? "";

describe("readEuIndicators", () => {
  it("validates every row against the schema and reads only these two files", () => {
    for (const row of rows) expect(IndicatorRow.safeParse(row).success, row.locator).toBe(true);
    expect(annexRows.length + resultRows.length).toBe(rows.length);
    for (const row of rows) expect(row).toMatchObject({ edition: "ec-crm-2023", economy: "EU" });
  });

  it("holds one row per (indicator, mineral, stage, year)", () => {
    const keys = rows.map((r) => [r.indicator, r.mineral, r.stage ?? "all", r.year].join("|"));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("annex 4", () => {
  const records = rawRecords(EU_ANNEX4_FILE);

  it("emits SR and EI for every record, starting line included", () => {
    expect(records.length).toBe(355);
    expect(annexRows).toHaveLength(2 * records.length);
    for (const { line, cells } of records) {
      for (const [column, indicator] of [
        ["SR", "supply-risk"],
        ["EI", "economic-importance"],
      ] as const) {
        const row = annexRows.find((r) => lineOf(r.locator) === line && columnOf(r.locator) === column);
        expect(row, `line ${line} ${column}`).toMatchObject({
          indicator,
          mineral: euMineralId(cells.Material ?? ""),
          stage: null,
          year: Number(cells.Year),
          unit: "index",
        });
      }
    }
  });

  it('reads "-" as not assessed (null), never 0', () => {
    const dashes = annexRows.filter((r) => cellAt(r.locator) === "-");
    expect(dashes.length).toBeGreaterThan(100);
    for (const row of dashes) {
      expect(row.value, row.locator).toBeNull();
      expect(row.status).toBe("not-available");
      expect(row.rules).toContain("eu-not-assessed");
    }
    for (const row of annexRows.filter((r) => cellAt(r.locator) !== "-")) {
      expect(row.value, row.locator).toBe(Number(cellAt(row.locator)));
      expect(row.status).toBe("reported");
    }
  });

  it('locates the quoted, line-broken "Natural Teak\\nwood" by the line it starts on', () => {
    const teak = annexRows.filter((r) => r.mineral === "natural-teak-wood");
    expect(teak).toHaveLength(10);
    for (const row of teak) expect(recordOf(row.locator).Material?.replace(/\s+/g, " ")).toBe("Natural Teak wood");
  });
});

describe("2023 results table (transcribed)", () => {
  const records = rawRecords(EU_RESULTS_FILE);

  it("dates every row 2023 although the transcription says 2025", () => {
    expect(new Set(records.map((r) => r.cells.publish_year))).toEqual(new Set(["2025"]));
    for (const row of resultRows) {
      expect(row.year).toBe(2023);
      expect(row.rules).toContain("eu-results-publish-year-is-2023");
    }
  });

  it("matches the raw cell at each locator; percents become exact fractions", () => {
    for (const row of resultRows) {
      const raw = cellAt(row.locator).trim();
      if (row.value === null) {
        expect(row.status, row.locator).toBe("not-available");
        expect(
          raw === "" || (raw.endsWith("%") && row.rules.includes("eu-results-percent-in-index")),
          row.locator,
        ).toBe(true);
      } else if (row.unit === "fraction") {
        expect(row.value, row.locator).toBe(exactPercentFraction(raw));
      } else {
        expect(row.value, row.locator).toBe(Number(raw));
      }
    }
  });

  it("gives import reliance and EoL-RIR as fractions, indices as indices", () => {
    const fractions = resultRows.filter(
      (r) => r.indicator === "import-reliance" || r.indicator === "eol-recycling-input-rate",
    );
    expect(fractions.length).toBeGreaterThan(60);
    for (const row of fractions) {
      expect(row.unit).toBe("fraction");
      if (row.value !== null) expect(row.value).toBeGreaterThanOrEqual(0);
      if (row.value !== null) expect(row.value).toBeLessThanOrEqual(1);
    }
    const aluminium = fractions.find(
      (r) => r.mineral === "aluminium" && r.indicator === "import-reliance" && r.stage === "mining",
    );
    expect(aluminium?.value).toBe(0.89);
    for (const row of resultRows.filter((r) => !fractions.includes(r))) expect(row.unit).toBe("index");
  });

  it("emits a stage row exactly where eu_stages lists the stage, null when the cell is empty", () => {
    const stageColumns = [
      ["supply_risk_primary", "E"],
      ["supply_risk_refined", "P"],
      ["import_reliance_primary", "E"],
      ["import_reliance_refined", "P"],
    ] as const;
    for (const { line, cells } of records) {
      const stages = (cells.eu_stages ?? "").split("+");
      for (const [column, letter] of stageColumns) {
        const row = resultRows.find((r) => lineOf(r.locator) === line && columnOf(r.locator) === column);
        expect(row !== undefined, `line ${line} ${column}`).toBe(stages.includes(letter));
        if (row) expect(row.stage).toBe(letter === "E" ? "mining" : "refining");
        if (row && (cells[column] ?? "") === "") expect(row.value).toBeNull();
      }
      for (const column of ["end_of_life", "si_sr", "si_ei"]) {
        const row = resultRows.find((r) => lineOf(r.locator) === line && columnOf(r.locator) === column);
        expect(row, `line ${line} ${column}`).toMatchObject({ stage: null });
      }
    }
  });

  it('reads "281%" (LREE extraction supply risk) as not available', () => {
    const row = resultRows.find(
      (r) => r.mineral === "light-rare-earths" && r.indicator === "supply-risk" && r.stage === "mining",
    );
    expect(cellAt(row?.locator ?? "")).toBe("281%");
    expect(row).toMatchObject({ value: null, status: "not-available" });
    expect(row?.rules).toContain("eu-results-percent-in-index");
  });

  it("agrees with annex 4 for 2023 on overall SR and EI, except two documented materials", () => {
    const annex2023 = new Map(
      rawRecords(EU_ANNEX4_FILE)
        .filter((r) => r.cells.Year === "2023")
        .map((r) => [euMineralId(r.cells.Material ?? ""), r.cells]),
    );
    const disagreements: string[] = [];
    const missing: string[] = [];
    for (const { cells } of records) {
      const annex = annex2023.get(euMineralId(cells.material_name ?? ""));
      if (!annex) {
        missing.push(cells.material_name ?? "");
        continue;
      }
      for (const [ours, theirs] of [
        ["supply_risk", "SR"],
        ["economic_importance", "EI"],
      ] as const) {
        if (Number(cells[ours]) !== Number(annex[theirs]))
          disagreements.push(`${cells.material_name} ${theirs} ${cells[ours]} vs ${annex[theirs]}`);
      }
    }
    // The transcription's Aluminium row (1.2 / 5.8) and Silicon metal SR (1.4) differ from the
    // Commission's annex 4 (1.1 / 5.5, 1.3). Annex 4 is the primary source, so its values are the
    // ones emitted; the transcription's overall values are not emitted for annex-4 materials.
    expect(disagreements).toEqual([
      "Aluminium SR 1.2 vs 1.1",
      "Aluminium EI 5.8 vs 5.5",
      "Silicon metal SR 1.4 vs 1.3",
    ]);
    expect(missing).toEqual(["Dysprosium", "Terbium", "Neodymium", "Praseodymium", "Palladium", "Platinum"]);
  });

  it("emits overall SR and EI from the results table only for materials annex 4 lacks", () => {
    const overall = resultRows.filter((r) => ["supply_risk", "economic_importance"].includes(columnOf(r.locator)));
    expect(new Set(overall.map((r) => r.mineral))).toEqual(
      new Set(["dysprosium", "terbium", "neodymium", "praseodymium", "palladium", "platinum"]),
    );
    for (const row of overall) {
      expect(row.stage).toBeNull();
      expect(row.rules).toContain("eu-results-overall-where-annex4-lacks");
    }
    const aluminiumSr2023 = rows.filter(
      (r) => r.mineral === "aluminium" && r.indicator === "supply-risk" && r.year === 2023 && r.stage === null,
    );
    expect(aluminiumSr2023.map((r) => r.value)).toEqual([1.1]);
  });
});
