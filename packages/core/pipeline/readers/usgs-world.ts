// USGS Mineral Commodity Summaries 2025, world data (MCS2025_World_Data.csv): production,
// capacity and reserves by country. Only series listed in USGS_SERIES are read; every other
// series is reported by `usgsSkippedSeries`, and every row of a mapped series either becomes
// rows, is skipped by a named rule in USGS_NAME_RULES, or fails the build.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { SupplyRow, type EditionId, type Measure, type Stage, type Status } from "../../src/schema/rows.ts";
import { cleanName, countryCode } from "../countries.ts";
import { csvLocator } from "../locators.ts";
import { SourceProblems } from "../problems.ts";
import { emptyOutput, type ReaderOutput } from "../types.ts";
import { tonnesPerUnit, toTonnes } from "../units.ts";

export const USGS_EDITION: EditionId = "usgs-mcs-2025";
export const USGS_WORLD_FILE = "MCS2025_World_Data.csv";

export const USGS_WORLD_COLUMNS = [
  "SOURCE",
  "COMMODITY",
  "COUNTRY",
  "TYPE",
  "UNIT_MEAS",
  "PROD_2023",
  "PROD_EST_ 2024",
  "PROD_NOTES",
  "CAP_2023",
  "CAP_EST_ 2024",
  "CAP_NOTES",
  "RESERVES_2024",
  "RESERVE_NOTES",
] as const;
type WorldColumn = (typeof USGS_WORLD_COLUMNS)[number];

/** Every quirk rule this reader applies; row `rules` arrays hold these ids. */
export const USGS_RULES = {
  withheld: "usgs-withheld-is-not-zero",
  lowerBound: "usgs-lower-bound",
  upperBound: "usgs-upper-bound",
  trimmed: "usgs-trailing-spaces-and-footnotes",
  estimatedSeries: "usgs-estimated-series",
  titaniumUnit: "usgs-titanium-concentrates-unit",
  vanadiumReservesUnit: "usgs-vanadium-reserves-unit",
  molybdenumReservesUnit: "usgs-molybdenum-reserves-unit",
  magnesiumReserves: "usgs-magnesium-reserves-are-capacity",
  pgmReserves: "usgs-pgm-reserves-are-combined",
  excludesUs: "usgs-world-total-excludes-us",
  seriesWorldLabel: "usgs-series-world-label",
  titaniumCombinedTotal: "usgs-titanium-combined-world-total",
  countryQualifier: "usgs-country-qualifier",
  jointCountries: "usgs-joint-country-row",
  partialCountry: "usgs-partial-country-row",
} as const;

// ---------------------------------------------------------------------------------------------
// Series mapping

export interface UsgsSeries {
  readonly mineral: string;
  readonly stage: Stage;
  /** What the tonnes are tonnes of, from TYPE (and the notes where they say more). */
  readonly basis: string;
  /** Where the reserves column measures something else than production (stated in the file's notes). */
  readonly reservesBasis?: string;
}

/** Commodity and type after trimming, joined: the key of USGS_SERIES. */
export function seriesKey(commodity: string, type: string): string {
  return `${cleanLabel(commodity)} | ${cleanLabel(type)}`;
}

const mine = (mineral: string, basis: string, reservesBasis?: string): UsgsSeries =>
  reservesBasis === undefined
    ? { mineral, stage: "mining", basis }
    : { mineral, stage: "mining", basis, reservesBasis };
const refined = (mineral: string, basis: string): UsgsSeries => ({ mineral, stage: "refining", basis });

/**
 * (COMMODITY, TYPE) → mineral, stage, basis. Keys are written as the file spells them after
 * trimming, typos included ("Gemanium", "ilmentite", "grosss", "Ferosilicon"), so a corrected
 * spelling in a later edition fails loudly (`mapped series not found`) instead of mapping silently.
 */
