// The CRITMIN.* custom functions. One file because custom-functions-metadata only resolves the
// @customenum types declared in the same file as the functions that use them.
// Each wrapper parses Excel's arguments, calls @critmin/core and maps the result: no logic here.
//
// The identifier (first) parameter is declared as a matrix: Excel hands a range to it whole, and
// the wrapper answers cell by cell, so =CRITMIN.CHINA_SHARE(A2:A30) spills a column. The other
// parameters are single values.
import * as core from "@critmin/core";
import { citationText } from "../adapter/answerText.ts";
import { isBlank, optionalText, text } from "../adapter/args.ts";
import { answerReason, coreResult, excelResult, explainCall } from "../adapter/calls.ts";
import { explainRows } from "../adapter/explain.ts";
import { CONTROL_HEADER, controlRows, LIST_HEADER, listRows } from "../adapter/policyTables.ts";
import { blockReason, seriesSource } from "../adapter/queries.ts";
import { table, value, type ExcelValue } from "../adapter/results.ts";
import { SERIES_HEADER, seriesRows } from "../adapter/seriesTable.ts";
import { asked, cells, seriesCells, supplyCells } from "../adapter/wrappers.ts";
import { card, countryOf, mineralOf } from "../adapter/cards/index.ts";
// Edition pinning: a blank `source` passes the workbook's pin to the core (adapter/queries.ts).
import { versionLabel } from "../workbook/pin.ts";

/**
 * Supply-chain stage.
 * @customenum {string}
 */
enum Stage {
  /** Mining (extraction) */
  mining = "mining",
  /** Refining (processing, smelting, chemicals) */
  refining = "refining",
}

/**
 * IEA demand scenario.
 * @customenum {string}
 */
enum Scenario {
  /** Stated Policies Scenario */
  STEPS = "STEPS",
  /** Announced Pledges Scenario */
  APS = "APS",
  /** Net Zero Emissions by 2050 Scenario */
  NZE = "NZE",
}

/**
 * Source edition.
 * @customenum {string}
 */
enum Edition {
  /** IEA Critical Minerals Data Explorer, May 2024 (base year 2023) */
  iea_cmde_2024 = "iea-cmde-2024",
  /** IEA Critical Minerals Data Explorer, May 2025 (base year 2024) */
  iea_cmde_2025 = "iea-cmde-2025",
  /** USGS Mineral Commodity Summaries 2025 */
  usgs_mcs_2025 = "usgs-mcs-2025",
  /** EU Critical Raw Materials study 2023 */
  ec_crm_2023 = "ec-crm-2023",
}

/**
 * China's share of world output of a mineral, 0–1 (format as %). Refining unless stage says mining.
 * @customfunction CHINA_SHARE
 * @helpurl https://docs.critmin.invalid/excel/CHINA_SHARE
 * @param mineral Mineral, e.g. "cobalt", "rare earths", "Li"; a range gives one result per cell
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use, e.g. "iea-cmde-2024"; the newest with data when omitted
 * @returns China's share of the source's world total
 */
export function chinaShare(mineral: any[][], stage?: Stage, year?: any, source?: Edition): any[][] {
  const rest = [stage, year, source] as const;
  return supplyCells("CHINA_SHARE", mineral, rest, { country: "CHN" }, (m) => excelResult("CHINA_SHARE", m, rest));
}

/**
 * A country's share of world output of a mineral, 0–1 (format as %).
 * @customfunction SHARE
 * @helpurl https://docs.critmin.invalid/excel/SHARE
 * @param mineral Mineral, e.g. "lithium"; a range gives one result per cell
 * @param country Country name, ISO code or alias, e.g. "Australia", "AUS", "DRC"
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use; the newest with data when omitted
 * @returns The country's share of the source's world total
 */
export function share(mineral: any[][], country: any, stage?: Stage, year?: any, source?: Edition): any[][] {
  return supplyCells("SHARE", mineral, [stage, year, source], { country }, (m) =>
    excelResult("SHARE", m, [country, stage, year, source]),
  );
}

