// Packs @critmin/core as npm would publish it and uses the tarball the way consumers do:
// Node ESM and CJS, TypeScript with node16 and bundler resolution, and the README's example.
// No network: the tarball is unpacked into each consumer's node_modules, zod linked from the workspace.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaShare, datasetVersion } from "../packages/core/src/index.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const coreDir = path.join(root, "packages/core");
const requireFromCore = createRequire(path.join(coreDir, "package.json"));
const zodDir = path.dirname(requireFromCore.resolve("zod/package.json"));
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

let work: string;
let tarball: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "critmin-pack-"));
  execFileSync("pnpm", ["--filter", "@critmin/core", "build"], { cwd: root, stdio: "pipe" });
  execFileSync("pnpm", ["pack", "--pack-destination", work], { cwd: coreDir, stdio: "pipe" });
  tarball = path.join(
    work,
    readdirSync(work).find((f) => f.endsWith(".tgz"))!,
  );
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A consumer folder from test/consumer with the tarball installed by hand. */
let consumers = 0;
function consumer(name: string): string {
  const dir = path.join(work, `${name}-${++consumers}`);
  cpSync(path.join(root, "test/consumer", name), dir, { recursive: true });
  const pkg = path.join(dir, "node_modules/@critmin/core");
  mkdirSync(pkg, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", pkg, "--strip-components=1"]);
  symlinkSync(zodDir, path.join(dir, "node_modules/zod"), "dir");
  return dir;
}

const expected = () => ({ cobalt: chinaShare("cobalt"), version: datasetVersion() });

describe("the packed @critmin/core", () => {
  it("ships the built bundles, types and data exports, and no sources or tests", () => {
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n").sort();
    expect(files).toEqual(
      expect.arrayContaining([
        "package/dist/index.js",
        "package/dist/index.cjs",
        "package/dist/index.d.ts",
        "package/dist/index.d.cts",
        "package/dist/schema.js",
        "package/dist/schema.cjs",
        "package/schema/package.json",
        "package/data/supply.csv",
        "package/package.json",
      ]),
    );
    expect(files.filter((f) => f.startsWith("package/src/") || f.includes(".test."))).toEqual([]);
  });

  it("works from Node ESM", () => {
    const out = execFileSync(process.execPath, ["index.mjs"], { cwd: consumer("node-esm"), encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ ...expected(), schemaWorks: true, refreshInstalls: true });
  });

  it("works from Node CJS", () => {
    const out = execFileSync(process.execPath, ["index.cjs"], { cwd: consumer("node-cjs"), encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ ...expected(), zodLoadedByCore: false, schemaWorks: true });
  });

  it.each(["ts-node16", "ts-bundler"])("type-checks from TypeScript (%s)", (name) => {
    expect(() =>
      execFileSync(bin("tsc"), ["-p", "."], { cwd: consumer(name), encoding: "utf8", stdio: "pipe" }),
    ).not.toThrow();
  });

  it("runs the README's developer example", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const example = /## For developers[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(example.trim().split("\n")).toHaveLength(5);
    const dir = consumer("node-esm");
    writeFileSync(path.join(dir, "readme.mjs"), example);
    const lines = execFileSync(process.execPath, ["readme.mjs"], { cwd: dir, encoding: "utf8" }).trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(Number(lines[0])).toBe(chinaShare("cobalt"));
  });

  it("passes publint", async () => {
    const { messages } = await publint({ pkgDir: coreDir, pack: false, strict: true });
    expect(messages).toEqual([]);
  });

  it("passes arethetypeswrong", () => {
    expect(() =>
      execFileSync(bin("attw"), [tarball, "--format", "ascii"], { encoding: "utf8", stdio: "pipe" }),
    ).not.toThrow();
  });
});
