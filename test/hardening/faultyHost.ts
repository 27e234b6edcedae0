// The hosting of test/hardening/refresh-faults.test.ts: a node:http server on 127.0.0.1 with one
// fault per folder (see that file's header), and a second server on another port standing for
// another origin. The fixtures are made with data:publish's own functions; every manifest served as
// JSON is signed (manifest.json.sig beside it) with a key made for the run, `publicKey`.
import type http from "node:http";
import { bundledDataset } from "../../packages/core/src/index.ts";
import { manifestFor, publishDataset, signManifest } from "../../packages/core/scripts/publish-dataset.ts";
import {
  NEW_VERSION,
  cobaltRowIndex,
  patchedSupply,
  signingKey,
  withNewEdition,
  type HostedFile,
  type HostedRow,
} from "../support/hosted.ts";
import { listenLoopback } from "../support/serve.ts";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export const MB50 = 50 * 1024 * 1024;

const routes = new Map<string, Handler>();
const hits = new Map<string, number>();
const otherHits: string[] = [];
let origin: string;
let otherOrigin: string;
let published: ReturnType<typeof publishDataset>;
let base: HostedFile;
/** Bytes the 50 MB handlers managed to write before the client hung up. */
const streamed = new Map<string, number>();

function json(res: http.ServerResponse, body: Buffer | string, headers: http.OutgoingHttpHeaders = {}): void {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(200, { "content-type": "application/json", "content-length": bytes.length, ...headers });
  res.end(bytes);
}

const key = signingKey();

/** Serves `text` at `path` and its signature at `path`.sig. */
function manifestRoute(path: string, text: string): void {
  routes.set(path, (_, res) => json(res, text));
  const signature = signManifest(Buffer.from(text), key.privateKey);
  routes.set(`${path}.sig`, (_, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`${signature}\n`);
  });
}

/** Serves `file` under /<folder>/ with a signed manifest describing it (or `manifest` as given). */
function host(folder: string, file: Buffer, version: string, manifest: Record<string, unknown> = {}): void {
  const m = { ...manifestFor(version, file), ...manifest };
  manifestRoute(`/${folder}/manifest.json`, JSON.stringify(m));
  routes.set(`/${folder}/${m.file}`, (_, res) => json(res, file));
}

const variant = (patch: Partial<HostedFile>): Buffer => Buffer.from(JSON.stringify({ ...base, ...patch }));

