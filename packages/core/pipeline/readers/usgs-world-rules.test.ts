// Each named quirk rule of the USGS world data, on its own and on the rows it shapes.
import { beforeAll, describe, expect, it } from "vitest";
import type { SupplyRow } from "../../src/schema/rows.ts";
import {
  blankCellStatus,
  notesSayExcludesUs,
  notesSayReported,
  notesSayWithheld,
  parseUsgsCell,
  status2023,
} from "./usgs-cells.ts";
import { resolveUsgsCountry } from "./usgs-countries.ts";
import { USGS_RULES, cleanLabel } from "./usgs-rules.ts";
import { USGS_SERIES, seriesKey } from "./usgs-series.ts";
import { correctedUnit } from "./usgs-units.ts";
import { USGS_WORLD_FILE, usgsSkippedSeries, type UsgsWorldReport } from "./usgs-world.ts";
import { dataDir } from "./usgs-raw.test-support.ts";
import { dataLines, find, locatorParts, mappedLines, rawRow, worldReport } from "./usgs-world.test-support.ts";

let report: UsgsWorldReport;
let rows: SupplyRow[];
beforeAll(() => {
  report = worldReport();
  rows = report.output.supply;
});

/** A row's figure as printed, the unit it is in and its tonnes. */
const figure = (value: number, unit: string, tonnes: number) => ({ value, unit, tonnes });

