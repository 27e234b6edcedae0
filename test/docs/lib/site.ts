// Builds the docs site the way `pnpm --filter @critmin/sdk-docs build` does, but in a private copy
// (packages/sdk-docs/.tmp/, gitignored), so a test never races a developer's build or dev server:
// the hand-written pages are copied, scripts/generate.ts writes the generated ones beside them,
// and `vitepress build` writes the site. Also a static server for it, on 127.0.0.1 only.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CONTENT_TYPES, listenLoopback, type Loopback } from "../../support/serve.ts";
import { resolveSitePath } from "./links.ts";

const run = promisify(execFile);

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const docsPackage = path.join(repoRoot, "packages/sdk-docs");
export const BASE = "/docs/";

export interface BuiltSite {
  /** The copied source folder (hand-written pages + generated/). */
  readonly srcDir: string;
  /** The built site: what is published under /docs/. */
  readonly outDir: string;
  readonly generateMs: number;
  readonly buildMs: number;
  readonly log: string;
  cleanup(): void;
}

function bin(name: string): string {
  for (const dir of [path.join(docsPackage, "node_modules/.bin"), path.join(repoRoot, "node_modules/.bin")]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  throw new Error(`${name} not found in node_modules/.bin: run pnpm install`);
}

export async function buildSite(): Promise<BuiltSite> {
  const work = path.join(docsPackage, ".tmp", `site-${process.pid}-${Date.now()}`);
  const srcDir = path.join(work, "docs");
  const outDir = path.join(work, "dist");
  mkdirSync(work, { recursive: true });
  // Hand-written pages and the config only: not a previous build's generated/, cache or dist.
  const source = path.join(docsPackage, "docs");
  const excluded = ["generated", ".vitepress/cache", ".vitepress/dist"].map((d) => path.join(source, d));
  cpSync(source, srcDir, { recursive: true, filter: (src) => !excluded.includes(src) });
  const env = { ...process.env, NODE_ENV: "production", FORCE_COLOR: "0" };
  let started = Date.now();
  const gen = await run(
    bin("tsx"),
    [
      "--conditions=@critmin/source",
      path.join(docsPackage, "scripts/generate.ts"),
      "--out",
      path.join(srcDir, "generated"),
    ],
    {
      cwd: docsPackage,
      env,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const generateMs = Date.now() - started;
  started = Date.now();
  const build = await run(bin("vitepress"), ["build", srcDir, "--outDir", outDir], {
    cwd: docsPackage,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  const buildMs = Date.now() - started;
  return {
    srcDir,
    outDir,
    generateMs,
    buildMs,
    log: `${gen.stdout}${gen.stderr}${build.stdout}${build.stderr}`,
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** Serves `root` under /docs/ on 127.0.0.1, resolving folders and extensionless URLs as a static host would. */
export function serveSite(root: string): Promise<Loopback & { requests: string[] }> {
  const requests: string[] = [];
  const served = listenLoopback((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(url.pathname);
    const file = resolveSitePath(root, BASE, url.pathname);
    if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  });
  return served.then((loopback) => ({ ...loopback, requests }));
}
