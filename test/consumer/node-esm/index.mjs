import { chinaShare, dataset, datasetVersion, useDataset } from "@critmin/core";
import { parseDataset, SupplyOptions, toDatasetFile } from "@critmin/core/schema";

const schemaWorks =
  SupplyOptions.safeParse({ stage: "refining" }).success && !SupplyOptions.safeParse({ stage: "smelting" }).success;
const result = { cobalt: chinaShare("cobalt"), version: datasetVersion(), schemaWorks };

// A dataset checked by the schema entry's parseDataset is one the main entry's useDataset installs,
// though each entry is built with its own copy of the dataset module.
const parsed = parseDataset(JSON.parse(JSON.stringify(toDatasetFile(dataset()))), dataset());
if (parsed.ok) useDataset(parsed.dataset);
result.refreshInstalls = parsed.ok && dataset() === parsed.dataset && chinaShare("cobalt") === result.cobalt;
console.log(JSON.stringify(result));