/**
 * A country's output of a mineral in metric tonnes of content ("World" for the world total).
 * @customfunction PRODUCTION
 * @helpurl https://docs.critmin.invalid/excel/PRODUCTION
 * @param mineral Mineral, e.g. "copper"; a range gives one result per cell
 * @param country Country name, ISO code or alias, or "World"
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use; the newest with data when omitted
 * @returns Tonnes on the source's basis
 */
export function production(mineral: any[][], country: any, stage?: Stage, year?: any, source?: Edition): any[][] {
  return supplyCells("PRODUCTION", mineral, [stage, year, source], { country }, (m) =>
    excelResult("PRODUCTION", m, [country, stage, year, source]),
  );
}

/**
 * Largest producers ranked: rank, country code, name, share, tonnes; then the source's rest of world, rank blank (header row).
 * @customfunction TOP_PRODUCERS
 * @helpurl https://docs.critmin.invalid/excel/TOP_PRODUCERS
 * @param mineral Mineral, e.g. "nickel"
 * @param [stage] "mining" or "refining" (default refining)
 * @param [n] How many countries (default 5)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use; the newest with data when omitted
 * @returns A table with a header row; #N/A with the reason where the source gives no country a share (no world total)
 */
export function topProducers(mineral: any, stage?: Stage, n?: any, year?: any, source?: Edition): any[][] {
  const fn = "TOP_PRODUCERS";
  return table(
    () =>
      (coreResult(fn, text(fn, "mineral", mineral), [stage, n, year, source]) as core.Producer[] | undefined)?.map(
        (p) => [p.rank, p.country, p.name, p.share, p.tonnes],
      ),
    ["Rank", "Country", "Name", "Share", "Tonnes"],
    blockReason(fn, mineral, [stage, year, source]),
  );
}

/**
 * Herfindahl–Hirschman index of supply over countries, 0–10,000 (a lower bound where the source lumps countries as rest of world).
 * @customfunction HHI
 * @helpurl https://docs.critmin.invalid/excel/HHI
 * @param mineral Mineral; a range gives one result per cell
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use; the newest with data when omitted
 * @returns HHI, 0–10,000
 */
export function hhi(mineral: any[][], stage?: Stage, year?: any, source?: Edition): any[][] {
  const rest = [stage, year, source] as const;
  return supplyCells("HHI", mineral, rest, "block", (m) => excelResult("HHI", m, rest));
}

/**
 * Concentration ratio: the summed share of the n largest producing countries, 0–1.
 * @customfunction CONCENTRATION_RATIO
 * @helpurl https://docs.critmin.invalid/excel/CONCENTRATION_RATIO
 * @param mineral Mineral; a range gives one result per cell
 * @param n How many of the largest countries
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use; the newest with data when omitted
 * @returns Summed share, 0–1
 */
export function concentrationRatio(mineral: any[][], n: any, stage?: Stage, year?: any, source?: Edition): any[][] {
  return supplyCells("CONCENTRATION_RATIO", mineral, [stage, year, source], "block", (m) =>
    excelResult("CONCENTRATION_RATIO", m, [n, stage, year, source]),
  );
}

/**
 * Effective number of suppliers: 10,000 ÷ HHI.
 * @customfunction EFFECTIVE_SUPPLIERS
 * @helpurl https://docs.critmin.invalid/excel/EFFECTIVE_SUPPLIERS
 * @param mineral Mineral; a range gives one result per cell
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use; the newest with data when omitted
 * @returns Equivalent number of equal-sized suppliers
 */
export function effectiveSuppliers(mineral: any[][], stage?: Stage, year?: any, source?: Edition): any[][] {
  const rest = [stage, year, source] as const;
  return supplyCells("EFFECTIVE_SUPPLIERS", mineral, rest, "block", (m) => excelResult("EFFECTIVE_SUPPLIERS", m, rest));
}

/**
 * The summed share of a group's members (G7, EU27, G7_PLUS, QUAD, OECD), 0–1; a lower bound where members sit in rest of world.
 * @customfunction GROUP_SHARE
 * @helpurl https://docs.critmin.invalid/excel/GROUP_SHARE
 * @param mineral Mineral; a range gives one result per cell
 * @param group Group id, e.g. "G7", "EU27", "G7_PLUS", "QUAD", "OECD"
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use; the newest with data when omitted
 * @returns Summed share, 0–1
 */
