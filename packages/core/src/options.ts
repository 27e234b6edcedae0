// The options objects of the exposure functions as plain types. The main entry declares its types
// here and in records.ts rather than as z.input of the schemas, so its .d.ts names no zod value and
// imports no zod (why: schema/index.ts); schema/types.test.ts holds these equal to the schemas.
import type { EditionId, Measure, Scenario, Stage } from "./constants.ts";
import type { CountryCode, Use } from "./data/index.ts";
import type { GovernanceMeasure, GovernanceScale } from "./_lib/governanceConstants.ts";

/** Options of the supply lookups (`share`, `production`, `chinaShare`). */
export interface SupplyOptions {
  /** `mining` or `refining`; default `refining` (where China's position is strongest and most asked about). */
  stage?: Stage | undefined;
  /** Data year; default: the latest observed year of the resolved edition. */
  year?: number | undefined;
  /** Pin an edition; default: see `resolveSource`. */
  source?: EditionId | undefined;
  /** The editions allowed when `source` is not given (a workbook's pin); see `resolveSource`. */
  within?: readonly EditionId[] | undefined;
}

/** Options of {@link coverageWithout}. */
export interface CoverageWithoutOptions {
  /** The supplier removed: a country code, name or alias, or `"largest"` (default). */
  supplier?: "largest" | CountryCode | (string & {}) | undefined;
  /** Year of both supply and demand; default: the resolved edition's observed base year. */
  year?: number | undefined;
  /** Supply projection case for a projection year; `"base-case"`, the only one the IEA publishes. */
  supplyCase?: "base-case" | undefined;
  /** IEA demand scenario for a projection year; default `"STEPS"`; not used for the observed base year. */
  demandScenario?: Scenario | undefined;
  /** `mining` or `refining`; default `refining`. */
  stage?: Stage | undefined;
  /** Pin an IEA edition; default: the newest IEA edition with supply and demand for the mineral (and year). */
  source?: EditionId | undefined;
  /** The editions allowed when `source` is not given (a workbook's pin): only its IEA editions answer; a list naming none does not narrow. */
  within?: readonly EditionId[] | undefined;
}

/** Options of {@link crmaCheck}. */
export interface CrmaCheckOptions {
  /** Force a basis; default: `eu-sourcing` where the EU study has it, else `global-supply`. */
  basis?: "eu-sourcing" | "global-supply" | undefined;
  /** Data year; default: the latest observed year of the resolved edition. */
  year?: number | undefined;
  /** Pin an edition; default: see `resolveSource`. */
  source?: EditionId | undefined;
}

/** Options of {@link demand}. */
export interface DemandOptions {
  /** Year; default: the resolved edition's observed base year. */
  year?: number | undefined;
  /** IEA demand scenario for a projection year; default `"STEPS"`; not used for the observed base year. */
  scenario?: Scenario | undefined;
  /** Sector or technology id or label (`"EV"`, `"solar PV"`, `"clean"`, `"other uses"`); default `"total"`. */
  sector?: Use | (string & {}) | undefined;
  /** Pin an IEA edition; default: the newest edition with demand for the mineral (and year, when given). */
  source?: EditionId | undefined;
  /** The editions allowed when `source` is not given (a workbook's pin): only its IEA editions answer; a list naming none does not narrow. */
  within?: readonly EditionId[] | undefined;
}

/** Options of {@link diversificationGap}: the supply options plus `target` and `supplier`. */
export interface DiversificationGapOptions extends SupplyOptions {
  /** The share the supplier should fall to, in (0, 1]; default 0.65, the EU CRMA single-country benchmark. */
  target?: number | undefined;
  /** The dominant supplier, a country; default `"CHN"`. */
  supplier?: string | undefined;
}

/** Options of {@link economicImportance}. */
export interface EconomicImportanceOptions {
  /** Assessment year (2011, 2014, 2017, 2020, 2023); default the latest, 2023. */
  year?: number | undefined;
}

/** Options of {@link governance}. */
export interface GovernanceOptions {
  /** WGI year; default the newest the package bundles (2022 in the WGI 2023 update). */
  year?: number | undefined;
}

/**
 * Options of {@link governanceWeightedHhi}: the supply options (`stage`, `year`, `source`, `within`,
 * as for {@link hhi}) plus the WGI dimension and the scale it is rescaled to.
 */
export interface GovernanceWeightedHhiOptions extends SupplyOptions {
  /** A WGI dimension id or `mean` (default): the mean of the six, as the EU methodology uses. */
  dimension?: GovernanceMeasure | undefined;
  /** `eu` (default): the EU methodology's 0–10 scale, (2.5 − WGI) × 2. */
  scale?: GovernanceScale | undefined;
}

/** Options of {@link importReliance}. */
export interface ImportRelianceOptions {
  /** EU only: `mining` (primary, extraction) or `refining` (refined, processing); default `refining`. */
  stage?: Stage | undefined;
  /** Year of the figure: EU 2023 (the CRM study), USA 2024 (MCS 2025); default the latest. */
  year?: number | undefined;
}

/** What {@link provenance} and {@link cite} look up. */
export interface ProvenanceQuery {
  mineral: string;
  /** Default `"CHN"`. */
  country?: string | undefined;
  /** Default `refining`. */
  stage?: Stage | undefined;
  /** Default `production`. */
  measure?: Measure | undefined;
  year?: number | undefined;
  source?: EditionId | undefined;
  within?: readonly EditionId[] | undefined;
}

/**
 * Options of {@link reserves}: `year`, `source` and `within`, as for {@link share} (reserves have no
 * stage); only `within`'s editions of a source with reserves narrow the choice.
 */
export type ReservesOptions = Omit<SupplyOptions, "stage">;

/** Options of {@link shareChange}. */
export interface ShareChangeOptions {
  from: number;
  to: number;
  stage?: Stage | undefined;
  source?: EditionId | undefined;
  within?: readonly EditionId[] | undefined;
}

/** Options of {@link supplyAtRisk}: `stage` (default `refining`), `year`, `source`, as for {@link share}. */
export type SupplyAtRiskOptions = SupplyOptions;

/** Options of {@link supplyRisk}. */
export interface SupplyRiskOptions {
  /** Assessment year (2011, 2014, 2017, 2020, 2023); default the latest, 2023. */
  year?: number | undefined;
  /** `mining` (extraction) or `refining` (processing); default none: the material's overall score. */
  stage?: Stage | undefined;
}

/**
 * Options of {@link techExposure}. `year` is that of demand and supply both, so only years with both
 * answer (base year, 2030, 2035, 2040).
 */
export interface TechExposureOptions {
  /** Year; default: the resolved edition's observed base year. */
  year?: number | undefined;
  /** IEA demand scenario for a projection year; default `"STEPS"`; not used for the observed base year. */
  scenario?: Scenario | undefined;
  /** Stage whose China share is weighed: `mining` or `refining`; default `refining`. */
  stage?: Stage | undefined;
  /** Pin an IEA edition; default: the newest IEA edition with the technology (and year, when given). */
  source?: EditionId | undefined;
  /** The editions allowed when `source` is not given (a workbook's pin): only its IEA editions answer; a list naming none does not narrow. */
  within?: readonly EditionId[] | undefined;
}

/** Options of {@link topProducers}: the supply options plus `n`. */
export interface TopProducersOptions extends SupplyOptions {
  /** How many countries; default 5. */
  n?: number | undefined;
}

/** Options of {@link series}. */
export interface SeriesOptions {
  /** `mining` or `refining`; default `refining`. */
  stage?: Stage | undefined;
  /** What is measured; default `production`. */
  measure?: Measure | undefined;
}
