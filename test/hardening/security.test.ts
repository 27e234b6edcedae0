// Security checks on what ships: the built bundles of @critmin/core and of the add-in evaluate no
// strings as code (no eval, no Function constructor, no string timers), the task pane's Content
// Security Policy allows scripts only from itself and Office.js's CDN, and no third-party script is
// loaded at run time. Manifest URLs (https) and the exact permission are asserted in
// packages/excel-addin/test/manifest.test.ts; here only that the permission asked for is used.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addinDir } from "../../packages/excel-addin/scripts/build.ts";
import { buildAddinSnapshot } from "../../packages/excel-addin/test/buildSnapshot.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const coreDir = path.join(root, "packages/core");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

let scratch: string;
/** Snapshots of the builds: other test files rebuild packages/*\/dist concurrently. */
let coreDist: string;
let addinDist: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "critmin-security-"));
  // @critmin/core exactly as `pnpm --filter @critmin/core build` builds it (tsup.config.ts), into a
  // folder of its own so the packaging test's build of dist/ is not disturbed; types are not scanned.
  coreDist = path.join(scratch, "core");
  execFileSync(path.join(coreDir, "node_modules/.bin/tsup"), ["--out-dir", coreDist, "--no-dts"], {
    cwd: coreDir,
    stdio: "pipe",
  });
  // The add-in, both environments; the manifest test builds concurrently, hence a snapshot.
  addinDist = path.join(scratch, "addin");
  await buildAddinSnapshot(addinDist);
}, 180_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, ext) : full.endsWith(ext) ? [full] : [];
  });
}

/**
 * Ways JavaScript turns a string into code. Minifiers rename, so the Function constructor is also
 * caught when assigned to a variable (`let e=Function; new e("")`: zod's JIT). A bare reference in
 * a list or an object (`[Function, Array]`, `type: Function`: Vue's prop types) evaluates nothing.
 */