export function groupShare(mineral: any[][], group: any, stage?: Stage, year?: any, source?: Edition): any[][] {
  return supplyCells("GROUP_SHARE", mineral, [stage, year, source], "block", (m) =>
    excelResult("GROUP_SHARE", m, [group, stage, year, source]),
  );
}

/**
 * Change in a country's share between two years of one edition (0.05 = 5 percentage points).
 * @customfunction SHARE_CHANGE
 * @helpurl https://docs.critmin.invalid/excel/SHARE_CHANGE
 * @param mineral Mineral; a range gives one result per cell
 * @param country Country name, ISO code or alias
 * @param fromYear First year
 * @param toYear Second year
 * @param [stage] "mining" or "refining" (default refining)
 * @param [source] Edition to use; the newest with both years when omitted
 * @returns Share in toYear minus share in fromYear
 */
export function shareChange(
  mineral: any[][],
  country: any,
  fromYear: any,
  toYear: any,
  stage?: Stage,
  source?: Edition,
): any[][] {
  const fn = "SHARE_CHANGE";
  return cells(
    fn,
    mineral,
    (m) => excelResult(fn, m, [country, fromYear, toYear, stage, source]),
    (m) => `no single edition has ${String(m)} figures for ${String(country)} in both years`,
  );
}

/**
 * Share of world supply lost if a supplier cuts output by a fraction: share × cut.
 * @customfunction SUPPLY_AT_RISK
 * @helpurl https://docs.critmin.invalid/excel/SUPPLY_AT_RISK
 * @param mineral Mineral; a range gives one result per cell
 * @param supplier Country name, ISO code or alias
 * @param cut Fraction of the supplier's output cut, 0–1
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use; the newest with data when omitted
 * @returns Share of world supply lost, 0–1
 */
export function supplyAtRisk(
  mineral: any[][],
  supplier: any,
  cut: any,
  stage?: Stage,
  year?: any,
  source?: Edition,
): any[][] {
  return supplyCells("SUPPLY_AT_RISK", mineral, [stage, year, source], { country: supplier }, (m) =>
    excelResult("SUPPLY_AT_RISK", m, [supplier, cut, stage, year, source]),
  );
}

/**
 * Supply without one supplier as a fraction of demand, same year and IEA edition: (total − supplier) ÷ demand.
 * @customfunction COVERAGE_WITHOUT
 * @helpurl https://docs.critmin.invalid/excel/COVERAGE_WITHOUT
 * @param mineral Mineral; a range gives one result per cell
 * @param [supplier] Country removed; the largest supplier when omitted
 * @param [year] Year; the base year when omitted
 * @param [scenario] Demand scenario for projection years: STEPS (default), APS or NZE
 * @param [stage] "mining" or "refining" (default refining)
 * @param [source] IEA edition to use; the newest with the year when omitted
 * @returns Coverage ratio (1 = demand fully met)
 */
export function coverageWithout(
  mineral: any[][],
  supplier?: any,
  year?: any,
  scenario?: Scenario,
  stage?: Stage,
  source?: Edition,
): any[][] {
  const fn = "COVERAGE_WITHOUT";
  return seriesCells(
    fn,
    ["coverageWithout", source],
    mineral,
    (m) => excelResult(fn, m, [supplier, year, scenario, stage, source]),
    (m, pinned) => `no IEA edition has both supply and demand for ${String(m)}${asked(year, pinned)}`,
  );
}

/**
 * Tonnes of other supply needed so the supplier's share falls to the target (default 0.65, the EU CRMA benchmark).
 * @customfunction DIVERSIFICATION_GAP
 * @helpurl https://docs.critmin.invalid/excel/DIVERSIFICATION_GAP
 * @param mineral Mineral; a range gives one result per cell
 * @param [target] Target share, 0–1 (default 0.65)
 * @param [supplier] Country (default China)
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use; the newest with data when omitted
 * @returns Tonnes; 0 when the share is already at or below the target
 */
