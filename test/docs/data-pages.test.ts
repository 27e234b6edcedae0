// The data pages describe the policy editions by what they hold: list items, measures and WGI
// estimates, counted from the dataset and checked here against the raw files (read without the
// pipeline); the quirks page counts the rules of every table and describes every rule id the policy
// readers and functions use, and the generator refuses a rule id it cannot describe.
import { describe, expect, it } from "vitest";
import * as core from "../../packages/core/src/index.ts";
import { WGI_BUNDLED_YEARS } from "../../packages/core/pipeline/editions.ts";
import { CONTROL_RULES } from "../../packages/core/pipeline/readers/export-controls.ts";
import { WGI_RULES } from "../../packages/core/pipeline/readers/wgi.ts";
import { LIST_RULES } from "../../packages/core/pipeline/listItems.ts";
import { WEIGHTED_HHI_RULES } from "../../packages/core/src/_lib/governanceTerms.ts";
import { CONTROL_RULE_NOTES } from "../../packages/core/src/policy/controls.ts";
import { LIST_RULE_NOTES } from "../../packages/core/src/policy/lists.ts";
import { editionHoldings, policyCoverage } from "../../packages/sdk-docs/scripts/lib/data-policy.ts";
import { quirksPage, ruleCounts } from "../../packages/sdk-docs/scripts/lib/data-quirks.ts";
import { FUNCTION_RULES } from "../../packages/sdk-docs/scripts/lib/rules-policy.ts";
import { RULES } from "../../packages/sdk-docs/scripts/lib/rules.ts";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { rawControls, rawLists } from "../support/policy.ts";

const POLICY_EDITIONS = ["wb-wgi-2023", "us-cml-2022", "us-cml-2025", "eu-crma-2024", "cn-export-controls-2026-01"];
const pipelineRules = [...Object.values(WGI_RULES), ...Object.values(LIST_RULES), ...Object.values(CONTROL_RULES)];
const functionRules = [
  ...Object.keys(CONTROL_RULE_NOTES),
  ...Object.keys(LIST_RULE_NOTES),
  ...Object.values(WEIGHTED_HHI_RULES),
];

describe("editions and coverage pages", () => {
  it("say what each policy edition holds, never 0 supply/demand/indicator rows", () => {
    for (const id of POLICY_EDITIONS) {
      const text = editionHoldings(id);
      expect(text, id).not.toMatch(/^0|supply rows|nothing bundled/);
    }
    // Counts from the raw files: items per list (the file's list ids are its own) and measures.
    const items = (listId: string) => rawLists().filter((r) => r.list_id === listId).length;
    expect(editionHoldings("us-cml-2022")).toContain(`${items("us-2022-final")} list items`);
    expect(editionHoldings("us-cml-2025")).toContain(`${items("us-2025-final")} list items`);
    expect(editionHoldings("cn-export-controls-2026-01")).toMatch(
      new RegExp(`^${rawControls().length} export-control measures`),
    );
  });

  it("counts the WGI estimates of the bundled years, and names those years from WGI_BUNDLED_YEARS", () => {
    // Non-empty .EST cells of the bundled years in the raw file (economies × dimensions × years).
    const text = readFileSync(new URL("../../packages/core/sources/wb/WGIData.csv", import.meta.url), "utf8");
    const records = parse<Record<string, string>>(text, { columns: true, bom: true });
    const raw = records.filter((r) => /\.EST$/.test(r["Indicator Code"] ?? ""));
    const estimates = raw.flatMap((r) => WGI_BUNDLED_YEARS.map((y) => r[String(y)])).filter((v) => v !== "").length;
    const span = `${WGI_BUNDLED_YEARS[0]}–${WGI_BUNDLED_YEARS.at(-1)}`;
    expect(editionHoldings("wb-wgi-2023")).toBe(
      `${estimates.toLocaleString("en-GB")} WGI estimates (${new Set(raw.map((r) => r["Country Code"])).size} economies × 6 dimensions, ${span})`,
    );
    expect(policyCoverage().join("\n")).toContain(`the package bundles ${span}`);
  });
});

describe("quirks page", () => {
  it("counts the rules of the lists, controls and governance rows", () => {
    const counts = ruleCounts();
    expect(counts.get(WGI_RULES.bundledYears)?.governance).toBe(core.dataset().governance.length);
    const commodity = rawLists().filter((r) =>
      ["Metallurgical Coal", "Phosphate", "Potash"].includes(r.item_as_written ?? ""),
    );
    expect(counts.get(LIST_RULES.commodityName)?.lists).toBe(commodity.length);
    const everyItem = rawControls().filter((r) => r.minerals!.startsWith("all dual-use items"));
    expect(counts.get(CONTROL_RULES.everyItem)?.controls).toBe(everyItem.length);
  });

  it("describes every rule id of the policy readers and functions", () => {
    for (const id of pipelineRules) expect(RULES[id], id).toBeDefined();
    for (const id of functionRules) expect(FUNCTION_RULES[id], id).toBeDefined();
    const page = quirksPage(pipelineRules, functionRules);
    for (const id of [...pipelineRules, ...functionRules]) expect(page, id).toContain(`<span id="${id}">`);
    for (const heading of ["## World Bank {#world-bank}", "## US Government (USGS/DOI)", "## China (MOFCOM)"])
      expect(page).toContain(heading);
  });

  it("refuses a rule id it cannot describe", () => {
    expect(() => quirksPage(["no-such-pipeline-rule"], functionRules)).toThrow(/no-such-pipeline-rule/);
    expect(() => quirksPage(pipelineRules, ["no-such-function-rule"])).toThrow(/no-such-function-rule/);
  });
});