export const USGS_SERIES: Readonly<Record<string, UsgsSeries>> = {
  [seriesKey("Aluminum", "Smelter production, aluminum")]: refined("aluminium", "primary aluminium metal"),
  [seriesKey("Antimony", "Mine production, antimony content")]: mine("antimony", "antimony content"),
  [seriesKey("Arsenic", "Plant production, arsenic trioxide or calculated equivalent.")]: refined(
    "arsenic",
    "arsenic trioxide or calculated equivalent",
  ),
  [seriesKey("Barite", "Mine production, barite, estimated")]: mine("barite", "barite, gross weight"),
  [seriesKey("Bauxite", "Mine production, bauxite, dry tons")]: mine("bauxite", "bauxite, dry weight"),
  // The alumina refinery rows sit under the Bauxite commodity; alumina is its own mineral.
  [seriesKey("Bauxite", "Refinery production, alumina - calcined equivalent weights")]: refined(
    "alumina",
    "alumina, calcined equivalent weight",
  ),
  [seriesKey("Beryllium", "Mine production, beryllium content")]: mine("beryllium", "beryllium content"),
  [seriesKey("Bismuth", "Refinery production")]: refined("bismuth", "refined bismuth"),
  // Each country reports a different form (crude ore, ulexite, boric oxide, refined borates: see
  // PROD_NOTES) and the world total is "xx": rows are kept for provenance, no share is computable.
  [seriesKey("Boron", "Boron all types")]: mine(
    "boron",
    "boron minerals and compounds, form as reported by each country",
  ),
  [seriesKey("Cadmium", "Refinery production, estimated")]: refined("cadmium", "refined cadmium"),
  [seriesKey("Chromium", "Mine production, grosss weight, marketable chromite ore")]: mine(
    "chromium",
    "marketable chromite ore, gross weight",
    "shipping-grade chromite ore",
  ),
  // Two TYPE spellings: the U.S. row lacks "cobalt content"; both are the same series.
  [seriesKey("Cobalt", "Mine production, cobalt content, estimated")]: mine("cobalt", "cobalt content"),
  [seriesKey("Cobalt", "Mine production, estimated")]: mine("cobalt", "cobalt content"),
  [seriesKey("Copper", "Mine production, recoverable copper content")]: mine("copper", "recoverable copper content"),
  [seriesKey("Copper", "Refinery production, copper")]: refined("copper", "refined copper"),
  [seriesKey("Fluorspar", "Mine production, estimated")]: mine("fluorspar", "fluorspar, gross weight"),
  [seriesKey("Gallium", "Primary production")]: refined("gallium", "primary gallium metal"),
  [seriesKey("Gemanium", "Primary and secondary refinery production")]: refined(
    "germanium",
    "refined germanium, primary and secondary",
  ),
  [seriesKey("Graphite", "Mine production")]: mine("graphite", "natural graphite"),
  [seriesKey("Indium", "Refinery production")]: refined("indium", "refined indium"),
  [seriesKey("Iodine", "Mine production, elemental iodine")]: mine("iodine", "elemental iodine"),
  [seriesKey("Lead", "Mine production, lead content")]: mine("lead", "lead content"),
  [seriesKey("Lithium", "Mine production, lithium content")]: mine("lithium", "lithium content"),
  [seriesKey("Magnesium Compounds", "Mine production, magnesite - gross weight")]: mine(
    "magnesite",
    "magnesite, gross weight",
  ),
  [seriesKey("Magnesium metal", "Magnesium smelter production")]: refined("magnesium", "primary magnesium metal"),
  [seriesKey("Manganese", "Mine production, manganese content")]: mine("manganese", "manganese content"),
  [seriesKey("Molybdenum", "Mine production, molybdenum content")]: mine("molybdenum", "molybdenum content"),
  [seriesKey("Nickel", "Mine production, nickel content")]: mine("nickel", "nickel content"),
  [seriesKey("Niobium", "Mine production, niobium content")]: mine("niobium", "niobium content"),
  [seriesKey("Phosphate rock", "Mine production, marketable phosphate rock")]: mine(
    "phosphate-rock",
    "marketable phosphate rock",
  ),
  [seriesKey("Platinum-Group metals", "Mine production, Palladium content")]: mine("palladium", "palladium content"),
  [seriesKey("Platinum-Group metals", "Mine production, Platinum content")]: mine("platinum", "platinum content"),
  [seriesKey("Potash", "Mine production, potassium oxide (K2O) equivalent")]: mine(
    "potash",
    "potassium oxide (K2O) equivalent",
  ),
  [seriesKey("Rare earths", "Mine production, rare-earth-oxide equivalent")]: mine(
    "rare-earths",
    "rare-earth-oxide equivalent",
  ),
  [seriesKey("Rhenium", "Mine production, rhenium content")]: mine("rhenium", "rhenium content"),
  [seriesKey("Selenium", "Refinery production, selenium content")]: refined("selenium", "selenium content"),
  [seriesKey("Silicon", "Plant production, Ferosilicon, silicon content")]: refined(
    "ferrosilicon",
    "silicon content of ferrosilicon",
  ),
  [seriesKey("Silicon", "Plant production, silicon metal")]: refined("silicon", "silicon metal"),
  [seriesKey("Silver", "Mine production, silver content")]: mine("silver", "silver content"),
  [seriesKey("Strontium", "Mine production, strontium content")]: mine("strontium", "strontium content"),
  [seriesKey("Tantalum", "Mine production, tantalum content")]: mine("tantalum", "tantalum content"),
  [seriesKey("Tellurium", "Refinery production, tellurium content")]: refined("tellurium", "tellurium content"),
  [seriesKey("Tin", "Mine production, tin content")]: mine("tin", "tin content"),
  [seriesKey("Titanium Mineral Concentrates", "Mine production, ilmentite, titanium dioxide (TiO2) content")]: mine(
    "ilmenite",
    "titanium dioxide (TiO2) content",
  ),
  [seriesKey("Titanium Mineral Concentrates", "Mine production, rutile, titanium dioxide (TiO2) content")]: mine(
    "rutile",
    "titanium dioxide (TiO2) content",
  ),
  [seriesKey("Titanium & titanium dioxide", "Sponge Metal Production")]: refined("titanium", "titanium sponge metal"),
  [seriesKey("Tungsten", "Mine production, tungsten content")]: mine("tungsten", "tungsten content"),
  [seriesKey("Vanadium", "Mine production, vanadium content")]: mine("vanadium", "vanadium content"),
  [seriesKey("Zinc", "Mine production, zinc content")]: mine("zinc", "zinc content"),
  // RESERVE_NOTES: "ZrO2 content"; production is zircon concentrate by gross weight.
  [seriesKey("Zirconium and Hafnium", "Mine production, zirconium, gross weight")]: mine(
    "zirconium",
    "zirconium mineral concentrates, gross weight",
    "zirconium dioxide (ZrO2) content",
  ),
};

