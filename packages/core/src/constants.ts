// The closed vocabularies of the data model, as plain constants and types; the zod schemas of
// schema/rows.ts are built from these (why no zod here: schema/index.ts).
// Fixed ids: an edition is immutable once released, so its id is part of the public contract.
export const EDITION_IDS = Object.freeze(["iea-cmde-2024", "iea-cmde-2025", "usgs-mcs-2025", "ec-crm-2023"] as const);
export type EditionId = (typeof EDITION_IDS)[number];

export const STAGES = Object.freeze(["mining", "refining"] as const);
export type Stage = (typeof STAGES)[number];

/** What a supply row measures: output, installed capacity, reserves in the ground, or the EU's sourcing mix. */
export const MEASURES = Object.freeze(["production", "capacity", "reserves", "eu-sourcing"] as const);
export type Measure = (typeof MEASURES)[number];

export const KINDS = Object.freeze(["observed", "projection"] as const);
export type Kind = (typeof KINDS)[number];

/** IEA demand scenarios: Stated Policies, Announced Pledges, Net Zero Emissions by 2050. */
export const SCENARIOS = Object.freeze(["STEPS", "APS", "NZE"] as const);
export type Scenario = (typeof SCENARIOS)[number];

/** Aggregates some sources report beside countries; never counted as countries. */
export const AGGREGATES = Object.freeze(["WORLD", "ROW"] as const);
export type Aggregate = (typeof AGGREGATES)[number];

/**
 * How a value stands in its source. `withheld` (USGS "W") and `not-available` carry no value:
 * they say why a figure is missing, they are never zero.
 */
export const STATUSES = Object.freeze([
  "reported",
  "estimated",
  "withheld",
  "not-available",
  "lower-bound",
  "upper-bound",
] as const);
export type Status = (typeof STATUSES)[number];

export const DEMAND_TABLES = Object.freeze([
  "total-demand",
  "clean-tech-by-sector",
  "clean-tech-by-mineral",
  "technology",
] as const);
export type DemandTable = (typeof DEMAND_TABLES)[number];

export const INDICATORS = Object.freeze([
  "supply-risk",
  "economic-importance",
  "import-reliance",
  "eol-recycling-input-rate",
  "substitution-index-supply-risk",
  "substitution-index-economic-importance",
  "net-import-reliance",
] as const);
export type Indicator = (typeof INDICATORS)[number];

/** The IEA's supply projection cases (its project-pipeline "base case"). */
export const SUPPLY_CASES = Object.freeze(["base-case"] as const);

/** What `crmaCheck` measures a supplier's share against. */
export const CRMA_BASES = Object.freeze(["eu-sourcing", "global-supply"] as const);
