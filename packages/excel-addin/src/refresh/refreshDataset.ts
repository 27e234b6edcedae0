// The task pane's data refresh: fetch an organisation's manifest, its signature and the dataset file
// it names, check everything (signature by a key the build accepts, size, checksum, JSON, schema,
// the pipeline's invariants, released editions unchanged) and only then switch
// every function over to the new dataset in one assignment. Any failure returns a reason and leaves
// the dataset in use exactly as it was.
import { dataset, useDataset, type Dataset } from "@critmin/core";
import { parseDataset, parseManifest, verifySignature, type DatasetManifest } from "@critmin/core/schema";
import { connectRefusal, pagePolicy } from "./csp.ts";
import { download } from "./download.ts";
import { bytesText, RefreshFailure, type RefreshFailureCode } from "./failure.ts";
import { DATA_PUBLIC_KEYS } from "./publicKeys.ts";

/** 32 MiB: the bundled dataset's file is about 5 MB; room for years of new editions. */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 60_000;
/** A manifest is a few hundred bytes. */
const MANIFEST_MAX_BYTES = 64 * 1024;
/** Its signature: 88 characters of base64. */
const SIGNATURE_MAX_BYTES = 1024;

/** Why the card does nothing in a build without keys (exported for the pane and the docs' table). */
export const NOT_SET_UP =
  "data refresh is not set up in this add-in: it was built without CRITMIN_DATA_PUBLIC_KEYS, the keys a dataset must be signed with";

export interface RefreshProgress {
  readonly stage: "manifest" | "download" | "check";
  readonly received: number;
  /** Bytes expected, when known. */
  readonly total: number | undefined;
}

export interface RefreshOptions {
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Cancels the refresh; nothing is installed after it fires. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RefreshProgress) => void;
  /** Largest dataset file accepted, in bytes ({@link DEFAULT_MAX_BYTES}). */
  readonly maxBytes?: number;
  /** The whole refresh, manifest and file, must finish within this ({@link DEFAULT_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
  /** The dataset the file must keep the editions of; the one in use by default. */
  readonly current?: Dataset;
  /** Switch to the checked dataset (default); false only checks. */
  readonly install?: boolean;
  /**
   * The content security policy the fetches run under and the page's URL, to say when it refused one;
   * by default the page's own (taskpane.html's meta tag).
   */
  readonly policy?: { readonly policy: string; readonly page: URL };
  /** Public keys (SPKI DER, base64) the manifest's signature must verify with; the build's by default. */
  readonly publicKeys?: readonly string[];
}

export type RefreshResult =
  | {
      readonly ok: true;
      /** `installed` (or `checked` with install: false), or `up-to-date` when the manifest names the version in use. */
      readonly status: "installed" | "checked" | "up-to-date";
      readonly version: string;
      readonly previousVersion: string;
      /** Edition ids the new dataset adds. */
      readonly added: readonly string[];
      /** The checked dataset (the current one when up to date). */
      readonly dataset: Dataset;
      /** The dataset file's text, for keeping it (see store.ts); empty when up to date. */
      readonly text: string;
      /** The signed manifest that vouched for it, kept beside it so the next start can check it again. */
      readonly proof: SignedManifest;
    }
  | { readonly ok: false; readonly code: RefreshFailureCode; readonly message: string };

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** https, or http on this machine (tests and development). */
function checkedUrl(text: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim(), base);
  } catch {
    throw new RefreshFailure("invalid-url", `"${text}" is not a URL`);
  }
  if (url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname))) return url;
  throw new RefreshFailure(
    "insecure-url",
    `${url.href} is not an https URL: data is fetched over https only (http only from 127.0.0.1 or localhost, for testing)`,
  );
}

/** JSON.parse with a message that says where the text stops making sense. */
function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(reason);
    const position = at ? Number(at[1]) : text.length;
    const short = reason.replace(/\s*in JSON at position \d+.*$/s, "").replace(/^JSON\.parse: /, "");
    const where =
      position >= text.length ? `its end (character ${text.length})` : `character ${position} of ${text.length}`;
    throw new RefreshFailure("invalid-json", `${what} is truncated or invalid JSON at ${where}: ${short}`);
  }
}