/** Why a series is left out, where there is a reason beyond "not a critical-mineral series here". */
export const USGS_SKIP_REASONS: Readonly<Record<string, string>> = {
  [seriesKey("Helium", "Production, helium gas content")]: "volume (million cubic meters), not a mass",
  [seriesKey("Diamond (industrial)", "Mine production, industrial diamond")]: "carats, not a mass",
  [seriesKey("Gemstones", "Mine production, thousand carats of gem-quality diamond")]: "carats, not a mass",
  [seriesKey("Potash", "Reserves, recoverable ore")]:
    "reserves as recoverable ore duplicate the K2O-equivalent reserves of the potash series on another basis",
  [seriesKey("Titanium & titanium dioxide", "Pigment Capacity")]:
    "titanium dioxide pigment capacity, a chemical product, not a mineral stage",
};
const DEFAULT_SKIP_REASON = "not a critical-mineral series in this dataset";

// ---------------------------------------------------------------------------------------------
// Quirk rules, each small and tested on its own

/** usgs-trailing-spaces-and-footnotes: "Barite  " → "Barite", collapsing inner runs of spaces too. */
export function cleanLabel(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}

export type ParsedCell =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "lower-bound"; readonly value: number }
  | { readonly kind: "upper-bound"; readonly value: number }
  | { readonly kind: "withheld" }
  | { readonly kind: "not-available" }
  | { readonly kind: "invalid"; readonly text: string };

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * One value cell. usgs-lower-bound: ">2000000" and ">17,000,000" are bounds, kept as printed
 * (2000000) with status `lower-bound`, never read as the value itself; "<50" likewise an upper bound.
 * "W" is withheld and "NA"/"XX" not available: neither is ever 0.
 */
export function parseUsgsCell(raw: string): ParsedCell {
  const text = raw.trim();
  if (text === "") return { kind: "blank" };
  if (text === "W") return { kind: "withheld" };
  if (/^(na|xx)$/i.test(text)) return { kind: "not-available" };
  const bound = /^([<>])\s*(.+)$/.exec(text);
  const digits = bound ? (bound[2] ?? "") : text;
  if (!NUMBER.test(digits)) return { kind: "invalid", text: raw };
  const value = Number(digits.replaceAll(",", ""));
  if (!bound) return { kind: "number", value };
  return bound[1] === ">" ? { kind: "lower-bound", value } : { kind: "upper-bound", value };
}

/**
 * usgs-withheld-is-not-zero: a blank cell whose notes say "W" ("W for 23-24") was withheld to
 * avoid disclosing company data. It becomes `null` with status `withheld`, never 0.
 */
export function notesSayWithheld(notes: string): boolean {
  return /(^|[^A-Za-z])W([^A-Za-z]|$)/.test(notes);
}

/** A blank cell: withheld if the notes say so, otherwise simply not available. */
export function blankCellStatus(notes: string): { status: Status; rules: string[] } {
  return notesSayWithheld(notes)
    ? { status: "withheld", rules: [USGS_RULES.withheld] }
    : { status: "not-available", rules: [] };
}

