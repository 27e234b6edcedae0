// The traits (traits.ts) of the card functions (issue 17), in their own module so the table stays
// within the file-size limit. `table`: where Excel lacks data types they spill Field and Value rows.
import type { FunctionTraits } from "./traits.ts";

export const CARD_TRAITS: Readonly<Record<string, FunctionTraits>> = {
  MINERAL: {
    kind: "table",
    category: "reference",
    core: "minerals",
    examples: [
      { args: ["cobalt"], note: "One cell holding the card; =A1.[HHI mining, …] reads a field." },
      { args: ["rare earths"], note: "An alias works as in every function." },
      { args: ["cobat"], note: "A misspelt mineral: #VALUE! with the nearest id." },
    ],
    gallery: { mineral: "cobalt" },
  },
  COUNTRY: {
    kind: "table",
    category: "reference",
    core: "countries",
    examples: [
      { args: ["Chile"], note: "Its top-3 places by mineral and stage, and its WGI estimates." },
      { args: ["DRC"], note: "An alias works as in every function." },
    ],
    gallery: { country: "Chile" },
  },
};
