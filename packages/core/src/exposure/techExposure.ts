import { technologyCoverage, technologyRows, type DemandCoverage } from "../_lib/demandIndex.ts";
import { parseUse } from "../_lib/demandTerms.ts";
import { SUPPLY_MINERAL_OF } from "../_lib/materials.ts";
import { scenarioFor } from "../_lib/resolveDemand.ts";
import { readOptions } from "../_lib/options.ts";
import { requireString } from "../_lib/ids.ts";
import { perDataset } from "../_lib/perDataset.ts";
import { supplyRows } from "../data/tables.ts";
import { allowedEditions } from "../_lib/within.ts";
import { block, coverage } from "../_lib/supplyIndex.ts";
import type { MineralId, Use } from "../data/index.ts";
import type { EditionId, Scenario, Stage } from "../constants.ts";
import type { TechExposureOptions } from "../options.ts";

/** The technologies of the IEA per-technology demand tables. */
export const TECHNOLOGIES = /* @__PURE__ */ Object.freeze([
  "solar-pv",
  "wind",
  "electric-vehicles",
  "grid-battery-storage",
  "electricity-networks",
  "hydrogen",
] as const satisfies readonly Use[]);
export type Technology = (typeof TECHNOLOGIES)[number];

/** One mineral's part in a technology's exposure. */
export interface TechExposureEntry {
  readonly mineral: MineralId;
  /** Tonnes of the mineral the technology demands that year (IEA technology table, base case). */
  readonly demandTonnes: number;
  /** China's share of world supply of the mineral at the stage, same edition and year, 0–1. */
  readonly chinaShare: number;
  /** `demandTonnes` ÷ the demand of all minerals in the breakdown, 0–1. */
  readonly weight: number;
}

/** A technology's demand-weighted China share, with how it was computed. */
export interface TechExposure {
  readonly technology: Technology;
  readonly edition: EditionId;
  readonly year: number;
  /** `null` for the observed base year. */
  readonly scenario: Scenario | null;
  readonly stage: Stage;
  /** Σ weight × chinaShare over the breakdown, 0–1. */
  readonly exposure: number;
  /** The minerals with a China share, largest weight first. */
  readonly breakdown: readonly TechExposureEntry[];
  /** Minerals the technology uses that year but without a China share in the edition, largest demand first. */
  readonly excluded: readonly MineralId[];
  /** The breakdown mineral with the highest China share (the larger demand on a tie). */
  readonly weakestLink: { readonly mineral: MineralId; readonly chinaShare: number };
}

const KEYS = ["year", "scenario", "stage", "source", "within"] as const;

function chinaShareOf(edition: EditionId, mineral: MineralId, stage: Stage, year: number): number | undefined {
  const series = coverage(mineral, stage, "production").find((c) => c.edition === edition);
  if (!series?.years.has(year)) return undefined;
  return (
    block(edition, mineral, stage, "production", year, series.years.get(year) ?? null)?.rows.get("CHN")?.share ??
    undefined
  );
}

/** Tonnes demanded by the technology per mineral, magnet rare earths summed into `rare-earths`, zero-demand minerals dropped. */
function demandByMineral(
  edition: EditionId,
  technology: Technology,
  year: number,
  scenario: Scenario | null,
): Map<MineralId, number> {
  const totals = new Map<MineralId, number>();
  for (const row of technologyRows(edition, technology, year, scenario)) {
    const mineral = SUPPLY_MINERAL_OF[row.mineral] ?? (row.mineral as MineralId);
    totals.set(mineral, (totals.get(mineral) ?? 0) + row.tonnes);
  }
  for (const [mineral, tonnes] of totals) if (tonnes === 0) totals.delete(mineral);
  return totals;
}

function hasSupplyYear(edition: EditionId, minerals: Iterable<MineralId>, stage: Stage, year: number): boolean {
  for (const mineral of minerals) {
    if (coverage(mineral, stage, "production").some((c) => c.edition === edition && c.years.has(year))) return true;
  }
  return false;
}

/**
 * How exposed a clean-energy technology is to China: the China share of the minerals it uses, each
 * weighted by the tonnes the technology demands.
 *
 * Weights are the IEA technology table (base case) of one edition; each mineral's China share is
 * China's share of world supply at `stage` (default `refining`) in the same edition and year. Only the
 * six minerals with IEA supply data (copper, cobalt, lithium, nickel, graphite, rare earths) have a
 * share; the others are left out of the average and listed in `excluded`. Neodymium, praseodymium,
 * dysprosium and terbium count together as `rare-earths`, since the IEA supply block is exactly those
 * four magnet rare earths. Supply years (base year, 2030, 2035, 2040) and demand years (base year,
 * 2030–2050) meet only in the base year, 2030, 2035 and 2040: other years give `undefined`. The year
 * defaults to the edition's observed base year; a projection year is read under `scenario` (default
 * `"STEPS"`) for demand and the `"base-case"` for supply. The edition is the newest that answers,
 * unless `source` pins one or `within` lists the editions allowed (as {@link demand} reads it).
 *
 * @returns the exposure (0–1) with its breakdown, or `undefined` when no mineral of the technology
 *   has both demand and a China share in one edition and year
 * @throws {@link CritminError} `unknown_id` for an unknown technology, stage, scenario or source (with
 *   the nearest valid one), `invalid_argument` for a malformed option
 * @example
 * techExposure("grids", { year: 2023, source: "iea-cmde-2024" })?.exposure
 * //=> 11547 / 26336.2
 * @example
 * techExposure("hydrogen", { year: 2030, scenario: "NZE", source: "iea-cmde-2024" })?.excluded
 * //=> ["zirconium", "pgms", "yttrium", "iridium"]
 * @example
 * techExposure("EV", { year: 2023, source: "iea-cmde-2024" })?.weakestLink.mineral
 * //=> "rare-earths"
 * @example
 * techExposure("EV", { year: 2023, source: "iea-cmde-2024" })?.weakestLink.chinaShare
 * //=> 70.3 / 76.3
 * @example
 * techExposure("grids", { within: ["iea-cmde-2024", "usgs-mcs-2025"] })?.exposure
 * //=> 11547 / 26336.2
 */
