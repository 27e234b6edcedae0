const { chinaShare, datasetVersion } = require("@critmin/core");

// The main entry must not load zod (it costs a cold start ~36 ms); the schema entry does.
const zodLoadedByCore = Object.keys(require.cache).some((file) => /[\\/]zod[\\/]/.test(file));
const { SupplyOptions } = require("@critmin/core/schema");
const schemaWorks =
  SupplyOptions.safeParse({ stage: "refining" }).success && !SupplyOptions.safeParse({ stage: "smelting" }).success;
console.log(JSON.stringify({ cobalt: chinaShare("cobalt"), version: datasetVersion(), zodLoadedByCore, schemaWorks }));
