// @critmin/core — the public API, listed by hand.

// dataset: ids and the raw rows (each with its edition and locator)
export {
  COUNTRIES,
  DATASET_VERSION,
  MINERALS,
  USES,
  VARIANTS,
  countryEntries,
  demand as demandRows,
  indicators as indicatorRows,
  mineralEntries,
  supply as supplyRows,
} from "./data/index.ts";
export type { CountryCode, CountryEntry, MineralEntry, MineralId, Use, Variant } from "./data/index.ts";
export { GROUPS } from "./groups.ts";
export type { Group, GroupId } from "./groups.ts";

// schemas and types
export {
  AGGREGATES,
  DEMAND_TABLES,
  DemandRow,
  EDITION_IDS,
  Edition,
  EditionId,
  INDICATORS,
  IndicatorRow,
  MEASURES,
  SCENARIOS,
  STAGES,
  Stage,
  SupplyRow,
} from "./schema.ts";
export type { Aggregate, Indicator, Kind, Measure, Scenario, Status } from "./schema.ts";
export { SupplyOptions } from "./options.ts";

// errors
export { CritminError } from "./errors.ts";
export type { CritminErrorCode } from "./errors.ts";

// source resolution
export { resolveSource } from "./resolve.ts";
export type { Resolution, ResolutionRule, ResolveQuery, ResolveResult } from "./resolve.ts";

// lookups
export { chinaShare } from "./exposure/chinaShare.ts";
export { production } from "./exposure/production.ts";
export { share } from "./exposure/share.ts";
export { shareChange, ShareChangeOptions } from "./exposure/shareChange.ts";
export { groupShare } from "./exposure/groupShare.ts";
export { topProducers, TopProducersOptions } from "./exposure/topProducers.ts";
export type { Producer } from "./exposure/topProducers.ts";

// concentration
export { concentration } from "./exposure/concentration.ts";
export type { Concentration } from "./exposure/concentration.ts";
export { hhi } from "./exposure/hhi.ts";
export { crN } from "./exposure/crN.ts";
export { effectiveSuppliers } from "./exposure/effectiveSuppliers.ts";

// scenarios
export { supplyAtRisk, SupplyAtRiskOptions } from "./exposure/supplyAtRisk.ts";
export { diversificationGap, DiversificationGapOptions } from "./exposure/diversificationGap.ts";
export { crmaCheck, CrmaCheckOptions } from "./exposure/crmaCheck.ts";
export type { CrmaCheck } from "./exposure/crmaCheck.ts";

// demand and technology exposure
export { demand, DemandOptions } from "./exposure/demand.ts";
export { coverageWithout, CoverageWithoutOptions, SUPPLY_CASES } from "./exposure/coverageWithout.ts";
export { techExposure, TechExposureOptions, TECHNOLOGIES } from "./exposure/techExposure.ts";
export type { Technology, TechExposure, TechExposureEntry } from "./exposure/techExposure.ts";

// indicators
export { supplyRisk, SupplyRiskOptions } from "./exposure/supplyRisk.ts";
export { economicImportance, EconomicImportanceOptions } from "./exposure/economicImportance.ts";
export { importReliance, ImportRelianceOptions } from "./exposure/importReliance.ts";
export { reserves, ReservesOptions } from "./exposure/reserves.ts";

// provenance
export { provenance, ProvenanceQuery } from "./exposure/provenance.ts";
export type { Provenance } from "./exposure/provenance.ts";
export { cite } from "./exposure/cite.ts";

// lists
export { minerals } from "./exposure/minerals.ts";
export { countries } from "./exposure/countries.ts";
export { groups } from "./exposure/groups.ts";
export { editions } from "./exposure/editions.ts";
export { datasetVersion } from "./exposure/datasetVersion.ts";

// maths kernels on plain numbers
export { herfindahl } from "./kernels/herfindahl.ts";
export { concentrationRatio } from "./kernels/concentrationRatio.ts";
export { effectiveNumber } from "./kernels/effectiveNumber.ts";
