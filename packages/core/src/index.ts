// @critmin/core — the public API, listed by hand.

// dataset: ids, registries, and the rows (each with its edition and locator) through dataset()
export { COUNTRIES, DATASET_VERSION, MINERALS, USES, VARIANTS, countryEntries, mineralEntries } from "./data/index.ts";
export type { CountryCode, CountryEntry, MineralEntry, MineralId, Use, Variant } from "./data/index.ts";
export type { CountryInput, MineralInput } from "./inputs.ts";
export { bundledDataset, dataset, useDataset } from "./data/dataset.ts";
export type { Dataset } from "./data/dataset.ts";
export { GROUPS } from "./groups.ts";
export type { Group, GroupId } from "./groups.ts";

// vocabularies and types (the zod schemas of these are in @critmin/core/schema)
export {
  AGGREGATES,
  DEMAND_TABLES,
  EDITION_IDS,
  INDICATORS,
  MEASURES,
  SCENARIOS,
  STAGES,
  SUPPLY_CASES,
} from "./constants.ts";
export type {
  Aggregate,
  DemandTable,
  EditionId,
  Indicator,
  Kind,
  Measure,
  Scenario,
  Stage,
  Status,
} from "./constants.ts";
export type { DemandRow, Edition, IndicatorRow, SupplyRow } from "./records.ts";
export { CRITICAL_LISTS, CONTROL_STATUSES } from "./constants.ts";
export type { ControlStatus, CriticalListId } from "./constants.ts";
export type { ExportControlRow, ListItemRow } from "./records.ts";
export type {
  CoverageWithoutOptions,
  CrmaCheckOptions,
  DemandOptions,
  DiversificationGapOptions,
  EconomicImportanceOptions,
  ImportRelianceOptions,
  ProvenanceQuery,
  ReservesOptions,
  SeriesOptions,
  ShareChangeOptions,
  SupplyAtRiskOptions,
  SupplyOptions,
  SupplyRiskOptions,
  TechExposureOptions,
  TopProducersOptions,
} from "./options.ts";

// errors
export { CritminError } from "./errors.ts";
export { didYouMean } from "./didYouMean.ts";
export type { CritminErrorCode } from "./errors.ts";

// source resolution
export { resolveSource, withinEditions } from "./resolve.ts";
export type { OneSeriesFunction, Resolution, ResolutionRule, ResolveQuery, ResolveResult } from "./resolve.ts";

// lookups
export { chinaShare } from "./exposure/chinaShare.ts";
export { production } from "./exposure/production.ts";
export { share } from "./exposure/share.ts";
export { shareChange } from "./exposure/shareChange.ts";
export { groupShare } from "./exposure/groupShare.ts";
export { topProducers, topProducersReason } from "./exposure/topProducers.ts";
export type { Producer } from "./exposure/topProducers.ts";

// series: every edition's figures for one country side by side
export { series } from "./exposure/series.ts";
export type { Series, SeriesGap, SeriesPoint } from "./exposure/series.ts";

// concentration
export { concentration } from "./exposure/concentration.ts";
export type { Concentration } from "./exposure/concentration.ts";
export { hhi } from "./exposure/hhi.ts";
export { crN } from "./exposure/crN.ts";
export { effectiveSuppliers } from "./exposure/effectiveSuppliers.ts";

// scenarios
export { supplyAtRisk } from "./exposure/supplyAtRisk.ts";
export { diversificationGap } from "./exposure/diversificationGap.ts";
export { crmaCheck } from "./exposure/crmaCheck.ts";
export type { CrmaCheck } from "./exposure/crmaCheck.ts";

// demand and technology exposure
export { demand } from "./exposure/demand.ts";
export { coverageWithout } from "./exposure/coverageWithout.ts";
export { techExposure, techExposureReason, TECHNOLOGIES } from "./exposure/techExposure.ts";
export type { Technology, TechExposure, TechExposureEntry } from "./exposure/techExposure.ts";

// indicators
export { supplyRisk, supplyRiskReason } from "./exposure/supplyRisk.ts";
export { economicImportance, economicImportanceReason } from "./exposure/economicImportance.ts";
export { importReliance } from "./exposure/importReliance.ts";
export { reserves } from "./exposure/reserves.ts";

// policy (issue 15): official critical lists and China's export controls as of a date
export { criticalLists, isCritical, isCriticalReason, listsNaming } from "./policy/lists.ts";
export type { CriticalList, ListNaming, ListRule } from "./policy/lists.ts";
export { exportControls, underExportControl, RARE_EARTH_FAMILIES } from "./policy/controls.ts";
export type { ControlMeasure, ExportControls, ExportControlsQuery, MatchRule } from "./policy/controls.ts";
export type { PartStatus, StatusRule } from "./policy/status.ts";
export { controlledSupply } from "./policy/controlledSupply.ts";
export type { ControlledSupply, ControlledSupplyRow } from "./policy/controlledSupply.ts";
export { FAMILIES } from "./policy/families.ts";
export type { Family } from "./policy/families.ts";
// governance (issue 15): WGI estimates and the governance-weighted HHI
export { GOVERNANCE_DIMENSIONS } from "./constants.ts";
export type { GovernanceDimension } from "./constants.ts";
export type { GovernanceRow } from "./records.ts";
export { governance, governanceReason } from "./exposure/governance.ts";
export { governanceWeightedHhi } from "./exposure/weightedHhi.ts";
export { GOVERNANCE_MEASURES, GOVERNANCE_SCALES } from "./_lib/governanceConstants.ts";
export type { GovernanceMeasure, GovernanceScale } from "./_lib/governanceConstants.ts";
export type { GovernanceOptions, GovernanceWeightedHhiOptions } from "./options.ts";

// answers: a value with its edition, period, unit, basis, bound and sources
export { explain, EXPLAINABLE } from "./answer/explain.ts";
export type {
  ExplainArgs,
  Explainable,
  ExplainableFunctions,
  ExplainableName,
  ExplainValue,
} from "./answer/explain.ts";
export type { Answer, AnswerKind, AnswerSource, AnswerUnit, Bound, Period } from "./answer/answer.ts";

// provenance
export { provenance } from "./exposure/provenance.ts";
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
