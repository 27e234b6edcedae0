// Writes what an organisation hosts for the add-in's data refresh: manifest.json, its signature
// manifest.json.sig and the dataset file it names, for the dataset bundled in this package.
//   pnpm --filter @critmin/core data:publish --out <dir> --key <private.pem>
// The signature is ECDSA P-256 / SHA-256 over manifest.json's exact bytes, IEEE P1363 (r || s, 64
// bytes), base64: what WebCrypto verifies (core's verifySignature). Host the files together (the
// manifest names the file relative to itself) and give the task pane the manifest's URL. The file
// is checked completely before use; see docs/guide/refresh.md. Keys: scripts/keygen.ts.
import { createHash, createPrivateKey, sign, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundledDataset, type Dataset } from "../src/data/dataset.ts";
import { MANIFEST_FORMAT, toDatasetFile, type DatasetManifest } from "../src/refresh/index.ts";

export interface Published {
  readonly manifest: DatasetManifest;
  /** The dataset file's bytes, exactly as the manifest's size and checksum describe them. */
  readonly file: Buffer;
  /** manifest.json's signature (base64), when published with a key. */
  readonly signature?: string;
}

/** manifest.json's bytes, as written and as signed. */
export function manifestBytes(manifest: object): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The signature of `bytes` (manifest.json exactly as hosted) with an ECDSA P-256 private key (PEM,
 * or a KeyObject): SHA-256, IEEE P1363 encoding (r || s, 64 bytes), base64.
 */
export function signManifest(bytes: Uint8Array, privateKey: string | KeyObject): string {
  const key = typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey;
  if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1")
    throw new Error("the signing key must be an ECDSA P-256 private key (see pnpm data:keygen)");
  return sign("sha256", bytes, { key, dsaEncoding: "ieee-p1363" }).toString("base64");
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

/** The dataset file and its manifest, in memory; signed when given the private key. */
export function publishDataset(data: Dataset = bundledDataset(), privateKey?: string | KeyObject): Published {
  const file = Buffer.from(`${JSON.stringify(toDatasetFile(data))}\n`);
  const manifest = manifestFor(data.version, file);
  return privateKey === undefined
    ? { manifest, file }
    : { manifest, file, signature: signManifest(manifestBytes(manifest), privateKey) };
}

/** Writes manifest.json, its signature and the dataset file into `dir` (each through a temporary name). */
export function writePublished(dir: string, published: Published = publishDataset()): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, Buffer][] = [
    [published.manifest.file, published.file],
    ...(published.signature === undefined
      ? []
      : [["manifest.json.sig", Buffer.from(`${published.signature}\n`)] as [string, Buffer]]),
    // The manifest last: a server that picks it up mid-write never names a file that is not there yet.
    ["manifest.json", manifestBytes(published.manifest)],
  ];
  return files.map(([name, bytes]) => {
    const target = path.join(dir, name);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, target);
    return target;
  });
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return value ? path.resolve(process.env.INIT_CWD ?? process.cwd(), value) : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const argv = process.argv.slice(2);
    const out = option(argv, "out");
    if (!out) throw new Error("usage: pnpm data:publish --out <dir> [--key <private.pem>]");
    const key = option(argv, "key");
    const published = publishDataset(bundledDataset(), key === undefined ? undefined : readFileSync(key, "utf8"));
    const written = writePublished(out, published);
    console.log(
      `dataset ${published.manifest.version}: ${published.manifest.bytes} bytes, sha256 ${published.manifest.sha256}`,
    );
    if (published.signature === undefined)
      console.warn(
        "warning: not signed (no --key): add-ins built with CRITMIN_DATA_PUBLIC_KEYS refuse an unsigned manifest",
      );
    for (const file of written) console.log(`wrote ${file}`);
  } catch (error) {
    console.error(`data:publish failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