function decode(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new RefreshFailure("invalid-json", `${what} is not UTF-8 text`);
  }
}

/** Base64 of bytes (btoa works on byte strings). */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The manifest's bytes (base64) and its signature, as downloaded and verified: kept with the file (store.ts). */
export interface SignedManifest {
  readonly manifest: string;
  readonly signature: string;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle)
    throw new RefreshFailure(
      "unsupported",
      "this browser cannot compute a sha256 checksum (no crypto.subtle: the pane must be served over https)",
    );
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The manifest and the dataset file's bytes, checked against each other. */
async function fetchChecked(
  url: URL,
  options: RefreshOptions,
  signal: AbortSignal,
  aborted: () => RefreshFailure,
  current: Dataset,
): Promise<{ manifest: DatasetManifest; proof: SignedManifest; bytes?: Uint8Array<ArrayBuffer> }> {
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const policy = options.policy ?? pagePolicy();
  const refusal = policy ? (target: URL) => connectRefusal(target, policy.policy, policy.page) : undefined;
  const progress = options.onProgress;
  progress?.({ stage: "manifest", received: 0, total: undefined });
  const { bytes: manifestBytes, at: manifestUrl } = await download(url, {
    fetch: fetchFn,
    signal,
    limit: MANIFEST_MAX_BYTES,
    limitReason: "the manifest limit",
    aborted,
    refusal,
  });
  // Before anything in the manifest is believed: it names the file, its size and checksum.
  const signatureUrl = new URL(manifestUrl);
  signatureUrl.pathname += ".sig";
  const signature = await download(signatureUrl, {
    fetch: fetchFn,
    signal,
    limit: SIGNATURE_MAX_BYTES,
    limitReason: "the signature limit",
    aborted,
    refusal,
  }).catch((error: unknown) => {
    if (error instanceof RefreshFailure && error.code === "http-status" && / answered HTTP 404\b/.test(error.message))
      throw new RefreshFailure(
        "unsigned",
        `the manifest is not signed: ${signatureUrl.href} answered HTTP 404 (publish with data:publish --key)`,
      );
    throw error;
  });
  const signatureText = decode(signature.bytes, "the manifest's signature");
  const verified = await verifySignature(manifestBytes, signatureText, options.publicKeys ?? DATA_PUBLIC_KEYS);
  if (!verified.ok) throw new RefreshFailure("signature", verified.message);
  const proof: SignedManifest = { manifest: toBase64(manifestBytes), signature: signatureText };
  const parsed = parseManifest(parseJson(decode(manifestBytes, "the manifest"), "the manifest"));
  if (!parsed.ok) throw new RefreshFailure("invalid-manifest", `the manifest: ${parsed.message}`);
  const manifest = parsed.manifest;
  if (manifest.version === current.version) return { manifest, proof };

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (manifest.bytes > maxBytes)
    throw new RefreshFailure(
      "too-large",
      `the manifest announces a dataset file of ${bytesText(manifest.bytes)}, over the limit of ${bytesText(maxBytes)}: not downloaded`,
    );
  // Relative to where the manifest was found, and on the origin the person named.
  const fileUrl = new URL(manifest.file, manifestUrl);
  if (fileUrl.origin !== url.origin)
    throw new RefreshFailure(
      "redirect",
      `the manifest names a file on ${fileUrl.origin}, another origin than the manifest's: refused`,
    );
  progress?.({ stage: "download", received: 0, total: manifest.bytes });
  const { bytes } = await download(fileUrl, {
    fetch: fetchFn,
    signal,
    // Never more than the manifest announces: a longer file is the wrong file.
    limit: manifest.bytes,
    limitReason: manifest.bytes < maxBytes ? "the size the manifest announces" : "the limit",
    aborted,
    refusal,
    onBytes: (received) => progress?.({ stage: "download", received, total: manifest.bytes }),
  });
  if (bytes.byteLength !== manifest.bytes) {
    throw new RefreshFailure(
      "size-mismatch",
      `${fileUrl.href} sent ${bytesText(bytes.byteLength)}, the manifest announces ${bytesText(manifest.bytes)}: the file is truncated or not the one the manifest describes`,
    );
  }
  const sum = await sha256Hex(bytes);
  if (sum !== manifest.sha256)
    throw new RefreshFailure(
      "checksum",
      `the dataset file's sha256 is ${sum.slice(0, 12)}…, the manifest says ${manifest.sha256.slice(0, 12)}…: the file is damaged or not the one the manifest describes`,
    );
  return { manifest, proof, bytes };
}

