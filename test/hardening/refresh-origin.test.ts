// Issue #14, finding 3: a refreshed dataset must come from its publisher and make sense, not only
// parse. A node:http server on 127.0.0.1 hosts, per folder, a manifest, its signature and a dataset
// file, each signed with keys made here (node:crypto, ECDSA P-256). Signatures: a good file signed
// with an accepted key installs (also with the second of two keys, as while keys rotate); a
// tampered manifest (a signature made for other bytes), an unsigned one, one signed by an unknown
// key or with a malformed signature, and any refresh in a build with no key, are refused. The
// pipeline's invariants: duplicate rows, shares over 1, negative values, impossible or future
// edition dates, renamed or remapped countries and minerals, the same content under another
// version. Each is refused with its message and the data in use stays exactly as it was.
import { createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { manifestBytes, manifestFor, signManifest } from "../../packages/core/scripts/publish-dataset.ts";
import {
  bundledDataset,
  chinaShare,
  dataset,
  datasetVersion,
  editions,
  useDataset,
  type EditionId,
} from "../../packages/core/src/index.ts";
import { SHARE_TOLERANCE, verifySignature } from "../../packages/core/src/schema/index.ts";
import { runRefresh } from "../../packages/excel-addin/src/refresh/applyRefresh.ts";
import {
  NOT_SET_UP,
  refreshDataset,
  type RefreshOptions,
  type RefreshResult,
} from "../../packages/excel-addin/src/refresh/refreshDataset.ts";
import { memoryStore, restoreDataset } from "../../packages/excel-addin/src/refresh/store.ts";
import {
  NEW_EDITION,
  bundledFile,
  sealed,
  keptText,
  signingKey,
  withNewEdition,
  type HostedFile,
  type HostedRow,
} from "../support/hosted.ts";
import { listenLoopback, type Loopback } from "../support/serve.ts";

/** The bundled data under a version id its content does not give, on its newest edition's date. */
/** Where a file with a new edition lists it: after the bundled editions. */
const NEW_EDITION_INDEX = bundledDataset().editions.length;
const SAME_CONTENT_VERSION = `${bundledDataset().version.split("+")[0]}+aaaaaaaaaaaa`;

const publisher = signingKey();
const successor = signingKey();
const stranger = signingKey();

const routes = new Map<string, { type: string; body: Buffer }>();
const hits = new Map<string, number>();
let server: Loopback;
const base = bundledFile();
const next = withNewEdition(base);

/** The new edition's row for cobalt refining in China, 2023 (IEA's 171.7 of 223.8 kt). */
const cobaltIndex = next.supply.findIndex(
  (r) =>
    r.edition === NEW_EDITION &&
    r.mineral === "cobalt" &&
    r.stage === "refining" &&
    r.measure === "production" &&
    r.country === "CHN" &&
    r.year === 2023,
);

interface Hosting {
  /** Signs the manifest (default: the publisher's key); null serves no signature at all. */
  readonly key?: KeyObject | null;
  /** Serves this signature text instead of the manifest's own. */
  readonly signature?: string;
  /** Keep the file's version as given instead of the one its content gives. */
  readonly raw?: boolean;
}

/** Hosts `file` under /<folder>/ as data:publish would: the file, manifest.json and manifest.json.sig. */
function host(folder: string, file: HostedFile, options: Hosting = {}): void {
  const content = options.raw ? file : sealed(file);
  const bytes = Buffer.from(JSON.stringify(content));
  const manifest = manifestFor(content.version, bytes);
  const text = manifestBytes(manifest);
  routes.set(`/${folder}/${manifest.file}`, { type: "application/json", body: bytes });
  routes.set(`/${folder}/manifest.json`, { type: "application/json", body: text });
  const key = options.key === undefined ? publisher.privateKey : options.key;
  const signature = options.signature ?? (key ? signManifest(text, key) : undefined);
  if (signature !== undefined)
    routes.set(`/${folder}/manifest.json.sig`, { type: "text/plain", body: Buffer.from(`${signature}\n`) });
}

/** `next` with its supply rows changed by `patch`. */
const withSupply = (patch: (rows: HostedRow[]) => HostedRow[]): HostedFile => ({ ...next, supply: patch(next.supply) });
const patchRow = (i: number, change: Record<string, unknown>) =>
  withSupply((rows) => rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
const countries = (change: (c: Record<string, unknown>) => Record<string, unknown>): HostedFile => ({
  ...next,
  countries: next.countries.map(change),
});

beforeAll(async () => {
  server = await listenLoopback((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": route.type, "content-length": route.body.length });
    res.end(route.body);
  });

  host("good", next);
  host("rotated", next, { key: successor.privateKey });
  host("unsigned", next, { key: null });
  host("stranger", next, { key: stranger.privateKey });
  // Signed, but with node's default DER encoding instead of IEEE P1363 (r || s).
  const der = sign("sha256", manifestBytes(manifestFor("x", "y")), publisher.privateKey).toString("base64");
  host("der-signature", next, { signature: der });
  // The attacker's file: China's cobalt share 0.784 → 0.01 in a new edition, well-formed and with
  // the version its content gives, served with the signature of the genuine manifest.
  const genuine = routes.get("/good/manifest.json.sig")!.body.toString("utf8").trim();
  host("tampered", patchRow(cobaltIndex, { value: 2.238, tonnes: 2238, share: 0.01 }), { signature: genuine });

  const cobalt = next.supply[cobaltIndex]!;
  host(
    "duplicate",
    withSupply((rows) => [...rows, { ...cobalt, value: 150, tonnes: 150_000, share: 0.67 }]),
  );
  host(
    "repeated",
    withSupply((rows) => [...rows, { ...cobalt }]),
  );
  host("overfull", patchRow(cobaltIndex, { share: 0.99 }));
  host("negative-value", patchRow(cobaltIndex, { value: -171.7, tonnes: null, share: null }));
  host("negative-tonnes", patchRow(cobaltIndex, { tonnes: -171_700 }));
  const dated = (date: string) => ({
    ...next,
    editions: next.editions.map((e) => (e.id === NEW_EDITION ? { ...e, date } : e)),
  });
  host("month-99", dated("9999-99"));
  host("future", dated("2099-01"));
  host(
    "swapped",
    countries((c) =>
      c.code === "CHN" ? { ...c, name: "United States" } : c.code === "USA" ? { ...c, name: "China" } : c,
    ),
  );
  host(
    "alias-moved",
    countries((c) => (c.code === "USA" ? { ...c, aliases: [...(c.aliases as string[]), "PRC"] } : c)),
  );
  host("mineral-alias", {
    ...next,
    minerals: next.minerals.map((m) => (m.id === "nickel" ? { ...m, aliases: [...(m.aliases as string[]), "Co"] } : m)),
  });
  host("same-content", { ...base, version: SAME_CONTENT_VERSION }, { raw: true });
}, 120_000);

afterAll(() => server?.close());
afterEach(() => useDataset());

const accepting = (keys: readonly string[] = [publisher.publicKey]): RefreshOptions => ({ publicKeys: keys });

/** What callers see of the data in use. */
function snapshot() {
  return {
    data: dataset(),
    version: datasetVersion(),
    cobalt: chinaShare("cobalt"),
    editions: editions().map((e) => e.id),
  };
}

/** A refresh that must fail: nothing changes, and the failure is returned. */
async function rejected(
  folder: string,
  options: RefreshOptions = accepting(),
): Promise<Extract<RefreshResult, { ok: false }>> {
  const before = snapshot();
  const result = await refreshDataset(`${server.origin}/${folder}/manifest.json`, options);
  if (result.ok) throw new Error(`${folder}: expected a failure, got ${result.status} ${result.version}`);
  const after = snapshot();
  expect(after.data).toBe(before.data);
  expect(after).toEqual(before);
  return result;
}

/** The file this folder serves. */
const fileOf = (folder: string) => [...routes].find(([path]) => path.startsWith(`/${folder}/dataset-`))![0];

describe("signed manifests", () => {
  it("a dataset signed with the accepted key installs", async () => {
    const result = await refreshDataset(`${server.origin}/good/manifest.json`, accepting());
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ status: "installed", added: [NEW_EDITION] });
    expect(chinaShare("cobalt", { source: NEW_EDITION as EditionId })).toBeCloseTo(171.7 / 223.8, 9);
  });

  it("while keys rotate, a build accepting two keys installs data signed with either", async () => {
    const both = accepting([publisher.publicKey, successor.publicKey]);
    const rotated = await refreshDataset(`${server.origin}/rotated/manifest.json`, both);
    expect(rotated.ok && rotated.status).toBe("installed");
    useDataset();
    const old = await refreshDataset(`${server.origin}/good/manifest.json`, both);
    expect(old.ok && old.status).toBe("installed");
  });

  it("a tampered manifest (a signature made for other bytes) is refused before its file is fetched", async () => {
    const failure = await rejected("tampered");
    expect(failure).toEqual({
      ok: false,
      code: "signature",
      message:
        "the manifest's signature matches none of the 1 public key this build accepts: the manifest was changed after it was signed, or signed with another key",
    });
    expect(hits.get(fileOf("tampered")) ?? 0).toBe(0);
    expect(chinaShare("cobalt")).toBeCloseTo(0.784, 3);
  });

  it("an unsigned manifest is refused", async () => {
    const failure = await rejected("unsigned");
    expect(failure.code).toBe("unsigned");
    expect(failure.message).toBe(
      `the manifest is not signed: ${server.origin}/unsigned/manifest.json.sig answered HTTP 404 (publish with data:publish --key)`,
    );
    expect(hits.get(fileOf("unsigned")) ?? 0).toBe(0);
  });

  it("a manifest signed by a key the build does not accept is refused", async () => {
    const failure = await rejected("stranger");
    expect(failure.code).toBe("signature");
    expect(failure.message).toMatch(/^the manifest's signature matches none of the 1 public key this build accepts/);
    // After the rotation is over, the retired key's signatures are refused too.
    const retired = await rejected("good", accepting([successor.publicKey]));
    expect(retired.message).toBe(failure.message);
  });

  it("a DER-encoded signature is refused, saying the format", async () => {
    const failure = await rejected("der-signature");
    expect(failure.message).toMatch(
      /^the manifest's signature is not an ECDSA P-256 signature: expected 64 bytes \(r \|\| s\) in base64, got 7[0-2] bytes$/,
    );
  });

  it("a build without keys fetches nothing and says refresh is not set up", async () => {
    const calls: string[] = [];
    const spy = ((input: string) => {
      calls.push(input);
      return Promise.reject(new Error("must not be called"));
    }) as unknown as typeof fetch;
    const failure = await rejected("good", { publicKeys: [], fetch: spy });
    expect(failure).toEqual({ ok: false, code: "not-set-up", message: NOT_SET_UP });
    expect(calls).toEqual([]);
    const outcome = await runRefresh(`${server.origin}/good/manifest.json`, { inExcel: false, fetch: spy });
    expect(outcome.text).toBe(
      `Refresh failed: ${NOT_SET_UP}. Still using dataset ${datasetVersion()}; nothing was changed.`,
    );
    expect(calls).toEqual([]);
  });

  it("signatures verify alike in node:crypto (ieee-p1363) and WebCrypto", async () => {
    const bytes = manifestBytes(manifestFor("2025-06+0123456789ab", "{}"));
    const fromNode = signManifest(bytes, publisher.privateKey);
    expect(Buffer.from(fromNode, "base64")).toHaveLength(64);
    expect(await verifySignature(new Uint8Array(bytes), fromNode, [publisher.publicKey])).toEqual({ ok: true, key: 0 });
    const webKey = await crypto.subtle.importKey(
      "pkcs8",
      publisher.privateKey.export({ type: "pkcs8", format: "der" }),
      { name: "ECDSA", namedCurve: "P-256" },
      false,
      ["sign"],
    );
    const fromWeb = Buffer.from(
      await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, webKey, new Uint8Array(bytes)),
    );
    const publicKey = createPublicKey({ key: Buffer.from(publisher.publicKey, "base64"), format: "der", type: "spki" });
    expect(verify("sha256", bytes, { key: publicKey, dsaEncoding: "ieee-p1363" }, fromWeb)).toBe(true);
  });
});

