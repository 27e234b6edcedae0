// What each CRITMIN function returns and how to show it, beyond what functions.json says: one
// table, keyed by function id, read by the task pane (gallery, playground formatting) and by the
// docs generator (packages/sdk-docs). test/traits.test.ts checks that every function in
// functions.json has an entry here and no entry is left over, and that `kind` agrees with the
// metadata and with what the function returns.
//
// Examples hold only arguments: the docs and the gallery compute the values by calling the
// function, so no figure is typed here.
import type * as core from "@critmin/core";
import { POLICY_TRAITS } from "./policyTraits.ts";
import { GOVERNANCE_TRAITS } from "./governanceTraits.ts";
import { CARD_TRAITS } from "./cardTraits.ts";

/**
 * An argument as a formula holds it: text, a number, a boolean, `null` for an argument left out,
 * or a 2-D array for a range or array constant (`[["cobalt"], ["lithium"]]` is {"cobalt";"lithium"}).
 */
export type ExcelArg = string | number | boolean | null | readonly (readonly (string | number | boolean)[])[];

export interface ExcelExample {
  readonly args: readonly ExcelArg[];
  /** One sentence on what the example shows. */
  readonly note?: string;
}

/**
 * What one value means:
 * - percent: a share from 0 to 1; the pane shows it as a percentage and the docs add one beside it.
 * - fraction: a change in share, a share lost or a coverage ratio; the pane shows the number as it
 *   is, the docs add the percentage beside it.
 * - tonnes: metric tonnes of content on the source's basis.
 * - index: a score or index without a unit (HHI, effective suppliers, EU scores).
 * - boolean, text: TRUE/FALSE, or text.
 */
export type ValueUnit = "percent" | "fraction" | "tonnes" | "index" | "boolean" | "text";

export type Category = "supply" | "concentration" | "risk" | "eu-assessment" | "demand" | "reference";

interface Common {
  readonly category: Category;
  /** The @critmin/core function the wrapper calls: the docs link to its API page. */
  readonly core: keyof typeof core;
  /** The methodology section that explains the computation (an anchor of docs/methodology.md). */
  readonly method?: string;
  /** The worked examples on the function's docs page. */
  readonly examples: readonly ExcelExample[];
  /** The gallery's worked example: parameter name → what a person types in the form. */
  readonly gallery: Readonly<Record<string, string>>;
}

/**
 * `value`: one value per call (a range in the first argument spills one value per cell).
 * `table`: spills a header row of text, then one row per item.
 */
export type FunctionTraits =
  (Common & { readonly kind: "value"; readonly unit: ValueUnit }) | (Common & { readonly kind: "table" });

/** A reference list without arguments (every mineral, group or edition): a table, shown as it is. */
function listing(coreFunction: keyof typeof core): FunctionTraits {
  return { kind: "table", category: "reference", core: coreFunction, examples: [{ args: [] }], gallery: {} };
}

