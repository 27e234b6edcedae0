import { chinaShare, datasetVersion } from "@critmin/core";
import { SupplyOptions } from "@critmin/core/schema";

const schemaWorks = SupplyOptions.safeParse({ stage: "refining" }).success && !SupplyOptions.safeParse({ stage: "smelting" }).success;
console.log(JSON.stringify({ cobalt: chinaShare("cobalt"), version: datasetVersion(), schemaWorks }));
