// pnpm data:build  — rebuild the dataset from the source files and write it atomically.
// pnpm data:check  — rebuild in memory and fail if anything differs from what is committed.
// Options: --data <dir> (default $CRITMIN_DATA, else the vendored packages/core/sources), --out <dir> (default packages/core).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readSources } from "../pipeline/build.ts";
import { coverageSummary, EXPORT_DIR, GEN_DIR, renderFiles, type Files } from "../pipeline/emit.ts";
import { SourceError } from "../pipeline/problems.ts";
import { SOURCE_DIR } from "../pipeline/sourceDir.ts";

const coreDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    out: { type: "string" },
    check: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
});
const dataDir = path.resolve(values.data ?? SOURCE_DIR);
const outDir = path.resolve(values.out ?? coreDir);
const progress = (message: string) => {
  if (!values.quiet) process.stderr.write(`${message}\n`);
};

/**
 * Writes each generated directory beside its target, then swaps them all in: the old ones are moved
 * aside first and restored if any step fails, so the output is either all old or all new.
 */
function writeAtomically(root: string, files: Files): void {
  const dirs = [GEN_DIR, EXPORT_DIR];
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = (dir: string) => path.join(root, `${dir}.staging-${stamp}`);
  const aside = (dir: string) => path.join(root, `${dir}.old-${stamp}`);
  const movedAside: string[] = [];
  const movedIn: string[] = [];
  try {
    for (const [file, content] of files) {
      const dir = dirs.find((d) => file.startsWith(`${d}/`));
      if (!dir) throw new Error(`generated file outside the output directories: ${file}`);
      const target = path.join(staging(dir), file.slice(dir.length + 1));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    for (const dir of dirs) {
      if (!existsSync(path.join(root, dir))) continue;
      renameSync(path.join(root, dir), aside(dir));
      movedAside.push(dir);
    }
    for (const dir of dirs) {
      renameSync(staging(dir), path.join(root, dir));
      movedIn.push(dir);
    }
  } catch (error) {
    for (const dir of movedIn) rmSync(path.join(root, dir), { recursive: true, force: true });
    for (const dir of movedAside) renameSync(aside(dir), path.join(root, dir));
    throw error;
  } finally {
    for (const dir of dirs) rmSync(staging(dir), { recursive: true, force: true });
  }
  for (const dir of movedAside) rmSync(aside(dir), { recursive: true, force: true });
}

function differences(root: string, files: Files): string[] {
  const out: string[] = [];
  for (const [file, content] of files) {
    const target = path.join(root, file);
    if (!existsSync(target)) out.push(`${file}: missing (run pnpm data:build)`);
    else if (readFileSync(target, "utf8") !== content) out.push(`${file}: differs from a rebuild of ${dataDir}`);
  }
  for (const dir of [GEN_DIR, EXPORT_DIR]) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full, { recursive: true, withFileTypes: true })) {
      if (!name.isFile()) continue;
      const file = path.relative(root, path.join(name.parentPath, name.name)).split(path.sep).join("/");
      if (!files.has(file)) out.push(`${file}: not produced by the build (remove it or run pnpm data:build)`);
    }
  }
  return out;
}

async function main(): Promise<number> {
  progress(`critmin data: reading sources from ${dataDir}`);
  const dataset = await readSources(dataDir, progress);
  const files = renderFiles(dataset);
  if (values.check) {
    const diffs = differences(outDir, files);
    if (diffs.length > 0) {
      process.stderr.write(
        `data:check failed: the committed dataset is not what the sources build\n  ${diffs.join("\n  ")}\n`,
      );
      return 1;
    }
    progress(`data:check ok: ${files.size} files match a rebuild from ${dataDir}`);
    return 0;
  }
  writeAtomically(outDir, files);
  process.stdout.write(`${coverageSummary(dataset)}\n`);
  progress(`wrote ${files.size} files under ${outDir}/{${GEN_DIR},${EXPORT_DIR}}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SourceError) {
      process.stderr.write(`data build failed, nothing was written.\n${error.message}\n`);
    } else {
      process.stderr.write(`data build failed, nothing was written.\n${(error as Error).stack ?? String(error)}\n`);
    }
    process.exit(1);
  },
);
