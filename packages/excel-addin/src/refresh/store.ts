// Keeping an accepted dataset for the next time the pane opens. The store holds the dataset file's
// text as it was downloaded; at start it is checked again exactly like a download (schema, released
// editions against the bundled data), so a stored file is never trusted because it was once good: an
// add-in update whose bundled data has moved on, or a damaged store, simply falls back to the bundle.
import { bundledDataset, dataset, useDataset, type Dataset } from "@critmin/core";
import { parseDataset } from "@critmin/core/schema";

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

export type Restored =
  | { readonly status: "none" }
  | { readonly status: "restored"; readonly version: string; readonly added: readonly string[] }
  | { readonly status: "rejected"; readonly message: string };

/**
 * Installs the kept dataset, if there is one and it still passes every check against `base` (the
 * bundled data by default). A kept file that fails is removed, so it is reported once.
 */
export async function restoreDataset(store: DatasetStore, base: Dataset = bundledDataset()): Promise<Restored> {
  let text: string | undefined;
  try {
    text = await store.load();
  } catch {
    return { status: "none" };
  }
  if (text === undefined) return { status: "none" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    await store.clear().catch(() => undefined);
    return { status: "rejected", message: "the kept dataset is not valid JSON any more" };
  }
  const parsed = parseDataset(json, base);
  if (!parsed.ok) {
    await store.clear().catch(() => undefined);
    return { status: "rejected", message: parsed.message };
  }
  if (parsed.dataset.version === base.version) return { status: "none" };
  // Only over the data this check was made against.
  if (dataset() !== base) return { status: "rejected", message: "another dataset was installed meanwhile" };
  useDataset(parsed.dataset);
  return { status: "restored", version: parsed.dataset.version, added: parsed.added };
}