export function diversificationGap(
  mineral: any[][],
  target?: any,
  supplier?: any,
  stage?: Stage,
  year?: any,
  source?: Edition,
): any[][] {
  const fn = "DIVERSIFICATION_GAP";
  return supplyCells(fn, mineral, [stage, year, source], { country: isBlank(supplier) ? "CHN" : supplier }, (m) =>
    excelResult(fn, m, [target, supplier, stage, year, source]),
  );
}

/**
 * EU CRMA benchmark: TRUE when no third country supplies over 65% (EU sourcing mix where known, else world supply).
 * @customfunction CRMA_CHECK
 * @helpurl https://docs.critmin.invalid/excel/CRMA_CHECK
 * @param mineral Mineral; a range gives one result per cell
 * @param [stage] "mining" or "refining"; every stage with data when omitted (the binding one decides)
 * @returns TRUE if within the benchmark, FALSE if a third country exceeds it
 */
export function crmaCheck(mineral: any[][], stage?: Stage): any[][] {
  const fn = "CRMA_CHECK";
  return cells(
    fn,
    mineral,
    (m) => excelResult(fn, m, [stage]),
    (m) =>
      `no EU sourcing or world supply shares decide ${String(m)}${isBlank(stage) ? "" : ` ${String(stage)}`} (missing, or too much supply not attributed to a country)`,
  );
}

/**
 * Demand in tonnes (IEA): total, or for a sector such as "EV", "solar PV", "clean technologies".
 * @customfunction DEMAND
 * @helpurl https://docs.critmin.invalid/excel/DEMAND
 * @param mineral Mineral; a range gives one result per cell
 * @param [year] Year; the base year when omitted
 * @param [scenario] STEPS (default for projection years), APS or NZE
 * @param [sector] Sector or technology; total demand when omitted
 * @param [source] IEA edition to use; the newest with the year when omitted
 * @returns Tonnes
 */
export function demand(mineral: any[][], year?: any, scenario?: Scenario, sector?: any, source?: Edition): any[][] {
  const fn = "DEMAND";
  return seriesCells(
    fn,
    ["demand", source],
    mineral,
    (m) => excelResult(fn, m, [year, scenario, sector, source]),
    // Core's reason names the years each edition has, as CHINA_SHARE's does.
    (m, pinned) =>
      answerReason(fn, m, [year, scenario, sector, source]) ??
      `no IEA demand figure for ${String(m)}${sector ? ` (${String(sector)})` : ""}${asked(year, pinned)}${scenario ? ` under ${String(scenario)}` : ""}`,
  );
}

/**
 * Demand-weighted China share of the minerals a technology uses (IEA), 0–1.
 * @customfunction TECH_EXPOSURE
 * @helpurl https://docs.critmin.invalid/excel/TECH_EXPOSURE
 * @param technology Technology, e.g. "EV", "solar PV", "wind", "battery storage", "grids", "hydrogen"; a range gives one result per cell
 * @param [year] Year; the base year when omitted
 * @param [scenario] STEPS (default for projection years), APS or NZE
 * @param [stage] "mining" or "refining" (default refining)
 * @param [source] IEA edition to use
 * @returns Weighted China share, 0–1
 */
export function techExposure(
  technology: any[][],
  year?: any,
  scenario?: Scenario,
  stage?: Stage,
  source?: Edition,
): any[][] {
  const fn = "TECH_EXPOSURE";
  return seriesCells(
    fn,
    ["techExposure", source],
    technology,
    (t) => excelResult(fn, t, [year, scenario, stage, source]),
    (t, pinned) => core.techExposureReason(`${String(t)}${asked(year, pinned)}`),
    "technology",
  );
}

/**
 * Per-mineral breakdown of a technology's China exposure: mineral, demand tonnes, China share, weight (spills with a header row).
 * @customfunction TECH_EXPOSURE_TABLE
 * @helpurl https://docs.critmin.invalid/excel/TECH_EXPOSURE_TABLE
 * @param technology Technology, e.g. "EV"
 * @param [year] Year; the base year when omitted
 * @param [scenario] STEPS (default for projection years), APS or NZE
 * @param [stage] "mining" or "refining" (default refining)
 * @param [source] IEA edition to use
 * @returns A table with a header row
 */
