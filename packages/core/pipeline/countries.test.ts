// Which Congo each source means, with the labels read from the raw files (not through the readers):
// every label naming a Congo, and every committed row whose locator points at one, must carry the
// code of the Congo the label names.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundledDataset } from "../src/data/dataset.ts";
import { countryEntries } from "../src/data/index.ts";
import { nameKey } from "../src/_lib/normalize.ts";
import { RAW, SOURCE_DIR, readCsv, readJson, readWorkbook } from "../../../test/support/raw.ts";
import { loadedBeforeAll } from "../../../test/support/cases.ts";
import { SHARED_NAME_OWNERS, USER_ALIASES, countryCode, countryNames } from "./countries.ts";
import { recordAt, splitCsv } from "./readers/eu-raw.test-support.ts";

/**
 * What each source's Congo label means, by the source's own usage: plain "Congo" is the Republic of
 * the Congo (ISO 3166 short name "Congo"), as in the EU tables, which write the DRC "Congo, D.R.";
 * USGS names both by capital; the IEA writes out the Democratic Republic.
 */
const CONGO_LABELS: Readonly<Record<string, "COD" | "COG">> = {
  Congo: "COG",
  "Congo (Brazzaville)": "COG",
  "Congo, D.R.": "COD",
  "Congo (Kinshasa)": "COD",
  "Democratic Republic of Congo": "COD",
};
const isCongo = (label: string) => /congo/i.test(label);

const EU_FILES = [
  "eu/ec-crm-2023-appendix7-global-supply-shares.csv",
  RAW.euSourcing,
  "eu/ec-crm-annex4-sr-ei-2011-2023.csv",
] as const;
const SUPPLY_SHEET_2024 = "2 Total supply for key minerals";

/**
 * Every country label of the raw files (CSV country columns, IEA JSON country keys, IEA sheet labels),
 * and the IEA 2024 supply sheet.
 */
const raw = loadedBeforeAll(async () => {
  const labels = new Set<string>();
  for (const file of [RAW.usgsWorld, ...EU_FILES]) {
    for (const record of readCsv(file)) {
      const label = record.COUNTRY ?? record.Country;
      if (label !== undefined) labels.add(label.trim());
    }
  }
  const iea = readJson(RAW.ieaParsed2025) as { supply: Record<string, Record<string, { countries: object }>> };
  for (const stages of Object.values(iea.supply))
    for (const block of Object.values(stages)) for (const name of Object.keys(block.countries)) labels.add(name);
  const sheet = (await readWorkbook(RAW.ieaWorkbook2024)).getWorksheet(SUPPLY_SHEET_2024)!;
  sheet.eachRow((row) => {
    for (const col of ["A", "G"]) {
      const v = row.getCell(col).value;
      if (typeof v === "string") labels.add(v.trim());
    }
  });
  return { labels, sheet };
});

const lineCache = new Map<string, string[]>();
/** The country label of the raw record a CSV locator (`file:row N:column`) points at. */
function csvLabel(locator: string): string | undefined {
  const match = /^([^:]+\.csv):row (\d+):/.exec(locator);
  if (!match) return undefined;
  const [, file, row] = match as unknown as [string, string, string];
  const dir = file.startsWith("MCS") ? "usgs" : "eu";
  let lines = lineCache.get(file);
  if (!lines) lineCache.set(file, (lines = readFileSync(path.join(SOURCE_DIR, dir, file), "utf8").split(/\r?\n/)));
  const header = splitCsv(lines[0]!);
  const cells = splitCsv(recordAt(lines, Number(row)).text);
  const column = header.findIndex((h) => h === "COUNTRY" || h === "Country");
  return column < 0 ? undefined : cells[column]?.trim();
}

/** The country label of the raw record or cell a locator points at; `undefined` for other locators. */
function labelAt(locator: string): string | undefined {
  const json = /#\/supply\/[^/]+\/[^/]+\/countries\/([^/]+)\//.exec(locator);
  if (json) return json[1];
  const cell = new RegExp(`^[^!]+!'${SUPPLY_SHEET_2024}'!([A-Z]+)(\\d+)$`).exec(locator);
  if (!cell) return csvLabel(locator);
  // Block labels stand in column A for the data in B–E, in G for H–K.
  const [, col, line] = cell as unknown as [string, string, string];
  const value = raw().sheet.getCell(`${col < "G" ? "A" : "G"}${line}`).value;
  return typeof value === "string" ? value.trim() : undefined;
}

describe("the two Congos in the sources", () => {
  it("knows every Congo label the raw files hold, and maps each to the Congo it names", () => {
    const congos = [...raw().labels].filter(isCongo).sort();
    // USGS, EU and IEA between them write the DRC three ways and the Republic once.
    expect(congos).toEqual(["Congo", "Congo (Kinshasa)", "Congo, D.R.", "Democratic Republic of Congo"]);
    for (const label of Object.keys(CONGO_LABELS)) expect(countryCode(label), label).toBe(CONGO_LABELS[label]);
  });

  it("gives every committed row read from a Congo label the code of that Congo, and no other row a Congo", () => {
    const offenders: string[] = [];
    const congoRows = new Map<string, number>();
    for (const row of bundledDataset().supply) {
      const label = labelAt(row.locator) ?? "";
      const expected = CONGO_LABELS[label];
      if (expected !== undefined) {
        const file = row.locator.split(/[:#!]/)[0]!;
        congoRows.set(file, (congoRows.get(file) ?? 0) + 1);
      }
      if (expected !== undefined ? row.country !== expected : row.country === "COD" || row.country === "COG")
        offenders.push(`${row.locator} ${JSON.stringify(label)} → ${row.country}`);
    }
    expect(offenders).toEqual([]);
    // Every source file with a Congo is checked; the EU "Congo" rows (copper, gold, rubber, sapele
    // wood, zinc) are among them.
    expect([...congoRows.keys()].sort()).toEqual([
      "IEA_CM_Data_Explorer_2024-05.xlsx",
      "IEA_CM_Data_Explorer_2025-05.parsed.json",
      "MCS2025_World_Data.csv",
      "ec-crm-2023-appendix7-eu-sourcing-shares.csv",
      "ec-crm-2023-appendix7-global-supply-shares.csv",
    ]);
  });
});

describe("country names users type", () => {
  it("gives a name the library lists for several countries to one owner only", () => {
    expect(countryNames("COG")).toContain("Congo");
    expect(countryNames("COD")).not.toContain("Congo");
    expect(countryNames("COD")).toContain("Democratic Republic of the Congo");
    for (const [name, owner] of Object.entries(SHARED_NAME_OWNERS)) expect(countryCode(name), name).toBe(owner);
  });

  it("registers no name or alias for two countries (by the key user input is matched on)", () => {
    const owners = new Map<string, Set<string>>();
    for (const c of countryEntries)
      for (const name of [c.code, c.alpha2, c.name, ...c.aliases].filter(Boolean))
        owners.set(nameKey(name), (owners.get(nameKey(name)) ?? new Set()).add(c.code));
    const shared = [...owners]
      .filter(([, codes]) => codes.size > 1)
      .map(([k, codes]) => `${k}: ${[...codes].join(", ")}`);
    expect(shared).toEqual([]);
  });

  it("offers every user alias in the registry under its code", () => {
    for (const [code, aliases] of Object.entries(USER_ALIASES)) {
      const entry = countryEntries.find((c) => c.code === code);
      for (const alias of aliases)
        expect([entry?.name, ...(entry?.aliases ?? [])], `${code} ${alias}`).toContain(alias);
    }
  });
});