/** Notes that are a bare "reported" ("Reported.", "reported", the typo "reproted"), overriding an estimated TYPE. */
export function notesSayReported(notes: string): boolean {
  return /(^|,\s*)(reported|reproted)\.?$/i.test(notes.trim());
}

export function notesSayEstimated(notes: string): boolean {
  return /\bestimated\b/i.test(notes);
}

/**
 * Status of a 2023 production or capacity figure. Notes decide first; failing them,
 * usgs-estimated-series: a TYPE ending in "estimated" ("Mine production, cobalt content,
 * estimated") marks the whole series as USGS estimates.
 */
export function status2023(notes: string, type: string): { status: Status; rules: string[] } {
  if (notesSayReported(notes)) return { status: "reported", rules: [] };
  if (notesSayEstimated(notes)) return { status: "estimated", rules: [] };
  if (/\bestimated\b/i.test(type)) return { status: "estimated", rules: [USGS_RULES.estimatedSeries] };
  return { status: "reported", rules: [] };
}

/** usgs-world-total-excludes-us: "Excludes U.S. production." (any case, with or without the stop). */
export function notesSayExcludesUs(notes: string): boolean {
  return /excludes\s+u\.\s?s\.\s+production/i.test(notes);
}

export const TITANIUM_CONCENTRATES = "Titanium Mineral Concentrates";

/**
 * usgs-titanium-concentrates-unit: the Titanium Mineral Concentrates series are labelled
 * "metric tons" but hold thousand metric tons (world ilmenite 8,840 = 8.84 Mt TiO2); one rutile
 * row (Sierra Leone) has an empty unit and takes the series' unit. Other labels are left alone.
 */
export function correctedUnit(commodity: string, rawUnit: string): { unit: string; rules: string[] } {
  const unit = cleanLabel(rawUnit);
  if (cleanLabel(commodity) === TITANIUM_CONCENTRATES && (unit === "metric tons" || unit === "")) {
    return { unit: "thousand metric tons", rules: [USGS_RULES.titaniumUnit] };
  }
  return { unit, rules: [] };
}

/**
 * usgs-vanadium-reserves-unit, usgs-molybdenum-reserves-unit: their reserves columns are in
 * thousand metric tons while UNIT_MEAS says metric tons; RESERVE_NOTES say "(Reserve data is
 * thousand metric tons)". Keyed by mineral, with the label the rule expects to correct.
 */
export const RESERVES_UNIT_RULES: Readonly<Record<string, { from: string; unit: string; rule: string }>> = {
  vanadium: { from: "metric tons", unit: "thousand metric tons", rule: USGS_RULES.vanadiumReservesUnit },
  molybdenum: { from: "metric tons", unit: "thousand metric tons", rule: USGS_RULES.molybdenumReservesUnit },
};

/** The file's own flag for a reserves column in thousand metric tons, checked against RESERVES_UNIT_RULES. */
export function notesSayReservesInThousands(notes: string): boolean {
  return /reserve data is thousand metric tons/i.test(notes);
}

/**
 * usgs-magnesium-reserves-are-capacity: the Magnesium metal RESERVES_2024 column repeats the
 * 2024 capacity (RESERVE_NOTES: "Moved to capacity column not a reserve"): no reserves are emitted.
 */
export const RESERVES_COLUMN_NOT_RESERVES: Readonly<Record<string, string>> = {
  [seriesKey("Magnesium metal", "Magnesium smelter production")]: USGS_RULES.magnesiumReserves,
};

/**
 * usgs-pgm-reserves-are-combined: MCS gives platinum-group-metal reserves as one figure for all
 * six metals; the data release stores it on the palladium rows (the platinum rows have none).
 * They are emitted as `pgms` reserves, not palladium reserves.
 */
export const RESERVES_MINERAL_RULES: Readonly<Record<string, { mineral: string; basis: string; rule: string }>> = {
  [seriesKey("Platinum-Group metals", "Mine production, Palladium content")]: {
    mineral: "pgms",
    basis: "platinum-group metals content",
    rule: USGS_RULES.pgmReserves,
  },
};

export interface NameRule {
  /** ISO alpha-3, WORLD or ROW; `null` skips the row. */
  readonly code: string | null;
  readonly rule: string;
}

/**
 * COUNTRY labels that are neither a country nor a generic aggregate, decided one by one (after
 * trimming). A qualified "X (…)" maps to X only where the row is X's whole figure for the series
 * and the qualifier says what form it is in; rows that are part of a country or several
 * countries at once are skipped. Most entries belong to series not mapped today: they are
 * decided here so mapping such a series later cannot silently drop or mis-assign rows.
 */