/** Streams `total` bytes of JSON-ish filler in 64 KiB chunks, honouring backpressure, until the client leaves. */
function stream50(key: string, headers: http.OutgoingHttpHeaders): Handler {
  return (_, res) => {
    res.writeHead(200, { "content-type": "application/json", ...headers });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let written = 0;
    const pump = () => {
      while (written < MB50 && !res.destroyed) {
        written += chunk.length;
        streamed.set(key, written);
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end();
    };
    res.on("close", () => streamed.set(key, written));
    pump();
  };
}

export interface FaultyHost {
  /** The host with one fault per folder. */
  readonly origin: string;
  /** Another origin, which the refresh must never ask. */
  readonly otherOrigin: string;
  /** Requests per path on `origin`. */
  readonly hits: ReadonlyMap<string, number>;
  /** URLs asked of `otherOrigin`. */
  readonly otherHits: readonly string[];
  /** Bytes the 50 MB handlers managed to write before the client hung up, per handler. */
  readonly streamed: ReadonlyMap<string, number>;
  /** The bundled dataset as data:publish writes it, and parsed. */
  readonly published: ReturnType<typeof publishDataset>;
  readonly base: HostedFile;
  /** The key every manifest here is signed with (SPKI DER, base64). */
  readonly publicKey: string;
  close(): Promise<void>;
}

/** Starts the two servers and registers every fault (one host per test file). */
export async function startFaultyHost(): Promise<FaultyHost> {
  published = publishDataset(bundledDataset());
  base = JSON.parse(published.file.toString("utf8")) as HostedFile;
  const server = await listenLoopback((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  const other = await listenLoopback((req, res) => {
    otherHits.push(req.url ?? "");
    json(res, JSON.stringify(published.manifest));
  });
  origin = server.origin;
  otherOrigin = other.origin;

  const version = published.manifest.version;
  // A version id other than the content's, on the bundled data's newest edition date (so that only
  // the content check can refuse it).
  const fake = (hash: string) => `${version.slice(0, version.indexOf("+"))}+${hash}`;
  const cobalt = cobaltRowIndex(base);
  const changed = (i: number, patch: Record<string, unknown>) => patchedSupply(base, i, patch);

  host("new-edition", variant(withNewEdition(base)), NEW_VERSION);
  // The bundled data under a new version id: nothing added, nothing changed (refused: one content, one version).
  host("same-data", variant({ version: fake("aaaaaaaaaaaa") }), fake("aaaaaaaaaaaa"));
  host("current", published.file, version);
  host(
    "schema",
    variant({ version: fake("0123456789ab"), supply: changed(cobalt, { share: 1.5 }) }),
    fake("0123456789ab"),
  );
  const full = variant({ version: fake("bbbbbbbbbbbb") });
  const truncated = full.subarray(0, Math.floor(full.length / 2));
  host("truncated", truncated, fake("bbbbbbbbbbbb"));
  // Truncated in transit: the manifest describes the whole file, the server sends half of it.
  const m = manifestFor(fake("bbbbbbbbbbbb"), full);
  manifestRoute("/cut/manifest.json", JSON.stringify(m));
  routes.set(`/cut/${m.file}`, (_, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(truncated);
  });
  host("checksum", full, fake("bbbbbbbbbbbb"), { sha256: manifestFor("x", "another file").sha256 });
  const original = base.supply[cobalt]!.value as number;
  host(
    "changed-edition",
    variant({ version: fake("cccccccccccc"), supply: changed(cobalt, { value: original + 0.1 }) }),
    fake("cccccccccccc"),
  );
  const keep = (r: HostedRow) => r.edition !== "usgs-mcs-2025";
  host(
    "removed-edition",
    variant({
      version: fake("dddddddddddd"),
      editions: base.editions.filter((e) => e.id !== "usgs-mcs-2025"),
      supply: base.supply.filter(keep),
      demand: base.demand.filter(keep),
      indicators: base.indicators.filter(keep),
      minerals: base.minerals.map((x) => ({
        ...x,
        coverage: (x.coverage as { edition: string }[]).filter((c) => c.edition !== "usgs-mcs-2025"),
      })),
    }),
    fake("dddddddddddd"),
  );
  host("version-mismatch", variant(withNewEdition(base)), "2025-06+eeeeeeeeeeee");

  // 50 MB: announced honestly by the manifest; announced only by Content-Length; not announced at all.
  const small = {
    format: "critmin-dataset-manifest/1",
    version: fake("ffffffffffff"),
    file: "big.json",
    bytes: published.file.length,
    sha256: published.manifest.sha256,
  };
  manifestRoute("/big-announced/manifest.json", JSON.stringify({ ...small, bytes: MB50 }));
  routes.set("/big-announced/big.json", stream50("announced", { "content-length": MB50 }));
  manifestRoute("/big-length/manifest.json", JSON.stringify(small));
  routes.set("/big-length/big.json", stream50("length", { "content-length": MB50 }));
  manifestRoute("/big-chunked/manifest.json", JSON.stringify(small));
  routes.set("/big-chunked/big.json", stream50("chunked", {}));

  // Slow: a manifest that never comes, and a file whose body stops after its first bytes.
  routes.set("/slow-manifest/manifest.json", () => undefined);
  manifestRoute("/slow-file/manifest.json", JSON.stringify(manifestFor(fake("ffffffffffff"), full)));
  routes.set(`/slow-file/${manifestFor(fake("ffffffffffff"), full).file}`, (_, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": full.length });
    res.write(full.subarray(0, 1000));
  });

  for (const status of [500, 503])
    routes.set(`/e${status}/manifest.json`, (_, res) => res.writeHead(status).end("oops"));
  manifestRoute(
    "/missing-file/manifest.json",
    JSON.stringify({ ...published.manifest, version: fake("ffffffffffff") }),
  );

  routes.set("/away/manifest.json", (_, res) => res.writeHead(302, { location: `${otherOrigin}/manifest.json` }).end());
  manifestRoute(
    "/away-file/manifest.json",
    JSON.stringify({ ...manifestFor(fake("ffffffffffff"), full), file: "data.json" }),
  );
  routes.set("/away-file/data.json", (_, res) => res.writeHead(307, { location: `${otherOrigin}/data.json` }).end());
  routes.set("/moved/manifest.json", (_, res) => res.writeHead(301, { location: "/new-edition/manifest.json" }).end());
  manifestRoute(
    "/elsewhere/manifest.json",
    JSON.stringify({ ...manifestFor(fake("ffffffffffff"), full), file: "//localhost/data.json" }),
  );
  return {
    origin,
    otherOrigin,
    hits,
    otherHits,
    streamed,
    published,
    base,
    publicKey: key.publicKey,
    close: async () => {
      await Promise.all([server.close(), other.close()]);
    },
  };
}
