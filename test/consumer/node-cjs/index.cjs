const { chinaShare, datasetVersion } = require("@critmin/core");

console.log(JSON.stringify({ cobalt: chinaShare("cobalt"), version: datasetVersion() }));
