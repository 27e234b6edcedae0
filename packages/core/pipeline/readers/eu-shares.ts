// EU CRM 2023 appendix 7: global supply shares and EU sourcing shares by material, stage and country.
import { join } from "node:path";
import { SupplyRow, type Measure, type Stage, type Status } from "../../src/schema/rows.ts";
import { countryCode } from "../countries.ts";
import { csvLocator } from "../locators.ts";
import { SourceProblems } from "../problems.ts";
import { emptyOutput, type ReaderOutput } from "../types.ts";
import { EU_ASSESSMENT_YEAR, EU_EDITION, readEuCsv, percentToFraction, type EuRecord } from "./eu-csv.ts";
import { euMineralId } from "./eu-materials.ts";

export interface EuShareFile {
  readonly file: string;
  readonly measure: Measure;
  readonly label: string;
}

export const EU_SHARE_FILES: readonly EuShareFile[] = [
  {
    file: "ec-crm-2023-appendix7-global-supply-shares.csv",
    measure: "production",
    label: "EU CRM 2023 global supply share",
  },
  {
    file: "ec-crm-2023-appendix7-eu-sourcing-shares.csv",
    measure: "eu-sourcing",
    label: "EU CRM 2023 EU sourcing share",
  },
];

// `t` (the trade-related variable of the EU supply-risk formula) is read past: it weights a
// country in the study's score, it is not part of the country's share.
const COLUMNS = ["Material", "Stage", "Country", "Share", "t"] as const;

// The study's two life-cycle stages, in critmin's vocabulary: extraction is mining, and
// processing (smelting, refining, and for some materials e.g. titanium dioxide) is refining.
export const EU_STAGES: Readonly<Record<string, Stage>> = { E: "mining", P: "refining" };

/** Rule ids the EU share rows can carry. */
export const EU_SHARE_RULES = {
  // Appendix-7 shares average the study's multi-year reference period, whose years the files we
  // hold do not state: every row is kind "period-average", and `year` is the assessment year, 2023.
  referencePeriod: "eu-reference-period-average",
  // "<0.1%": the study hides shares under 0.1%; kept as an upper bound, never as zero.
  belowThreshold: "eu-below-threshold",
  // One Share cell lacks its percent sign (EU sourcing, Silicon metal, Germany: "6"). Every other
  // Share is a percent, a 6 as a fraction would be 600%, and with 6% the block sums to 96% like
  // its neighbours, so the bare number is read as a percent.
  missingPercentSign: "eu-share-missing-percent-sign",
  // "T\uFFFDrkiye": Türkiye stored as Latin-1 in a UTF-8 file, damaged by decoding.
  damagedTurkiye: "eu-damaged-turkiye",
  // Misspelled country names in the upstream files ("Turkyie", "Brasil", "Brasilia", "Libanon", "Surinam").
  misspelledCountry: "eu-misspelled-country",
} as const;

const MISSPELLED_COUNTRIES = new Set(["Turkyie", "Brasil", "Brasilia", "Libanon", "Surinam"]);
const DAMAGED_TURKIYE = "T\uFFFDrkiye";

interface ParsedShare {
  readonly value: number;
  readonly share: number;
  readonly status: Status;
  readonly rules: readonly string[];
}

/** `"4%"` → 4 / 0.04 reported; `"<0.1%"` → 0.1 / 0.001 upper bound; anything else `undefined`. */
export function parseEuShare(text: string): ParsedShare | undefined {
  const m = /^(<)?(\d+(?:\.\d+)?)(%)?$/.exec(text.trim());
  const digits = m?.[2];
  if (!m || digits === undefined) return undefined;
  const rules: string[] = [];
  if (m[1]) rules.push(EU_SHARE_RULES.belowThreshold);
  if (!m[3]) {
    // A bare "<0.1" has never been seen; only a plain number may lack its sign.
    if (m[1]) return undefined;
    rules.push(EU_SHARE_RULES.missingPercentSign);
  }
  return { value: Number(digits), share: percentToFraction(digits), status: m[1] ? "upper-bound" : "reported", rules };
}

