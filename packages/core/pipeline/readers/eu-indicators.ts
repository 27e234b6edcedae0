// EU CRM indicators: annex 4 (SR and EI for every assessment 2011–2023) and the 2023 study's
// per-material results table (SR per stage, import reliance, EoL-RIR, substitution indices).
import { join } from "node:path";
import { IndicatorRow, type Indicator, type Stage, type Status } from "../../src/schema/rows.ts";
import { csvLocator } from "../locators.ts";
import { SourceProblems } from "../problems.ts";
import { emptyOutput, type ReaderOutput } from "../types.ts";
import {
  EU_ASSESSMENT_YEAR,
  EU_EDITION,
  cleanEuName,
  isDecimal,
  percentToFraction,
  readEuCsv,
  type EuRecord,
} from "./eu-csv.ts";
import { euMineralId } from "./eu-materials.ts";

export const EU_ANNEX4_FILE = "ec-crm-annex4-sr-ei-2011-2023.csv";
export const EU_RESULTS_FILE = "ec-crm-2023-results.transcribed.csv";

/** Rule ids the EU indicator rows can carry. */
export const EU_INDICATOR_RULES = {
  // Annex 4 "-": the material was not assessed that year. Not available, never zero.
  notAssessed: "eu-not-assessed",
  // Annex 4 breaks one name over two lines inside quotes ("Natural Teak\nwood").
  nameWhitespace: "eu-name-whitespace",
  // The transcription's publish_year/date_year say 2025, but its values are the 2023 study's.
  resultsYear: "eu-results-publish-year-is-2023",
  // The transcription holds "281%" as LREE extraction supply risk: an index cannot be a percent
  // and the intended number cannot be recovered, so the value is not available.
  percentInIndex: "eu-results-percent-in-index",
  // Overall SR/EI in the results table repeat annex 4 for 2023, which is the Commission's own
  // table and wins; they are kept only for materials annex 4 does not list (individual rare
  // earths and platinum-group metals).
  overallWhereAnnex4Lacks: "eu-results-overall-where-annex4-lacks",
} as const;

const ANNEX4_COLUMNS = ["Material", "Year", "SR", "EI"] as const;
const ANNEX4_INDICATORS: readonly (readonly [column: string, indicator: Indicator])[] = [
  ["SR", "supply-risk"],
  ["EI", "economic-importance"],
];

const RESULTS_COLUMNS = [
  "material_name",
  "supply_risk",
  "economic_importance",
  "eu_used_stage",
  "eu_stages",
  "eu_used_supply_primary",
  "supply_risk_primary",
  "eu_used_supply_refined",
  "supply_risk_refined",
  "si_ei",
  "si_sr",
  "import_reliance_primary",
  "import_reliance_refined",
  "end_of_life",
  "source_name",
  "publish_year",
  "date_year",
] as const;

interface ResultsField {
  readonly column: string;
  readonly indicator: Indicator;
  /** The study's stage letter (E extraction → mining, P processing → refining), or none for per-material values. */
  readonly stage: "E" | "P" | null;
  readonly unit: "index" | "fraction";
}

// "primary" is the extraction stage and "refined" the processing stage in the transcription's naming.
const RESULTS_FIELDS: readonly ResultsField[] = [
  { column: "supply_risk_primary", indicator: "supply-risk", stage: "E", unit: "index" },
  { column: "supply_risk_refined", indicator: "supply-risk", stage: "P", unit: "index" },
  { column: "import_reliance_primary", indicator: "import-reliance", stage: "E", unit: "fraction" },
  { column: "import_reliance_refined", indicator: "import-reliance", stage: "P", unit: "fraction" },
  { column: "end_of_life", indicator: "eol-recycling-input-rate", stage: null, unit: "fraction" },
  { column: "si_sr", indicator: "substitution-index-supply-risk", stage: null, unit: "index" },
  { column: "si_ei", indicator: "substitution-index-economic-importance", stage: null, unit: "index" },
];

const OVERALL_FIELDS: readonly ResultsField[] = [
  { column: "supply_risk", indicator: "supply-risk", stage: null, unit: "index" },
  { column: "economic_importance", indicator: "economic-importance", stage: null, unit: "index" },
];

const STAGE_OF: Readonly<Record<"E" | "P", Stage>> = { E: "mining", P: "refining" };

export function readEuIndicators(dataDir: string): ReaderOutput {
  const out = emptyOutput();
  const problems = new SourceProblems();
  const annex4 = readAnnex4(join(dataDir, "eu", EU_ANNEX4_FILE), problems);
  const inAnnex2023 = new Set(annex4.filter((r) => r.year === EU_ASSESSMENT_YEAR).map((r) => r.mineral));
  const results = readResults(join(dataDir, "eu", EU_RESULTS_FILE), inAnnex2023, problems);
  out.indicators.push(...validated([...annex4, ...results], problems));
  problems.throwIfAny("eu indicators");
  return out;
}

function readAnnex4(path: string, problems: SourceProblems): IndicatorRow[] {
  return readEuCsv(path, ANNEX4_COLUMNS).flatMap((record) => annex4Rows(record, problems));
}

