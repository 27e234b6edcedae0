// Packs @critmin/core as npm would publish it and uses the tarball the way consumers do:
// Node ESM and CJS, TypeScript with node16 and bundler resolution, the READMEs' examples, what its
// .d.ts files promise against what its bundles export, and what a bundler keeps of it.
// No network: the tarball is unpacked into each consumer's node_modules, zod linked from the workspace.
// One file, so that the package is built once (a second build at the same time would race on dist/).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { publint } from "publint";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaShare, dataset, datasetVersion, editions } from "../packages/core/src/index.ts";

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
        "package/LICENSE",
        "package/NOTICE",
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

/** The entries of the package's `exports` with types and a bundle for `import` and `require`. */
function codeEntries(pkgDir: string): { subpath: string; format: "import" | "require"; types: string; code: string }[] {
  const { exports } = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as {
    exports: Record<string, string | Record<string, { types: string; default: string }>>;
  };
  return Object.entries(exports).flatMap(([subpath, target]) =>
    typeof target === "string"
      ? []
      : (["import", "require"] as const).map((format) => ({
          subpath,
          format,
          types: target[format]!.types,
          code: target[format]!.default,
        })),
  );
}

/**
 * What TypeScript (node16 resolution) sees a module specifier export as values, and every file the
 * compiler read to know it, from a one-line probe that imports it in `format`.
 */
