// The examples on each Excel function page. Only the arguments are written here: the generator
// calls the add-in's real function (packages/excel-addin/src/functions/functions.ts) with them, as
// Excel calls it, and prints what it returns. A new function needs at least one entry here
// (test/docs checks that every function in functions.json has one).
//
// Arguments are what the formula holds: text, numbers, `null` for an argument left out, and a 2-D
// array for a range or an array constant (`[["cobalt"], ["lithium"]]` is {"cobalt";"lithium"}).

export type ExcelArg = string | number | boolean | null | readonly (readonly (string | number | boolean)[])[];

export interface ExcelExample {
  readonly args: readonly ExcelArg[];
  /** One sentence on what the example shows. */
  readonly note?: string;
}

const col = (...values: string[]) => values.map((v) => [v] as const);

export const EXCEL_EXAMPLES: Readonly<Record<string, readonly ExcelExample[]>> = {
  CHINA_SHARE: [
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
    { args: [col("cobalt", "lithium", "nickel", "graphite")], note: "A range spills one result per cell." },
    { args: ["cobalt", null, 2019], note: "No source has 2019: #N/A with the years that exist." },
    { args: ["cobolt"], note: "A misspelt mineral: #VALUE! with the nearest valid name." },
  ],
  SHARE: [
    { args: ["lithium", "Australia", "mining"] },
    { args: ["cobalt", "DRC", "mining", 2023, "iea-cmde-2024"], note: "Country aliases such as DRC are accepted." },
    { args: [col("copper", "nickel", "lithium"), "Chile", "mining"], note: "One country across a range of minerals." },
    { args: ["lithium", "Atlantis", "mining"], note: "An unknown country: #VALUE!." },
  ],
  PRODUCTION: [
    { args: ["copper", "Chile", "mining"], note: "Tonnes of copper content." },
    { args: ["copper", "World", "mining"], note: "The source's own world total." },
    { args: ["cobalt", "CHN", "refining", 2030, "iea-cmde-2024"], note: "A projection (IEA base case)." },
  ],
  TOP_PRODUCERS: [
    { args: ["nickel", null, 3], note: "Spills a header row and the three largest refiners." },
    { args: ["rare earths", "mining", 5, 2023, "iea-cmde-2024"] },
  ],
  HHI: [
    { args: ["cobalt"] },
    { args: ["graphite", "mining"] },
    {
      args: ["rare earths", "refining", 2023, "iea-cmde-2024"],
      note: "A lower bound: the source lumps part of supply into rest of world.",
    },
    { args: [col("copper", "lithium", "nickel"), "refining"] },
  ],
  CONCENTRATION_RATIO: [
    { args: ["lithium", 3] },
    { args: ["cobalt", 1, "refining", 2023, "iea-cmde-2024"], note: "CR1 is the largest producer's share." },
  ],
  EFFECTIVE_SUPPLIERS: [{ args: ["copper", "mining"] }, { args: ["cobalt"] }],
  GROUP_SHARE: [
    { args: ["lithium", "QUAD", "mining"] },
    { args: ["copper", "G7_PLUS", "refining"] },
    { args: ["nickel", "EU27", "refining", 2023, "iea-cmde-2024"] },
  ],
  SHARE_CHANGE: [
    { args: ["graphite", "CHN", 2023, 2030, null, "iea-cmde-2024"], note: "0.01 is one percentage point." },
    { args: ["lithium", "Australia", 2023, 2035, "mining", "iea-cmde-2024"] },
    { args: ["cobalt", "CHN", 2019, 2023], note: "No edition has both years: #N/A." },
  ],
  SUPPLY_AT_RISK: [
    { args: ["cobalt", "China", 0.5], note: "China halves its cobalt refining." },
    { args: ["rare earths", "CHN", 1, "refining", 2023, "iea-cmde-2024"] },
    { args: ["cobalt", "CHN", 1.5], note: "A cut must be between 0 and 1: #VALUE!." },
  ],
  COVERAGE_WITHOUT: [
    { args: ["cobalt"], note: "The largest supplier removed, base year." },
    { args: ["lithium", "Australia", 2023, null, "mining", "iea-cmde-2024"] },
    { args: ["nickel", null, 2030, "NZE"], note: "Projection year: base-case supply against NZE demand." },
  ],
  DIVERSIFICATION_GAP: [
    { args: ["cobalt"], note: "Tonnes of non-Chinese refining needed to bring China to 65%." },
    { args: ["graphite", 0.5, null, "refining", 2023, "iea-cmde-2024"] },
    { args: ["cobalt", 0.8, null, "refining", 2023, "iea-cmde-2024"], note: "Already below the target: 0." },
  ],
  CRMA_CHECK: [
    { args: ["lithium", "refining"] },
    { args: ["cobalt", "refining"] },
    { args: [col("rare earths", "gallium", "copper")], note: "Every stage with data; the binding one decides." },
  ],
  DEMAND: [
    { args: ["lithium"], note: "Total demand in the base year." },
    { args: ["lithium", 2040, "NZE"] },
    { args: ["copper", 2030, "STEPS", "EV"], note: "One sector." },
  ],
  TECH_EXPOSURE: [
    { args: ["EV"] },
    { args: ["wind", 2030, "NZE"] },
    { args: [col("EV", "solar PV", "wind", "grids")] },
  ],
  TECH_EXPOSURE_TABLE: [{ args: ["EV"] }, { args: ["wind", 2040, "APS", null, "iea-cmde-2024"] }],
  SUPPLY_RISK: [
    { args: ["cobalt"] },
    { args: ["lithium", null, "refining"], note: "The 2023 per-stage score." },
    { args: ["LREE", 2014], note: "An earlier assessment." },
  ],
  ECONOMIC_IMPORTANCE: [{ args: ["cobalt"] }, { args: ["aluminium", 2011] }],
  IMPORT_RELIANCE: [{ args: ["cobalt", "USA"] }, { args: ["lithium", "EU", "refining"] }],
  RESERVES: [{ args: ["lithium", "Chile"] }, { args: ["lithium", "World"] }],
  SOURCE: [{ args: ["cobalt"] }, { args: ["lithium", "mining", 2023, "iea-cmde-2024", "Australia"] }],
  MINERALS: [{ args: [] }],
  COUNTRIES: [{ args: ["QUAD"] }],
  GROUPS: [{ args: [] }],
  EDITIONS: [{ args: [] }],
  DATA_VERSION: [{ args: [] }],
};

/** Functions whose single values are shares (0–1): the pages add the percentage beside the value. */
export const PERCENT_FUNCTIONS: ReadonlySet<string> = new Set([
  "CHINA_SHARE",
  "SHARE",
  "CONCENTRATION_RATIO",
  "GROUP_SHARE",
  "SHARE_CHANGE",
  "SUPPLY_AT_RISK",
  "TECH_EXPOSURE",
  "IMPORT_RELIANCE",
  "COVERAGE_WITHOUT",
]);

/** Functions whose single values are tonnes. */
export const TONNE_FUNCTIONS: ReadonlySet<string> = new Set([
  "PRODUCTION",
  "DIVERSIFICATION_GAP",
  "DEMAND",
  "RESERVES",
]);