export function techExposureTable(
  technology: any,
  year?: any,
  scenario?: Scenario,
  stage?: Stage,
  source?: Edition,
): any[][] {
  const fn = "TECH_EXPOSURE_TABLE";
  return table(
    () =>
      (
        coreResult(fn, text(fn, "technology", technology), [year, scenario, stage, source]) as
          core.TechExposure | undefined
      )?.breakdown.map((b) => [b.mineral, b.demandTonnes, b.chinaShare, b.weight]),
    ["Mineral", "Demand (t)", "China share", "Weight"],
    () =>
      `${fn}: ${core.techExposureReason(`${String(technology)}${asked(year, seriesSource("techExposure", source))}`)}`,
  );
}

/**
 * EU supply risk score (EU CRM study; 2023 unless a year of an earlier assessment is given).
 * @customfunction SUPPLY_RISK
 * @helpurl https://docs.critmin.invalid/excel/SUPPLY_RISK
 * @param material Material, e.g. "cobalt"; a range gives one result per cell
 * @param [year] Assessment year: 2011, 2014, 2017, 2020 or 2023 (default)
 * @param [stage] "mining" or "refining" for the 2023 per-stage score; the overall score when omitted
 * @returns Supply risk index
 */
export function supplyRisk(material: any[][], year?: any, stage?: Stage): any[][] {
  const fn = "SUPPLY_RISK";
  return cells(
    fn,
    material,
    (m) => excelResult(fn, m, [year, stage]),
    (m) => core.supplyRiskReason(`${String(m)}${asked(year, null)}`),
    "material",
  );
}

/**
 * EU economic importance score (EU CRM study; 2023 unless a year of an earlier assessment is given).
 * @customfunction ECONOMIC_IMPORTANCE
 * @helpurl https://docs.critmin.invalid/excel/ECONOMIC_IMPORTANCE
 * @param material Material, e.g. "cobalt"; a range gives one result per cell
 * @param [year] Assessment year (default 2023)
 * @returns Economic importance index
 */
export function economicImportance(material: any[][], year?: any): any[][] {
  const fn = "ECONOMIC_IMPORTANCE";
  return cells(
    fn,
    material,
    (m) => excelResult(fn, m, [year]),
    (m) => core.economicImportanceReason(`${String(m)}${asked(year, null)}`),
    "material",
  );
}

/**
 * Published import reliance, 0–1: "USA" (USGS net import reliance 2024) or "EU" (EU CRM 2023, by stage).
 * @customfunction IMPORT_RELIANCE
 * @helpurl https://docs.critmin.invalid/excel/IMPORT_RELIANCE
 * @param mineral Mineral; a range gives one result per cell
 * @param economy "USA" or "EU"
 * @param [stage] For the EU: "mining" or "refining" (default refining)
 * @returns Import reliance, 0–1
 */
export function importReliance(mineral: any[][], economy: any, stage?: Stage): any[][] {
  const fn = "IMPORT_RELIANCE";
  return cells(
    fn,
    mineral,
    (m) => excelResult(fn, m, [economy, stage]),
    (m) => `no published import reliance for ${String(m)} (${String(economy)})`,
  );
}

/**
 * A country's reserves of a mineral in tonnes (USGS).
 * @customfunction RESERVES
 * @helpurl https://docs.critmin.invalid/excel/RESERVES
 * @param mineral Mineral; a range gives one result per cell
 * @param country Country name, ISO code or alias, or "World"
 * @param [source] Edition to use (default usgs-mcs-2025)
 * @returns Tonnes
 */
export function reserves(mineral: any[][], country: any, source?: Edition): any[][] {
  const fn = "RESERVES";
  return seriesCells(
    fn,
    ["reserves", source],
    mineral,
    (m) => excelResult(fn, m, [country, source]),
    (m) => `no reserves figure for ${String(m)} in ${String(country)}`,
  );
}

// governance (issue 15) ----------------------------------------------------------------------

/**
 * Worldwide Governance Indicators dimension, or the mean of the six.
 * @customenum {string}
 */
