// pnpm bench        — the full run: writes test/bench/results.json and prints the table (15–20 min on 2 cores).
// pnpm bench:quick  — small sizes, so the harness cannot rot (CI runs it through bench.test.ts).
// pnpm bench:startup — only the bundle sizes and the cold starts, full samples (a few minutes):
//   writes test/bench/results.startup.json, for changes that add data to the bundle.
//   tsx test/bench/run.ts [--quick | --startup] [--out <file>]
//
// Every figure is a median of interleaved samples taken in this one run, and every goal of the issue
// is a ratio or a difference against a baseline measured beside it: absolute times from a noisy
// machine do not transfer, ratios mostly do. The artifacts are built fresh into a temporary folder
// (see builds.ts): the SDK's ESM bundle as a consumer installs it, and the add-in's dist/prod.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildArtifacts, importSdk } from "./builds.ts";
import { measureChromiumColdStart, measureNodeColdStart } from "./coldStart.ts";
import { loadAddinBundle } from "./excel.ts";
import { measureHotPath } from "./hotPath.ts";
import { log, machine, repoRoot, type Mode } from "./lib.ts";
import { measureRangeCall } from "./rangeCall.ts";
import { complete, renderTable, startupGoals, type Results } from "./report.ts";
import { measureSizes } from "./sizes.ts";
import { measureSpreadsheet } from "./spreadsheet.ts";
import { measureStringPath } from "./stringPath.ts";

export async function runBench(mode: Mode): Promise<Results> {
  const started = performance.now();
  const date = new Date().toISOString();
  const work = mkdtempSync(path.join(os.tmpdir(), "critmin-bench-"));
  try {
    log(`${mode} run; building the SDK's ESM bundle and the add-in into ${work}`);
    const artifacts = await buildArtifacts(work);
    const core = await importSdk(artifacts);
    const bundle = loadAddinBundle(artifacts.addinDir);
    const m = machine();

    log("4 sizes");
    const sizes = await measureSizes(artifacts);
    log("1 hot path");
    const hotPath = measureHotPath(core, mode);
    log("2 string path");
    const stringPath = measureStringPath(core, mode);
    log("3 cold start: Node");
    const node = measureNodeColdStart(artifacts, mode);
    log("3 cold start: Chromium");
    const chromium = await measureChromiumColdStart(artifacts, core, mode);
    m.chromium = chromium.version;
    log("5 spreadsheet");
    const spreadsheet = await measureSpreadsheet(core, bundle, mode);
    log("6 range call");
    const rangeCall = await measureRangeCall(core, bundle, mode);

    return complete({
      schemaVersion: 1,
      mode,
      date,
      machine: m,
      durationMs: Math.round(performance.now() - started),
      sizes,
      hotPath,
      stringPath,
      coldStart: { node, chromium },
      spreadsheet,
      rangeCall,
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Sizes and cold starts only, with their goals: what a change that grows the bundle must show. */
export async function runStartupBench() {
  const started = performance.now();
  const date = new Date().toISOString();
  const work = mkdtempSync(path.join(os.tmpdir(), "critmin-bench-"));
  try {
    log(`startup run; building the SDK's ESM bundle and the add-in into ${work}`);
    const artifacts = await buildArtifacts(work);
    const core = await importSdk(artifacts);
    const m = machine();
    log("4 sizes");
    const sizes = await measureSizes(artifacts);
    log("3 cold start: Node");
    const node = measureNodeColdStart(artifacts, "full");
    log("3 cold start: Chromium");
    const chromium = await measureChromiumColdStart(artifacts, core, "full");
    m.chromium = chromium.version;
    const coldStart = { node, chromium };
    return {
      schemaVersion: 1,
      mode: "startup",
      date,
      machine: m,
      durationMs: Math.round(performance.now() - started),
      goals: startupGoals({ sizes, coldStart }),
      sizes,
      coldStart,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** JSON with arrays of numbers kept on one line, so results.json stays readable. */
export function resultsJson(results: object): string {
  return `${JSON.stringify(results, null, 2).replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_, list: string) => `[${list.split(/,\s+/).join(", ")}]`)}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      startup: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  if (values.startup) {
    const out = path.resolve(values.out ?? path.join(repoRoot, "test/bench/results.startup.json"));
    const results = await runStartupBench();
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, resultsJson(results));
    const lines = results.goals.map((g) => `${g.met ? "met   " : "MISSED"}  ${g.goal}: ${g.measured} ${g.unit}`);
    process.stdout.write(`${lines.join("\n")}\nwrote ${path.relative(process.cwd(), out)}\n`);
    return;
  }
  const mode: Mode = values.quick ? "quick" : "full";
  const out = path.resolve(
    values.out ??
      (mode === "full"
        ? path.join(repoRoot, "test/bench/results.json")
        : path.join(repoRoot, ".tmp/bench/results.quick.json")),
  );
  const results = await runBench(mode);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, resultsJson(results));
  process.stdout.write(`${renderTable(results)}\nwrote ${path.relative(process.cwd(), out)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
      process.exit(1);
    },
  );
}
