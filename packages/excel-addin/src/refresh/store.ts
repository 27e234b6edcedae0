// Keeping an accepted dataset for the next time the pane opens. The store holds the dataset file's
// text as it was downloaded, with the signed manifest that vouched for it; at start both are checked
// again exactly like a download (signature by a key this build accepts, the file's checksum against
// the manifest, schema, released editions against the bundled data), so a stored file is never
// trusted because it was once good: an add-in update whose bundled data or keys have moved on, or a
// damaged or edited store, simply falls back to the bundle.
import { bundledDataset, dataset, useDataset, type Dataset } from "@critmin/core";
import { parseDataset, parseManifest, verifySignature } from "@critmin/core/schema";
import { DATA_PUBLIC_KEYS } from "./publicKeys.ts";
import { sha256Hex, type SignedManifest } from "./refreshDataset.ts";

/** Where the accepted dataset file is kept. */
export interface DatasetStore {
  load(): Promise<string | undefined>;
  save(text: string): Promise<void>;
  clear(): Promise<void>;
}

/** A store in memory (tests, and browsers without IndexedDB). */
export function memoryStore(initial?: string): DatasetStore {
  let text = initial;
  return {
    load: () => Promise.resolve(text),
    save: (next) => Promise.resolve(void (text = next)),
    clear: () => Promise.resolve(void (text = undefined)),
  };
}

const DB = "critmin";
const STORE = "datasets";
const KEY = "refreshed";

/** IndexedDB in the pane's origin; undefined where the browser has none (or blocks it). */
export function indexedDbStore(): DatasetStore | undefined {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) return undefined;
  let opened: Promise<IDBDatabase> | undefined;
  const open = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
    }));
  const inStore = async <T>(
    mode: IDBTransactionMode,
    operation: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const req = operation((await open()).transaction(STORE, mode).objectStore(STORE));
    return new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
    });
  };
  return {
    load: async () => {
      const value: unknown = await inStore("readonly", (s) => s.get(KEY));
      return typeof value === "string" ? value : undefined;
    },
    save: async (text) => void (await inStore("readwrite", (s) => s.put(text, KEY))),
    clear: async () => void (await inStore("readwrite", (s) => s.delete(KEY))),
  };
}

const KEPT_FORMAT = "critmin-kept-dataset/1";

/** What is kept: the dataset file's text and the signed manifest it was accepted under. */
export interface KeptDataset extends SignedManifest {
  readonly dataset: string;
}

/** The text a store keeps for a dataset accepted under a signed manifest. */
export function keptRecord(kept: KeptDataset): string {
  return JSON.stringify({ format: KEPT_FORMAT, ...kept });
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The kept dataset's text once its signature and checksum hold again, or why not. */
async function verifiedText(
  kept: string,
  keys: readonly string[],
): Promise<{ ok: true; text: string; version: string } | { ok: false; message: string }> {
  let record: Partial<KeptDataset> & { format?: unknown };
  try {
    record = JSON.parse(kept) as typeof record;
  } catch {
    return { ok: false, message: "the kept dataset is not valid JSON any more" };
  }
  if (
    record?.format !== KEPT_FORMAT ||
    typeof record.manifest !== "string" ||
    typeof record.signature !== "string" ||
    typeof record.dataset !== "string"
  )
    return {
      ok: false,
      message: "the kept dataset has no signed manifest (kept before signed refresh): refresh again",
    };
  let manifestBytes: Uint8Array<ArrayBuffer>;
  try {
    manifestBytes = fromBase64(record.manifest);
  } catch {
    return { ok: false, message: "the kept dataset's manifest is damaged" };
  }
  const verified = await verifySignature(manifestBytes, record.signature, keys);
  if (!verified.ok) return { ok: false, message: `the kept dataset's manifest: ${verified.message}` };
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(new TextDecoder().decode(manifestBytes));
  } catch {
    return { ok: false, message: "the kept dataset's manifest is not valid JSON" };
  }
  const manifest = parseManifest(manifestJson);
  if (!manifest.ok) return { ok: false, message: `the kept dataset's manifest: ${manifest.message}` };
  const sum = await sha256Hex(new TextEncoder().encode(record.dataset));
  if (sum !== manifest.manifest.sha256)
    return {
      ok: false,
      message: "the kept dataset file is not the one its signed manifest describes (checksum differs)",
    };
  return { ok: true, text: record.dataset, version: manifest.manifest.version };
}

export type Restored =
  | { readonly status: "none" }
  | { readonly status: "restored"; readonly version: string; readonly added: readonly string[] }
  | { readonly status: "rejected"; readonly message: string };

/**
 * Installs the kept dataset, if there is one and it still passes every check: its manifest's
 * signature by one of `keys` (the build's), the file's checksum against that manifest, and the
 * dataset checks against `base` (the bundled data by default). A kept file that fails is removed, so
 * it is reported once; in a build without keys it is not used, and kept for a build that has them.
 */
export async function restoreDataset(
  store: DatasetStore,
  base: Dataset = bundledDataset(),
  keys: readonly string[] = DATA_PUBLIC_KEYS,
): Promise<Restored> {
  let kept: string | undefined;
  try {
    kept = await store.load();
  } catch {
    return { status: "none" };
  }
  if (kept === undefined) return { status: "none" };
  if (keys.length === 0)
    return {
      status: "rejected",
      message: "refresh is not set up in this build (no CRITMIN_DATA_PUBLIC_KEYS): the kept dataset is not used",
    };
  const drop = async (message: string): Promise<Restored> => {
    await store.clear().catch(() => undefined);
    return { status: "rejected", message };
  };
  const verified = await verifiedText(kept, keys);
  if (!verified.ok) return drop(verified.message);
  const parsed = parseDataset(JSON.parse(verified.text) as unknown, base);
  if (!parsed.ok) return drop(parsed.message);
  if (parsed.dataset.version !== verified.version)
    return drop(`the kept dataset is version ${parsed.dataset.version}, its signed manifest says ${verified.version}`);
  if (parsed.dataset.version === base.version) return { status: "none" };
  // Only over the data this check was made against.
  if (dataset() !== base) return { status: "rejected", message: "another dataset was installed meanwhile" };
  useDataset(parsed.dataset);
  return { status: "restored", version: parsed.dataset.version, added: parsed.added };
}
