// The closed vocabularies of the data model, as plain constants and types; the zod schemas of
// schema/rows.ts are built from these (why no zod here: schema/index.ts).

/** A frozen literal tuple: shared with every caller, so nobody can add to a vocabulary. */
const list = <const T extends readonly string[]>(...items: T): Readonly<T> => Object.freeze(items);

// Fixed ids: an edition is immutable once released, so its id is part of the public contract.
export const EDITION_IDS = /* @__PURE__ */ list(
  "iea-cmde-2024",
  "iea-cmde-2025",
  "usgs-mcs-2025",
  "ec-crm-2023",
  "wb-wgi-2023",
  "us-cml-2022",
  "us-cml-2025",
  "eu-crma-2024",
  "cn-export-controls-2026-01",
);
export type EditionId = (typeof EDITION_IDS)[number];

export const STAGES = /* @__PURE__ */ list("mining", "refining");
export type Stage = (typeof STAGES)[number];

/** What a supply row measures: output, installed capacity, reserves in the ground, or the EU's sourcing mix. */
export const MEASURES = /* @__PURE__ */ list("production", "capacity", "reserves", "eu-sourcing");
export type Measure = (typeof MEASURES)[number];

/**
 * How a figure stands in time: `observed` for one year, `projection` for a future year under a
 * case or scenario, `period-average` for an average over a multi-year reference period (the EU CRM
 * shares), labelled with the assessment year because the period's years are not in the source files.
 */
export const KINDS = /* @__PURE__ */ list("observed", "projection", "period-average");
export type Kind = (typeof KINDS)[number];

/** IEA demand scenarios: Stated Policies, Announced Pledges, Net Zero Emissions by 2050. */
export const SCENARIOS = /* @__PURE__ */ list("STEPS", "APS", "NZE");
export type Scenario = (typeof SCENARIOS)[number];

/** Aggregates some sources report beside countries; never counted as countries. */
export const AGGREGATES = /* @__PURE__ */ list("WORLD", "ROW");
export type Aggregate = (typeof AGGREGATES)[number];

/**
 * How a value stands in its source. `withheld` (USGS "W") and `not-available` carry no value:
 * they say why a figure is missing, they are never zero.
 */
export const STATUSES = /* @__PURE__ */ list(
  "reported",
  "estimated",
  "withheld",
  "not-available",
  "lower-bound",
  "upper-bound",
);
export type Status = (typeof STATUSES)[number];

export const DEMAND_TABLES = /* @__PURE__ */ list(
  "total-demand",
  "clean-tech-by-sector",
  "clean-tech-by-mineral",
  "technology",
);
export type DemandTable = (typeof DEMAND_TABLES)[number];

export const INDICATORS = /* @__PURE__ */ list(
  "supply-risk",
  "economic-importance",
  "import-reliance",
  "eol-recycling-input-rate",
  "substitution-index-supply-risk",
  "substitution-index-economic-importance",
  "net-import-reliance",
);
export type Indicator = (typeof INDICATORS)[number];

/** The IEA's supply projection cases (its project-pipeline "base case"). */
export const SUPPLY_CASES = /* @__PURE__ */ list("base-case");

/** What `crmaCheck` measures a supplier's share against. */
export const CRMA_BASES = /* @__PURE__ */ list("eu-sourcing", "global-supply");

/**
 * Official critical-mineral lists. The EU Critical Raw Materials Act has two: Annex I (strategic)
 * and Annex II (critical); every strategic raw material is also critical under the Regulation.
 */
export const CRITICAL_LISTS = /* @__PURE__ */ list(
  "us-cml-2022",
  "us-cml-2025",
  "eu-crma-2024-critical",
  "eu-crma-2024-strategic",
);
export type CriticalListId = (typeof CRITICAL_LISTS)[number];

/**
 * Where an export-control measure stands on a date. `unknown`: a suspension's end date has passed
 * and the data holds no later notice, so whether the measure applies again is not known.
 */
export const CONTROL_STATUSES = /* @__PURE__ */ list("announced", "in-force", "suspended", "ended", "unknown");
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** The six dimensions of the World Bank's Worldwide Governance Indicators. */
export const GOVERNANCE_DIMENSIONS = /* @__PURE__ */ list(
  "voice-accountability",
  "political-stability",
  "government-effectiveness",
  "regulatory-quality",
  "rule-of-law",
  "control-of-corruption",
);
export type GovernanceDimension = (typeof GOVERNANCE_DIMENSIONS)[number];
