// The traits (traits.ts) of the governance functions (issue 15), in their own module so the table
// stays within the file-size limit and each feature's entries merge apart.
import type { FunctionTraits } from "./traits.ts";

export const GOVERNANCE_TRAITS: Readonly<Record<string, FunctionTraits>> = {
  GOVERNANCE: {
    kind: "value",
    unit: "index",
    category: "risk",
    core: "governance",
    method: "governance",
    examples: [
      { args: ["China", "political-stability"], note: "The newest bundled WGI year." },
      { args: ["DRC", "mean", 2018], note: "The mean of the six dimensions in 2018." },
      { args: [[["COD"], ["COG"]], "rule-of-law"], note: "The two Congos, one per cell." },
      { args: ["China", "political-stability", 2015], note: "A year not bundled: #N/A with the years that exist." },
      { args: ["China", "political stabilty"], note: "A misspelt dimension: #VALUE! with the nearest id." },
    ],
    gallery: { country: "China", dimension: "political-stability" },
  },
  WEIGHTED_HHI: {
    kind: "value",
    unit: "index",
    category: "concentration",
    core: "governanceWeightedHhi",
    method: "governance",
    examples: [
      { args: ["cobalt"], note: "Refining, mean of the six WGI dimensions on the EU 0–10 scale." },
      {
        args: ["cobalt", "mining", null, "ec-crm-2023"],
        note: "The EU study's period-average shares, weighted with the newest WGI year.",
      },
      { args: ["rare earths", "mining", 2023, "iea-cmde-2024", "political-stability"] },
    ],
    gallery: { mineral: "cobalt" },
  },
};