enum Dimension {
  /** Voice and Accountability */
  voice_accountability = "voice-accountability",
  /** Political Stability and Absence of Violence/Terrorism */
  political_stability = "political-stability",
  /** Government Effectiveness */
  government_effectiveness = "government-effectiveness",
  /** Regulatory Quality */
  regulatory_quality = "regulatory-quality",
  /** Rule of Law */
  rule_of_law = "rule-of-law",
  /** Control of Corruption */
  control_of_corruption = "control-of-corruption",
  /** Mean of the six dimensions (the EU methodology's WGI) */
  mean = "mean",
}

/**
 * A country's Worldwide Governance Indicators estimate, -2.5 to 2.5 (higher is better governance).
 * @customfunction GOVERNANCE
 * @helpurl https://docs.critmin.invalid/excel/GOVERNANCE
 * @param country Country name, ISO code or alias; a range gives one result per cell
 * @param dimension WGI dimension, e.g. "political-stability", or "mean" of the six
 * @param [year] WGI year; the newest bundled year when omitted
 * @returns WGI estimate
 */
export function governance(country: any[][], dimension: Dimension, year?: any): any[][] {
  const fn = "GOVERNANCE";
  return cells(
    fn,
    country,
    (c) => excelResult(fn, c, [dimension, year]),
    (c) => explainCall(fn, c, [dimension, year]).reason ?? core.governanceReason(`${String(c)}${asked(year, null)}`),
    "country",
  );
}

/**
 * Governance-weighted HHI (the EU's HHI_WGI), 0-10: sum of squared shares x WGI rescaled 0 (best) to 10 (worst).
 * @customfunction WEIGHTED_HHI
 * @helpurl https://docs.critmin.invalid/excel/WEIGHTED_HHI
 * @param mineral Mineral; a range gives one result per cell
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Supply year; the latest observed year when omitted
 * @param [source] Supply edition to use; the newest with data when omitted
 * @param [dimension] WGI dimension, or "mean" of the six (default)
 * @param [scale] "eu" (default): (2.5 - WGI) x 2
 * @returns Weighted HHI, 0-10
 */
export function weightedHhi(
  mineral: any[][],
  stage?: Stage,
  year?: any,
  source?: Edition,
  dimension?: Dimension,
  scale?: any,
): any[][] {
  const fn = "WEIGHTED_HHI";
  const rest = [stage, year, source, dimension, scale];
  return cells(
    fn,
    mineral,
    (m) => excelResult(fn, m, rest),
    (m) => explainCall(fn, m, rest).reason ?? `no weighted HHI for ${String(m)}`,
  );
}

/**
 * A country's share in every edition and year: edition, year, kind, case, share, tonnes, locator (header row).
 * @customfunction SERIES
 * @helpurl https://docs.critmin.invalid/excel/SERIES
 * @param mineral Mineral, e.g. "lithium"
 * @param country Country name, ISO code or alias, e.g. "China"
 * @param [stage] "mining" or "refining" (default refining)
 * @param [measure] "production" (default), "capacity", "reserves" or "eu-sourcing"
 * @returns A table with a header row; no row where an edition folds the country into rest of world
 */
export function series(mineral: any, country: any, stage?: Stage, measure?: any): any[][] {
  const fn = "SERIES";
  let reason = `${fn}: no figures`;
  return table(
    () => {
      const s = coreResult(fn, text(fn, "mineral", mineral), [country, stage, measure]) as core.Series;
      if (s.rows.length === 0) {
        reason = `${fn}: ${s.reason ?? "no figures"}`;
        return undefined;
      }
      return seriesRows(s);
    },
    SERIES_HEADER,
    () => reason,
  );
}

/**
 * Citation of a country's supply share: edition citation and locators. For any other function use EXPLAIN.
 * @customfunction SOURCE
 * @helpurl https://docs.critmin.invalid/excel/SOURCE
 * @param mineral Mineral; a range gives one result per cell
 * @param [stage] "mining" or "refining" (default refining)
 * @param [year] Data year; the latest observed year when omitted
 * @param [source] Edition to use; the newest with data when omitted
 * @param [country] Country (default China)
 * @returns Citation text: the edition's citation, then each figure and its locator
 */
