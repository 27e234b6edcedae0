// USGS Mineral Commodity Summaries 2025, Figure 2: 2024 U.S. net import reliance and the major
// import sources 2020–23. One indicator row per mapped commodity; the rest are listed by
// `usgsNirSkippedCommodities`.
import path from "node:path";
import { IndicatorRow, type Status } from "../../src/schema/rows.ts";
import { cleanName, countryCode } from "../countries.ts";
import { csvLocator } from "../locators.ts";
import { SourceProblems } from "../problems.ts";
import { emptyOutput, type ReaderOutput } from "../types.ts";
import { parseUsgsCell } from "./usgs-cells.ts";
import { readUsgsCsv, type CsvRecord } from "./usgs-csv.ts";
import { USGS_EDITION, USGS_RULES, cleanLabel } from "./usgs-rules.ts";

export const USGS_NIR_FILE = "MCS2025_Fig2_Net_Import_Reliance.csv";
export const USGS_NIR_YEAR = 2024;

export const USGS_NIR_COLUMNS = [
  "Source",
  "Import_Share_Order",
  "Commodity",
  "Net_Import_Reliance_pct_2024",
  "Major_Import_Sources_2020_2023",
  "Notes",
] as const;
type NirColumn = (typeof USGS_NIR_COLUMNS)[number];

/**
 * Commodity (trimmed, as printed) → mineral id. Ids match the world-data reader where the
 * material is the same; the figure's wider or narrower scopes keep their own id
 * (titanium-mineral-concentrates, magnesium-compounds) rather than borrowing a near match.
 */
export const NIR_MINERALS: Readonly<Record<string, string>> = {
  "ARSENIC, all forms": "arsenic",
  CESIUM: "cesium",
  FLUORSPAR: "fluorspar",
  "GALLIUM, metal": "gallium",
  "GRAPHITE (NATURAL)": "graphite",
  INDIUM: "indium",
  MANGANESE: "manganese",
  "NIOBIUM (COLUMBIUM)": "niobium",
  RUBIDIUM: "rubidium",
  SCANDIUM: "scandium",
  STRONTIUM: "strontium",
  TANTALUM: "tantalum",
  "YTTRIUM, compounds": "yttrium",
  "TITANIUM, sponge metal": "titanium",
  POTASH: "potash",
  "BISMUTH, metal, alloys, and scrap": "bismuth",
  "TITANIUM MINERAL CONCENTRATES": "titanium-mineral-concentrates",
  "ANTIMONY, metal and oxide": "antimony",
  PLATINUM: "platinum",
  "RARE EARTHS, compounds and metals": "rare-earths",
  "CHROMIUM, all forms": "chromium",
  "COBALT, metal, oxides, and salts": "cobalt",
  BARITE: "barite",
  BAUXITE: "bauxite",
  "MAGNESIUM METAL": "magnesium",
  "TIN, refined": "tin",
  "ZINC, refined": "zinc",
  RHENIUM: "rhenium",
  SILVER: "silver",
  ALUMINA: "alumina",
  "MAGNESIUM COMPOUNDS": "magnesium-compounds",
  GERMANIUM: "germanium",
  IODINE: "iodine",
  LITHIUM: "lithium",
  "SELENIUM, metal": "selenium",
  TUNGSTEN: "tungsten",
  "SILICON, metal and ferrosilicon": "silicon",
  NICKEL: "nickel",
  ALUMINUM: "aluminium",
  "COPPER, refined": "copper",
  VANADIUM: "vanadium",
  PALLADIUM: "palladium",
  "LEAD, refined": "lead",
  TELLURIUM: "tellurium",
  "ZIRCONIUM, ores and concentrates": "zirconium",
};

/**
 * "76" → 0.76 reported; usgs-lower-bound ">95" → 0.95 `lower-bound`; usgs-upper-bound "<50" →
 * 0.5 `upper-bound`. The percent is an integer in this file, so dividing by 100 gives the
 * double nearest the decimal fraction; anything else is refused.
 */
