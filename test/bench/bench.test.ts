// Keeps the benchmark harness from rotting: runs `pnpm bench`'s quick mode in-process (small sizes)
// and checks the shape of what it reports — every figure finite and positive, the ratios computed,
// the keys results.json must have — plus the size budgets of .size-limit.json on fresh builds.
// It asserts no timing: on a shared CI machine the figures are noise; the committed results.json
// holds a real full run. Sizes are not timing: a bundle over its budget fails here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { complete, renderTable, type Results } from "./report.ts";
import { resultsJson, runBench } from "./run.ts";

/** Every number in an object tree, with its path. */
function numbers(value: unknown, at = "results"): [string, number][] {
  if (typeof value === "number") return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${at}[${i}]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => numbers(v, `${at}.${k}`));
  return [];
}

const REQUIRED = [
  "schemaVersion",
  "mode",
  "date",
  "machine",
  "durationMs",
  "ratios",
  "sizes",
  "goals",
  "hotPath",
  "stringPath",
  "coldStart",
  "spreadsheet",
  "rangeCall",
];

function checkShape(results: Results): void {
  expect(Object.keys(results)).toEqual(expect.arrayContaining(REQUIRED));
  expect(results.machine).toMatchObject({
    os: expect.any(String),
    arch: expect.any(String),
    node: process.version,
    memoryBytes: expect.any(Number),
  });
  expect(results.machine.cpus).toMatchObject({ model: expect.any(String), count: expect.any(Number) });
  expect(Number.isNaN(Date.parse(results.date))).toBe(false);
  // The three figures the issue names, and the rest of the ratios.
  expect(results.ratios.hotPathVsMapGet).toBeGreaterThan(0);
  expect(results.ratios.spreadsheetVsNativeLookup).toBeGreaterThan(0);
  expect(results.sizes.addinFunctionsGzipBytes).toBeGreaterThan(0);
  expect(results.ratios.stringPathVsMapGet).toBeGreaterThan(0);
  expect(results.ratios.rangePerCellVsRange.direct).toBeGreaterThan(0);
  expect(results.ratios.rangePerCellVsRange.hyperformula).toBeGreaterThan(0);
  // Every figure is a finite number; the measured ones are positive. (Differences against a
  // baseline — cold start beyond empty — may be negative on a noisy machine, so only finite.)
  const differences = /beyondEmptyMs|breakdownMs|loadAverage|goals\[\d+\]\.measured/;
  for (const [path, n] of numbers(results)) {
    expect(Number.isFinite(n), path).toBe(true);
    if (!differences.test(path)) expect(n, path).toBeGreaterThan(0);
  }
  // Every answer in the workbooks matched the dataset, native and CRITMIN alike.
  for (const size of results.spreadsheet.sizes) {
    for (const [name, w] of Object.entries(size.workbooks))
      expect(w.correct, `${name} ×${size.questions}`).toBe(size.questions);
  }
  expect(results.goals.map((g) => g.id)).toEqual([
    "hotPath",
    "stringPath",
    "coldStartNode",
    "coldStartChromium",
    "addinSize",
    "spreadsheet",
    "spreadsheetLinear",
  ]);
  for (const g of results.goals) expect(typeof g.met, g.id).toBe("boolean");
}

describe("benchmark harness (quick mode)", () => {
  let results: Results;

  it("runs every measurement and reports finite, positive figures with the required keys", async () => {
    results = await runBench("quick");
    expect(results.mode).toBe("quick");
    checkShape(results);
    // The table prints, and results.json round-trips (what `pnpm bench` writes).
    expect(renderTable(results)).toContain("hot path");
    const json = JSON.parse(resultsJson(results)) as Results;
    expect(json).toEqual(results);
    expect(complete(json)).toEqual(results);
  }, 300_000);

  it("the bundles are within the size budgets of .size-limit.json (checked by size-limit on fresh builds)", () => {
    const checks = results.sizes.sizeLimit;
    const config = JSON.parse(readFileSync(new URL("../../.size-limit.json", import.meta.url), "utf8")) as {
      path: string;
      gzip?: boolean;
    }[];
    expect(checks.map((c) => c.path)).toEqual(config.map((c) => c.path));
    expect(config.every((c) => c.gzip === true)).toBe(true);
    expect(checks.map((c) => c.path)).toEqual([
      "packages/core/dist/index.js",
      "packages/excel-addin/dist/prod/functions.js",
    ]);
    // size-limit measured the same bytes the harness did.
    expect(checks[0]!.sizeBytes).toBe(results.sizes.sdkEsmGzipBytes);
    expect(checks[1]!.sizeBytes).toBe(results.sizes.addinFunctionsGzipBytes);
    for (const c of checks) expect(c.passed, `${c.name}: ${c.sizeBytes} B against ${c.limit}`).toBe(true);
  });

  it("the committed results.json is a full run with the figures the issue asks for", () => {
    const committed = JSON.parse(readFileSync(new URL("./results.json", import.meta.url), "utf8")) as Results;
    expect(committed.mode).toBe("full");
    checkShape({ ...committed, machine: { ...committed.machine, node: process.version } });
    expect(committed.spreadsheet.headlineQuestions).toBe(10_000);
    expect(committed.spreadsheet.sizes.map((s) => s.questions)).toEqual([1_000, 10_000, 100_000]);
    expect(committed.rangeCall.rows).toBe(100_000);
  });
});
