// Dev server: builds the add-in (dist/dev and dist/prod), then serves dist/dev on
// https://localhost:3000 with the certificate of office-addin-dev-certs, and prints the playground
// URL, the manifest path and how to sideload the manifest in Excel.
//   pnpm --filter @critmin/excel-addin start
//   PORT=3100 ...              another port (the dev manifest still points at 3000: playground only)
//   CRITMIN_DEV_HTTP=1 ...     plain http on 127.0.0.1, no certificate (tests; playground only)
//
// Certificates, best first:
//   1. office-addin-dev-certs' getHttpsServerOptions(): generates ~/.office-addin-dev-certs and
//      trusts its CA (this needs sudo on Linux and macOS, an admin prompt on Windows).
//   2. It generated the files but could not trust the CA (e.g. root in a container without sudo):
//      serve https with them anyway and say how to trust ca.crt; until then browsers warn and
//      Excel refuses to load the add-in.
//   3. No certificate at all: plain http on 127.0.0.1, for the playground only.
import { X509Certificate, createPrivateKey } from "node:crypto";
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { addinDir, buildAddin, environments } from "./build.ts";

process.env.OFFICE_ADDIN_USAGE_DATA_OPT_OUT ??= "true";

const DEV_PORT = 3000; // the dev manifest's base URL is https://localhost:3000
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  // A hosted dataset's manifest.json.sig (data:publish --key).
  ".sig": "text/plain; charset=utf-8",
};

/** Code and metadata are revalidated on every load (Excel caches functions.json on its own); icons for a day. */
function cacheControl(ext: string): string {
  return ext === ".png" || ext === ".ico" || ext === ".svg" ? "public, max-age=86400" : "no-cache";
}

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "*",
};

/** Serves the files under `root` read-only: GET and HEAD, CORS on everything, ETag revalidation. */
export function staticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const base = path.resolve(root);
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "OPTIONS") {
      // Chromium asks before a public page (Excel on the web) reaches localhost.
      const privateNetwork =
        req.headers["access-control-request-private-network"] === "true"
          ? { "Access-Control-Allow-Private-Network": "true" }
          : {};
      res.writeHead(204, { ...CORS, ...privateNetwork, "Access-Control-Max-Age": "600" }).end();
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res
        .writeHead(405, { Allow: "GET, HEAD, OPTIONS", "Content-Type": "text/plain; charset=utf-8" })
        .end("method not allowed\n");
      return;
    }
    if (url.pathname === "/") {
      res.writeHead(302, { Location: `/taskpane.html${url.search}` }).end();
      return;
    }
    let file: string;
    try {
      file = path.resolve(base, `.${decodeURIComponent(url.pathname)}`);
    } catch {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("bad request\n");
      return;
    }
    // The docs site's links (and the functions' help links) are extensionless or end in a folder.
    if (file.startsWith(base + path.sep) && !path.extname(file)) {
      const candidates = [`${file}.html`, path.join(file, "index.html")];
      file = candidates.find((c) => existsSync(c)) ?? file;
    }
    const ext = path.extname(file).toLowerCase();
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = file.startsWith(base + path.sep) && CONTENT_TYPES[ext] ? statSync(file) : undefined;
    } catch {
      stat = undefined;
    }
    if (!stat?.isFile()) {
      res
        .writeHead(404, { ...CORS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" })
        .end(`not found: ${url.pathname}\n`);
      return;
    }
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers = {
      ...CORS,
      "Content-Type": CONTENT_TYPES[ext]!,
      "Cache-Control": cacheControl(ext),
      ETag: etag,
      "Last-Modified": stat.mtime.toUTCString(),
      "X-Content-Type-Options": "nosniff",
    };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, "Content-Length": String(stat.size) });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  };
}

interface Certificate {
  readonly key: Buffer;
  readonly cert: Buffer;
  readonly ca?: Buffer;
}

type CertificateOutcome =
  | { readonly kind: "trusted"; readonly tls: Certificate }
  | { readonly kind: "untrusted"; readonly tls: Certificate; readonly reason: string }
  | { readonly kind: "none"; readonly reason: string };

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 2)
      .join(" ") || "unknown error"
  );
}

