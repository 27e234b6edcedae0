import { chinaShare, datasetVersion } from "@critmin/core";

console.log(JSON.stringify({ cobalt: chinaShare("cobalt"), version: datasetVersion() }));
