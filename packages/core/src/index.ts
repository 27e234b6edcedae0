// @critmin/core — the public API, listed by hand.

// dataset
export {
  COUNTRIES,
  DATASET_VERSION,
  MINERALS,
  USES,
  VARIANTS,
  countryEntries,
  demand,
  editions,
  indicators,
  mineralEntries,
  supply,
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