function declaredValues(dir: string, specifier: string, format: "import" | "require") {
  const probe = path.join(dir, format === "import" ? "probe.mts" : "probe.cts");
  const quoted = JSON.stringify(specifier);
  writeFileSync(
    probe,
    format === "import" ? `import * as entry from ${quoted};\n` : `import entry = require(${quoted});\n`,
  );
  const program = ts.createProgram([probe], {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    verbatimModuleSyntax: true,
    strict: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probe)!;
  const errors = ts
    .getPreEmitDiagnostics(program, source)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  const [statement] = source.statements;
  const specifierNode =
    statement && ts.isImportDeclaration(statement)
      ? statement.moduleSpecifier
      : ((statement as ts.ImportEqualsDeclaration).moduleReference as ts.ExternalModuleReference).expression;
  const module = checker.getSymbolAtLocation(specifierNode)!;
  const values = checker
    .getExportsOfModule(module)
    .filter((symbol) => {
      // An `export { type X }` is no value, whatever X is.
      if (symbol.declarations?.some((d) => ts.isTypeOnlyExportDeclaration(d))) return false;
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => symbol.name)
    .sort();
  const files = program.getSourceFiles().map((f) => f.fileName);
  return { values, files, errors };
}

describe("the packed @critmin/core's types", () => {
  let dir: string;
  let pkgDir: string;
  beforeAll(() => {
    dir = consumer("node-esm");
    pkgDir = path.join(dir, "node_modules/@critmin/core");
  });

  it("has an import and a require entry with types for the main entry and ./schema", () => {
    expect(codeEntries(pkgDir).map((e) => `${e.subpath} ${e.format}`)).toEqual([
      ". import",
      ". require",
      "./schema import",
      "./schema require",
    ]);
  });

  it("declares as values exactly what each bundle exports (ESM and CJS, every entry)", async () => {
    const requireFromConsumer = createRequire(path.join(dir, "index.cjs"));
    const mismatches: string[] = [];
    for (const entry of codeEntries(pkgDir)) {
      const specifier = path.posix.join("@critmin/core", entry.subpath);
      const declared = declaredValues(dir, specifier, entry.format);
      expect(declared.errors).toEqual([]);
      expect(declared.files).toContain(path.join(pkgDir, entry.types));
      const file = path.join(pkgDir, entry.code);
      const runtime = Object.keys(
        entry.format === "import" ? await import(pathToFileURL(file).href) : requireFromConsumer(file),
      ).sort();
      const missing = declared.values.filter((name) => !runtime.includes(name));
      const undeclared = runtime.filter((name) => !declared.values.includes(name));
      if (missing.length > 0) mismatches.push(`${entry.types} declares, ${entry.code} lacks: ${missing.join(", ")}`);
      if (undeclared.length > 0)
        mismatches.push(`${entry.code} exports, ${entry.types} does not declare: ${undeclared.join(", ")}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each(["import", "require"] as const)("main entry's types (%s) read no zod", (format) => {
    const { files } = declaredValues(dir, "@critmin/core", format);
    const zod = files.filter((f) => /[\\/]zod[\\/]/.test(f)).slice(0, 3);
    const naming = files
      .filter((f) => f.startsWith(pkgDir))
      .filter((f) => /from ["']zod["']|import ["']zod["']/.test(readFileSync(f, "utf8")));
    expect({ zod, naming }).toEqual({ zod: [], naming: [] });
  });
});

describe("the packed @critmin/core's data files and notices", () => {
  it("lists LICENSE and NOTICE in npm pack", () => {
    const [report] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: coreDir, encoding: "utf8" }),
    ) as [{ files: { path: string }[] }];
    expect(report.files.map((f) => f.path)).toEqual(expect.arrayContaining(["LICENSE", "NOTICE", "README.md"]));
  });

  it("ships the repository's MIT LICENSE", () => {
    const licence = readFileSync(path.join(coreDir, "LICENSE"), "utf8");
    expect(licence).toBe(readFileSync(path.join(root, "LICENSE"), "utf8"));
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) 2026 critmin contributors\n/);
    expect(JSON.parse(readFileSync(path.join(coreDir, "package.json"), "utf8")).license).toBe("MIT");
  });

  it("NOTICE quotes every edition's citation and licence as the dataset records them", () => {
    const notice = readFileSync(path.join(coreDir, "NOTICE"), "utf8");
    const missing = editions().flatMap((e) =>
      [e.citation, e.licence].filter((text) => !notice.includes(text)).map((text) => `${e.id}: ${text}`),
    );
    expect(missing).toEqual([]);
  });

  it("exports data/ as @critmin/core/data/*, the same rows as the typed dataset", () => {
    const dir = consumer("node-esm");
    const requireFromConsumer = createRequire(path.join(dir, "index.cjs"));
    const json = requireFromConsumer("@critmin/core/data/critmin-data.json") as {
      version: string;
      supply: unknown[];
      demand: unknown[];
      indicators: unknown[];
    };
    expect(json.version).toBe(datasetVersion());
    const data = dataset();
    expect([json.supply.length, json.demand.length, json.indicators.length]).toEqual([
      data.supply.length,
      data.demand.length,
      data.indicators.length,
    ]);
    for (const [file, rows] of [
      ["supply.csv", data.supply],
      ["demand.csv", data.demand],
      ["indicators.csv", data.indicators],
    ] as const) {
      const lines = readFileSync(requireFromConsumer.resolve(`@critmin/core/data/${file}`), "utf8")
        .trimEnd()
        .split("\n");
      const keys = new Set(rows.flatMap((row) => Object.keys(row)));
      expect(lines[0]!.split(",").sort(), file).toEqual([...keys].sort());
      // A quoted cell may hold no line break (the exporter writes none), so lines are rows.
      expect(lines.length - 1, file).toBe(rows.length);
    }
  });

  it("runs the package README's data example", () => {
    const readme = readFileSync(path.join(coreDir, "README.md"), "utf8");
    const example = /## Data files[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)![1]!;
    const dir = consumer("node-esm");
    writeFileSync(path.join(dir, "data.mjs"), `${example}\nconsole.log(JSON.stringify([data.version, csvPath]));\n`);
    const [version, csvPath] = JSON.parse(execFileSync(process.execPath, ["data.mjs"], { cwd: dir, encoding: "utf8" }));
    expect(version).toBe(datasetVersion());
    expect(fileURLToPath(csvPath)).toBe(path.join(dir, "node_modules/@critmin/core/data/supply.csv"));
  });
});

// Minified ESM bytes a bundler keeps of the packed package for one import. Measured with esbuild
// 0.27 (minified, platform neutral): herfindahl 1,108 B (539,447 B before top-level calls were
// marked pure); chinaShare 538,209 B (547,089 B before): it read dataset(), whose object carries the
// supply, demand and indicator tables, so their text came along; once the policy tables (lists,
// export controls, WGI governance 2018–2022 as float32) joined that object, 725,842 B. Since the
// functions read each table through its own accessor (data/tables.ts) and the indexes' cache no
// longer builds that object, each keeps only its tables: chinaShare 303,924 B (supply, editions,
// registries); governanceWeightedHhi 439,243 B (those and governance; 728,684 B before);
// exportControls 85,409 B (controls, editions, registries; 723,549 B before). A function that never
// reads a table (herfindahl, 2,606 B) keeps none of them.
const BUDGETS = { herfindahl: 10_000, chinaShare: 310_000, governanceWeightedHhi: 445_000, exportControls: 90_000 };

/** The part of Rollup's API used here (Rollup is no dependency of the workspace root, so no types). */
interface Rollup {
  rollup: (options: {
    input: string;
    logLevel: "silent";
    plugins: { name: string; resolveId(id: string): string | null; load(id: string): string | null }[];
  }) => Promise<{ generate(options: { format: "es" }): Promise<{ output: [{ code: string }] }> }>;
}

describe("what a bundler keeps of the packed @critmin/core", () => {
  let dir: string;
  beforeAll(() => {
    dir = consumer("node-esm");
  });

  it.each(Object.entries(BUDGETS))("esbuild: importing only %s stays within %i bytes", async (name, budget) => {
    const result = await build({
      stdin: { contents: `export { ${name} } from "@critmin/core";`, resolveDir: dir, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      write: false,
      logLevel: "silent",
    });
    const bytes = result.outputFiles[0]!.contents.length;
    console.info(`esbuild, ${name} only: ${bytes} bytes`);
    expect(bytes).toBeLessThanOrEqual(budget);
  });

  it("Rollup: importing only herfindahl keeps no data", async () => {
    // Rollup is in the workspace as tsup's dependency; webpack is not installed, so it is not tried.
    const requireFromTsup = createRequire(createRequire(path.join(coreDir, "package.json")).resolve("tsup"));
    const { rollup } = (await import(pathToFileURL(requireFromTsup.resolve("rollup")).href)) as Rollup;
    const entry = path.join(dir, "node_modules/@critmin/core/dist/index.js");
    const bundle = await rollup({
      input: "probe",
      logLevel: "silent",
      plugins: [
        {
          name: "probe",
          resolveId: (id) => (id === "probe" ? id : id === "@critmin/core" ? entry : null),
          load: (id) => (id === "probe" ? `export { herfindahl } from "@critmin/core";` : null),
        },
      ],
    });
    const { output } = await bundle.generate({ format: "es" });
    expect(output[0].code.length).toBeLessThanOrEqual(BUDGETS.herfindahl);
  });
});