export const USGS_NAME_RULES: Readonly<Record<string, NameRule>> = {
  // Titanium concentrates: each TYPE carries its own world total.
  "World total (ilmenite, rounded)": { code: "WORLD", rule: USGS_RULES.seriesWorldLabel },
  "World total (rutile, rounded)": { code: "WORLD", rule: USGS_RULES.seriesWorldLabel },
  // Ilmenite plus rutile, filed under the ilmenite TYPE: it is not the ilmenite total, and
  // keeping it would give the ilmenite block a second, larger world total.
  "World total (ilmenite and rutile, rounded)": { code: null, rule: USGS_RULES.titaniumCombinedTotal },
  // Soda ash: natural and synthetic world totals, each in its own series.
  "World total (rounded), natural": { code: "WORLD", rule: USGS_RULES.seriesWorldLabel },
  "World total (rounded), synthetic": { code: "WORLD", rule: USGS_RULES.seriesWorldLabel },
  // Abrasives: one capacity figure for two countries cannot be split between them.
  "United States and Canada": { code: null, rule: USGS_RULES.jointCountries },
  // Helium: two partial U.S. rows (natural gas, Cliffside Field); neither is the U.S. total.
  "United States (extracted from natural gas)": { code: null, rule: USGS_RULES.partialCountry },
  "United States (from Cliffside Field)": { code: null, rule: USGS_RULES.partialCountry },
  // The country's only row in its series; the qualifier names the product form or coverage.
  "United States (includes Puerto Rico)": { code: "USA", rule: USGS_RULES.countryQualifier },
  "Brazil (beneficiated)": { code: "BRA", rule: USGS_RULES.countryQualifier },
  "Brazil (beneficiated, marketable)": { code: "BRA", rule: USGS_RULES.countryQualifier },
  "Denmark (processed)": { code: "DNK", rule: USGS_RULES.countryQualifier },
  "Spain (includes pegmatites)": { code: "ESP", rule: USGS_RULES.countryQualifier },
  "United States (kyanite)": { code: "USA", rule: USGS_RULES.countryQualifier },
  "China (andalusite, crude ore)": { code: "CHN", rule: USGS_RULES.countryQualifier },
  "France (andalusite)": { code: "FRA", rule: USGS_RULES.countryQualifier },
  "India (kyanite and sillimanite)": { code: "IND", rule: USGS_RULES.countryQualifier },
  "Peru (andalusite)": { code: "PER", rule: USGS_RULES.countryQualifier },
  "South Africa (andalusite)": { code: "ZAF", rule: USGS_RULES.countryQualifier },
  "Canada (shipments)": { code: "CAN", rule: USGS_RULES.countryQualifier },
  "Japan (quicklime only)": { code: "JPN", rule: USGS_RULES.countryQualifier },
  "Poland (hydrated and quicklime)": { code: "POL", rule: USGS_RULES.countryQualifier },
  "Russia (industrial and construction)": { code: "RUS", rule: USGS_RULES.countryQualifier },
  "Peru (exports)": { code: "PER", rule: USGS_RULES.countryQualifier },
  "United States (crude)": { code: "USA", rule: USGS_RULES.countryQualifier },
  "Brazil (crude and beneficiated)": { code: "BRA", rule: USGS_RULES.countryQualifier },
  "Canada (unspecified minerals)": { code: "CAN", rule: USGS_RULES.countryQualifier },
  "China (unspecified minerals)": { code: "CHN", rule: USGS_RULES.countryQualifier },
  "France (crude)": { code: "FRA", rule: USGS_RULES.countryQualifier },
  "Italy (includes steatite)": { code: "ITA", rule: USGS_RULES.countryQualifier },
  "Other countries (includes crude)": { code: "ROW", rule: USGS_RULES.countryQualifier },
};

export type CountryResolution = { readonly code: string | null; readonly rules: string[] } | undefined;

/** COUNTRY label → code (or `null` to skip, by a named rule), `undefined` if nothing knows it. */
export function resolveUsgsCountry(raw: string): CountryResolution {
  const name = cleanName(raw);
  const trimmed = name !== raw ? [USGS_RULES.trimmed] : [];
  const decided = USGS_NAME_RULES[name];
  if (decided) return { code: decided.code, rules: [...trimmed, decided.rule] };
  const code = countryCode(raw);
  return code === undefined ? undefined : { code, rules: trimmed };
}

// ---------------------------------------------------------------------------------------------
// CSV plumbing, shared with the net-import-reliance reader

export interface CsvRecord<C extends string> {
  /** Physical line the record is on, the header being line 1. */
  readonly line: number;
  readonly cells: Readonly<Record<C, string>>;
}

/**
 * Reads a USGS CSV as strict UTF-8 (the world data holds "Côte d’Ivoire"; a mis-encoded file
 * should fail, not turn into replacement characters) and checks its header.
 */