export function parseNirPercent(raw: string): { value: number; status: Status; rules: string[] } | undefined {
  const parsed = parseUsgsCell(raw);
  if (parsed.kind !== "number" && parsed.kind !== "lower-bound" && parsed.kind !== "upper-bound") return undefined;
  if (!Number.isInteger(parsed.value) || parsed.value > 100) return undefined;
  const value = parsed.value / 100;
  if (parsed.kind === "lower-bound") return { value, status: "lower-bound", rules: [USGS_RULES.lowerBound] };
  if (parsed.kind === "upper-bound") return { value, status: "upper-bound", rules: [USGS_RULES.upperBound] };
  return { value, status: "reported", rules: [] };
}

/** "Republic of Korea, Japan, China3 " → KOR, JPN, CHN; names no table knows are returned apart. */
export function importSources(raw: string): { codes: string[]; unknown: string[] } {
  const names = raw
    .split(",")
    .map(cleanName)
    .filter((n) => n !== "");
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const code = countryCode(name);
    if (code === undefined || code === "WORLD" || code === "ROW") unknown.push(name);
    else codes.push(code);
  }
  return { codes, unknown };
}

export function readUsgsNetImportReliance(dataDir: string): ReaderOutput {
  return readUsgsNirReport(dataDir).output;
}

export function usgsNirSkippedCommodities(dataDir: string): string[] {
  return readUsgsNirReport(dataDir).skipped;
}

export function readUsgsNirReport(dataDir: string): { output: ReaderOutput; skipped: string[] } {
  const problems = new SourceProblems();
  const records = readUsgsCsv(path.join(dataDir, "usgs", USGS_NIR_FILE), USGS_NIR_COLUMNS, problems);
  const indicators: IndicatorRow[] = [];
  const skipped: string[] = [];
  const seen = new Map<string, string>();
  for (const record of records) {
    const commodity = cleanLabel(record.cells.Commodity);
    const mineral = NIR_MINERALS[commodity];
    if (mineral === undefined) {
      skipped.push(commodity);
      continue;
    }
    const row = indicatorRow(record, mineral, problems);
    if (!row) continue;
    const earlier = seen.get(mineral);
    if (earlier) problems.add(row.locator, `${mineral} already has a net import reliance row at ${earlier}`);
    seen.set(mineral, row.locator);
    indicators.push(row);
  }
  for (const commodity of Object.keys(NIR_MINERALS)) {
    if (!records.some((r) => cleanLabel(r.cells.Commodity) === commodity))
      problems.add(USGS_NIR_FILE, `mapped commodity not found: "${commodity}"`);
  }
  problems.throwIfAny(USGS_NIR_FILE);
  return { output: { ...emptyOutput(), indicators }, skipped };
}

function indicatorRow(
  record: CsvRecord<NirColumn>,
  mineral: string,
  problems: SourceProblems,
): IndicatorRow | undefined {
  const locator = csvLocator(USGS_NIR_FILE, record.line, "Net_Import_Reliance_pct_2024");
  const percent = parseNirPercent(record.cells.Net_Import_Reliance_pct_2024);
  if (!percent) {
    problems.add(locator, `expected a percent, ">N" or "<N", got "${record.cells.Net_Import_Reliance_pct_2024}"`);
    return undefined;
  }
  const sources = importSources(record.cells.Major_Import_Sources_2020_2023);
  for (const name of sources.unknown) {
    problems.add(
      csvLocator(USGS_NIR_FILE, record.line, "Major_Import_Sources_2020_2023"),
      `unmapped import source "${name}"`,
    );
  }
  const rules = [...percent.rules];
  if (needsTrimming(record)) rules.push(USGS_RULES.trimmed);
  const row: IndicatorRow = {
    edition: USGS_EDITION,
    indicator: "net-import-reliance",
    mineral,
    economy: "USA",
    stage: null,
    year: USGS_NIR_YEAR,
    value: percent.value,
    unit: "fraction",
    status: percent.status,
    locator,
    sources: sources.codes,
    rules,
  };
  const result = IndicatorRow.safeParse(row);
  if (!result.success) {
    problems.add(
      locator,
      `invalid row: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
    return undefined;
  }
  return row;
}

/** usgs-trailing-spaces-and-footnotes: "CHROMIUM, all forms ", "Canada  ", "China3". */
function needsTrimming(record: CsvRecord<NirColumn>): boolean {
  const { Commodity, Major_Import_Sources_2020_2023: sources } = record.cells;
  return (
    Commodity !== cleanLabel(Commodity) ||
    sources !== sources.trim() ||
    sources.split(",").some((n) => cleanName(n) !== n.trim())
  );
}