function annex4Rows(record: EuRecord, problems: SourceProblems): IndicatorRow[] {
  const { Material = "", Year = "" } = record.cells;
  const mineral = euMineralId(Material);
  const year = /^\d{4}$/.test(Year) ? Number(Year) : undefined;
  if (mineral === undefined)
    problems.add(csvLocator(EU_ANNEX4_FILE, record.line, "Material"), `unknown eu material "${Material}"`);
  if (year === undefined)
    problems.add(csvLocator(EU_ANNEX4_FILE, record.line, "Year"), `expected a year, got "${Year}"`);
  if (mineral === undefined || year === undefined) return [];
  const nameRules = cleanEuName(Material) === Material ? [] : [EU_INDICATOR_RULES.nameWhitespace];
  return ANNEX4_INDICATORS.flatMap(([column, indicator]): IndicatorRow[] => {
    const text = record.cells[column] ?? "";
    const locator = csvLocator(EU_ANNEX4_FILE, record.line, column);
    const base = {
      edition: EU_EDITION,
      indicator,
      mineral,
      economy: "EU" as const,
      stage: null,
      year,
      unit: "index" as const,
      locator,
    };
    if (text === "-")
      return [
        {
          ...base,
          value: null,
          status: "not-available" as const,
          rules: [...nameRules, EU_INDICATOR_RULES.notAssessed],
        },
      ];
    if (isDecimal(text)) return [{ ...base, value: Number(text), status: "reported" as const, rules: nameRules }];
    problems.add(locator, `expected a number or "-", got "${text}"`);
    return [];
  });
}

function readResults(path: string, inAnnex2023: ReadonlySet<string>, problems: SourceProblems): IndicatorRow[] {
  return readEuCsv(path, RESULTS_COLUMNS).flatMap((record) => resultsRows(record, inAnnex2023, problems));
}

function resultsRows(record: EuRecord, inAnnex2023: ReadonlySet<string>, problems: SourceProblems): IndicatorRow[] {
  const name = record.cells.material_name ?? "";
  const mineral = euMineralId(name);
  const stages = assessedStages(record, problems);
  if (mineral === undefined)
    problems.add(csvLocator(EU_RESULTS_FILE, record.line, "material_name"), `unknown eu material "${name}"`);
  if (mineral === undefined || stages === undefined) return [];
  const overall = inAnnex2023.has(mineral) ? [] : OVERALL_FIELDS;
  return [...RESULTS_FIELDS, ...overall].flatMap((field) => {
    const row = resultsRow(record, mineral, stages, field, problems);
    if (row && overall.includes(field)) row.rules.push(EU_INDICATOR_RULES.overallWhereAnnex4Lacks);
    return row ? [row] : [];
  });
}

/** The stages the study assessed the material at, from `eu_stages` ("E", "P" or "E+P"). */
function assessedStages(record: EuRecord, problems: SourceProblems): ReadonlySet<string> | undefined {
  const text = record.cells.eu_stages ?? "";
  if (/^(E|P|E\+P)$/.test(text)) return new Set(text.split("+"));
  problems.add(csvLocator(EU_RESULTS_FILE, record.line, "eu_stages"), `expected E, P or E+P, got "${text}"`);
  return undefined;
}

type MutableIndicatorRow = IndicatorRow & { rules: string[] };

function resultsRow(
  record: EuRecord,
  mineral: string,
  stages: ReadonlySet<string>,
  field: ResultsField,
  problems: SourceProblems,
): MutableIndicatorRow | undefined {
  const text = (record.cells[field.column] ?? "").trim();
  const locator = csvLocator(EU_RESULTS_FILE, record.line, field.column);
  const assessed = field.stage === null || stages.has(field.stage);
  if (!assessed) {
    // A stage the study did not assess has no row at all; a value there contradicts eu_stages.
    if (text !== "")
      problems.add(locator, `value "${text}" for stage ${field.stage}, but eu_stages is ${[...stages].join("+")}`);
    return undefined;
  }
  const parsed = parseResultsValue(text, field.unit);
  if (parsed === undefined) {
    problems.add(locator, `expected ${field.unit === "fraction" ? "a percent 0–100" : "a number"}, got "${text}"`);
    return undefined;
  }
  return {
    edition: EU_EDITION,
    indicator: field.indicator,
    mineral,
    economy: "EU",
    stage: field.stage === null ? null : STAGE_OF[field.stage],
    year: EU_ASSESSMENT_YEAR,
    value: parsed.value,
    unit: field.unit,
    status: parsed.status,
    locator,
    rules: [EU_INDICATOR_RULES.resultsYear, ...parsed.rules],
  };
}

interface ParsedValue {
  readonly value: number | null;
  readonly status: Status;
  readonly rules: readonly string[];
}

/** Empty → not available; percents (import reliance, EoL-RIR) → exact fractions; indices as printed. */
function parseResultsValue(text: string, unit: "index" | "fraction"): ParsedValue | undefined {
  if (text === "") return { value: null, status: "not-available", rules: [] };
  if (unit === "index" && /^\d+(\.\d+)?%$/.test(text)) {
    return { value: null, status: "not-available", rules: [EU_INDICATOR_RULES.percentInIndex] };
  }
  if (!isDecimal(text)) return undefined;
  if (unit === "index") return { value: Number(text), status: "reported", rules: [] };
  const fraction = percentToFraction(text);
  return fraction <= 1 ? { value: fraction, status: "reported", rules: [] } : undefined;
}

/** Schema-checks every row and fails on two rows for one (indicator, mineral, stage, year). */
function validated(rows: readonly IndicatorRow[], problems: SourceProblems): IndicatorRow[] {
  const seen = new Map<string, string>();
  return rows.filter((row) => {
    const key = `${row.indicator}/${row.mineral}/${row.stage ?? "all"}/${row.year}`;
    const first = seen.get(key);
    if (first) problems.add(row.locator, `duplicate ${key}, first at ${first}`);
    seen.set(key, first ?? row.locator);
    const valid = IndicatorRow.safeParse(row);
    if (!valid.success)
      problems.add(row.locator, `invalid indicator row: ${valid.error.issues.map((i) => i.message).join("; ")}`);
    return valid.success && !first;
  });
}