/**
 * Fetches `url` (a `critmin-dataset-manifest/1` manifest) and the dataset file it names, checks both
 * completely and switches every CRITMIN function to the new dataset. Never throws: a failure is a
 * result with a code and a message, and the dataset in use stays as it was.
 */
export async function refreshDataset(url: string | URL, options: RefreshOptions = {}): Promise<RefreshResult> {
  const current = options.current ?? dataset();
  const controller = new AbortController();
  let why: RefreshFailure | undefined;
  const stop = (failure: RefreshFailure) => {
    why ??= failure;
    controller.abort(failure);
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const onCancel = () => stop(new RefreshFailure("cancelled", "cancelled"));
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener("abort", onCancel, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const aborted = () => why ?? new RefreshFailure("cancelled", "cancelled");
  try {
    // No keys, no refresh: nothing is fetched that could not be checked.
    if ((options.publicKeys ?? DATA_PUBLIC_KEYS).length === 0) throw new RefreshFailure("not-set-up", NOT_SET_UP);
    const target = checkedUrl(String(url), typeof location === "undefined" ? undefined : location.href);
    timer = setTimeout(
      () =>
        stop(
          new RefreshFailure(
            "timeout",
            `${target.origin} did not deliver the data within ${timeoutMs / 1000} s: timed out`,
          ),
        ),
      timeoutMs,
    );
    const { manifest, proof, bytes } = await fetchChecked(target, options, controller.signal, aborted, current);
    if (!bytes)
      return {
        ok: true,
        status: "up-to-date",
        version: current.version,
        previousVersion: current.version,
        added: [],
        dataset: current,
        text: "",
        proof,
      };
    if (controller.signal.aborted) throw aborted();
    options.onProgress?.({ stage: "check", received: bytes.byteLength, total: bytes.byteLength });
    const text = decode(bytes, "the dataset file");
    const parsed = parseDataset(parseJson(text, "the dataset file"), current);
    if (!parsed.ok) throw new RefreshFailure("invalid-dataset", `the dataset file: ${parsed.message}`);
    if (parsed.dataset.version !== manifest.version)
      throw new RefreshFailure(
        "invalid-dataset",
        `the dataset file is version ${parsed.dataset.version}, the manifest says ${manifest.version}`,
      );
    if (controller.signal.aborted) throw aborted();
    if (options.install === false)
      return {
        ok: true,
        status: "checked",
        version: parsed.dataset.version,
        previousVersion: current.version,
        added: parsed.added,
        dataset: parsed.dataset,
        text,
        proof,
      };
    // The checks were made against `current`: if something else switched the data meanwhile, they no longer hold.
    if (dataset() !== current)
      throw new RefreshFailure(
        "changed-meanwhile",
        "the data in use changed while this refresh ran (another refresh?): try again",
      );
    useDataset(parsed.dataset);
    return {
      ok: true,
      status: "installed",
      version: parsed.dataset.version,
      previousVersion: current.version,
      added: parsed.added,
      dataset: parsed.dataset,
      text,
      proof,
    };
  } catch (error) {
    const failure =
      error instanceof RefreshFailure
        ? error
        : controller.signal.aborted
          ? aborted()
          : new RefreshFailure("network", error instanceof Error ? error.message : String(error));
    return { ok: false, code: failure.code, message: failure.message };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCancel);
    if (!controller.signal.aborted) controller.abort();
  }
}