export function source(mineral: any[][], stage?: Stage, year?: any, source?: Edition, country?: any): any[][] {
  const fn = "SOURCE";
  const supplier: unknown = isBlank(country) ? "CHN" : country;
  return supplyCells(fn, mineral, [stage, year, source], { country: supplier }, (m) =>
    citationText(explainCall("SHARE", m, [supplier, stage, year, source], fn)),
  );
}

/**
 * Any value function's answer: value, unit, edition, citation, year or period, kind, scenario, stage, basis, bound, sources.
 * @customfunction EXPLAIN
 * @helpurl https://docs.critmin.invalid/excel/EXPLAIN
 * @param name Function to explain, e.g. "CHINA_SHARE", "DEMAND", "GROUP_SHARE"
 * @param arg1 The function's first argument, e.g. "cobalt"
 * @param [arg2] The function's second argument, as you would give it to the function
 * @param [arg3] The function's third argument
 * @param [arg4] The function's fourth argument
 * @param [arg5] The function's fifth argument
 * @param [arg6] The function's sixth argument
 * @returns Field and value rows (spills with a header row)
 */
export function explain(name: any, arg1: any, arg2?: any, arg3?: any, arg4?: any, arg5?: any, arg6?: any): any[][] {
  return explainRows(name, arg1, [arg2, arg3, arg4, arg5, arg6]);
}

/**
 * Every mineral: id, name, aliases (spills with a header row).
 * @customfunction MINERALS
 * @helpurl https://docs.critmin.invalid/excel/MINERALS
 * @returns A table with a header row
 */
export function minerals(): any[][] {
  return table(
    () => core.minerals().map((m) => [m.id, m.name, m.aliases.join(", ")]),
    ["Id", "Name", "Aliases"],
    () => "MINERALS: no data",
  );
}

/**
 * Countries in the dataset, or a group's members: ISO code, name (spills with a header row).
 * @customfunction COUNTRIES
 * @helpurl https://docs.critmin.invalid/excel/COUNTRIES
 * @param [group] Group id, e.g. "G7", "EU27", "G7_PLUS", "QUAD", "OECD"
 * @returns A table with a header row
 */
export function countries(group?: any): any[][] {
  const fn = "COUNTRIES";
  return table(
    () => core.countries(optionalText(fn, "group", group)).map((c) => [c.code, c.name]),
    ["Code", "Name"],
    () => `${fn}: no data`,
  );
}

/**
 * Country groups: id, name, member count, source of the membership list (spills with a header row).
 * @customfunction GROUPS
 * @helpurl https://docs.critmin.invalid/excel/GROUPS
 * @returns A table with a header row
 */
export function groups(): any[][] {
  return table(
    () => core.groups().map((g) => [g.id, g.name, g.members.length, g.source.url ?? g.source.title]),
    ["Id", "Name", "Members", "Source"],
    () => "GROUPS: no data",
  );
}

/**
 * Source editions: id, title, publisher, date, licence, citation (spills with a header row).
 * @customfunction EDITIONS
 * @helpurl https://docs.critmin.invalid/excel/EDITIONS
 * @returns A table with a header row
 */
export function editions(): any[][] {
  return table(
    () => core.editions().map((e) => [e.id, e.title, e.publisher, e.date, e.licence, e.citation]),
    ["Id", "Title", "Publisher", "Date", "Licence", "Citation"],
    () => "EDITIONS: no data",
  );
}

/**
 * The release id of the dataset the add-in carries.
 * @customfunction DATA_VERSION
 * @helpurl https://docs.critmin.invalid/excel/DATA_VERSION
 * @returns Dataset version
 */
export function dataVersion(): any[][] {
  return [
    [
      value(
        () => versionLabel(core.datasetVersion()),
        () => "DATA_VERSION: no data",
      ) satisfies ExcelValue,
    ],
  ];
}

// ---------------------------------------------------------------------------------------------
// Policy (issue 15): official critical lists and China's export controls as of a date.

/**
 * TRUE if an official critical-minerals list names the mineral (a strategic EU material is also critical).
 * @customfunction IS_CRITICAL
 * @helpurl https://docs.critmin.invalid/excel/IS_CRITICAL
 * @param mineral Mineral, e.g. "gallium"; a range gives one result per cell
 * @param list "us-cml-2022", "us-cml-2025", "eu-crma-2024-critical" or "eu-crma-2024-strategic"
 * @returns TRUE or FALSE
 */