export const TRAITS: Readonly<Record<string, FunctionTraits>> = {
  CHINA_SHARE: {
    kind: "value",
    unit: "percent",
    category: "supply",
    core: "chinaShare",
    method: "shares",
    examples: [
      { args: ["cobalt"], note: "Refining, newest edition with observed data, latest observed year." },
      { args: ["lithium", "mining"], note: "Mining instead of refining." },
      {
        args: ["cobalt", "refining", 2023, "iea-cmde-2024"],
        note: "Pinned to an edition and a year: this value never changes.",
      },
      {
        args: ["rare earths", null, 2040],
        note: 'A projection year (IEA base case); the alias "rare earths" is accepted.',
      },
      { args: [[["cobalt"], ["lithium"], ["nickel"], ["graphite"]]], note: "A range spills one result per cell." },
      { args: ["cobalt", null, 2019], note: "No source has 2019: #N/A with the years that exist." },
      { args: ["cobolt"], note: "A misspelt mineral: #VALUE! with the nearest valid name." },
    ],
    gallery: { mineral: "cobalt" },
  },
  SHARE: {
    kind: "value",
    unit: "percent",
    category: "supply",
    core: "share",
    method: "shares",
    examples: [
      { args: ["lithium", "Australia", "mining"] },
      { args: ["cobalt", "DRC", "mining", 2023, "iea-cmde-2024"], note: "Country aliases such as DRC are accepted." },
      {
        args: [[["copper"], ["nickel"], ["lithium"]], "Chile", "mining"],
        note: "One country across a range of minerals.",
      },
      { args: ["lithium", "Atlantis", "mining"], note: "An unknown country: #VALUE!." },
    ],
    gallery: { mineral: "lithium", country: "Australia", stage: "mining" },
  },
  PRODUCTION: {
    kind: "value",
    unit: "tonnes",
    category: "supply",
    core: "production",
    method: "shares",
    examples: [
      { args: ["copper", "Chile", "mining"], note: "Tonnes of copper content." },
      { args: ["copper", "World", "mining"], note: "The source's own world total." },
      { args: ["cobalt", "CHN", "refining", 2030, "iea-cmde-2024"], note: "A projection (IEA base case)." },
    ],
    gallery: { mineral: "copper", country: "Chile", stage: "mining" },
  },
  TOP_PRODUCERS: {
    kind: "table",
    category: "supply",
    core: "topProducers",
    method: "shares",
    examples: [
      { args: ["nickel", null, 3], note: "Spills a header row and the three largest refiners." },
      { args: ["rare earths", "mining", 5, 2023, "iea-cmde-2024"] },
    ],
    gallery: { mineral: "nickel", n: "3" },
  },
  HHI: {
    kind: "value",
    unit: "index",
    category: "concentration",
    core: "hhi",
    method: "hhi",
    examples: [
      { args: ["cobalt"] },
      { args: ["graphite", "mining"] },
      {
        args: ["rare earths", "refining", 2023, "iea-cmde-2024"],
        note: "A lower bound: the source lumps part of supply into rest of world.",
      },
      { args: [[["copper"], ["lithium"], ["nickel"]], "refining"] },
    ],
    gallery: { mineral: "rare earths" },
  },
  CONCENTRATION_RATIO: {
    kind: "value",
    unit: "percent",
    category: "concentration",
    core: "crN",
    method: "concentration-ratio",
    examples: [
      { args: ["lithium", 3] },
      { args: ["cobalt", 1, "refining", 2023, "iea-cmde-2024"], note: "CR1 is the largest producer's share." },
    ],
    gallery: { mineral: "graphite", n: "3" },
  },
  EFFECTIVE_SUPPLIERS: {
    kind: "value",
    unit: "index",
    category: "concentration",
    core: "effectiveSuppliers",
    method: "hhi",
    examples: [{ args: ["copper", "mining"] }, { args: ["cobalt"] }],
    gallery: { mineral: "cobalt", stage: "mining" },
  },
  GROUP_SHARE: {
    kind: "value",
    unit: "percent",
    category: "supply",
    core: "groupShare",
    method: "group-share",
    examples: [
      { args: ["lithium", "QUAD", "mining"] },
      { args: ["copper", "G7_PLUS", "refining"] },
      { args: ["nickel", "EU27", "refining", 2023, "iea-cmde-2024"] },
    ],
    gallery: { mineral: "lithium", group: "QUAD", stage: "mining" },
  },
  SHARE_CHANGE: {
    kind: "value",
    unit: "fraction",
    category: "supply",
    core: "shareChange",
    method: "shares",
    examples: [
      { args: ["graphite", "CHN", 2023, 2030, null, "iea-cmde-2024"], note: "0.01 is one percentage point." },
      { args: ["lithium", "Australia", 2023, 2035, "mining", "iea-cmde-2024"] },
      { args: ["cobalt", "CHN", 2019, 2023], note: "No edition has both years: #N/A." },
    ],
    gallery: { mineral: "cobalt", country: "China", fromYear: "2023", toYear: "2030" },
  },
  SUPPLY_AT_RISK: {
    kind: "value",
    unit: "fraction",
    category: "risk",
    core: "supplyAtRisk",
    method: "supply-at-risk",
    examples: [
      { args: ["cobalt", "China", 0.5], note: "China halves its cobalt refining." },
      { args: ["rare earths", "CHN", 1, "refining", 2023, "iea-cmde-2024"] },
      { args: ["cobalt", "CHN", 1.5], note: "A cut must be between 0 and 1: #VALUE!." },
    ],
    gallery: { mineral: "cobalt", supplier: "DRC", cut: "0.5", stage: "mining" },
  },
  COVERAGE_WITHOUT: {
    kind: "value",
    unit: "fraction",
    category: "risk",
    core: "coverageWithout",
    method: "coverage-without",
    examples: [
      { args: ["cobalt"], note: "The largest supplier removed, base year." },
      { args: ["lithium", "Australia", 2023, null, "mining", "iea-cmde-2024"] },
      { args: ["nickel", null, 2030, "NZE"], note: "Projection year: base-case supply against NZE demand." },
    ],
    gallery: { mineral: "lithium", supplier: "China", year: "2030" },
  },
  DIVERSIFICATION_GAP: {
    kind: "value",
    unit: "tonnes",
    category: "risk",
    core: "diversificationGap",
    method: "diversification-gap",
    examples: [
      { args: ["cobalt"], note: "Tonnes of non-Chinese refining needed to bring China to 65%." },
      { args: ["graphite", 0.5, null, "refining", 2023, "iea-cmde-2024"] },
      { args: ["cobalt", 0.8, null, "refining", 2023, "iea-cmde-2024"], note: "Already below the target: 0." },
    ],
    gallery: { mineral: "rare earths" },
  },
  CRMA_CHECK: {
    kind: "value",
    unit: "boolean",
    category: "risk",
    core: "crmaCheck",
    method: "crma-benchmark",
    examples: [
      { args: ["lithium", "refining"] },
      { args: ["cobalt", "refining"] },
      { args: [[["rare earths"], ["gallium"], ["copper"]]], note: "Every stage with data; the binding one decides." },
    ],
    gallery: { mineral: "cobalt" },
  },
  DEMAND: {
    kind: "value",
    unit: "tonnes",
    category: "demand",
    core: "demand",
    method: "demand",
    examples: [
      { args: ["lithium"], note: "Total demand in the base year." },
      { args: ["lithium", 2040, "NZE"] },
      { args: ["copper", 2030, "STEPS", "EV"], note: "One sector." },
    ],
    gallery: { mineral: "lithium", year: "2030", scenario: "STEPS" },
  },
  TECH_EXPOSURE: {
    kind: "value",
    unit: "percent",
    category: "demand",
    core: "techExposure",
    method: "technology-exposure",
    examples: [
      { args: ["EV"] },
      { args: ["wind", 2030, "NZE"] },
      { args: [[["EV"], ["solar PV"], ["wind"], ["grids"]]] },
    ],
    gallery: { technology: "EV" },
  },
  TECH_EXPOSURE_TABLE: {
    kind: "table",
    category: "demand",
    core: "techExposure",
    method: "technology-exposure",
    examples: [{ args: ["EV"] }, { args: ["wind", 2040, "APS", null, "iea-cmde-2024"] }],
    gallery: { technology: "solar PV" },
  },
  SUPPLY_RISK: {
    kind: "value",
    unit: "index",
    category: "eu-assessment",
    core: "supplyRisk",
    method: "eu-supply-risk",
    examples: [
      { args: ["cobalt"] },
      { args: ["lithium", null, "refining"], note: "The 2023 per-stage score." },
      { args: ["LREE", 2014], note: "An earlier assessment." },
    ],
    gallery: { material: "cobalt" },
  },
  ECONOMIC_IMPORTANCE: {
    kind: "value",
    unit: "index",
    category: "eu-assessment",
    core: "economicImportance",
    method: "eu-supply-risk",
    examples: [{ args: ["cobalt"] }, { args: ["aluminium", 2011] }],
    gallery: { material: "cobalt" },
  },
  IMPORT_RELIANCE: {
    kind: "value",
    unit: "percent",
    category: "risk",
    core: "importReliance",
    method: "import-reliance",
    examples: [{ args: ["cobalt", "USA"] }, { args: ["lithium", "EU", "refining"] }],
    gallery: { mineral: "cobalt", economy: "USA" },
  },
  RESERVES: {
    kind: "value",
    unit: "tonnes",
    category: "supply",
    core: "reserves",
    method: "shares",
    examples: [{ args: ["lithium", "Chile"] }, { args: ["lithium", "World"] }],
    gallery: { mineral: "lithium", country: "Chile" },
  },
  SERIES: {
    kind: "table",
    category: "supply",
    core: "series",
    method: "shares",
    examples: [
      {
        args: ["lithium", "China", "refining"],
        note: "Every edition side by side: the EU period average, each IEA edition's observed year and projections.",
      },
      { args: ["cobalt", "DRC", "mining"], note: "USGS observed years beside the IEA editions." },
      {
        args: ["cobalt", "China", "mining"],
        note: "Editions that fold China into rest of world have no row (never 0).",
      },
    ],
    gallery: { mineral: "lithium", country: "China", stage: "refining" },
  },
  // governance (issue 15)
  ...GOVERNANCE_TRAITS,
  SOURCE: {
    kind: "value",
    unit: "text",
    category: "reference",
    core: "explain",
    method: "which-edition-answers",
    examples: [{ args: ["cobalt"] }, { args: ["lithium", "mining", 2023, "iea-cmde-2024", "Australia"] }],
    gallery: { mineral: "cobalt" },
  },
  EXPLAIN: {
    kind: "table",
    category: "reference",
    core: "explain",
    method: "reading-an-answer",
    examples: [
      {
        args: ["CHINA_SHARE", "cobalt"],
        note: "A value, its unit, edition, year, stage, basis and the figures behind it.",
      },
      { args: ["CHINA_SHARE", "rare earths", "mining"], note: "The function's own arguments follow its name." },
      { args: ["DEMAND", "lithium", 2030, "APS"], note: "A projection: the scenario is part of the answer." },
      { args: ["GROUP_SHARE", "nickel", "G7"], note: "A lower bound: members the source does not list are named." },
      {
        args: ["CHINA_SHARE", "aluminium", "mining", null, "ec-crm-2023"],
        note: "An EU CRM figure: the period it covers.",
      },
      { args: ["CHINA_SHARE", "cobalt", null, 2019], note: "No figure: the value is blank and the reason says why." },
      { args: ["CHINA_SHARES", "cobalt"], note: "A misspelt function: #VALUE! with the nearest valid name." },
    ],
    gallery: { name: "CHINA_SHARE", arg1: "cobalt" },
  },
  MINERALS: listing("minerals"),
  COUNTRIES: {
    kind: "table",
    category: "reference",
    core: "countries",
    examples: [{ args: ["QUAD"] }],
    gallery: { group: "G7" },
  },
  GROUPS: listing("groups"),
  EDITIONS: listing("editions"),
  DATA_VERSION: {
    kind: "value",
    unit: "text",
    category: "reference",
    core: "datasetVersion",
    examples: [{ args: [] }],
    gallery: {},
  },
  ...POLICY_TRAITS, // policy (issue 15): critical lists and China's export controls
  ...CARD_TRAITS, // cards (issue 17): MINERAL and COUNTRY
};

/** The traits of a function, or undefined for an id this table does not know. */
export function traitsOf(id: string): FunctionTraits | undefined {
  return Object.prototype.hasOwnProperty.call(TRAITS, id) ? TRAITS[id] : undefined;
}

/** True when the function's single values are shares best shown as percentages. */
export function showsPercent(id: string): boolean {
  const t = traitsOf(id);
  return t?.kind === "value" && t.unit === "percent";
}
