// The options objects of the exposure functions as zod schemas, for callers that validate user
// input before calling (exported from @critmin/core/schema; the functions check their own options).
import { z } from "zod";
import { CRMA_BASES as BASES, EDITION_IDS, MEASURES, SCENARIOS, STAGES, SUPPLY_CASES } from "../constants.ts";
import type { CountryCode, Use } from "../data/index.ts";
import { GOVERNANCE_MEASURES, GOVERNANCE_SCALES } from "../_lib/governanceConstants.ts";

// The fields many options objects share, defined once (each object documents what they mean there).
const year = /* @__PURE__ */ z.number().int().min(1900).max(2100).optional();
const stage = /* @__PURE__ */ z.enum(STAGES).optional();
const source = /* @__PURE__ */ z.enum(EDITION_IDS).optional();
const within = /* @__PURE__ */ z.array(z.enum(EDITION_IDS)).min(1).readonly().optional();
const scenario = /* @__PURE__ */ z.enum(SCENARIOS).optional();

/** The year and scenario of an IEA demand figure, as {@link demand} and {@link techExposure} take them. */
const projection = {
  /** Year; default: the resolved edition's observed base year. */
  year,
  /** IEA demand scenario for a projection year; default `"STEPS"`; not used for the observed base year. */
  scenario,
};

/** An options object: only the keys given, each optional unless said. */
const options = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

/** Options of the supply lookups (`share`, `production`, `chinaShare`), for callers that validate user input. */
export const SupplyOptions = /* @__PURE__ */ options({
  /** `mining` or `refining`; default `refining` (where China's position is strongest and most asked about). */
  stage,
  /** Data year; default: the latest observed year of the resolved edition. */
  year,
  /** Pin an edition; default: see `resolveSource`. */
  source,
  /** The editions allowed when `source` is not given (a workbook's pin); see `resolveSource`. */
  within,
});
export type SupplyOptions = z.input<typeof SupplyOptions>;

// coverageWithout
/** Options of {@link coverageWithout}, for callers that validate user input. */
export const CoverageWithoutOptions = /* @__PURE__ */ options({
  /** The supplier removed: a country code, name or alias, or `"largest"` (default). */
  supplier: z
    .custom<"largest" | CountryCode | (string & {})>(
      (v) => typeof v === "string" && v.trim() !== "",
      'expected a country or "largest"',
    )
    .optional(),
  /** Year of both supply and demand; default: the resolved edition's observed base year. */
  year,
  /** Supply projection case for a projection year; `"base-case"`, the only one the IEA publishes. */
  supplyCase: z.enum(SUPPLY_CASES).optional(),
  /** IEA demand scenario for a projection year; default `"STEPS"`; not used for the observed base year. */
  demandScenario: scenario,
  /** `mining` or `refining`; default `refining`. */
  stage,
  /** Pin an IEA edition; default: the newest IEA edition with supply and demand for the mineral (and year). */
  source,
  /** The editions allowed when `source` is not given (a workbook's pin): only its IEA editions answer; a list naming none does not narrow. */
  within,
});
export type CoverageWithoutOptions = z.input<typeof CoverageWithoutOptions>;

// crmaCheck
/** Options of {@link crmaCheck}. */
export const CrmaCheckOptions = /* @__PURE__ */ options({
  /** Force a basis; default: `eu-sourcing` where the EU study has it, else `global-supply`. */
  basis: z.enum(BASES).optional(),
  /** Data year; default: the latest observed year of the resolved edition. */
  year,
  /** Pin an edition; default: see `resolveSource`. */
  source,
});
export type CrmaCheckOptions = z.input<typeof CrmaCheckOptions>;

// demand
/** Options of {@link demand}, for callers that validate user input. */
export const DemandOptions = /* @__PURE__ */ options({
  ...projection,
  /** Sector or technology id or label (`"EV"`, `"solar PV"`, `"clean"`, `"other uses"`); default `"total"`. */
  sector: z
    .custom<Use | (string & {})>((v) => typeof v === "string" && v.trim() !== "", "expected a sector id or label")
    .optional(),
  /** Pin an IEA edition; default: the newest edition with demand for the mineral (and year, when given). */
  source,
  /** The editions allowed when `source` is not given (a workbook's pin): only its IEA editions answer; a list naming none does not narrow. */
  within,
});
export type DemandOptions = z.input<typeof DemandOptions>;

// diversificationGap
/** Options of {@link diversificationGap}: the supply options plus `target` and `supplier`. */
export const DiversificationGapOptions = /* @__PURE__ */ SupplyOptions.extend({
  /** The share the supplier should fall to, in (0, 1]; default 0.65, the EU CRMA single-country benchmark. */
  target: z.number().gt(0).max(1).optional(),
  /** The dominant supplier, a country; default `"CHN"`. */
  supplier: z.string().optional(),
}).strict();
export type DiversificationGapOptions = z.input<typeof DiversificationGapOptions>;