export function readUsgsCsv<C extends string>(
  file: string,
  columns: readonly C[],
  problems: SourceProblems,
): CsvRecord<C>[] {
  const name = path.basename(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch {
    problems.add(name, "not valid UTF-8");
    return [];
  }
  const parsed = parse(text, { info: true, bom: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...body] = parsed;
  const names = header?.record ?? [];
  if (names.length !== columns.length || columns.some((c, i) => names[i] !== c)) {
    problems.add(`${name}:row 1`, `expected columns ${columns.join(",")}, got ${names.join(",")}`);
    return [];
  }
  return body.flatMap(({ record, info }) => {
    // csv-parse reports the line a record ends on; locators need the line it is on, so a
    // record spanning lines (none today) is refused rather than given an ambiguous locator.
    if (record.some((field) => /[\r\n]/.test(field))) {
      problems.add(`${name}:row ${info.lines}`, "record spans several lines; locators would be ambiguous");
      return [];
    }
    const cells = Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ""])) as Record<C, string>;
    return [{ line: info.lines, cells }];
  });
}

// ---------------------------------------------------------------------------------------------
// The reader

export interface SkippedSeries {
  readonly commodity: string;
  readonly type: string;
  readonly unit: string;
  readonly rows: number;
  readonly reason: string;
}

export interface SkippedRow {
  readonly locator: string;
  readonly country: string;
  readonly series: string;
  readonly rule: string;
}

export interface UsgsWorldReport {
  readonly output: ReaderOutput;
  /** Series in the file that USGS_SERIES does not map, for the build to print. */
  readonly skippedSeries: SkippedSeries[];
  /** Rows of mapped series left out by a named rule. */
  readonly skippedRows: SkippedRow[];
}

interface CellSpec {
  readonly column: WorldColumn;
  readonly notes: WorldColumn;
  readonly measure: Measure;
  readonly year: number;
}

const CELLS: readonly CellSpec[] = [
  { column: "PROD_2023", notes: "PROD_NOTES", measure: "production", year: 2023 },
  { column: "PROD_EST_ 2024", notes: "PROD_NOTES", measure: "production", year: 2024 },
  { column: "CAP_2023", notes: "CAP_NOTES", measure: "capacity", year: 2023 },
  { column: "CAP_EST_ 2024", notes: "CAP_NOTES", measure: "capacity", year: 2024 },
  { column: "RESERVES_2024", notes: "RESERVE_NOTES", measure: "reserves", year: 2024 },
];

type Draft = Omit<SupplyRow, "share" | "rules"> & { rules: string[] };
type WorldRecord = CsvRecord<WorldColumn>;

export function readUsgsWorld(dataDir: string): ReaderOutput {
  return readUsgsWorldReport(dataDir).output;
}

export function usgsSkippedSeries(dataDir: string): SkippedSeries[] {
  return readUsgsWorldReport(dataDir).skippedSeries;
}