describe("the pipeline's invariants, on a correctly signed file", () => {
  const where = `(${NEW_EDITION}, cobalt refining production, CHN, 2023)`;
  const last = next.supply.length;

  it.each([
    [
      "duplicate",
      `supply[${last}] ${where}: contradicts supply[${cobaltIndex}], the same edition, mineral, stage, measure, country, year and case with different values: one row per observation`,
    ],
    [
      "repeated",
      `supply[${last}] ${where}: repeats supply[${cobaltIndex}], the same edition, mineral, stage, measure, country, year and case: one row per observation`,
    ],
    [
      "overfull",
      `supply (${NEW_EDITION}, cobalt refining production, 2023): the country and ROW shares sum to 1.2228, over 1 + ${SHARE_TOLERANCE} (the sources' rounding)`,
    ],
    [
      "negative-value",
      `supply[${cobaltIndex}] ${where}: value -171.7 is negative; supply quantities and shares never are`,
    ],
    ["negative-tonnes", `supply[${cobaltIndex}].tonnes: expected a number ≥ 0, got -171700`],
    ["month-99", `editions[${NEW_EDITION_INDEX}].date: edition ${NEW_EDITION} is dated "9999-99", not a real month`],
    [
      "future",
      new RegExp(
        `^editions\\[${NEW_EDITION_INDEX}\\]\\.date: edition ${NEW_EDITION} is dated 2099-01, in the future \\(today is \\d{4}-\\d{2}-\\d{2}\\): an edition is dated when it was published$`,
      ),
    ],
    [
      "swapped",
      'countries: CHN is named "China" in the released data, the file names it "United States": names of released ids never change',
    ],
    [
      "alias-moved",
      'countries: "PRC" names CHN in the released data, the file gives it to USA: a name or alias never moves to another id',
    ],
    [
      "mineral-alias",
      'minerals: "Co" names cobalt in the released data, the file gives it to nickel: a name or alias never moves to another id',
    ],
    [
      "same-content",
      `version: the file says "${SAME_CONTENT_VERSION}", its content is version "${bundledDataset().version}": a version is derived from the content (data:publish writes it), so the same data never has two versions`,
    ],
  ] as const)("%s is refused, naming the row or field", async (folder, reason) => {
    const failure = await rejected(folder);
    expect(failure.code).toBe("invalid-dataset");
    if (typeof reason === "string") expect(failure.message).toBe(`the dataset file: ${reason}`);
    else expect(failure.message.replace(/^the dataset file: /, "")).toMatch(reason);
  });

  it("a kept file that breaks an invariant is dropped at start, and the bundled data used", async () => {
    const text = routes.get(fileOf("overfull"))!.body.toString("utf8");
    const store = memoryStore(keptText(text, publisher.privateKey));
    const restored = await restoreDataset(store, undefined, [publisher.publicKey]);
    expect(restored).toEqual({
      status: "rejected",
      message: `supply (${NEW_EDITION}, cobalt refining production, 2023): the country and ROW shares sum to 1.2228, over 1 + ${SHARE_TOLERANCE} (the sources' rounding)`,
    });
    expect(await store.load()).toBeUndefined();
    expect(dataset()).toBe(bundledDataset());
  });
});
