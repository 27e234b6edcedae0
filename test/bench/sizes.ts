// 4. Sizes: the SDK's ESM bundle and the add-in's functions bundle (which carries the data), raw and
// gzip (level 9, as @size-limit/file measures), with what the add-in bundle is made of, and the
// size-limit budgets of .size-limit.json checked against these builds. Goal: add-in ≤ 250 KB gzip.
import { execFileSync } from "node:child_process";
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createGzip } from "node:zlib";
import { build } from "esbuild";
import { BUNDLE_OPTIONS } from "../../packages/excel-addin/scripts/bundleOptions.ts";
import type { Artifacts } from "./builds.ts";
import { addinDir, repoRoot } from "./lib.ts";

export interface SizeLimitCheck {
  readonly name: string;
  readonly path: string;
  readonly sizeBytes: number;
  readonly limit: string;
  readonly passed: boolean;
}

export interface Sizes {
  readonly sdkEsmBytes: number;
  readonly sdkEsmGzipBytes: number;
  readonly addinFunctionsBytes: number;
  readonly addinFunctionsGzipBytes: number;
  /** Minified bytes of the add-in bundle by origin (esbuild metafile, same options as the add-in build). */
  readonly addinFunctionsBreakdown: Readonly<Record<string, number>>;
  readonly sizeLimit: readonly SizeLimitCheck[];
}

/** Gzip level 9 over a read stream: the bytes @size-limit/file counts, to the byte. */
function gzipBytes(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const gzip = createReadStream(file)
      .on("error", reject)
      .pipe(createGzip({ level: 9 }));
    gzip.on("data", (chunk: Buffer) => (size += chunk.length));
    gzip.on("error", reject);
    gzip.on("end", () => resolve(size));
  });
}

function origin(input: string): string {
  if (/node_modules\/(\.pnpm\/)?zod/.test(input)) return "zod";
  if (input.includes("/src/data/gen/")) return `data: ${path.basename(input, ".gen.ts")}`;
  if (input.includes("packages/core/")) return "core code";
  if (input.includes("packages/excel-addin/")) return "add-in code";
  return "other";
}

/**
 * What the add-in bundle is made of. Rebuilds the functions entry with the add-in build's esbuild
 * options (packages/excel-addin/scripts/bundleOptions.ts) plus a metafile, in memory.
 */
export async function addinBreakdown(): Promise<Record<string, number>> {
  const result = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: [path.join(addinDir, "src/generated/entry.ts")],
    write: false,
    metafile: true,
    outfile: "functions.js",
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const groups: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
    groups[origin(input)] = (groups[origin(input)] ?? 0) + bytesInOutput;
  groups["total (this rebuild)"] = result.outputFiles[0]!.contents.length;
  return Object.fromEntries(Object.entries(groups).sort(([, a], [, b]) => b - a));
}

interface SizeLimitJson {
  readonly name: string;
  readonly passed?: boolean;
  readonly size: number;
}

/**
 * Runs size-limit (the CLI, with the repository's .size-limit.json) on the fresh builds, laid out
 * at their repository paths under `artifacts.sizeRoot`, so the committed budgets are what is checked.
 */
export function runSizeLimit(artifacts: Artifacts): SizeLimitCheck[] {
  const config = JSON.parse(readFileSync(path.join(repoRoot, ".size-limit.json"), "utf8")) as {
    name: string;
    path: string;
    limit: string;
  }[];
  const configCopy = path.join(artifacts.sizeRoot, ".size-limit.json");
  writeFileSync(configCopy, JSON.stringify(config, null, 2));
  let stdout: string;
  try {
    stdout = execFileSync(
      process.execPath,
      [path.join(repoRoot, "node_modules/size-limit/bin.js"), "--json", "--config", configCopy],
      {
        cwd: repoRoot,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
  } catch (error) {
    // size-limit exits 1 when a budget is exceeded and still prints its JSON.
    stdout = (error as { stdout?: string }).stdout ?? "";
    if (!stdout.trim().startsWith("[")) throw error;
  }
  const results = JSON.parse(stdout) as SizeLimitJson[];
  return config.map((check) => {
    const r = results.find((x) => x.name === check.name);
    if (!r) throw new Error(`size-limit reported nothing for "${check.name}"`);
    return { name: check.name, path: check.path, sizeBytes: r.size, limit: check.limit, passed: r.passed === true };
  });
}

export async function measureSizes(artifacts: Artifacts): Promise<Sizes> {
  return {
    sdkEsmBytes: readFileSync(artifacts.sdkEsm).length,
    sdkEsmGzipBytes: await gzipBytes(artifacts.sdkEsm),
    addinFunctionsBytes: readFileSync(artifacts.addinFunctions).length,
    addinFunctionsGzipBytes: await gzipBytes(artifacts.addinFunctions),
    addinFunctionsBreakdown: await addinBreakdown(),
    sizeLimit: runSizeLimit(artifacts),
  };
}
