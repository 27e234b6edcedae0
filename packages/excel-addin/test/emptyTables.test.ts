// No table spills its header alone. Missing data (a ranking without a world total to take shares
// of) is #N/A with core's reason; an empty list that is an answer (no list names the mineral, no
// measure touches it on the date) is one row saying so in words.
import * as core from "@critmin/core";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_HEADER, LIST_HEADER } from "../src/adapter/policyTables.ts";
import * as functions from "../src/functions/functions.ts";
import { call, expectError, MINERAL_IDS, truncated } from "./adapters.test-support.ts";
import { ErrorCode, installStubRuntime, isExcelError, type StubError, uninstallStubRuntime } from "./stub-runtime.ts";

beforeAll(() => {
  installStubRuntime();
});
afterAll(() => {
  uninstallStubRuntime();
});

// USGS MCS 2025 as published, read here without the pipeline: boron's "World total" row is blank.
const USGS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../core/sources/usgs/MCS2025_World_Data.csv",
);
const usgs: Record<string, string>[] = parse(readFileSync(USGS, "utf8"), { columns: true });
const worldRow = usgs.findIndex((r) => r.COMMODITY!.trim() === "Boron" && r.COUNTRY!.trim() === "World total");

describe("TOP_PRODUCERS where the source has no world total (USGS boron)", () => {
  it("the raw file gives boron tonnes but no world total for 2024", () => {
    expect(worldRow).toBeGreaterThan(0);
    expect(usgs[worldRow]!["PROD_EST_ 2024"]!.trim()).toBe("");
    const tonnes = usgs.filter(
      (r) => r.COMMODITY!.trim() === "Boron" && r.COUNTRY!.trim() !== "World total" && /\d/.test(r["PROD_EST_ 2024"]!),
    );
    expect(tonnes.length).toBeGreaterThan(0);
  });

  it('TOP_PRODUCERS("boron","mining",,"usgs-mcs-2025") is #N/A with core\'s reason, naming the edition and the missing total', () => {
    const out = call(functions.topProducers, "boron", "mining", null, null, "usgs-mcs-2025");
    expect(out).toHaveLength(1);
    // The locator counts file rows, the header being row 1: csv-parse's record i is row i + 2.
    const locator = `MCS2025_World_Data.csv:row ${worldRow + 2}:PROD_EST_ 2024`;
    const error = expectError(
      out[0]![0],
      ErrorCode.notAvailable,
      "TOP_PRODUCERS: usgs-mcs-2025 reports no world total for boron mining 2024",
      locator,
    );
    const reason = core.topProducersReason("boron", { stage: "mining", source: "usgs-mcs-2025" })!;
    expect(error.message).toBe(truncated(`TOP_PRODUCERS: ${reason}`));
    expect(core.explain("topProducers", "boron", { stage: "mining", source: "usgs-mcs-2025" }).reason).toBe(reason);
  });

  it("the functions of the same block give the same reason", () => {
    const reason = core.topProducersReason("boron", { stage: "mining", source: "usgs-mcs-2025" })!;
    const cells: [string, unknown][] = [
      ["HHI", call(functions.hhi, [["boron"]], "mining", null, "usgs-mcs-2025")[0]![0]],
      ["EFFECTIVE_SUPPLIERS", call(functions.effectiveSuppliers, [["boron"]], "mining", null, "usgs-mcs-2025")[0]![0]],
      [
        "CONCENTRATION_RATIO",
        call(functions.concentrationRatio, [["boron"]], 3, "mining", null, "usgs-mcs-2025")[0]![0],
      ],
    ];
    for (const [fn, cell] of cells) expect((cell as StubError).message).toBe(truncated(`${fn}: ${reason}`));
  });
});

/** Every table function over every mineral: none spills its header alone. */
describe("a table is never its header alone", () => {
  const tables: [string, (m: string) => unknown[][]][] = [
    ["TOP_PRODUCERS mining", (m) => call(functions.topProducers, m, "mining")],
    ["TOP_PRODUCERS refining", (m) => call(functions.topProducers, m, "refining")],
    ["CRITICAL_LISTS", (m) => call(functions.criticalLists, m)],
    ["EXPORT_CONTROLS today", (m) => call(functions.exportControls, m)],
    ["EXPORT_CONTROLS 2020-01-01, US", (m) => call(functions.exportControls, m, "2020-01-01", "US")],
    ["SERIES", (m) => call(functions.series, m, "China")],
  ];
  it.each(tables)("%s", (_, run) => {
    const bare = MINERAL_IDS.filter((m) => {
      const out = run(m);
      return out.length === 1 && !isExcelError(out[0]![0]);
    });
    expect(bare).toEqual([]);
  });
});

describe("an empty list that is an answer says so in one row", () => {
  it("CRITICAL_LISTS of a mineral no list names", () => {
    const unnamed = MINERAL_IDS.find((m) => core.listsNaming(m).length === 0)!;
    expect(unnamed).toBeDefined();
    const out = call(functions.criticalLists, unnamed);
    expect(out[0]).toEqual([...LIST_HEADER]);
    expect(out).toHaveLength(2);
    const lists = core.criticalLists().map((l) => l.id);
    expect(out[1]![0]).toBe(`no list in the data names it (${lists.join(", ")})`);
    expect(out[1]!.slice(1).every((cell) => cell === "")).toBe(true);
  });

  it("EXPORT_CONTROLS on a date before any measure, with its date in As of", () => {
    const out = call(functions.exportControls, "gallium", "2020-01-01", "US");
    expect(core.exportControls({ mineral: "gallium", asOf: "2020-01-01", destination: "US" }).measures).toEqual([]);
    expect(out[0]).toEqual([...CONTROL_HEADER]);
    expect(out).toHaveLength(2);
    expect(out[1]![0]).toBe("no measure in the data touches gallium on 2020-01-01 (exports to USA)");
    expect(out[1]![CONTROL_HEADER.indexOf("As of")]).toBe("2020-01-01");
  });

  it("a list with rows is unchanged: one row per record", () => {
    expect(call(functions.criticalLists, "nickel")).toHaveLength(1 + core.listsNaming("nickel").length);
    const gallium = core.exportControls({ mineral: "gallium", asOf: "2024-01-01" }).measures;
    expect(gallium.length).toBeGreaterThan(0);
    expect(call(functions.exportControls, "gallium", "2024-01-01")).toHaveLength(1 + gallium.length);
  });
});
