// The EU 2023 supply risk recomputed from the dataset (issue 15, item 5): a measured comparison with
// the published per-stage scores, not a test. The formula (Blengini et al. 2017, EUR 28654 EN,
// doi:10.2760/73303, as the 2023 study applies it):
//
//   SR = [HHI_WGI,t(GS) × IR/2 + HHI_WGI,t(EU sourcing) × (1 − IR/2)] × (1 − EoL-RIR) × SI_SR
//   HHI_WGI,t = Σ sᵢ² × WGI_scaledᵢ × tᵢ,  WGI_scaled = (2.5 − WGI) × 2
//
// per stage (extraction → mining, processing → refining), with IR that stage's import reliance. Where
// the study used only one of the two supply bases (the results table's `eu_used_supply_*`: "GSonly",
// "EUonly") that HHI stands alone. Shares, IR, EoL-RIR, SI_SR and the WGI come from the dataset
// (governanceWeightedHhi's terms); the trade variable t is not in it and is read from the appendix-7
// row each share was read from; which supply basis the study used is read from the results table.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { EU_RESULTS_FILE, euMineralId } from "../../pipeline/readers/eu-crm.ts";
import { SOURCE_DIR } from "../../pipeline/sourceDir.ts";
import { indicatorRow } from "../../src/_lib/indicatorIndex.ts";
import { governanceYears } from "../../src/_lib/governanceIndex.ts";
import type { SupplyQuery } from "../../src/_lib/lookup.ts";
import type { Measure, Stage } from "../../src/constants.ts";
import type { MineralId } from "../../src/data/index.ts";
import { weightedHhiOf, type WeightedHhiLookup } from "../../src/exposure/weightedHhi.ts";

const STAGES: readonly (readonly [Stage, "primary" | "refined", "Extraction" | "Processing"])[] = [
  ["mining", "primary", "Extraction"],
  ["refining", "refined", "Processing"],
];

/** One material and stage: the published SR, the inputs, and the recomputed SR of each variant. */
export interface ReplicationRow {
  readonly material: string;
  readonly mineral: string;
  readonly stage: Stage;
  /** The stage the study's overall SR is taken at. */
  readonly usedStage: boolean;
  /** GS+EU, GSonly or EUonly: the supply bases the study used at this stage. */
  readonly basis: string;
  readonly published: number;
  readonly publishedLocator: string;
  readonly inputs: {
    readonly ir?: number | undefined;
    readonly eolRir?: number | undefined;
    readonly siSr?: number | undefined;
    readonly hhiGs?: number | undefined;
    readonly hhiEu?: number | undefined;
  };
  /** SR with t, WGI of the newest bundled year: the EU formula as critmin can apply it. */
  readonly recomputed?: number | undefined;
  /** (recomputed − published) ÷ published. */
  readonly deviation?: number | undefined;
  /** The variants: without t, and with each bundled WGI year. */
  readonly variants: Readonly<Record<string, number | undefined>>;
  /** Why there is no recomputed value, or what limits it. */
  readonly reason?: string | undefined;
}

interface ResultsRecord {
  readonly record: Record<string, string>;
  readonly line: number;
}

function resultsRecords(): ResultsRecord[] {
  const file = path.join(SOURCE_DIR, "eu", EU_RESULTS_FILE);
  const parsed: { record: Record<string, string>; info: { lines: number } }[] = parse(readFileSync(file), {
    columns: true,
    info: true,
    bom: true,
  });
  let ended = 1;
  return parsed.map(({ record, info }) => {
    const row = { record, line: ended + 1 };
    ended = info.lines;
    return row;
  });
}

const tCache = new Map<string, Map<number, number>>();

/** The t of the appendix-7 row a share was read from (`file:row N:Share`). */
function tradeVariable(locator: string): number | undefined {
  const m = /^(.+\.csv):row (\d+):Share$/.exec(locator);
  if (!m) return undefined;
  let byLine = tCache.get(m[1]!);
  if (!byLine) {
    byLine = new Map();
    const parsed: { record: Record<string, string>; info: { lines: number } }[] = parse(
      readFileSync(path.join(SOURCE_DIR, "eu", m[1]!)),
      { columns: true, info: true, bom: true },
    );
    let ended = 1;
    for (const { record, info } of parsed) {
      byLine.set(ended + 1, Number(record.t));
      ended = info.lines;
    }
    tCache.set(m[1]!, byLine);
  }
  return byLine.get(Number(m[2]));
}

const query = (mineral: MineralId, stage: Stage, measure: Measure): SupplyQuery => ({
  fn: "replicateEuSupplyRisk",
  mineral,
  stage,
  measure,
  year: undefined,
  source: "ec-crm-2023",
  within: undefined,
});

/** HHI_WGI (and HHI_WGI,t) of one EU block for a WGI year; `undefined` without the block. */
function hhiOf(mineral: MineralId, stage: Stage, measure: Measure, year: number | undefined, withT: boolean) {
  const found: WeightedHhiLookup = weightedHhiOf(query(mineral, stage, measure), "mean", "eu", year);
  if (found.value === undefined) return undefined;
  if (!withT) return found.value;
  let sum = 0;
  for (const term of found.terms) {
    const t = tradeVariable(term.row.locator);
    if (t === undefined || Number.isNaN(t)) return undefined;
    sum += term.share ** 2 * term.weight * t;
  }
  return sum;
}