describe("usgs quirk rules", () => {
  it("usgs-withheld-is-not-zero: W in the notes gives null, status withheld", () => {
    expect(notesSayWithheld("W for 23-24")).toBe(true);
    expect(notesSayWithheld("W")).toBe(true);
    expect(notesSayWithheld("Moved to capacity column not a reserve")).toBe(false);
    expect(notesSayWithheld("Included in World total")).toBe(false);
    expect(blankCellStatus("W for 23-24")).toEqual({ status: "withheld", rules: [USGS_RULES.withheld] });
    expect(blankCellStatus("")).toEqual({ status: "not-available", rules: [] });
    expect(parseUsgsCell("W")).toEqual({ kind: "withheld" });

    const us = find("lithium", "production", 2023, "USA");
    expect(rawRow(locatorParts(us?.locator ?? "").line).PROD_NOTES).toBe("W for 23-24");
    expect(us).toMatchObject({ value: null, tonnes: null, share: null, status: "withheld" });
    expect(us?.rules).toContain(USGS_RULES.withheld);
    // Every line whose production notes say W yields withheld production for both years.
    for (const { line, row } of mappedLines.filter((l) => /\bW\b/.test(l.row.PROD_NOTES ?? ""))) {
      for (const column of ["PROD_2023", "PROD_EST_ 2024"]) {
        const r = rows.find((x) => x.locator === `${USGS_WORLD_FILE}:row ${line}:${column}`);
        expect((row[column] ?? "").trim()).toBe("");
        expect(r, `${line} ${column}`).toMatchObject({ value: null, status: "withheld" });
      }
    }
  });

  it('usgs-lower-bound: ">17,000,000" is 17000000 as a lower bound, and gives no shares', () => {
    expect(parseUsgsCell(">17,000,000")).toEqual({ kind: "lower-bound", value: 17_000_000 });
    expect(parseUsgsCell(">2000000")).toEqual({ kind: "lower-bound", value: 2_000_000 });
    expect(parseUsgsCell("<50")).toEqual({ kind: "upper-bound", value: 50 });
    expect(parseUsgsCell("1,234")).toEqual({ kind: "number", value: 1234 });
    expect(parseUsgsCell("NA")).toEqual({ kind: "not-available" });
    expect(parseUsgsCell("xx")).toEqual({ kind: "not-available" });
    expect(parseUsgsCell("")).toEqual({ kind: "blank" });
    expect(parseUsgsCell("12a")).toEqual({ kind: "invalid", text: "12a" });
    expect(parseUsgsCell("1,23")).toEqual({ kind: "invalid", text: "1,23" });

    const world = find("niobium", "reserves", 2024, "WORLD");
    expect(rawRow(locatorParts(world?.locator ?? "").line).RESERVES_2024).toBe(">17,000,000");
    expect(world).toMatchObject({ value: 17_000_000, tonnes: 17_000_000, status: "lower-bound", share: 1 });
    expect(world?.rules).toContain(USGS_RULES.lowerBound);
    const brazil = find("niobium", "reserves", 2024, "BRA");
    expect(brazil).toMatchObject({ value: 16_000_000, status: "reported", share: null });
    expect(brazil?.rules).toContain(USGS_RULES.lowerBound);
    expect(find("antimony", "reserves", 2024, "WORLD")).toMatchObject({ value: 2_000_000, status: "lower-bound" });
  });

  it("usgs-trailing-spaces-and-footnotes: labels trimmed, footnote digits dropped", () => {
    expect(cleanLabel("Barite  ")).toBe("Barite");
    expect(cleanLabel("Plant production, Ferosilicon, silicon content ")).toBe(
      "Plant production, Ferosilicon, silicon content",
    );
    expect(resolveUsgsCountry("Canada ")).toEqual({ code: "CAN", rules: [USGS_RULES.trimmed] });
    expect(resolveUsgsCountry("World total (rounded) 10")).toEqual({ code: "WORLD", rules: [USGS_RULES.trimmed] });
    expect(resolveUsgsCountry("Chile")).toEqual({ code: "CHL", rules: [] });
    const antimonyWorld = find("antimony", "production", 2023, "WORLD");
    expect(rawRow(locatorParts(antimonyWorld?.locator ?? "").line).COUNTRY).toBe("World total (rounded) 10");
    expect(antimonyWorld).toMatchObject({ value: 106_000, share: 1 });
    expect(find("lithium", "production", 2023, "CAN")?.rules).toContain(USGS_RULES.trimmed);
    expect(find("barite", "production", 2023, "CHN")?.rules).toContain(USGS_RULES.trimmed);
  });

  it("usgs-titanium-concentrates-unit: labelled metric tons, read as thousand metric tons; the empty unit too", () => {
    expect(correctedUnit("Titanium Mineral Concentrates", "metric tons")).toEqual({
      unit: "thousand metric tons",
      rules: [USGS_RULES.titaniumUnit],
    });
    expect(correctedUnit("Titanium Mineral Concentrates", "")).toEqual({
      unit: "thousand metric tons",
      rules: [USGS_RULES.titaniumUnit],
    });
    expect(correctedUnit("Titanium & titanium dioxide", "metric tons")).toEqual({ unit: "metric tons", rules: [] });
    expect(correctedUnit("Lithium ", "metric tons")).toEqual({ unit: "metric tons", rules: [] });

    const world = find("ilmenite", "production", 2023, "WORLD");
    expect(rawRow(locatorParts(world?.locator ?? "").line).UNIT_MEAS).toBe("metric tons");
    expect(world).toMatchObject(figure(8840, "thousand metric tons", 8_840_000));
    const emptyUnit = mappedLines.filter((l) => (l.row.UNIT_MEAS ?? "").trim() === "");
    expect(emptyUnit.map((l) => l.row.COUNTRY)).toEqual(["Sierra Leone"]);
    const sierraLeone = find("rutile", "production", 2023, "SLE");
    expect(sierraLeone).toMatchObject(figure(110, "thousand metric tons", 110_000));
    expect(sierraLeone?.rules).toContain(USGS_RULES.titaniumUnit);
    // The sponge-metal series is genuinely in metric tons and is left alone.
    expect(find("titanium", "production", 2023, "CHN")).toMatchObject(figure(220_000, "metric tons", 220_000));
  });

  it("usgs-vanadium-reserves-unit (and molybdenum): reserves in thousand metric tons, production untouched", () => {
    const reserves = find("vanadium", "reserves", 2024, "WORLD");
    const raw = rawRow(locatorParts(reserves?.locator ?? "").line);
    expect(raw.RESERVE_NOTES).toMatch(/Reserve data is thousand metric tons/);
    expect(reserves).toMatchObject(figure(18_000, "thousand metric tons", 18_000_000));
    expect(reserves?.rules).toContain(USGS_RULES.vanadiumReservesUnit);
    expect(find("vanadium", "production", 2023, "WORLD")).toMatchObject(figure(104_000, "metric tons", 104_000));
    expect(find("molybdenum", "reserves", 2024, "CHL")).toMatchObject(figure(1_400, "thousand metric tons", 1_400_000));
    expect(find("molybdenum", "reserves", 2024, "CHL")?.rules).toContain(USGS_RULES.molybdenumReservesUnit);
  });

  it("usgs-magnesium-reserves-are-capacity: no magnesium reserves; the figures appear as 2024 capacity", () => {
    expect(rows.filter((r) => r.mineral === "magnesium" && r.measure === "reserves")).toEqual([]);
    const china = find("magnesium", "capacity", 2024, "CHN");
    const raw = rawRow(locatorParts(china?.locator ?? "").line);
    expect(raw.RESERVES_2024).toBe("1800");
    expect(china).toMatchObject({
      value: Number(raw["CAP_EST_ 2024"]),
      unit: "thousand metric tons",
      stage: "refining",
    });
    expect(mappedLines.some((l) => /Moved to capacity column not a reserve/.test(l.row.RESERVE_NOTES ?? ""))).toBe(
      true,
    );
  });

  it("usgs-pgm-reserves-are-combined: reserves on the palladium rows become pgms reserves", () => {
    expect(rows.filter((r) => r.mineral === "palladium" && r.measure === "reserves")).toEqual([]);
    expect(rows.filter((r) => r.mineral === "platinum" && r.measure === "reserves")).toEqual([]);
    const za = find("pgms", "reserves", 2024, "ZAF");
    expect(za).toMatchObject({ value: 63_000_000, unit: "kilograms", basis: "platinum-group metals content" });
    expect(za?.rules).toContain(USGS_RULES.pgmReserves);
  });

  it("usgs-world-total-excludes-us: flags every production row of such series, and only those", () => {
    expect(notesSayExcludesUs("Excludes U.S. production.")).toBe(true);
    expect(notesSayExcludesUs("excludes U.S. production")).toBe(true);
    expect(notesSayExcludesUs("Excludes U.S. Production")).toBe(true);
    expect(notesSayExcludesUs("Does not include U.S. production of attapulgite")).toBe(false);

    const flaggedKeys = new Set(
      mappedLines.filter((l) => /excludes u\.s\. production/i.test(l.row.PROD_NOTES ?? "")).map((l) => l.key),
    );
    const flaggedBlocks = new Set<string>();
    for (const r of rows) {
      const key = dataLines.find((l) => l.line === locatorParts(r.locator).line)?.key ?? "";
      const expected = flaggedKeys.has(key) && r.measure === "production";
      expect(r.rules.includes(USGS_RULES.excludesUs), r.locator).toBe(expected);
      if (expected) flaggedBlocks.add(`${r.mineral} ${r.year}`);
    }
    expect([...flaggedBlocks].sort()).toEqual(
      ["barite", "bauxite", "iodine", "lithium", "magnesite", "selenium", "tellurium", "titanium"].flatMap((m) => [
        `${m} 2023`,
        `${m} 2024`,
      ]),
    );
    // The total is kept as printed.
    expect(find("lithium", "production", 2023, "WORLD")).toMatchObject({ value: 204_000, share: 1 });
  });

  it("usgs-estimated-series: an estimated TYPE marks 2023 estimated unless the notes say reported", () => {
    expect(status2023("", "Mine production, cobalt content, estimated")).toEqual({
      status: "estimated",
      rules: [USGS_RULES.estimatedSeries],
    });
    expect(status2023("Reported.", "Mine production, barite, estimated")).toEqual({ status: "reported", rules: [] });
    expect(status2023("estimated 2023", "Mine production, lithium content")).toEqual({
      status: "estimated",
      rules: [],
    });
    expect(status2023("", "Mine production, lithium content")).toEqual({ status: "reported", rules: [] });
    // "Estimated based on reported import data" is an estimate, not a report.
    expect(notesSayReported("Estimated based on reported import data for China.")).toBe(false);
    expect(notesSayReported("reproted")).toBe(true);
    expect(find("cobalt", "production", 2023, "COD")?.status).toBe("estimated");
    expect(find("barite", "production", 2023, "TUR")?.status).toBe("reported");
    expect(find("rare-earths", "production", 2023, "MMR")?.status).toBe("estimated");
    expect(find("lithium", "production", 2023, "CHL")?.status).toBe("reported");
    expect(
      rows
        .filter((r) => r.year === 2024 && r.measure === "production" && r.value !== null)
        .every((r) => r.status === "estimated"),
    ).toBe(true);
  });

  it("names neither country nor aggregate: each decided by a named rule", () => {
    expect(resolveUsgsCountry("World total (ilmenite, rounded)")).toEqual({
      code: "WORLD",
      rules: [USGS_RULES.seriesWorldLabel],
    });
    expect(resolveUsgsCountry("World total (ilmenite and rutile, rounded)")).toEqual({
      code: null,
      rules: [USGS_RULES.titaniumCombinedTotal],
    });
    expect(resolveUsgsCountry("United States and Canada")).toEqual({ code: null, rules: [USGS_RULES.jointCountries] });
    expect(resolveUsgsCountry("Brazil (beneficiated)")).toEqual({ code: "BRA", rules: [USGS_RULES.countryQualifier] });
    expect(resolveUsgsCountry("World total (rounded), natural")).toEqual({
      code: "WORLD",
      rules: [USGS_RULES.seriesWorldLabel],
    });
    expect(resolveUsgsCountry("Other Countries")?.code).toBe("ROW");
    expect(resolveUsgsCountry("Atlantis")).toBeUndefined();
    // Every label in the whole file resolves one way or another, so mapping another series cannot drop rows silently.
    expect(
      dataLines.filter((l) => resolveUsgsCountry(l.row.COUNTRY ?? "") === undefined).map((l) => l.row.COUNTRY),
    ).toEqual([]);
  });

  it("lists every unmapped series with a reason, and no mapped one", () => {
    const skipped = usgsSkippedSeries(dataDir);
    const allKeys = new Set(dataLines.map((l) => l.key));
    const mappedKeys = new Set(mappedLines.map((l) => l.key));
    expect(mappedKeys.size).toBe(Object.keys(USGS_SERIES).length);
    expect(skipped.length + mappedKeys.size).toBe(allKeys.size);
    for (const s of skipped) {
      expect(USGS_SERIES[seriesKey(s.commodity, s.type)]).toBeUndefined();
      expect(s.reason.length).toBeGreaterThan(0);
    }
    expect(skipped.find((s) => s.commodity === "Helium")?.reason).toMatch(/not a mass/);
  });
});