export function readUsgsWorldReport(dataDir: string): UsgsWorldReport {
  const problems = new SourceProblems();
  const records = readUsgsCsv(path.join(dataDir, "usgs", USGS_WORLD_FILE), USGS_WORLD_COLUMNS, problems);
  const bySeries = groupBySeries(records);

  for (const key of Object.keys(USGS_SERIES)) {
    if (!bySeries.has(key)) problems.add(USGS_WORLD_FILE, `mapped series not found: "${key}"`);
  }
  const skippedSeries = [...bySeries.entries()]
    .filter(([key]) => USGS_SERIES[key] === undefined)
    .map(([key, rows]) => describeSkipped(key, rows));

  const drafts: Draft[] = [];
  const skippedRows: SkippedRow[] = [];
  const excludingUs = new Set<string>();
  for (const [key, rows] of bySeries) {
    const series = USGS_SERIES[key];
    if (!series) continue;
    checkReservesUnitFlag(key, series, rows, problems);
    const columns = emittedColumns(key, rows);
    for (const record of rows) {
      const country = resolveUsgsCountry(record.cells.COUNTRY);
      const where = csvLocator(USGS_WORLD_FILE, record.line, "COUNTRY");
      if (country === undefined) {
        problems.add(where, `unmapped country "${record.cells.COUNTRY}" in series "${key}"`);
        continue;
      }
      if (country.code === null) {
        skippedRows.push({
          locator: where,
          country: record.cells.COUNTRY,
          series: key,
          rule: country.rules.at(-1) ?? "",
        });
        continue;
      }
      for (const spec of columns) {
        const draft = cellRow(key, series, record, country.code, country.rules, spec, problems);
        if (draft) drafts.push(draft);
      }
    }
    if (worldExcludesUs(rows)) excludingUs.add(`${series.mineral}|${series.stage}`);
  }
  flagExcludesUs(excludingUs, drafts);

  const supply = withShares(drafts, problems);
  for (const row of supply) {
    const result = SupplyRow.safeParse(row);
    if (!result.success)
      problems.add(
        row.locator,
        `invalid row: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      );
  }
  problems.throwIfAny(USGS_WORLD_FILE);
  return { output: { ...emptyOutput(), supply }, skippedSeries, skippedRows };
}

function groupBySeries(records: readonly WorldRecord[]): Map<string, WorldRecord[]> {
  const bySeries = new Map<string, WorldRecord[]>();
  for (const record of records) {
    const key = seriesKey(record.cells.COMMODITY, record.cells.TYPE);
    bySeries.set(key, [...(bySeries.get(key) ?? []), record]);
  }
  return bySeries;
}

function describeSkipped(key: string, rows: readonly WorldRecord[]): SkippedSeries {
  const first = rows[0]?.cells;
  return {
    commodity: cleanLabel(first?.COMMODITY ?? ""),
    type: cleanLabel(first?.TYPE ?? ""),
    unit: cleanLabel(first?.UNIT_MEAS ?? ""),
    rows: rows.length,
    reason: USGS_SKIP_REASONS[key] ?? DEFAULT_SKIP_REASON,
  };
}

/**
 * Production is always emitted, so a series with no figures at all (germanium) still says why
 * for each country. Capacity and reserves columns are emitted only where the series holds at
 * least one entry in that column: a column blank throughout is not part of that series' table.
 */
function emittedColumns(key: string, rows: readonly WorldRecord[]): CellSpec[] {
  return CELLS.filter((spec) => {
    if (spec.measure === "production") return true;
    if (spec.measure === "reserves" && RESERVES_COLUMN_NOT_RESERVES[key] !== undefined) return false;
    return rows.some((r) => r.cells[spec.column].trim() !== "");
  });
}

/** A series whose notes flag thousand-ton reserves must have a unit rule, or the rule table is stale. */
function checkReservesUnitFlag(
  key: string,
  series: UsgsSeries,
  rows: readonly WorldRecord[],
  problems: SourceProblems,
): void {
  const flagged = rows.find((r) => notesSayReservesInThousands(r.cells.RESERVE_NOTES));
  if (flagged && RESERVES_UNIT_RULES[series.mineral] === undefined) {
    problems.add(
      csvLocator(USGS_WORLD_FILE, flagged.line, "RESERVE_NOTES"),
      `reserves of "${key}" flagged as thousand metric tons but no unit rule covers them`,
    );
  }
}

function cellRow(
  key: string,
  series: UsgsSeries,
  record: WorldRecord,
  country: string,
  countryRules: readonly string[],
  spec: CellSpec,
  problems: SourceProblems,
): Draft | undefined {
  const { cells, line } = record;
  const locator = csvLocator(USGS_WORLD_FILE, line, spec.column);
  const rules = [...countryRules, ...labelRules(record)];

  const unitFix = correctedUnit(cells.COMMODITY, cells.UNIT_MEAS);
  let unit = unitFix.unit;
  rules.push(...unitFix.rules);
  let { mineral, basis } = series;
  if (spec.measure === "reserves") {
    const unitRule = RESERVES_UNIT_RULES[series.mineral];
    if (unitRule) {
      if (unit !== unitRule.from) problems.add(locator, `reserves unit rule expects "${unitRule.from}", got "${unit}"`);
      unit = unitRule.unit;
      rules.push(unitRule.rule);
    }
    const mineralRule = RESERVES_MINERAL_RULES[key];
    if (mineralRule) {
      mineral = mineralRule.mineral;
      basis = mineralRule.basis;
      rules.push(mineralRule.rule);
    } else if (series.reservesBasis) {
      basis = series.reservesBasis;
    }
  }
  if (unit === "" || tonnesPerUnit(unit) === undefined) {
    problems.add(locator, `unit "${unit}" is not a known mass unit`);
    return undefined;
  }

  const parsed = parseUsgsCell(cells[spec.column]);
  const notes = cells[spec.notes];
  const value = valueAndStatus(parsed, notes, cells.TYPE, spec);
  if (value === undefined) {
    problems.add(locator, `expected a number, "W", "NA" or a bound, got "${cells[spec.column]}"`);
    return undefined;
  }
  rules.push(...value.rules);
  return {
    edition: USGS_EDITION,
    mineral,
    stage: spec.measure === "reserves" ? "mining" : series.stage,
    measure: spec.measure,
    country,
    year: spec.year,
    kind: "observed",
    case: null,
    value: value.value,
    unit,
    tonnes: value.value === null ? null : toTonnes(value.value, unit),
    basis,
    status: value.status,
    locator,
    rules: unique(rules),
  };
}

/** usgs-trailing-spaces-and-footnotes on the series labels ("Lithium ", "Barite  "). */
function labelRules(record: WorldRecord): string[] {
  const { COMMODITY, TYPE } = record.cells;
  return COMMODITY !== cleanLabel(COMMODITY) || TYPE !== cleanLabel(TYPE) ? [USGS_RULES.trimmed] : [];
}

function valueAndStatus(
  parsed: ParsedCell,
  notes: string,
  type: string,
  spec: CellSpec,
): { value: number | null; status: Status; rules: string[] } | undefined {
  switch (parsed.kind) {
    case "invalid":
      return undefined;
    case "blank":
      return { value: null, ...blankCellStatus(notes) };
    case "withheld":
      return { value: null, status: "withheld", rules: [USGS_RULES.withheld] };
    case "not-available":
      return { value: null, status: "not-available", rules: [] };
    case "lower-bound":
      return { value: parsed.value, status: "lower-bound", rules: [USGS_RULES.lowerBound] };
    case "upper-bound":
      return { value: parsed.value, status: "upper-bound", rules: [USGS_RULES.upperBound] };
    case "number":
      return { value: parsed.value, ...numberStatus(notes, type, spec) };
  }
}

/** The "_EST_ 2024" columns are USGS estimates by definition; reserves are as reported. */
function numberStatus(notes: string, type: string, spec: CellSpec): { status: Status; rules: string[] } {
  if (spec.measure === "reserves") return { status: "reported", rules: [] };
  if (spec.year === 2024) return { status: "estimated", rules: [] };
  return status2023(notes, type);
}

function worldExcludesUs(rows: readonly WorldRecord[]): boolean {
  return rows.some(
    (r) => resolveUsgsCountry(r.cells.COUNTRY)?.code === "WORLD" && notesSayExcludesUs(r.cells.PROD_NOTES),
  );
}

/**
 * usgs-world-total-excludes-us: the world total is kept as printed, but every production row
 * of the mineral and stage is flagged (both years, whichever TYPE spelling the row came from),
 * since U.S. output (withheld) is missing from the denominator.
 */
function flagExcludesUs(excludingUs: ReadonlySet<string>, drafts: Draft[]): void {
  for (const d of drafts) {
    if (
      d.measure === "production" &&
      excludingUs.has(`${d.mineral}|${d.stage}`) &&
      !d.rules.includes(USGS_RULES.excludesUs)
    ) {
      d.rules.push(USGS_RULES.excludesUs);
    }
  }
}

export function blockKey(r: Pick<SupplyRow, "edition" | "mineral" | "stage" | "measure" | "year">): string {
  return [r.edition, r.mineral, r.stage, r.measure, r.year].join("|");
}

/**
 * share = tonnes ÷ the block's own WORLD tonnes. No world figure, no share. usgs-lower-bound: a
 * world total that is only a bound (">130000000") is no denominator, so its block has no shares.
 */
function withShares(drafts: readonly Draft[], problems: SourceProblems): SupplyRow[] {
  const blocks = new Map<string, Draft[]>();
  for (const d of drafts) blocks.set(blockKey(d), [...(blocks.get(blockKey(d)) ?? []), d]);
  const rows: SupplyRow[] = [];
  for (const block of blocks.values()) {
    checkUnique(block, problems);
    const world = block.find((d) => d.country === "WORLD");
    const bounded = world?.status === "lower-bound" || world?.status === "upper-bound";
    const total = world && !bounded ? world.tonnes : null;
    for (const d of block) {
      let share: number | null = null;
      const rules = [...d.rules];
      if (d.tonnes !== null) {
        if (d.country === "WORLD") share = 1;
        else if (bounded) rules.push(world.status === "lower-bound" ? USGS_RULES.lowerBound : USGS_RULES.upperBound);
        else if (total !== null && total !== undefined && total > 0) share = d.tonnes / total;
      }
      if (share !== null && share > 1) problems.add(d.locator, `exceeds its world total (share ${share})`);
      rows.push({ ...d, share, rules: unique(rules) });
    }
  }
  return rows;
}

function checkUnique(block: readonly Draft[], problems: SourceProblems): void {
  const seen = new Map<string, string>();
  for (const d of block) {
    const earlier = seen.get(d.country);
    if (earlier)
      problems.add(d.locator, `${d.country} already has a ${d.mineral} ${d.measure} ${d.year} row at ${earlier}`);
    seen.set(d.country, d.locator);
  }
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
