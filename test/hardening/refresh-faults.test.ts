// The add-in's data refresh against hostile and broken hosting (issue #8, "Refresh and faults"): a
// node:http server on 127.0.0.1 serves, per folder, one fault: wrong schema, truncated JSON, a wrong
// checksum, a changed or removed released edition, a 50 MB payload (announced, with a lying
// Content-Length, and streamed without one), slow answers, server errors, redirects to another host
// (a second server on another port: another origin, which must receive nothing). Each is rejected
// with its message and the data in use stays: the same dataset() object, version and answers. A
// valid file with one new edition switches over atomically. The hosting and its fixtures (made with
// data:publish's own functions, every manifest signed) are in faultyHost.ts; nothing but 127.0.0.1 is
// contacted. Signatures and the pipeline's invariants have their own file, refresh-origin.test.ts.
import {
  bundledDataset,
  chinaShare,
  dataset,
  datasetVersion,
  editions,
  provenance,
  useDataset,
  type Dataset,
  type EditionId,
} from "../../packages/core/src/index.ts";
import { parseDataset } from "../../packages/core/src/schema/index.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NEW_EDITION, NEW_VERSION, cobaltRowIndex, withNewEdition, type HostedFile } from "../support/hosted.ts";
import { listenLoopback } from "../support/serve.ts";
import { MB50, startFaultyHost, type FaultyHost } from "./faultyHost.ts";
import {
  refreshDataset as refresh,
  type RefreshOptions,
  type RefreshResult,
} from "../../packages/excel-addin/src/refresh/refreshDataset.ts";

/** A byte count in MiB as the refresh's messages print it (failure.ts): "6.9". */
const mib = (bytes: number) => {
  const m = bytes / (1024 * 1024);
  return Number.isInteger(m) ? String(m) : m.toFixed(1);
};

let host: FaultyHost;
let origin: string;
let otherOrigin: string;
let hits: FaultyHost["hits"];
let otherHits: FaultyHost["otherHits"];
let streamed: FaultyHost["streamed"];
let published: FaultyHost["published"];
let base: HostedFile;
let publicKey: string;

/** A refresh that accepts the host's signing key. */
const refreshDataset = (url: string, options: RefreshOptions = {}) =>
  refresh(url, { publicKeys: [publicKey], ...options });

beforeAll(async () => {
  host = await startFaultyHost();
  ({ origin, otherOrigin, hits, otherHits, streamed, published, base, publicKey } = host);
}, 120_000);

afterAll(() => host?.close());

afterEach(() => useDataset());

/** What callers see of the data in use. */
function snapshot() {
  return {
    data: dataset(),
    version: datasetVersion(),
    cobalt: chinaShare("cobalt"),
    editions: editions().map((e) => e.id),
  };
}

/** Runs a refresh that must fail; checks that nothing changed and returns the failure. */
async function rejected(folder: string, options: RefreshOptions = {}): Promise<Extract<RefreshResult, { ok: false }>> {
  const before = snapshot();
  const result = await refreshDataset(`${origin}/${folder}/manifest.json`, options);
  if (result.ok) throw new Error(`${folder}: expected a failure, got ${result.status} ${result.version}`);
  const after = snapshot();
  expect(after.data).toBe(before.data);
  expect(after).toEqual(before);
  return result;
}