export function techExposure(
  technologyInput: Technology | (string & {}),
  options?: TechExposureOptions,
): TechExposure | undefined {
  const fn = "techExposure";
  const opts = readOptions(fn, options, KEYS);
  const technology = parseUse(fn, "technology", technologyInput, TECHNOLOGIES);
  const year = opts.year();
  const asked = opts.scenario();
  const stage = opts.stage("refining");
  const allowed = allowedEditions(opts.source(), opts.within(), "demand");

  // The newest edition whose technology table and supply both have the year: editions are never mixed.
  const answers = (c: DemandCoverage, y: number) =>
    c.years.includes(y) &&
    hasSupplyYear(c.edition, demandByMineral(c.edition, technology, y, scenarioFor(c, y, asked)).keys(), stage, y);
  let chosen: { coverage: DemandCoverage; year: number } | undefined;
  for (const c of technologyCoverage(technology)) {
    if (allowed !== undefined && !allowed.includes(c.edition)) continue;
    const y = year ?? c.baseYear;
    if (y !== undefined && answers(c, y)) {
      chosen = { coverage: c, year: y };
      break;
    }
  }
  if (!chosen) return undefined;
  const { edition } = chosen.coverage;
  const scenario = scenarioFor(chosen.coverage, chosen.year, asked);

  const used = [...demandByMineral(edition, technology, chosen.year, scenario)].sort(([, a], [, b]) => b - a);
  const shared = used.flatMap(([mineral, demandTonnes]) => {
    const chinaShare = chinaShareOf(edition, mineral, stage, chosen.year);
    return chinaShare === undefined ? [] : [{ mineral, demandTonnes, chinaShare }];
  });
  const total = shared.reduce((sum, e) => sum + e.demandTonnes, 0);
  if (shared.length === 0 || total === 0) return undefined;
  const breakdown = shared.map((e) => Object.freeze({ ...e, weight: e.demandTonnes / total }));
  const shares = breakdown.map((e) => e.chinaShare);
  const weighted = breakdown.reduce((sum, e) => sum + e.demandTonnes * e.chinaShare, 0) / total;
  // A weighted mean lies between its extremes; clamping only removes floating-point overshoot.
  const exposure = Math.min(Math.max(weighted, Math.min(...shares)), Math.max(...shares));
  const weakest = breakdown.reduce((best, e) => (e.chinaShare > best.chinaShare ? e : best));
  const inBreakdown = new Set(breakdown.map((e) => e.mineral));
  return Object.freeze({
    technology,
    edition,
    year: chosen.year,
    scenario,
    stage,
    exposure,
    breakdown: Object.freeze(breakdown),
    excluded: Object.freeze(used.map(([mineral]) => mineral).filter((m) => !inBreakdown.has(m))),
    weakestLink: Object.freeze({ mineral: weakest.mineral, chinaShare: weakest.chinaShare }),
  });
}

/** The projection years of supply in the editions with technology tables, ascending. */
const supplyProjectionYears = /* @__PURE__ */ perDataset(() => {
  const editions = new Set(TECHNOLOGIES.flatMap((t) => technologyCoverage(t).map((c) => c.edition)));
  const years = new Set<number>();
  for (const row of supplyRows())
    if (row.kind === "projection" && row.value !== null && editions.has(row.edition)) years.add(row.year);
  return [...years].sort((a, b) => a - b);
});

/**
 * Why {@link techExposure} has no answer, naming the years the dataset in use has supply for
 * (demand and supply meet only there). `subject` is what was asked, as the caller words it
 * (`"EV in 2032"`).
 *
 * @throws {@link CritminError} `invalid_argument` when `subject` is not a non-empty string
 * @example
 * techExposureReason("EV in 2032")
 * //=> "no IEA edition has demand and supply for EV in 2032 (IEA supply years: the base year, 2030, 2035, 2040)"
 */
export function techExposureReason(subject: string): string {
  requireString("techExposureReason", "subject", subject);
  const years = ["the base year", ...supplyProjectionYears()].join(", ");
  return `no IEA edition has demand and supply for ${subject} (IEA supply years: ${years})`;
}
