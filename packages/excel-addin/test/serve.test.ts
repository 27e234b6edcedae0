// The dev server behind `pnpm start`, run as a child process the way a person runs it, in its http
// fallback (CRITMIN_DEV_HTTP=1: no certificate, 127.0.0.1, a free port): it builds, prints the
// playground URL, the manifest path and the sideload steps, serves dist/dev with the right types,
// CORS and cache headers, and stops cleanly on SIGTERM.
//
// It runs on a scratch copy of the add-in's sources (node_modules linked), so its build cannot race
// other tests that build or read packages/excel-addin/dist at the same time.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const addinDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(addinDir, "../..");
const TSX_LOADER = pathToFileURL(path.join(repoRoot, "node_modules/tsx/dist/loader.mjs")).href;

/** A scratch copy of what the build reads (scripts, sources, manifest template), sharing node_modules. */
function scratchAddin(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "critmin-serve-"));
  for (const part of ["scripts", "src", "manifest", "package.json"]) {
    cpSync(path.join(addinDir, part), path.join(dir, part), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}generated`),
    });
  }
  symlinkSync(path.join(addinDir, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

interface Running {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(dir: string): Running {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, "scripts/serve.ts"], {
    cwd: dir,
    env: {
      ...process.env,
      CRITMIN_DEV_HTTP: "1",
      CRITMIN_SKIP_DOCS: "1",
      PORT: "0",
      OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true",
      NO_COLOR: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => text, exit };
}

async function waitFor(running: Running, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  let exited = false;
  void running.exit.then(() => (exited = true));
  for (;;) {
    const match = running.output().match(pattern);
    if (match) return match;
    if (exited || Date.now() > deadline)
      throw new Error(`no ${pattern} in the server's output${exited ? " (it exited)" : ""}:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A raw request, so paths like /%2e%2e/ reach the server unnormalised. */
function request(base: string, pathname: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const url = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: pathname, method: init.method ?? "GET", headers: init.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

let dir: string;
let server: Running;
let base: string;

beforeAll(async () => {
  dir = scratchAddin();
  server = start(dir);
  base = (await waitFor(server, /Listening on (http:\/\/127\.0\.0\.1:\d+)/, 90_000))[1]!;
}, 120_000);

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill("SIGKILL");
    await server.exit;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("pnpm start's dev server (http fallback)", () => {
  it("prints the playground URL, the absolute manifest path, the fallback and the sideload steps", () => {
    const out = server.output();
    const manifest = path.join(dir, "dist/dev/manifest.xml");
    expect(out).toContain(`Playground:  ${base}/taskpane.html?ns=CRITMINDEV`);
    expect(out).toContain(`Manifest:    ${manifest}`);
    expect(path.isAbsolute(manifest)).toBe(true);
    expect(out).toMatch(/Certificate: none \(CRITMIN_DEV_HTTP=1.*\)/);
    expect(out).toContain("Excel loads add-ins only over https, so this serves");
    expect(out).toContain("Excel on the web");
    expect(out).toMatch(/^ {4}3\. My Add-ins → Upload My Add-in/m);
    expect(out).toMatch(/^ {4}4\. Browse to the manifest above and choose Upload\./m);
    expect(out).toContain(`npx office-addin-dev-settings sideload "${manifest}" desktop --app excel`);
    expect(out).toContain("Trusted Add-in Catalogs");
    expect(out).toContain("~/Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    expect(out).toContain('=CRITMINDEV.CHINA_SHARE("cobalt")');
    expect(out).toMatch(/press Ctrl\+C to stop/);
  });

  it("serves functions.json as JSON with CORS and revalidation", async () => {
    const res = await fetch(`${base}/functions.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const metadata = (await res.json()) as { functions: { id: string }[] };
    expect(metadata.functions.map((f) => f.id)).toContain("CHINA_SHARE");

    const etag = res.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const again = await request(base, "/functions.json", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);

    const preflight = await request(base, "/functions.json", {
      method: "OPTIONS",
      headers: {
        Origin: "https://excel.officeapps.live.com",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Private-Network": "true",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers["access-control-allow-private-network"]).toBe("true");
  });

  it("serves the task pane with its CSP and nothing inline", async () => {
    const res = await fetch(`${base}/taskpane.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toMatch(
      /<meta\s+http-equiv="Content-Security-Policy"\s+content="default-src 'self'; script-src 'self' https:\/\/appsforoffice\.microsoft\.com; style-src 'self';/,
    );
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script has a src
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    for (const file of ["taskpane.js", "functions.js"]) {
      const script = await fetch(`${base}/${file}`);
      expect(script.headers.get("content-type"), file).toBe("text/javascript; charset=utf-8");
    }
    expect((await fetch(`${base}/taskpane.css`)).headers.get("content-type")).toBe("text/css; charset=utf-8");
    const root = await request(base, "/?ns=CRITMINDEV");
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe("/taskpane.html?ns=CRITMINDEV");
  });

  it("serves the dev manifest and cacheable icons, and nothing outside dist/dev", async () => {
    const res = await fetch(`${base}/manifest.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toContain("<OfficeApp");
    expect(xml).toContain('DefaultValue="CRITMINDEV"');
    expect(xml).toContain("https://localhost:3000/functions.json");

    const icon = await fetch(`${base}/assets/icon-32.png`);
    expect(icon.headers.get("content-type")).toBe("image/png");
    expect(icon.headers.get("cache-control")).toBe("public, max-age=86400");

    for (const p of ["/%2e%2e/package.json", "/..%2fscripts%2fserve.ts", "/nope.html", "/assets"]) {
      expect((await request(base, p)).status, p).toBe(404);
    }
    expect((await request(base, "/functions.json", { method: "POST" })).status).toBe(405);
  });

  it("stops cleanly on SIGTERM", async () => {
    server.child.kill("SIGTERM");
    const { code, signal } = await server.exit;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain("SIGTERM: stopping the dev server.");
    await expect(fetch(`${base}/functions.json`)).rejects.toThrow();
  });
});
