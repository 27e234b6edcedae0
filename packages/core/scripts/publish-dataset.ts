// Writes what an organisation hosts for the add-in's data refresh: manifest.json and the dataset
// file it names, for the dataset bundled in this package.
//   pnpm --filter @critmin/core data:publish --out <dir>
// Host both files together (the manifest names the file relative to itself) and give the task pane
// the manifest's URL. The file is checked completely before use; see docs/guide/refresh.md.
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundledDataset, type Dataset } from "../src/data/dataset.ts";
import { MANIFEST_FORMAT, toDatasetFile, type DatasetManifest } from "../src/refresh/index.ts";

export interface Published {
  readonly manifest: DatasetManifest;
  /** The dataset file's bytes, exactly as the manifest's size and checksum describe them. */
  readonly file: Buffer;
}

/** `dataset-<version>.json`: one name per release, so a cache never serves an old file as a new one. */
export function datasetFileName(version: string): string {
  return `dataset-${version}.json`;
}

/** A manifest describing `file` (any bytes: tests use it to describe broken files faithfully). */
export function manifestFor(version: string, file: Buffer | string, name = datasetFileName(version)): DatasetManifest {
  const bytes = typeof file === "string" ? Buffer.from(file) : file;
  return {
    format: MANIFEST_FORMAT,
    version,
    file: name,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** The dataset file and its manifest, in memory. */
export function publishDataset(data: Dataset = bundledDataset()): Published {
  const file = Buffer.from(`${JSON.stringify(toDatasetFile(data))}\n`);
  return { manifest: manifestFor(data.version, file), file };
}

/** Writes manifest.json and the dataset file into `dir` (each through a temporary name). */
export function writePublished(dir: string, published: Published = publishDataset()): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, Buffer][] = [
    [published.manifest.file, published.file],
    // The manifest last: a server that picks it up mid-write never names a file that is not there yet.
    ["manifest.json", Buffer.from(`${JSON.stringify(published.manifest, null, 2)}\n`)],
  ];
  return files.map(([name, bytes]) => {
    const target = path.join(dir, name);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, target);
    return target;
  });
}

function outDir(argv: readonly string[]): string {
  const i = argv.indexOf("--out");
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--out="))?.slice("--out=".length);
  if (!value) throw new Error("usage: pnpm data:publish --out <dir>");
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const published = publishDataset();
    const written = writePublished(outDir(process.argv.slice(2)), published);
    console.log(
      `dataset ${published.manifest.version}: ${published.manifest.bytes} bytes, sha256 ${published.manifest.sha256}`,
    );
    for (const file of written) console.log(`wrote ${file}`);
  } catch (error) {
    console.error(`data:publish failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
