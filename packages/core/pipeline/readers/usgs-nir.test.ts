import { beforeAll, describe, expect, it } from "vitest";
import { IndicatorRow } from "../../src/schema/rows.ts";
import { countryCode } from "../countries.ts";
import { USGS_RULES } from "./usgs-rules.ts";
import {
  NIR_MINERALS,
  USGS_NIR_FILE,
  importSources,
  parseNirPercent,
  readUsgsNetImportReliance,
  usgsNirSkippedCommodities,
} from "./usgs-nir.ts";
import { dataDir, rawUsgsCsv } from "./usgs-raw.test-support.ts";

// The raw file, read independently: it has CRLF line endings; physical line 1 is the header.
const { text: rawText, rawRow, dataLines, locatorParts } = rawUsgsCsv(USGS_NIR_FILE);

function lineOf(locator: string): number {
  const { line, column } = locatorParts(locator);
  if (column !== "Net_Import_Reliance_pct_2024") throw new Error(`unexpected locator ${locator}`);
  return line;
}

let rows: IndicatorRow[];
beforeAll(() => {
  const output = readUsgsNetImportReliance(dataDir);
  expect(output.supply).toEqual([]);
  expect(output.demand).toEqual([]);
  rows = output.indicators;
});

const byMineral = (mineral: string) => rows.find((r) => r.mineral === mineral);

describe("readUsgsNetImportReliance", () => {
  it("has CRLF line endings, so the locator line must still be the physical line", () => {
    expect(rawText.includes("\r\n")).toBe(true);
    expect(dataLines).toHaveLength(64);
  });

  it("emits one valid row per mapped commodity, for the U.S. in 2024", () => {
    expect(rows).toHaveLength(Object.keys(NIR_MINERALS).length);
    for (const r of rows) {
      const result = IndicatorRow.safeParse(r);
      expect(result.success, `${r.locator}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      expect(r).toMatchObject({
        edition: "usgs-mcs-2025",
        indicator: "net-import-reliance",
        economy: "USA",
        stage: null,
        year: 2024,
        unit: "fraction",
      });
    }
    expect(new Set(rows.map((r) => r.mineral)).size).toBe(rows.length);
  });

  it("reads each value from the raw line its locator names: percent ÷ 100, bounds kept as bounds", () => {
    for (const r of rows) {
      const raw = rawRow(lineOf(r.locator));
      expect(NIR_MINERALS[raw.Commodity?.trim() ?? ""], r.locator).toBe(r.mineral);
      const cell = (raw.Net_Import_Reliance_pct_2024 ?? "").trim();
      const m = /^([<>]?)(\d+)$/.exec(cell);
      if (!m) throw new Error(`${r.locator}: unexpected cell "${cell}"`);
      expect(r.value).toBe(Number(m[2]) / 100);
      expect(r.status).toBe(m[1] === ">" ? "lower-bound" : m[1] === "<" ? "upper-bound" : "reported");
    }
  });

  it("maps the brief's examples", () => {
    expect(byMineral("cobalt")).toMatchObject({
      value: 0.76,
      status: "reported",
      sources: ["NOR", "FIN", "JPN", "CAN"],
    });
    expect(byMineral("graphite")).toMatchObject({ value: 1, status: "reported" });
    expect(byMineral("rare-earths")).toMatchObject({ value: 0.8, sources: ["CHN", "MYS", "JPN", "EST"] });
    expect(byMineral("gallium")).toMatchObject({ value: 1 });
    expect(byMineral("titanium-mineral-concentrates")).toMatchObject({ value: 0.86 });
    expect(byMineral("aluminium")?.value).toBe(0.47);
  });

  it('usgs-lower-bound: ">95" is 0.95 as a lower bound', () => {
    expect(parseNirPercent(">95")).toEqual({ value: 0.95, status: "lower-bound", rules: [USGS_RULES.lowerBound] });
    const titanium = byMineral("titanium");
    expect(rawRow(lineOf(titanium?.locator ?? "")).Net_Import_Reliance_pct_2024).toBe(">95");
    expect(titanium).toMatchObject({ value: 0.95, status: "lower-bound", sources: ["JPN", "KAZ", "SAU"] });
    expect(titanium?.rules).toContain(USGS_RULES.lowerBound);
  });

  it('usgs-upper-bound: "<50" is 0.5 as an upper bound', () => {
    expect(parseNirPercent("<50")).toEqual({ value: 0.5, status: "upper-bound", rules: [USGS_RULES.upperBound] });
    const silicon = byMineral("silicon");
    expect(rawRow(lineOf(silicon?.locator ?? "")).Net_Import_Reliance_pct_2024).toBe("<50");
    expect(silicon).toMatchObject({ value: 0.5, status: "upper-bound" });
  });

  it("refuses anything that is not a whole percent", () => {
    expect(parseNirPercent("76")).toEqual({ value: 0.76, status: "reported", rules: [] });
    expect(parseNirPercent("100")).toEqual({ value: 1, status: "reported", rules: [] });
    expect(parseNirPercent("E")).toBeUndefined();
    expect(parseNirPercent("")).toBeUndefined();
    expect(parseNirPercent("101")).toBeUndefined();
    expect(parseNirPercent("12.5")).toBeUndefined();
  });

  it("maps import sources to ISO alpha-3, footnotes and spacing trimmed", () => {
    expect(importSources("Republic of Korea, Japan, Canada, Belgium")).toEqual({
      codes: ["KOR", "JPN", "CAN", "BEL"],
      unknown: [],
    });
    expect(importSources("Canada, United Arab Emirates, Bahrain, China3")).toEqual({
      codes: ["CAN", "ARE", "BHR", "CHN"],
      unknown: [],
    });
    expect(importSources("Brazil, Canada  ")).toEqual({ codes: ["BRA", "CAN"], unknown: [] });
    expect(importSources("Atlantis, Chile")).toEqual({ codes: ["CHL"], unknown: ["Atlantis"] });
    expect(byMineral("indium")?.sources?.[0]).toBe("KOR");
    expect(byMineral("aluminium")?.sources).toEqual(["CAN", "ARE", "BHR", "CHN"]);
    expect(byMineral("aluminium")?.rules).toContain(USGS_RULES.trimmed);
  });

  it("keeps every listed source, in order (none dropped)", () => {
    for (const r of rows) {
      const names = (rawRow(lineOf(r.locator)).Major_Import_Sources_2020_2023 ?? "")
        .split(",")
        .filter((n) => n.trim() !== "");
      expect(r.sources, r.locator).toHaveLength(names.length);
      expect(r.sources?.[0], r.locator).toBe(countryCode(names[0] ?? ""));
    }
  });

  it("leaves no source country name unmapped anywhere in the file", () => {
    const names = dataLines.flatMap(({ row }) =>
      (row.Major_Import_Sources_2020_2023 ?? "")
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n !== ""),
    );
    const unmapped = [...new Set(names)].filter((n) => {
      const code = countryCode(n);
      return code === undefined || code === "WORLD" || code === "ROW";
    });
    expect(unmapped).toEqual([]);
  });

  it("lists every unmapped commodity as skipped, and no mapped one", () => {
    const skipped = usgsNirSkippedCommodities(dataDir);
    const commodities = dataLines.map(({ row }) => (row.Commodity ?? "").trim());
    expect(skipped.length + rows.length).toBe(commodities.length);
    expect(skipped.sort()).toEqual(commodities.filter((c) => NIR_MINERALS[c] === undefined).sort());
    expect(skipped).toContain("CEMENT");
  });
});
