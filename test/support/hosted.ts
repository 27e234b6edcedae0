// The bundled dataset as an organisation would host it (JSON, as `pnpm data:publish` writes it), and
// the changes the refresh tests make to it, with the version its content gives (sealed) and a key to
// sign manifests with, as data:publish --key does.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { manifestBytes, manifestFor, signManifest } from "../../packages/core/scripts/publish-dataset.ts";
import { keptRecord } from "../../packages/excel-addin/src/refresh/store.ts";
import { bundledDataset, type Dataset } from "../../packages/core/src/data/dataset.ts";
import { contentVersion, toDatasetFile } from "../../packages/core/src/refresh/index.ts";

export type HostedRow = Record<string, unknown> & { edition: string; mineral: string };

export interface HostedFile {
  format: string;
  version: string;
  editions: Record<string, unknown>[];
  supply: HostedRow[];
  demand: HostedRow[];
  indicators: HostedRow[];
  lists: Record<string, unknown>[];
  controls: Record<string, unknown>[];
  governance: Record<string, unknown>[];
  minerals: Record<string, unknown>[];
  countries: Record<string, unknown>[];
}

/** The edition a newer release would add (dated 2026-06: newer than the bundled editions, not in the future). */
export const NEW_EDITION = "test-edition-2099";

/** `file` with the version its content gives, as data:publish would write it. */
export function sealed<T extends HostedFile>(file: T): T {
  return { ...file, version: contentVersion(file as unknown as Dataset) };
}

/** The bundled dataset as hosted JSON (a fresh, mutable copy). */
export function bundledFile(): HostedFile {
  return JSON.parse(JSON.stringify(toDatasetFile(bundledDataset()))) as HostedFile;
}

/** An ECDSA P-256 key pair made for one test run: the private key, and the public key as SPKI base64. */
export function signingKey(): { privateKey: KeyObject; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { privateKey, publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64") };
}

/** Index of the IEA 2024 cobalt refining row for China in 2023 (the doc example's row). */
export function cobaltRowIndex(file: HostedFile): number {
  return file.supply.findIndex(
    (r) =>
      r.edition === "iea-cmde-2024" &&
      r.mineral === "cobalt" &&
      r.stage === "refining" &&
      r.country === "CHN" &&
      r.year === 2023 &&
      r.measure === "production" &&
      r.kind === "observed",
  );
}

/** The file's supply rows with row `i` patched. */
export function patchedSupply(file: HostedFile, i: number, patch: Record<string, unknown>): HostedRow[] {
  return file.supply.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

/** The file plus a copy of iea-cmde-2024 as {@link NEW_EDITION}, dated 2026-06: what a newer release would add. */
export function withNewEdition(file: HostedFile): HostedFile {
  const edition = {
    ...file.editions.find((e) => e.id === "iea-cmde-2024")!,
    id: NEW_EDITION,
    date: "2026-06",
    title: "Test edition 2099",
  };
  const copy = (rows: HostedRow[]) =>
    rows.filter((r) => r.edition === "iea-cmde-2024").map((r) => ({ ...r, edition: NEW_EDITION }));
  // data:publish records each mineral's coverage from its rows; the copied rows are covered too.
  const minerals = file.minerals.map((m) => {
    const coverage = (m.coverage ?? []) as { edition: string }[];
    const added = coverage.filter((c) => c.edition === "iea-cmde-2024").map((c) => ({ ...c, edition: NEW_EDITION }));
    return { ...m, coverage: [...coverage, ...added] };
  });
  return sealed({
    ...file,
    editions: [...file.editions, edition],
    minerals,
    supply: [...file.supply, ...copy(file.supply)],
    demand: [...file.demand, ...copy(file.demand)],
    indicators: [...file.indicators, ...copy(file.indicators)],
  });
}

/** The version of the bundled data plus {@link NEW_EDITION}. */
export const NEW_VERSION = withNewEdition(bundledFile()).version;

/**
 * What the pane keeps after accepting `text` (a dataset file) under a manifest signed with
 * `privateKey`, as applyRefresh writes it; `edit` changes the dataset text after signing (a tampered store).
 */
export function keptText(text: string, privateKey: KeyObject, edit: (text: string) => string = (t) => t): string {
  const version = (JSON.parse(text) as { version: string }).version;
  const manifest = manifestBytes(manifestFor(version, text));
  return keptRecord({
    manifest: manifest.toString("base64"),
    signature: signManifest(manifest, privateKey),
    dataset: edit(text),
  });
}