const indicator = (name: Parameters<typeof indicatorRow>[0], mineral: string, stage: Stage | null) =>
  indicatorRow(name, "EU", mineral, stage, 2023)?.value ?? undefined;

function supplyRisk(basis: string, gs: number | undefined, eu: number | undefined, ir: number | undefined) {
  if (basis === "GSonly") return gs;
  if (basis === "EUonly") return eu;
  if (gs === undefined || eu === undefined || ir === undefined) return undefined;
  return gs * (ir / 2) + eu * (1 - ir / 2);
}

/** A material's overall SR: published, and recomputed as the higher of its assessed stages' SR. */
export interface OverallRow {
  readonly material: string;
  readonly mineral: string;
  readonly published: number;
  /** `undefined` when a stage the study assessed has no recomputation. */
  readonly recomputed?: number | undefined;
  readonly deviation?: number | undefined;
  /** The stage of the higher recomputed SR, and whether it is the stage the study names. */
  readonly stage?: Stage | undefined;
  readonly sameStage?: boolean | undefined;
}

/**
 * The overall SR per material: the methodology takes the stage of the higher supply risk (the
 * bottleneck), which the results table names (`eu_used_stage`); recomputed here as the higher of
 * the recomputed stages, over the stages the study assessed (`eu_stages`).
 */
export function replicateOverall(rows: readonly ReplicationRow[]): OverallRow[] {
  const out: OverallRow[] = [];
  for (const { record } of resultsRecords()) {
    const mineral = euMineralId(record.material_name!) as MineralId | undefined;
    const published = mineral && indicator("supply-risk", mineral, null);
    if (!mineral || published === undefined) continue;
    const assessed = (record.eu_stages ?? "").split("+").map((letter) => (letter === "E" ? "mining" : "refining"));
    const stages = assessed.map((stage) => rows.find((r) => r.mineral === mineral && r.stage === stage));
    const values = stages.map((r) => r?.recomputed);
    const base = { material: record.material_name!, mineral, published };
    if (values.some((v) => v === undefined)) {
      out.push(base);
      continue;
    }
    const best = stages.reduce((a, b) => (b!.recomputed! > a!.recomputed! ? b : a))!;
    const used = STAGES.find(([, , name]) => name === record.eu_used_stage)?.[0];
    out.push({
      ...base,
      recomputed: best.recomputed,
      deviation: (best.recomputed! - published) / published,
      stage: best.stage,
      sameStage: best.stage === used,
    });
  }
  return out;
}

/** Every material and stage the results table gives a per-stage SR for, recomputed. */
export function replicateEuSupplyRisk(): ReplicationRow[] {
  const newest = governanceYears().at(-1);
  const rows: ReplicationRow[] = [];
  for (const { record, line } of resultsRecords()) {
    const material = record.material_name!;
    const mineral = euMineralId(material) as MineralId | undefined;
    if (!mineral) continue;
    for (const [stage, column, stageName] of STAGES) {
      const published = indicator("supply-risk", mineral, stage);
      if (published === undefined) continue;
      const basis = record[`eu_used_supply_${column}`] || "GS+EU";
      const ir = indicator("import-reliance", mineral, stage);
      const eolRir = indicator("eol-recycling-input-rate", mineral, null);
      const siSr = indicator("substitution-index-supply-risk", mineral, null);
      const sr = (year: number | undefined, withT: boolean) => {
        const hhi = supplyRisk(
          basis,
          hhiOf(mineral, stage, "production", year, withT),
          hhiOf(mineral, stage, "eu-sourcing", year, withT),
          ir,
        );
        return hhi === undefined || eolRir === undefined || siSr === undefined ? undefined : hhi * (1 - eolRir) * siSr;
      };
      const hhiGs = hhiOf(mineral, stage, "production", newest, true);
      const hhiEu = hhiOf(mineral, stage, "eu-sourcing", newest, true);
      const recomputed = sr(newest, true);
      const variants: Record<string, number | undefined> = { "without t": sr(newest, false) };
      for (const year of governanceYears()) variants[`WGI ${year}`] = sr(year, true);
      const missing = [
        eolRir === undefined ? "EoL-RIR" : "",
        siSr === undefined ? "SI_SR" : "",
        basis === "GS+EU" && ir === undefined ? "import reliance" : "",
        basis !== "EUonly" && hhiGs === undefined ? "global supply shares" : "",
        basis !== "GSonly" && hhiEu === undefined ? "EU sourcing shares" : "",
      ].filter(Boolean);
      rows.push({
        material,
        mineral,
        stage,
        usedStage: record.eu_used_stage === stageName,
        basis,
        published,
        publishedLocator: `${EU_RESULTS_FILE}:row ${line}:supply_risk_${column}`,
        inputs: { ir, eolRir, siSr, hhiGs, hhiEu },
        recomputed,
        deviation: recomputed === undefined ? undefined : (recomputed - published) / published,
        variants,
        reason: missing.length > 0 ? `not in the dataset: ${missing.join(", ")}` : undefined,
      });
    }
  }
  return rows;
}