// economicImportance
/** Options of {@link economicImportance}. */
export const EconomicImportanceOptions = /* @__PURE__ */ options({
  /** Assessment year (2011, 2014, 2017, 2020, 2023); default the latest, 2023. */
  year,
});
export type EconomicImportanceOptions = z.input<typeof EconomicImportanceOptions>;

// importReliance
/** Options of {@link importReliance}. */
export const ImportRelianceOptions = /* @__PURE__ */ options({
  /** EU only: `mining` (primary, extraction) or `refining` (refined, processing); default `refining`. */
  stage,
  /** Year of the figure: EU 2023 (the CRM study), USA 2024 (MCS 2025); default the latest. */
  year,
});
export type ImportRelianceOptions = z.input<typeof ImportRelianceOptions>;

// provenance
export const ProvenanceQuery = /* @__PURE__ */ options({
  mineral: z.string(),
  /** Default `"CHN"`. */
  country: z.string().optional(),
  /** Default `refining`. */
  stage,
  /** Default `production`. */
  measure: z.enum(MEASURES).optional(),
  year: z.number().int().optional(),
  source,
  within,
});
export type ProvenanceQuery = z.input<typeof ProvenanceQuery>;

// reserves
/**
 * Options of {@link reserves}: `year`, `source` and `within`, as for {@link share} (reserves have no
 * stage); only `within`'s editions of a source with reserves narrow the choice.
 */
export const ReservesOptions = /* @__PURE__ */ SupplyOptions.omit({ stage: true }).strict();
export type ReservesOptions = Omit<SupplyOptions, "stage">;

// shareChange
export const ShareChangeOptions = /* @__PURE__ */ options({
  from: z.number().int(),
  to: z.number().int(),
  stage,
  source,
  within,
});
export type ShareChangeOptions = z.input<typeof ShareChangeOptions>;

// supplyAtRisk
/** Options of {@link supplyAtRisk}: `stage` (default `refining`), `year`, `source`, as for {@link share}. */
export const SupplyAtRiskOptions = SupplyOptions;
export type SupplyAtRiskOptions = SupplyOptions;

// governance (issue 15)
/** Options of {@link governance}. */
export const GovernanceOptions = /* @__PURE__ */ options({
  /** WGI year; default the newest the package bundles (2022 in the WGI 2023 update). */
  year,
});
export type GovernanceOptions = z.input<typeof GovernanceOptions>;

/** Options of {@link governanceWeightedHhi}: the supply options plus the WGI dimension and scale. */
export const GovernanceWeightedHhiOptions = /* @__PURE__ */ SupplyOptions.extend({
  /** A WGI dimension id or `mean` (default): the mean of the six, as the EU methodology uses. */
  dimension: z.enum(GOVERNANCE_MEASURES).optional(),
  /** `eu` (default): the EU methodology's 0–10 scale, (2.5 − WGI) × 2. */
  scale: z.enum(GOVERNANCE_SCALES).optional(),
}).strict();
export type GovernanceWeightedHhiOptions = z.input<typeof GovernanceWeightedHhiOptions>;

// supplyRisk
/** Options of {@link supplyRisk}. */
export const SupplyRiskOptions = /* @__PURE__ */ options({
  /** Assessment year (2011, 2014, 2017, 2020, 2023); default the latest, 2023. */
  year,
  /** `mining` (extraction) or `refining` (processing); default none: the material's overall score. */
  stage,
});
export type SupplyRiskOptions = z.input<typeof SupplyRiskOptions>;

// techExposure
/**
 * Options of {@link techExposure}, for callers that validate user input. `year` is that of demand and
 * supply both, so only years with both answer (base year, 2030, 2035, 2040).
 */
export const TechExposureOptions = /* @__PURE__ */ options({
  ...projection,
  /** Stage whose China share is weighed: `mining` or `refining`; default `refining`. */
  stage,
  /** Pin an IEA edition; default: the newest IEA edition with the technology (and year, when given). */
  source,
  /** The editions allowed when `source` is not given (a workbook's pin): only its IEA editions answer; a list naming none does not narrow. */
  within,
});
export type TechExposureOptions = z.input<typeof TechExposureOptions>;

// topProducers
export const TopProducersOptions = /* @__PURE__ */ SupplyOptions.extend({
  /** How many countries; default 5. */
  n: z.number().int().min(1).optional(),
}).strict();
export type TopProducersOptions = z.input<typeof TopProducersOptions>;

// series
/** Options of {@link series}. */
export const SeriesOptions = /* @__PURE__ */ options({
  /** `mining` or `refining`; default `refining`. */
  stage,
  /** What is measured; default `production`. */
  measure: z.enum(MEASURES).optional(),
});
export type SeriesOptions = z.input<typeof SeriesOptions>;
