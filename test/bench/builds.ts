// The artifacts under test, built fresh into a work folder so the benchmark never writes
// packages/core/dist (the packaging test builds and packs it, and may be running at the same time):
//   consumer/  a folder where `import "@critmin/core"` resolves to the SDK's ESM bundle, as npm
//              installs it (package.json + dist/index.js, zod linked from the workspace)
//   addin/     a copy of packages/excel-addin/dist/prod (functions.js, functions.json, …)
//   size/      the two bundles at their repository paths, for size-limit with the root config
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as CoreModule from "../../packages/core/src/index.ts";
import { addinDir, coreDir } from "./lib.ts";

export type Core = typeof CoreModule;

export interface Artifacts {
  readonly work: string;
  readonly consumerDir: string;
  /** The SDK's ESM bundle inside consumer/node_modules. */
  readonly sdkEsm: string;
  /** The copy of dist/prod. */
  readonly addinDir: string;
  readonly addinFunctions: string;
  /** Root of the mirror that size-limit measures with the repository's .size-limit.json. */
  readonly sizeRoot: string;
}

/** Where the SDK's ESM bundle lives in a checkout after `pnpm build`, relative to the repository root. */
export const SDK_ESM_PATH = "packages/core/dist/index.js";
export const ADDIN_FUNCTIONS_PATH = "packages/excel-addin/dist/prod/functions.js";

/** Builds the SDK's ESM output exactly as tsup.config.ts does (same config file), minus the .d.ts. */
function buildSdkEsm(outDir: string): void {
  const tsup = path.join(coreDir, "node_modules/.bin/tsup");
  execFileSync(tsup, ["--format", "esm", "--no-dts", "--out-dir", outDir, "--silent"], { cwd: coreDir, stdio: "pipe" });
}

function copyWithRetry(from: string, to: string): void {
  // A concurrent buildAddin (the browser test, a dev server) swaps dist/<env> by renames: retry.
  for (let attempt = 0; ; attempt++) {
    try {
      cpSync(from, to, { recursive: true });
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      execFileSync("sleep", ["0.1"]);
    }
  }
}

export async function buildArtifacts(work: string): Promise<Artifacts> {
  const consumerDir = path.join(work, "consumer");
  const pkgDir = path.join(consumerDir, "node_modules/@critmin/core");
  mkdirSync(pkgDir, { recursive: true });
  writeFileSync(
    path.join(consumerDir, "package.json"),
    JSON.stringify({ name: "critmin-bench-consumer", private: true, type: "module" }),
  );
  writeFileSync(path.join(pkgDir, "package.json"), readFileSync(path.join(coreDir, "package.json")));
  buildSdkEsm(path.join(pkgDir, "dist"));
  const zodDir = path.dirname(createRequire(path.join(coreDir, "package.json")).resolve("zod/package.json"));
  const zodLink = path.join(consumerDir, "node_modules/zod");
  if (!existsSync(zodLink)) symlinkSync(zodDir, zodLink, "dir");

  const { buildAddin } = await import("../../packages/excel-addin/scripts/build.ts");
  await buildAddin();
  const addinCopy = path.join(work, "addin");
  copyWithRetry(path.join(addinDir, "dist/prod"), addinCopy);

  const sizeRoot = path.join(work, "size");
  for (const [from, rel] of [
    [path.join(pkgDir, "dist/index.js"), SDK_ESM_PATH],
    [path.join(addinCopy, "functions.js"), ADDIN_FUNCTIONS_PATH],
  ] as const) {
    mkdirSync(path.dirname(path.join(sizeRoot, rel)), { recursive: true });
    cpSync(from, path.join(sizeRoot, rel));
  }
  return {
    work,
    consumerDir,
    sdkEsm: path.join(pkgDir, "dist/index.js"),
    addinDir: addinCopy,
    addinFunctions: path.join(addinCopy, "functions.js"),
    sizeRoot,
  };
}

/** The SDK as a consumer imports it (the built bundle, loaded by Node itself). */
export async function importSdk(artifacts: Artifacts): Promise<Core> {
  return (await import(pathToFileURL(artifacts.sdkEsm).href)) as Core;
}
