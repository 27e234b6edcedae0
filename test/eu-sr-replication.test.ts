// The EU 2023 supply-risk replication (packages/core/scripts/replicate-eu-sr.ts) is a measured result,
// not a pass/fail test of the formula: this checks the script runs over the dataset and that the
// committed JSON and the docs table are what the data gives now.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { replicateEuSupplyRisk } from "../packages/core/scripts/lib/euSupplyRisk.ts";
import { replicationFiles, summary } from "../packages/core/scripts/lib/euSupplyRiskReport.ts";

describe("EU supply-risk replication", () => {
  const rows = replicateEuSupplyRisk();

  it("recomputes the published per-stage scores it has every input for", () => {
    const s = summary(rows);
    expect(s.stages).toBeGreaterThan(30);
    expect(s.computed).toBeGreaterThan(0);
    // A row without a recomputation says which input is missing.
    for (const r of rows)
      if (r.recomputed === undefined) expect(r.reason, `${r.material} ${r.stage}`).toMatch(/^not in the dataset: /);
  });

  it("has its committed outputs current (run pnpm --filter @critmin/core replicate:eu-sr)", () => {
    for (const { file, content } of replicationFiles())
      expect(readFileSync(fileURLToPath(file), "utf8"), fileURLToPath(file)).toBe(content);
  });
});
