// pnpm --filter @critmin/core replicate:eu-sr — recomputes the EU 2023 supply risk from the dataset
// (scripts/lib/euSupplyRisk.ts) and writes the comparison with the published scores:
//   scripts/replicate-eu-sr.json            every row, its inputs and variants
//   ../sdk-docs/docs/governance.md          the table and counts, between the replication markers
// `--check` writes nothing and fails when either file is not what the data gives now.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { replicationFiles } from "./lib/euSupplyRiskReport.ts";

const check = process.argv.includes("--check");
let stale = 0;
for (const { file, content } of replicationFiles()) {
  const path = fileURLToPath(file);
  const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  if (current === content) continue;
  if (check) {
    console.error(`${path} is not current: run pnpm --filter @critmin/core replicate:eu-sr`);
    stale++;
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${path}`);
  }
}
if (stale > 0) process.exit(1);