const CODE_FROM_STRINGS: readonly (readonly [string, RegExp])[] = [
  ["eval(", /(?<![\w$])eval\s*\(/],
  ["eval as a value", /(?<![\w$.])eval(?=\s*[,;)}\]])/],
  ["new Function", /\bnew\s+Function\b/],
  ["Function(…) called", /(?<![\w$.])Function\s*\(/],
  ["Function assigned to a variable", /(?<![=!<>])=\s*Function(?=\s*[,;)])/],
  ['Function via .constructor("…")', /\.constructor\s*\(\s*["'`]/],
  ["setTimeout with a string", /(?<![\w$])setTimeout\s*\(\s*["'`]/],
  ["setInterval with a string", /(?<![\w$])setInterval\s*\(\s*["'`]/],
];

/** Ways a page pulls in a script the CSP and this review never saw. */
const SCRIPT_LOADING: readonly (readonly [string, RegExp])[] = [
  ['createElement("script")', /createElement\s*\(\s*["'`]script["'`]\s*\)/i],
  ["document.write", /document\.write(?:ln)?\s*\(/],
  ["importScripts", /(?<![\w$])importScripts\s*\(/],
  ["import() of a URL", /(?<![\w$])import\s*\(\s*["'`]https?:/],
];

function findings(file: string, patterns: readonly (readonly [string, RegExp])[]): string[] {
  const text = readFileSync(file, "utf8");
  return patterns.flatMap(([what, pattern]) => {
    const m = pattern.exec(text);
    return m
      ? [
          `${path.basename(path.dirname(file))}/${path.basename(file)}: ${what} at ${m.index}: …${text.slice(Math.max(0, m.index - 60), m.index + 60)}…`,
        ]
      : [];
  });
}

describe("the scanner", () => {
  it("catches each way of evaluating a string, minified or not, and passes look-alikes", () => {
    const hits = (code: string) => CODE_FROM_STRINGS.filter(([, p]) => p.test(code)).map(([w]) => w);
    expect(hits('eval("1")')).toContain("eval(");
    expect(hits("const f = new Function('return 1')")).toContain("new Function");
    expect(hits('let e=Function;return new e(""),!0')).toContain("Function assigned to a variable");
    expect(hits("compile(){let r=Function,t=this?.content")).toContain("Function assigned to a variable");
    expect(hits("Function('a','return a')")).toContain("Function(…) called");
    expect(hits('(()=>{}).constructor("return this")()')).toContain('Function via .constructor("…")');
    expect(hits("setTimeout('alert(1)', 10)")).toContain("setTimeout with a string");
    expect(
      hits('CustomFunctions.associate("X",f);isFunction(x);typeof x=="function";y.evaluate(1);medieval(2)'),
    ).toEqual([]);
    expect(hits("const Fe=[Function,Array],ao={mode:String,type:Function};if(x===Function)y()")).toEqual([]);
  });
});

describe("built bundles evaluate no strings as code", () => {
  it("@critmin/core: dist/index and dist/schema, ESM and CJS (zod stays a dependency, not bundled)", () => {
    const files = filesUnder(coreDist, ".js").concat(filesUnder(coreDist, ".cjs"));
    expect(files.map((f) => path.basename(f)).sort()).toEqual(["index.cjs", "index.js", "schema.cjs", "schema.js"]);
    expect(files.flatMap((f) => findings(f, CODE_FROM_STRINGS))).toEqual([]);
  });

  it("the add-in: functions.js and taskpane.js of both environments, and every other script it ships (the docs site)", () => {
    const files = [...filesUnder(addinDist, ".js"), ...filesUnder(addinDist, ".mjs")];
    const bundles = ["dev/functions.js", "dev/taskpane.js", "prod/functions.js", "prod/taskpane.js"];
    expect(files.map((f) => path.relative(addinDist, f))).toEqual(expect.arrayContaining(bundles));
    // zod's JIT compiles object parsers with `new Function`: the add-in must not carry zod at all
    // (core's schemas are /* @__PURE__ */ and no function reads them at run time, so they shake out).
    for (const f of bundles)
      expect(readFileSync(path.join(addinDist, f), "utf8"), `${f} bundles zod`).not.toMatch(/_zod|ZodError|jitless/);
    expect(files.flatMap((f) => findings(f, CODE_FROM_STRINGS))).toEqual([]);
  });

  it("a consumer bundling core's functions gets neither zod nor the Function constructor", async () => {
    // Core keeps zod external; its option schemas are pure, so importing only functions drops zod.
    // (A consumer who imports a schema gets zod and its JIT; under a strict CSP they should call
    // z.config({ jitless: true }) themselves: core does not change a global zod setting for them.)
    const result = await build({
      stdin: {
        contents: `import { share, hhi, provenance, techExposure } from ${JSON.stringify(path.join(coreDist, "index.js"))};\nconsole.log(share("cobalt", "CHN"), hhi("cobalt"), provenance("cobalt"), techExposure("EV"));`,
        resolveDir: scratch,
        loader: "js",
      },
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      minify: true,
      nodePaths: [path.join(coreDir, "node_modules")],
      logLevel: "error",
    });
    const text = result.outputFiles[0]!.text;
    expect(text).not.toMatch(/_zod|ZodError|jitless/);
    expect(CODE_FROM_STRINGS.filter(([, p]) => p.test(text)).map(([w]) => w)).toEqual([]);
  });
});

describe("the task pane loads only its own scripts and Office.js", () => {
  const pages = () => [
    path.join(addinDir, "src/taskpane/taskpane.html"),
    path.join(addinDist, "dev/taskpane.html"),
    path.join(addinDist, "prod/taskpane.html"),
  ];

  function csp(html: string): Map<string, string[]> {
    const metas = [
      ...html.matchAll(/<meta\s+http-equiv=(["'])Content-Security-Policy\1\s+content=(["'])(.*?)\2\s*\/?>/gi),
    ];
    expect(metas, "exactly one CSP <meta>").toHaveLength(1);
    return new Map(
      metas[0]![3]!
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
    );
  }

  it.each([0, 1, 2])(
    "page %i: a Content Security Policy whose scripts come from 'self' and Office.js's CDN only",
    (i) => {
      const file = pages()[i]!;
      const policy = csp(readFileSync(file, "utf8"));
      expect(policy.get("default-src"), `${file}: default-src`).toEqual(["'self'"]);
      const scripts = policy.get("script-src") ?? policy.get("default-src")!;
      expect([...scripts].sort(), `${file}: script-src`).toEqual(["'self'", OFFICE_CDN].sort());
      for (const [directive, sources] of policy) {
        for (const unsafe of [
          "'unsafe-inline'",
          "'unsafe-eval'",
          "'wasm-unsafe-eval'",
          "'unsafe-hashes'",
          "*",
          "data:",
          "blob:",
          "http:",
          "https:",
        ]) {
          if (directive === "img-src" && unsafe === "data:") continue; // icons as data: URLs are images, not code
          expect(sources, `${file}: ${directive} allows ${unsafe}`).not.toContain(unsafe);
        }
      }
      expect(policy.has("object-src") ? policy.get("object-src") : policy.get("default-src"), "plugins").toEqual([
        "'self'",
      ]);
    },
  );

  it.each([0, 1, 2])(
    "page %i: every <script> has a src on this origin or Office.js's CDN, no inline code or handlers",
    (i) => {
      const file = pages()[i]!;
      const html = readFileSync(file, "utf8");
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        const src = /\bsrc=["']([^"']+)["']/i.exec(attributes!)?.[1];
        expect(src, `${file}: inline <script>`).toBeDefined();
        expect(body!.trim(), `${file}: <script src=${src}> with a body`).toBe("");
        const remote = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src!);
        if (remote) expect(src!.startsWith(`${OFFICE_CDN}/`), `${file}: third-party script ${src}`).toBe(true);
        else expect(src).toMatch(/^[\w./-]+\.js$/);
      }
      expect(html, `${file}: inline event handler`).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
      expect(html, `${file}: javascript: URL`).not.toMatch(/javascript:/i);
    },
  );

  it("the bundles inject no scripts of their own (no script elements, document.write, importScripts or remote import())", () => {
    expect(
      ["functions.js", "taskpane.js"].flatMap((f) =>
        ["dev", "prod"].flatMap((env) => findings(path.join(addinDist, env, f), SCRIPT_LOADING)),
      ),
    ).toEqual([]);
  });

  it("no page the add-in's host serves (task pane, docs site) loads a script from another origin than Office.js's CDN", () => {
    const offenders = filesUnder(addinDist, ".html").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)]
        .map((m) => m[1]!)
        .filter((src) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src) && !src.startsWith(`${OFFICE_CDN}/`))
        .map((src) => `${path.relative(addinDist, file)}: ${src}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe("the manifest asks for no more than the add-in uses", () => {
  it("ReadWriteDocument is asked for only because the task pane writes to the workbook", () => {
    // Custom functions need no permission (Restricted would do). The task pane inserts datasets as
    // Excel tables and writes cells, which needs write access, and reads the workbook back (pins,
    // the sources sheet), hence ReadWriteDocument: the least permission that covers both. If the
    // workbook code goes, this fails: narrow the manifest (and manifest.test.ts) to Restricted.
    const manifests = ["dev", "prod"].map((env) => readFileSync(path.join(addinDist, env, "manifest.xml"), "utf8"));
    const permissions = manifests.map((xml) => /<Permissions>\s*([A-Za-z]+)\s*<\/Permissions>/.exec(xml)?.[1]);
    expect(permissions).toEqual(["ReadWriteDocument", "ReadWriteDocument"]);
    const sources = filesUnder(path.join(addinDir, "src"), ".ts")
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const writes = /\.tables\.add\s*\(|\.values\s*=(?!=)|\.formulas\s*=(?!=)/.test(sources);
    expect(writes, "ReadWriteDocument without any code that writes to the workbook").toBe(true);
    // https everywhere except XML namespace names (identifiers, never fetched): see manifest.test.ts.
    for (const xml of manifests) {
      const plain = [...xml.matchAll(/(?<!xmlns(?::\w+)?=")http:\/\/[^"\s<]+/g)].map((m) => m[0]);
      expect(plain).toEqual([]);
    }
  });

  it("the manifest tests that cover https and the exact permission exist", () => {
    const manifestTest = path.join(addinDir, "test/manifest.test.ts");
    expect(existsSync(manifestTest)).toBe(true);
    const text = readFileSync(manifestTest, "utf8");
    expect(text).toContain("every URL is https");
    expect(text).toContain("permissions are exactly ReadWriteDocument");
  });
});
