// A known-good call per exported function of @critmin/core, shared by the fuzzing (the cases start
// near it) and the immutability test (it mutates the answer and asks again).

export const SUPPLY = { stage: "refining", year: 2023, source: "iea-cmde-2024" };
/**
 * A known-good call per function, the starting point of most random cases (see argumentsNear). A
 * function missing here is still fuzzed, from ["cobalt"] and from fully random arguments.
 */
export const SEEDS: Readonly<Record<string, readonly unknown[]>> = {
  chinaShare: ["cobalt", SUPPLY],
  share: ["cobalt", "COD", { ...SUPPLY, stage: "mining" }],
  production: ["cobalt", "CHN", SUPPLY],
  groupShare: ["lithium", "QUAD", { ...SUPPLY, stage: "mining" }],
  shareChange: ["graphite", "CHN", { from: 2023, to: 2030, stage: "refining", source: "iea-cmde-2024" }],
  topProducers: ["cobalt", { ...SUPPLY, n: 3 }],
  series: ["lithium", "CHN", { stage: "refining", measure: "production" }],
  concentration: ["rare-earths", SUPPLY],
  hhi: ["cobalt", SUPPLY],
  crN: ["cobalt", 3, SUPPLY],
  effectiveSuppliers: ["cobalt", SUPPLY],
  supplyAtRisk: ["cobalt", "CHN", 0.5, SUPPLY],
  diversificationGap: ["cobalt", { ...SUPPLY, target: 0.65, supplier: "CHN" }],
  crmaCheck: ["lithium", "refining", { basis: "eu-sourcing", year: 2023, source: "ec-crm-2023" }],
  demand: ["lithium", { year: 2030, scenario: "NZE", sector: "EV", source: "iea-cmde-2024" }],
  coverageWithout: [
    "lithium",
    {
      supplier: "Australia",
      year: 2030,
      supplyCase: "base-case",
      demandScenario: "APS",
      stage: "mining",
      source: "iea-cmde-2024",
    },
  ],
  techExposure: ["EV", { year: 2030, scenario: "NZE", stage: "refining", source: "iea-cmde-2024" }],
  supplyRisk: ["cobalt", { year: 2023, stage: "mining" }],
  economicImportance: ["cobalt", { year: 2011 }],
  importReliance: ["cobalt", "EU", { stage: "mining", year: 2023 }],
  reserves: ["lithium", "Chile", { year: 2024, source: "usgs-mcs-2025" }],
  provenance: [
    {
      mineral: "cobalt",
      country: "CHN",
      stage: "refining",
      measure: "production",
      year: 2023,
      source: "iea-cmde-2024",
    },
  ],
  cite: [{ mineral: "cobalt", country: "CHN", stage: "refining", year: 2023, source: "iea-cmde-2024" }],
  resolveSource: [{ mineral: "cobalt", stage: "refining", measure: "production", year: 2023, source: "iea-cmde-2024" }],
  withinEditions: ["demand", ["ec-crm-2023", "iea-cmde-2024", "usgs-mcs-2025"]],
  countries: ["QUAD"],
  herfindahl: [[0.5, 0.3, 0.2]],
  concentrationRatio: [[0.1, 0.5, 0.3, 0.1], 2],
  effectiveNumber: [2500],
  // policy (issue 15)
  isCritical: ["gallium", "eu-crma-2024-strategic"],
  listsNaming: ["copper"],
  exportControls: [{ mineral: "graphite", asOf: "2025-11-08", destination: "US" }],
  underExportControl: ["gallium", { asOf: "2024-01-01", destination: "US" }],
  controlledSupply: [{ stage: "refining", asOf: "2024-01-01" }],
  isCriticalReason: ["us-cml-2025"],
  // governance (issue 15)
  governance: ["China", "political-stability", { year: 2022 }],
  governanceWeightedHhi: ["cobalt", { ...SUPPLY, dimension: "mean", scale: "eu" }],
};