export function readEuSupplyShares(dataDir: string): ReaderOutput {
  const out = emptyOutput();
  const problems = new SourceProblems();
  for (const source of EU_SHARE_FILES) out.supply.push(...readShareFile(dataDir, source, problems));
  problems.throwIfAny("eu supply shares");
  return out;
}

function readShareFile(dataDir: string, source: EuShareFile, problems: SourceProblems): SupplyRow[] {
  const records = readEuCsv(join(dataDir, "eu", source.file), COLUMNS);
  const rows = records.flatMap((r) => {
    const row = shareRow(r, source, problems);
    return row ? [{ row, material: r.cells.Material ?? "" }] : [];
  });
  checkBlocks(rows, problems);
  return rows.map(({ row }) => row);
}

function shareRow(record: EuRecord, source: EuShareFile, problems: SourceProblems): SupplyRow | undefined {
  const { Material = "", Stage: stageLetter = "", Country = "", Share = "" } = record.cells;
  const where = csvLocator(source.file, record.line, "Share");
  const at = (column: string) => csvLocator(source.file, record.line, column);
  const mineral = euMineralId(Material);
  const stage = EU_STAGES[stageLetter];
  const country = countryCode(Country);
  const parsed = parseEuShare(Share);
  if (mineral === undefined) problems.add(at("Material"), `unknown eu material "${Material}"`);
  if (stage === undefined) problems.add(at("Stage"), `unknown eu stage "${stageLetter}", expected E or P`);
  if (country === undefined) problems.add(at("Country"), `unmapped country "${Country}"`);
  else if (!/^[A-Z]{3}$/.test(country)) problems.add(at("Country"), `"${Country}" is an aggregate, not a country`);
  if (parsed === undefined) problems.add(where, `expected a share like "4%" or "<0.1%", got "${Share}"`);
  if (mineral === undefined || stage === undefined || country === undefined || parsed === undefined) return undefined;
  const row = {
    edition: EU_EDITION,
    mineral,
    stage,
    measure: source.measure,
    country,
    year: EU_ASSESSMENT_YEAR,
    kind: "period-average" as const,
    case: null,
    value: parsed.value,
    unit: "percent",
    tonnes: null,
    share: parsed.share,
    basis: `${source.label} (${stageLetter}), material "${Material}"`,
    status: parsed.status,
    locator: where,
    rules: [EU_SHARE_RULES.referencePeriod, ...parsed.rules, ...countryRules(Country)],
  };
  const valid = SupplyRow.safeParse(row);
  if (!valid.success) problems.add(where, `invalid supply row: ${valid.error.issues.map((i) => i.message).join("; ")}`);
  return valid.success ? valid.data : undefined;
}

function countryRules(name: string): string[] {
  if (name.trim() === DAMAGED_TURKIYE) return [EU_SHARE_RULES.damagedTurkiye];
  return MISSPELLED_COUNTRIES.has(name.trim()) ? [EU_SHARE_RULES.misspelledCountry] : [];
}

/**
 * A block (mineral, stage) must hold one row per country and come from one material name.
 * Two spellings of one country ("Brasil" and "Brazil") in a block would be two readings of one
 * share or two parts of it, and the file cannot say which, so neither summing nor dropping is
 * safe: it fails the build. Same for two material names landing on one id. None occur in the
 * 2023 files.
 */
function checkBlocks(rows: readonly { row: SupplyRow; material: string }[], problems: SourceProblems): void {
  const seenCountry = new Map<string, string>();
  const blockMaterial = new Map<string, string>();
  for (const { row, material } of rows) {
    const block = `${row.mineral}/${row.stage}`;
    const first = seenCountry.get(`${block}/${row.country}`);
    if (first) problems.add(row.locator, `duplicate ${row.country} in ${block}, first at ${first}`);
    else seenCountry.set(`${block}/${row.country}`, row.locator);
    const name = blockMaterial.get(block);
    if (name !== undefined && name !== material)
      problems.add(row.locator, `materials "${name}" and "${material}" both map to ${block}`);
    else blockMaterial.set(block, material);
  }
}
