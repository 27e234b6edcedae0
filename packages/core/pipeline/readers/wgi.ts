// World Bank Worldwide Governance Indicators, 2023 update (edition `wb-wgi-2023`): the DataBank bulk
// CSV, wide (one column per year). One GovernanceRow per economy × dimension × year, with the
// estimate (`.EST`) and its standard error (`.STD.ERR`) and the cell each was read from. The other
// series (number of sources, percentile ranks) are not read.
import path from "node:path";
import type { GovernanceDimension } from "../../src/constants.ts";
import { GovernanceRow, type EditionId } from "../../src/schema/rows.ts";
import { countryCode, countryName, NON_ISO_CODES } from "../countries.ts";
import { WGI_BUNDLED_YEARS, WGI_FILE } from "../editions.ts";
import { csvLocator } from "../locators.ts";
import { SourceProblems, validRow } from "../problems.ts";
import { readCsv, type CsvRecord } from "./csv.ts";

export const WGI_EDITION: EditionId = "wb-wgi-2023";
export const WGI_FILE_NAME = path.basename(WGI_FILE);

/** Every rule a governance row can carry. */
export const WGI_RULES = {
  // A UTF-8 byte-order mark, CRLF line endings and a comma ending every line (so the header has an
  // empty 29th column): the BOM and CRLF are dropped when the text is decoded, the empty last column
  // is checked to be empty on every line and not read.
  format: "wgi-bom-crlf-trailing-comma",
  // An empty cell is a value the World Bank does not publish: `null`, never 0.
  missing: "wgi-empty-is-missing",
  // `ANT` (Netherlands Antilles) and `XKX` (Kosovo) are kept under the World Bank's codes.
  nonIso: "wgi-non-iso-codes",
  // The package bundles only WGI_BUNDLED_YEARS (pipeline/editions.ts).
  bundledYears: "wgi-bundled-years",
} as const;

/** The six dimensions by the World Bank's series-code prefix. */
export const WGI_DIMENSIONS: Readonly<Record<string, GovernanceDimension>> = {
  CC: "control-of-corruption",
  GE: "government-effectiveness",
  PV: "political-stability",
  RL: "rule-of-law",
  RQ: "regulatory-quality",
  VA: "voice-accountability",
};

const FIXED_COLUMNS = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"] as const;
/** The years the file holds, in its column order (1997, 1999 and 2001 were not surveyed). */
export const WGI_YEARS: readonly number[] = [1996, 1998, 2000, ...Array.from({ length: 21 }, (_, i) => 2002 + i)];
const COLUMNS = [...FIXED_COLUMNS, ...WGI_YEARS.map(String), ""];

const NUMBER = /^-?\d+(\.\d+)?(E[-+]?\d+)?$/i;

/** A cell as a number, `null` for an empty cell, `undefined` for anything else. */
export function parseWgiCell(raw: string): number | null | undefined {
  if (raw === "") return null;
  return NUMBER.test(raw) ? Number(raw) : undefined;
}

/** Every row of the file, all years (the build keeps {@link WGI_BUNDLED_YEARS}: {@link bundledGovernance}). */
export function readWgi(dataDir: string): GovernanceRow[] {
  const problems = new SourceProblems();
  const records = readCsv(path.join(dataDir, WGI_FILE), COLUMNS, problems);
  const series = new Map<string, CsvRecord<string>>();
  const names = new Map<string, string>();
  for (const record of records) {
    const where = `${WGI_FILE_NAME}:row ${record.line}`;
    const name = record.cells["Country Name"] ?? "";
    const code = record.cells["Country Code"] ?? "";
    const indicator = record.cells["Indicator Code"] ?? "";
    if (record.cells[""] !== "")
      problems.add(where, `expected the trailing column to be empty, got "${record.cells[""]}"`);
    const earlier = names.get(code);
    if (earlier !== undefined && earlier !== name)
      problems.add(where, `${code} is "${earlier}" elsewhere, "${name}" here`);
    names.set(code, name);
    const key = `${code}|${indicator}`;
    if (series.has(key)) problems.add(where, `a second ${indicator} row for ${code}`);
    series.set(key, record);
  }
  for (const [code, name] of names) {
    // A code the country library cannot name, or a name that maps to another code, would put the
    // governance of one economy under another's code.
    if (!/^[A-Z]{3}$/.test(code) || countryName(code) === undefined)
      problems.add(WGI_FILE_NAME, `economy code ${code} ("${name}") is not in the country library`);
    else if (countryCode(name) !== code)
      problems.add(
        WGI_FILE_NAME,
        `the World Bank name "${name}" maps to ${countryCode(name) ?? "no code"}, not to its code ${code}: add it to COUNTRY_ALIASES`,
      );
  }
  const rows: GovernanceRow[] = [];
  for (const code of names.keys()) {
    for (const [prefix, dimension] of Object.entries(WGI_DIMENSIONS)) {
      const estimates = series.get(`${code}|${prefix}.EST`);
      const errors = series.get(`${code}|${prefix}.STD.ERR`);
      if (!estimates || !errors) {
        problems.add(WGI_FILE_NAME, `${code}: no ${estimates ? `${prefix}.STD.ERR` : `${prefix}.EST`} series`);
        continue;
      }
      for (const year of WGI_YEARS) {
        const row = governanceRow(code, dimension, year, estimates, errors, problems);
        if (row) rows.push(row);
      }
    }
  }
  problems.throwIfAny(WGI_FILE_NAME);
  return rows;
}

function governanceRow(
  code: string,
  dimension: GovernanceDimension,
  year: number,
  estimates: CsvRecord<string>,
  errors: CsvRecord<string>,
  problems: SourceProblems,
): GovernanceRow | undefined {
  const column = String(year);
  const locator = csvLocator(WGI_FILE_NAME, estimates.line, column);
  const errorLocator = csvLocator(WGI_FILE_NAME, errors.line, column);
  const estimate = parseWgiCell(estimates.cells[column] ?? "");
  const standardError = parseWgiCell(errors.cells[column] ?? "");
  if (estimate === undefined) problems.add(locator, `expected a number or nothing, got "${estimates.cells[column]}"`);
  if (standardError === undefined)
    problems.add(errorLocator, `expected a number or nothing, got "${errors.cells[column]}"`);
  if (estimate === undefined || standardError === undefined) return undefined;
  const rules: string[] = [WGI_RULES.format];
  if (estimate === null || standardError === null) rules.push(WGI_RULES.missing);
  if (Object.hasOwn(NON_ISO_CODES, code)) rules.push(WGI_RULES.nonIso);
  const row: GovernanceRow = {
    edition: WGI_EDITION,
    country: code,
    dimension,
    year,
    estimate,
    standardError,
    locator,
    errorLocator,
    rules,
  };
  return validRow(GovernanceRow, row, locator, problems);
}

/** Rule wgi-bundled-years: the rows of the years the package ships, each marked with the rule. */
export function bundledGovernance(rows: readonly GovernanceRow[]): GovernanceRow[] {
  const years = new Set(WGI_BUNDLED_YEARS);
  return rows.filter((r) => years.has(r.year)).map((r) => ({ ...r, rules: [...r.rules, WGI_RULES.bundledYears] }));
}