/** The files office-addin-dev-certs writes, if they are there, match and have not expired. */
function readCertificateFiles(): Certificate | undefined {
  try {
    const tls = {
      cert: readFileSync(path.join(CERT_DIR, "localhost.crt")),
      key: readFileSync(path.join(CERT_DIR, "localhost.key")),
      ca: readFileSync(path.join(CERT_DIR, "ca.crt")),
    };
    const x509 = new X509Certificate(tls.cert);
    if (Date.parse(x509.validTo) < Date.now() + 60_000) return undefined;
    if (!x509.checkPrivateKey(createPrivateKey(tls.key))) return undefined;
    return tls;
  } catch {
    return undefined;
  }
}

async function certificate(): Promise<CertificateOutcome> {
  if (process.env.CRITMIN_DEV_HTTP === "1") return { kind: "none", reason: "CRITMIN_DEV_HTTP=1 asks for plain http" };
  type DevCerts = {
    getHttpsServerOptions: () => Promise<Certificate>;
    generateCertificates: () => Promise<void>;
  };
  let devCerts: DevCerts;
  try {
    const loaded = (await import("office-addin-dev-certs")) as unknown as DevCerts & { default?: DevCerts };
    devCerts = typeof loaded.getHttpsServerOptions === "function" ? loaded : loaded.default!;
  } catch (error) {
    return { kind: "none", reason: `office-addin-dev-certs could not be loaded (${firstLine(error)})` };
  }
  console.log("Certificate: asking office-addin-dev-certs for a trusted localhost certificate…");
  try {
    return { kind: "trusted", tls: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    const reason = firstLine(error);
    let tls = readCertificateFiles();
    if (!tls) {
      // Trusting failed before anything was generated (e.g. an expired set it could not uninstall).
      try {
        await devCerts.generateCertificates();
      } catch {
        // reported below
      }
      tls = readCertificateFiles();
    }
    return tls ? { kind: "untrusted", tls, reason } : { kind: "none", reason };
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function sideloadSteps(manifest: string, namespace: string, displayName: string): string {
  const wef = "~/Library/Containers/com.microsoft.Excel/Data/Documents/wef";
  return [
    `Sideload the dev add-in (${displayName}; its functions are =${namespace}.*). Excel loads it from`,
    `https://localhost:${DEV_PORT}, so Excel must run on this machine and trust the certificate.`,
    "",
    "  Excel on the web",
    "    1. Open a workbook in Excel on the web (https://www.office.com).",
    "    2. Home → Add-ins → More Add-ins (older layouts: Insert → Office Add-ins).",
    "    3. My Add-ins → Upload My Add-in (under Manage My Add-ins in some layouts).",
    "    4. Browse to the manifest above and choose Upload.",
    `    5. In a cell: =${namespace}.CHINA_SHARE("cobalt")`,
    "",
    "  Excel on Windows",
    `    1. npx office-addin-dev-settings sideload "${manifest}" desktop --app excel`,
    "       registers the manifest and opens Excel with the add-in. Without that tool, steps 2–4:",
    `    2. Share the folder ${path.dirname(manifest)} on the network.`,
    "    3. In Excel: File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs:",
    "       add the share's network path as a Catalog Url, tick Show in Menu, OK.",
    `    4. Restart Excel, then Insert → My Add-ins → SHARED FOLDER → ${displayName} → Add.`,
    "",
    "  Excel on Mac",
    `    1. Copy the manifest into ${wef} (create the wef folder if it is missing).`,
    `    2. Restart Excel, then Insert → the arrow beside My Add-ins → Developer Add-ins → ${displayName}.`,
  ].join("\n");
}

/** The help links need the docs site; build it once (about 30 s) when it is not there yet. */
function buildDocsIfMissing(): void {
  const docs = path.resolve(addinDir, "../sdk-docs/dist/index.html");
  if (existsSync(docs) || process.env.CRITMIN_SKIP_DOCS === "1") return;
  console.log("Building the docs site for the functions' help links (about 30 s; CRITMIN_SKIP_DOCS=1 skips it)…");
  try {
    execFileSync("pnpm", ["--filter", "@critmin/sdk-docs", "build"], {
      cwd: addinDir,
      stdio: ["ignore", "ignore", "inherit"],
    });
  } catch (error) {
    console.log(
      `The docs did not build (${firstLine(error)}); help links will answer 404 until \`pnpm --filter @critmin/sdk-docs build\` succeeds.`,
    );
  }
}

export async function serve(): Promise<Server[]> {
  const dev = environments().find((e) => e.name === "dev")!;
  const root = path.join(addinDir, "dist", dev.name);
  const manifest = path.join(root, "manifest.xml");
  const started = Date.now();
  buildDocsIfMissing();
  await buildAddin();
  console.log(`Built dist/dev and dist/prod in ${((Date.now() - started) / 1000).toFixed(1)} s (${root})`);

  const outcome = await certificate();
  const requested = process.env.PORT === undefined || process.env.PORT === "" ? DEV_PORT : Number(process.env.PORT);
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535)
    throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const handler = staticHandler(root);
  const secure = outcome.kind !== "none";
  const primary = secure
    ? createHttpsServer({ key: outcome.tls.key, cert: outcome.tls.cert }, handler)
    : createHttpServer(handler);
  const servers = [primary];
  let port: number;
  try {
    port = await listen(primary, requested, "127.0.0.1");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
      throw new Error(`port ${requested} is in use (another dev server?): stop it, or set PORT`);
    throw error;
  }
  if (secure) {
    // "localhost" may resolve to ::1 first (Excel on Windows does): answer there too, if IPv6 is up.
    const v6 = createHttpsServer({ key: outcome.tls.key, cert: outcome.tls.cert }, handler);
    await listen(v6, port, "::1").then(
      () => servers.push(v6),
      () => undefined,
    );
  }
  const origin = secure ? `https://localhost:${port}` : `http://127.0.0.1:${port}`;
  const playground = `${origin}/taskpane.html?ns=${dev.namespace}`;

  const lines = ["", "critmin Excel add-in: dev server", `  Playground:  ${playground}`, `  Manifest:    ${manifest}`];
  if (outcome.kind === "trusted") {
    lines.push(`  Certificate: trusted localhost certificate from office-addin-dev-certs (${CERT_DIR})`);
  } else if (outcome.kind === "untrusted") {
    lines.push(
      `  Certificate: ${CERT_DIR}/localhost.crt, NOT trusted on this machine: ${outcome.reason}`,
      "               Browsers will warn and Excel will not load the add-in until its CA is trusted:",
      "               run `npx office-addin-dev-certs install` as a user who can use sudo (an administrator",
      `               on Windows), or add ${CERT_DIR}/ca.crt to the system's trusted CAs; then restart.`,
    );
  } else {
    lines.push(
      `  Certificate: none (${outcome.reason}).`,
      `               Fallback: plain http on 127.0.0.1. Excel loads add-ins only over https, so this serves`,
      "               the playground only. To sideload, run `npx office-addin-dev-certs install` (it needs sudo,",
      "               or an administrator on Windows) and start again without CRITMIN_DEV_HTTP.",
    );
  }
  if (port !== DEV_PORT)
    lines.push(
      `  Note:        the dev manifest points at https://localhost:${DEV_PORT}; Excel will not find this server on port ${port}.`,
    );
  lines.push(
    "",
    sideloadSteps(manifest, dev.namespace, dev.displayName),
    "",
    `Listening on ${origin} (press Ctrl+C to stop)`,
  );
  console.log(lines.join("\n"));
  return servers;
}

function stopOnSignals(servers: readonly Server[]): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the dev server.`);
    let open = servers.length;
    const done = () => {
      if (--open === 0) process.exit(0);
    };
    for (const server of servers) {
      server.close(done);
      server.closeAllConnections();
    }
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  serve().then(stopOnSignals, (error: unknown) => {
    console.error(`dev server failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