export function isCritical(mineral: any[][], list: any): any[][] {
  const fn = "IS_CRITICAL";
  return cells(
    fn,
    mineral,
    (m) => excelResult(fn, m, [list]),
    () => core.isCriticalReason(String(list)),
  );
}

/**
 * The official lists naming a mineral: item as written, English, qualifier, date (spills with a header row).
 * @customfunction CRITICAL_LISTS
 * @helpurl https://docs.critmin.invalid/excel/CRITICAL_LISTS
 * @param mineral Mineral, e.g. "copper"
 * @returns A table with a header row; where no list names the mineral, one row saying so
 */
export function criticalLists(mineral: any): any[][] {
  const fn = "CRITICAL_LISTS";
  return table(
    () => listRows(coreResult(fn, text(fn, "mineral", mineral), []) as readonly core.ListNaming[]),
    LIST_HEADER,
    () => `${fn}: no list data`,
  );
}

/**
 * China's export-control measures touching a mineral, with each one's status on a date (spills with a header row).
 * @customfunction EXPORT_CONTROLS
 * @helpurl https://docs.critmin.invalid/excel/EXPORT_CONTROLS
 * @param mineral Mineral, e.g. "graphite", "dysprosium"
 * @param [as_of] Date (a date cell or "YYYY-MM-DD"); today when omitted
 * @param [destination] Country the exports go to, e.g. "US", "Japan"; every destination when omitted
 * @returns A table with a header row; dates as YYYY-MM-DD text; where no measure applies on the date, one row saying so
 */
export function exportControls(mineral: any, as_of?: any, destination?: any): any[][] {
  const fn = "EXPORT_CONTROLS";
  return table(
    () => controlRows(coreResult(fn, text(fn, "mineral", mineral), [as_of, destination]) as core.ExportControls),
    CONTROL_HEADER,
    () => `${fn}: no export-control data`,
  );
}

/**
 * TRUE if a measure of China controls the mineral's export on the date; #N/A when a suspension has lapsed with no later notice.
 * @customfunction UNDER_EXPORT_CONTROL
 * @helpurl https://docs.critmin.invalid/excel/UNDER_EXPORT_CONTROL
 * @param mineral Mineral, e.g. "gallium"; a range gives one result per cell
 * @param [as_of] Date (a date cell or "YYYY-MM-DD"); today when omitted
 * @param [destination] Country, e.g. "US"; without it only measures on every destination count
 * @returns TRUE or FALSE
 */
export function underExportControl(mineral: any[][], as_of?: any, destination?: any): any[][] {
  const fn = "UNDER_EXPORT_CONTROL";
  const rest = [as_of, destination] as const;
  return cells(
    fn,
    mineral,
    (m) => excelResult(fn, m, rest),
    (m) => explainCall(fn, m, rest).reason ?? "the export-control status is not known",
  );
}

// ---------------------------------------------------------------------------------------------
// Cards (issue 17): a mineral's or a country's figures as one entity value with its sources.

/**
 * A mineral's card: China's shares, top producers, HHI, IEA projections, EU and US figures, critical lists.
 * @customfunction MINERAL
 * @helpurl https://docs.critmin.invalid/excel/MINERAL
 * @param mineral Mineral, e.g. "cobalt", "rare earths", "Li"
 * @returns An entity value (card) with each figure's edition, year and source; else Field and Value rows
 */
export function mineral(mineral: any): any[][] {
  return card(() => mineralOf("MINERAL", mineral));
}

/**
 * A country's card: the minerals where it is a top-3 producer, its shares, its WGI governance estimates.
 * @customfunction COUNTRY
 * @helpurl https://docs.critmin.invalid/excel/COUNTRY
 * @param country Country name, ISO code or alias, e.g. "Chile", "CHL"
 * @returns An entity value (card) with each figure's edition, year and source; else Field and Value rows
 */
export function country(country: any): any[][] {
  return card(() => countryOf("COUNTRY", country));
}