describe("a successful refresh", () => {
  it("adds a new edition and swaps atomically: the old dataset until the very end, then the new one", async () => {
    const before = dataset();
    expect(before).toBe(bundledDataset());
    const seen: { stage: string; old: boolean }[] = [];
    const result = await refreshDataset(`${origin}/new-edition/manifest.json`, {
      onProgress: (p) => seen.push({ stage: p.stage, old: dataset() === before }),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({
      status: "installed",
      version: NEW_VERSION,
      previousVersion: published.manifest.version,
      added: [NEW_EDITION],
    });
    expect(seen.map((s) => s.stage)).toEqual(expect.arrayContaining(["manifest", "download", "check"]));
    expect(seen.every((s) => s.old)).toBe(true);
    expect(dataset()).toBe(result.dataset);
    expect(datasetVersion()).toBe(NEW_VERSION);
    expect(editions().map((e) => e.id)).toEqual([
      "iea-cmde-2024",
      "iea-cmde-2025",
      "usgs-mcs-2025",
      "ec-crm-2023",
      "wb-wgi-2023",
      "us-cml-2022",
      "us-cml-2025",
      "eu-crma-2024",
      "cn-export-controls-2026-01",
      NEW_EDITION,
    ]);
    // Released editions answer as before: the new edition adds, it does not overwrite.
    useDataset();
    const old2024 = chinaShare("cobalt", { year: 2023, source: "iea-cmde-2024" });
    useDataset(result.dataset);
    expect(chinaShare("cobalt", { year: 2023, source: "iea-cmde-2024" })).toBe(old2024);
    expect(old2024).toBeCloseTo(171.7 / 223.8, 9);
    // The new edition answers (its id is not in the bundled EditionId type, hence the casts): pinned by its id, and by default as the newest edition (its copy of
    // the 2024 figures: IEA 2024 sheet "2 Total supply for key minerals", cobalt refining, China 171.7 of 223.8 kt).
    expect(chinaShare("cobalt", { source: NEW_EDITION as EditionId })).toBeCloseTo(171.7 / 223.8, 9);
    expect(provenance({ mineral: "cobalt" })).toMatchObject({ found: true, edition: NEW_EDITION, year: 2023 });
    expect(() => chinaShare("cobalt", { source: "test-edition-2098" as EditionId })).toThrow(
      /did you mean "test-edition-2099"/,
    );
    // Back to the bundled data: the new edition is unknown again, by name.
    useDataset();
    expect(() => chinaShare("cobalt", { source: NEW_EDITION as EditionId })).toThrow(/unknown source/);
    useDataset(result.dataset);
  });

  it("reports progress in bytes up to the file's size", async () => {
    const received: number[] = [];
    const result = await refreshDataset(`${origin}/new-edition/manifest.json`, {
      install: false,
      onProgress: (p) => p.stage === "download" && received.push(p.received),
    });
    expect(result.ok && result.added).toEqual([NEW_EDITION]);
    expect(received.at(-1)).toBe(Buffer.byteLength(JSON.stringify({ ...base, ...withNewEdition(base) })));
    expect(received.every((n, i) => i === 0 || n >= received[i - 1]!)).toBe(true);
  });

  it("follows a redirect within the same origin", async () => {
    const result = await refreshDataset(`${origin}/moved/manifest.json`, { install: false });
    expect(result.ok && result.status).toBe("checked");
    expect(dataset()).toBe(bundledDataset());
  });

  it("does not download the file when the manifest names the version in use", async () => {
    const result = await refreshDataset(`${origin}/current/manifest.json`);
    expect(result.ok && result.status).toBe("up-to-date");
    expect(hits.get(`/current/${published.manifest.file}`) ?? 0).toBe(0);
    expect(dataset()).toBe(bundledDataset());
  });
});

describe("faults: each is rejected with its reason and the data in use stays", () => {
  it("wrong schema: names the row and field", async () => {
    const cobalt = cobaltRowIndex(base);
    const failure = await rejected("schema");
    expect(failure).toEqual({
      ok: false,
      code: "invalid-dataset",
      message: `the dataset file: supply[${cobalt}].share: expected a number ≤ 1, got 1.5`,
    });
  });

  it("truncated JSON (the manifest describes the truncated file)", async () => {
    const failure = await rejected("truncated");
    expect(failure.code).toBe("invalid-json");
    expect(failure.message).toMatch(/^the dataset file is truncated or invalid JSON at (its end|character \d+ of \d+)/);
  });

  it("truncated in transit (fewer bytes than the manifest announces)", async () => {
    const failure = await rejected("cut");
    expect(failure.code).toBe("size-mismatch");
    expect(failure.message).toMatch(
      / sent [\d,]+ bytes \([\d.]+ MiB\), the manifest announces [\d,]+ bytes .*: the file is truncated or not the one the manifest describes$/,
    );
  });

  it("wrong checksum", async () => {
    const failure = await rejected("checksum");
    expect(failure.code).toBe("checksum");
    expect(failure.message).toMatch(
      /^the dataset file's sha256 is [0-9a-f]{12}…, the manifest says [0-9a-f]{12}…: the file is damaged or not the one the manifest describes$/,
    );
  });

  it("a changed released edition (one supply value of iea-cmde-2024) is named", async () => {
    const failure = await rejected("changed-edition");
    expect(failure).toEqual({
      ok: false,
      code: "invalid-dataset",
      message:
        "the dataset file: edition iea-cmde-2024 is released and may not change: its supply rows for cobalt differ (1 row changed, added or removed); new data needs a new edition id",
    });
  });

  it("a removed released edition", async () => {
    const failure = await rejected("removed-edition");
    expect(failure.message).toBe(
      "the dataset file: edition usgs-mcs-2025 is missing: released editions are never removed",
    );
  });

  it("a file whose version is not the manifest's", async () => {
    const failure = await rejected("version-mismatch");
    expect(failure.message).toBe(`the dataset file is version ${NEW_VERSION}, the manifest says 2025-06+eeeeeeeeeeee`);
  });

  it("50 MB announced by the manifest: not downloaded at all", async () => {
    const failure = await rejected("big-announced");
    expect(failure).toEqual({
      ok: false,
      code: "too-large",
      message:
        "the manifest announces a dataset file of 52,428,800 bytes (50 MiB), over the limit of 33,554,432 bytes (32 MiB): not downloaded",
    });
    expect(hits.get("/big-announced/big.json") ?? 0).toBe(0);
  });

  it("50 MB by Content-Length: refused on the headers, long before it arrives", async () => {
    const failure = await rejected("big-length");
    expect(failure.code).toBe("too-large");
    expect(failure.message).toBe(
      `${origin}/big-length/big.json is 52,428,800 bytes (50 MiB) (Content-Length), over the size the manifest announces of ${new Intl.NumberFormat("en-US").format(published.file.length)} bytes (${mib(published.file.length)} MiB): not downloaded`,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(streamed.get("length") ?? 0).toBeLessThan(MB50 / 2);
  });

  it("50 MB streamed without a length: the download stops at the announced size", async () => {
    const failure = await rejected("big-chunked");
    expect(failure.code).toBe("too-large");
    expect(failure.message).toMatch(
      new RegExp(
        `big\\.json sent more than the size the manifest announces of [\\d,]+ bytes \\(${mib(published.file.length)} MiB\\): download stopped$`,
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(streamed.get("chunked") ?? 0).toBeLessThan(MB50 / 2);
  });

  it("a file larger than maxBytes is refused by the manifest's size", async () => {
    const failure = await rejected("same-data", { maxBytes: 1024 * 1024 });
    expect(failure.code).toBe("too-large");
    expect(failure.message).toMatch(
      new RegExp(
        `^the manifest announces a dataset file of [\\d,]+ bytes \\(${mib(published.file.length)} MiB\\), over the limit of 1,048,576 bytes \\(1 MiB\\): not downloaded$`,
      ),
    );
  });

  it("a manifest that never comes: timed out", async () => {
    const started = Date.now();
    const failure = await rejected("slow-manifest", { timeoutMs: 300 });
    expect(failure).toEqual({
      ok: false,
      code: "timeout",
      message: `${origin} did not deliver the data within 0.3 s: timed out`,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a file that stops arriving: timed out", async () => {
    const failure = await rejected("slow-file", { timeoutMs: 500 });
    expect(failure).toEqual({
      ok: false,
      code: "timeout",
      message: `${origin} did not deliver the data within 0.5 s: timed out`,
    });
  });

  it("cancelled by the person while the file arrives", async () => {
    const controller = new AbortController();
    const failure = await rejected("slow-file", {
      signal: controller.signal,
      onProgress: (p) => p.stage === "download" && p.received > 0 && controller.abort(),
    });
    expect(failure).toEqual({ ok: false, code: "cancelled", message: "cancelled" });
  });

  it.each([
    [500, "Internal Server Error"],
    [503, "Service Unavailable"],
  ])("server error %i", async (status, text) => {
    const failure = await rejected(`e${status}`);
    expect(failure).toEqual({
      ok: false,
      code: "http-status",
      message: `${origin}/e${status}/manifest.json answered HTTP ${status} ${text}`,
    });
  });

  it("a missing dataset file (404)", async () => {
    const failure = await rejected("missing-file");
    expect(failure).toEqual({
      ok: false,
      code: "http-status",
      message: `${origin}/missing-file/${published.manifest.file} answered HTTP 404 Not Found`,
    });
  });

  it("a redirect of the manifest to another host: refused, and the other host is never asked", async () => {
    const failure = await rejected("away");
    expect(failure).toEqual({
      ok: false,
      code: "redirect",
      message: `${origin}/away/manifest.json redirects to ${otherOrigin}, another origin: refused (nothing was requested there); give the URL the files are at`,
    });
    expect(otherHits).toEqual([]);
  });

  it("a redirect of the dataset file to another host: refused, and the other host is never asked", async () => {
    const failure = await rejected("away-file");
    expect(failure.code).toBe("redirect");
    expect(failure.message).toBe(
      `${origin}/away-file/data.json redirects to ${otherOrigin}, another origin: refused (nothing was requested there); give the URL the files are at`,
    );
    expect(otherHits).toEqual([]);
  });

  it("a manifest naming a file on another host", async () => {
    const failure = await rejected("elsewhere");
    expect(failure).toEqual({
      ok: false,
      code: "redirect",
      message: "the manifest names a file on http://localhost, another origin than the manifest's: refused",
    });
  });

  it("a plain-http URL on another host is refused before any request", async () => {
    const calls: string[] = [];
    const fetchSpy = ((input: string) => {
      calls.push(input);
      return Promise.reject(new Error("must not be called"));
    }) as unknown as typeof fetch;
    const before = dataset();
    const result = await refreshDataset("http://data.example.org/manifest.json", { fetch: fetchSpy });
    expect(result).toEqual({
      ok: false,
      code: "insecure-url",
      message:
        "http://data.example.org/manifest.json is not an https URL: data is fetched over https only (http only from 127.0.0.1 or localhost, for testing)",
    });
    expect(calls).toEqual([]);
    expect(dataset()).toBe(before);
  });

  it("a server that is not there", async () => {
    const closed = await listenLoopback(() => undefined);
    await closed.close();
    const url = closed.origin;
    const before = dataset();
    const result = await refreshDataset(`${url}/manifest.json`);
    expect(result.ok === false && result.code).toBe("network");
    expect(result.ok === false && result.message).toMatch(new RegExp(`^could not reach ${url}/manifest.json: `));
    expect(dataset()).toBe(before);
  });
});

describe("a refreshed dataset stays in use through later failures", () => {
  let refreshed: Dataset;
  beforeAll(async () => {
    const result = await refreshDataset(`${origin}/new-edition/manifest.json`, { install: false });
    if (!result.ok) throw new Error(result.message);
    refreshed = result.dataset;
  });

  it.each(["changed-edition", "checksum", "e503", "away", "big-length"])(
    "%s leaves the refreshed dataset in place",
    async (folder) => {
      useDataset(refreshed);
      const failure = await rejected(folder);
      expect(failure.ok).toBe(false);
      expect(dataset()).toBe(refreshed);
    },
  );

  it("the bundled file is now a removal of the new edition, and is refused", async () => {
    useDataset(refreshed);
    const failure = await rejected("same-data");
    expect(failure.message).toBe(
      `the dataset file: edition ${NEW_EDITION} is missing: released editions are never removed`,
    );
  });

  it("nothing is installed when another dataset was switched in while the refresh ran", async () => {
    const meanwhile = parseDataset(withNewEdition(base), bundledDataset());
    if (!meanwhile.ok) throw new Error(meanwhile.message);
    const result = await refreshDataset(`${origin}/new-edition/manifest.json`, {
      onProgress: (p) => p.stage === "check" && useDataset(meanwhile.dataset),
    });
    expect(result).toEqual({
      ok: false,
      code: "changed-meanwhile",
      message: "the data in use changed while this refresh ran (another refresh?): try again",
    });
    expect(dataset()).toBe(meanwhile.dataset);
  });
});
