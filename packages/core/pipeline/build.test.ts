// The data-build CLI (scripts/build-data.ts) as a user runs it: a child process with real
// arguments, each run against its own temporary copy of the sources and its own output folder.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSources } from "./build.ts";
import { EXPORT_DIR, GEN_DIR, renderFiles } from "./emit.ts";
import { SOURCE_DIR } from "./sourceDir.ts";

const coreDir = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = path.resolve(coreDir, "../..");
const script = path.join(coreDir, "scripts/build-data.ts");
const realDataDir = SOURCE_DIR;

const FAILED = "data build failed, nothing was written.";
const USGS_WORLD = "usgs/MCS2025_World_Data.csv";
const EU_GLOBAL = "eu/ec-crm-2023-appendix7-global-supply-shares.csv";
const IEA_JSON = "iea/IEA_CM_Data_Explorer_2025-05.parsed.json";
const IEA_XLSX = "iea/IEA_CM_Data_Explorer_2024-05.xlsx";

// ---------------------------------------------------------------------------------------------
// helpers

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in a child Node with tsx, as `pnpm data:build` does; CRITMIN_DATA only when given. */
function cli(args: readonly string[], env: Record<string, string> = {}): Run {
  const { CRITMIN_DATA: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...inherited, ...env },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `critmin-build-${label}-`));
  temps.push(dir);
  return dir;
}

interface TreeEntry {
  readonly path: string;
  /** Relative to the root, `/`-separated. */
  readonly rel: string;
  readonly name: string;
  readonly isDirectory: boolean;
}

/** Every entry under `root`, depth first: a directory comes before what it holds. */
function walkTree(root: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      const rel = path.relative(root, p).split(path.sep).join("/");
      out.push({ path: p, rel, name: entry.name, isDirectory: entry.isDirectory() });
      if (entry.isDirectory()) walk(p);
    }
  };
  walk(root);
  return out;
}

/** Copies the (read-only) source folder and makes the copy writable, so it can be edited and removed. */
function copyData(dest: string): string {
  cpSync(realDataDir, dest, { recursive: true });
  chmodSync(dest, 0o755);
  for (const entry of walkTree(dest)) chmodSync(entry.path, entry.isDirectory ? 0o755 : 0o644);
  return dest;
}

/** Every file under `root`, as `/`-separated relative paths, sorted. */
function listFiles(root: string): string[] {
  return walkTree(root)
    .filter((e) => !e.isDirectory)
    .map((e) => e.rel)
    .sort();
}

/** Every entry (directories too) with its content hash and mtime: equal snapshots mean nothing was touched. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path: p, rel, isDirectory } of walkTree(root)) {
    if (isDirectory) out[`${rel}/`] = "dir";
    else out[rel] = `${createHash("sha256").update(readFileSync(p)).digest("hex")} mtime ${statSync(p).mtimeMs}`;
  }
  return out;
}

/** Staging or swapped-out directories the atomic write leaves behind if it does not clean up. */
function leftovers(root: string): string[] {
  return walkTree(root)
    .filter((e) => /\.(staging|old)-/.test(e.name))
    .map((e) => e.rel);
}

/** Reads and rewrites a text file byte for byte (latin1 round-trips every byte, including the EU files' 0xFC). */
function editBytes(file: string, edit: (text: string) => string): void {
  const before = readFileSync(file, "latin1");
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(file, after, "latin1");
}

/** 1-based physical line of the first line matching `pattern`. */
function lineOf(file: string, pattern: RegExp): number {
  const index = readFileSync(file, "latin1")
    .split(/\r?\n/)
    .findIndex((l) => pattern.test(l));
  if (index < 0) throw new Error(`no line matching ${pattern} in ${file}`);
  return index + 1;
}

function replaceLine(file: string, line: number, edit: (text: string) => string): void {
  editBytes(file, (text) => {
    const lines = text.split("\n");
    lines[line - 1] = edit(lines[line - 1] ?? "");
    return lines.join("\n");
  });
}

// ---------------------------------------------------------------------------------------------

describe("build-data CLI: building from the sources", () => {
  let data: string;
  let out: string;
  let first: Run;
  let expected: Map<string, string>;

  beforeAll(async () => {
    const dir = tempDir("ok");
    data = copyData(path.join(dir, "data"));
    out = path.join(dir, "out");
    first = cli(["--data", data, "--out", out]);
    expected = renderFiles(await readSources(data));
  }, 60_000);

  it("exits 0, reports progress and coverage, and writes exactly the files renderFiles names", () => {
    expect(first.stderr).toContain(`reading sources from ${data}`);
    expect(first.status, first.stderr).toBe(0);
    for (const id of ["iea-cmde-2024", "iea-cmde-2025", "usgs-mcs-2025", "ec-crm-2023"]) {
      expect(first.stdout).toMatch(new RegExp(`^${id} `, "m"));
    }
    expect(expected.size).toBe(16);
    expect(listFiles(out)).toEqual([...expected.keys()].sort());
    const differing = [...expected]
      .filter(([file, content]) => readFileSync(path.join(out, file), "utf8") !== content)
      .map(([f]) => f);
    expect(differing).toEqual([]);
    expect(leftovers(out)).toEqual([]);
  });

  it("writes byte for byte what is committed in packages/core, and the committed folders hold nothing else", () => {
    const differing = [...expected.keys()].filter(
      (file) => !readFileSync(path.join(out, file)).equals(readFileSync(path.join(coreDir, file))),
    );
    expect(differing).toEqual([]);
    // The build replaces both folders whole, so a stray committed file there is one no build makes.
    const committed = [GEN_DIR, EXPORT_DIR].flatMap((dir) =>
      listFiles(path.join(coreDir, dir)).map((f) => `${dir}/${f}`),
    );
    expect(committed.sort()).toEqual([...expected.keys()].sort());
  });

  it("rebuilds over its own output (CRITMIN_DATA, --quiet) to the same bytes, leaving no staging or old folders", () => {
    const before = Object.fromEntries(listFiles(out).map((f) => [f, readFileSync(path.join(out, f))]));
    const again = cli(["--out", out, "--quiet"], { CRITMIN_DATA: data });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toBe("");
    expect(again.stdout).toBe(first.stdout);
    expect(listFiles(out)).toEqual(Object.keys(before).sort());
    expect(listFiles(out).filter((f) => !readFileSync(path.join(out, f)).equals(before[f] ?? Buffer.alloc(0)))).toEqual(
      [],
    );
    expect(leftovers(out)).toEqual([]);
  });

  it("--check passes on an untouched build and fails naming the one edited file, writing nothing", () => {
    const checked = path.join(tempDir("check"), "out");
    cpSync(out, checked, { recursive: true });

    const clean = cli(["--data", data, "--out", checked, "--check"]);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stderr).toContain("data:check ok: 16 files match");

    const edited = `${GEN_DIR}/supply.gen.ts`;
    editBytes(path.join(checked, edited), (text) => text.replace('"reported"', '"estimated"'));
    const before = snapshot(checked);
    const dirty = cli(["--data", data, "--out", checked, "--check", "--quiet"]);
    expect(dirty.status).toBe(1);
    expect(dirty.stderr).toContain("data:check failed");
    expect(dirty.stderr).toContain(`${edited}: differs from a rebuild of ${data}`);
    const othersNamed = [...expected.keys()].filter((f) => f !== edited && dirty.stderr.includes(`${f}:`));
    expect(othersNamed).toEqual([]);
    expect(snapshot(checked)).toEqual(before);
    expect(leftovers(checked)).toEqual([]);
  });
});

describe("build-data CLI: a bad source fails the build and leaves the previous output intact", () => {
  let baseline: string;

  beforeAll(() => {
    baseline = path.join(tempDir("baseline"), "out");
    const built = cli(["--data", realDataDir, "--out", baseline, "--quiet"]);
    expect(built.status, built.stderr).toBe(0);
  }, 60_000);

  /**
   * A fresh folder with an edited copy of the sources and a copy of the baseline build as `--out`;
   * runs the build and checks the common contract: exit 1, the failure banner, no stdout, the
   * output untouched (contents and mtimes), no staging or old folders. Returns stderr.
   */
  function failingBuild(label: string, breakSources: (data: string) => void): string {
    const dir = tempDir(label);
    const data = copyData(path.join(dir, "data"));
    breakSources(data);
    const out = path.join(dir, "out");
    cpSync(baseline, out, { recursive: true });
    const before = snapshot(out);

    const run = cli(["--data", data, "--out", out, "--quiet"]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr.startsWith(`${FAILED}\n`), run.stderr).toBe(true);
    expect(run.stdout).toBe("");
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    return run.stderr;
  }

  it('(a) a USGS value "abc" in a mapped series: names the file, row and column, and the value', () => {
    let line = 0;
    const stderr = failingBuild("usgs-abc", (data) => {
      const file = path.join(data, USGS_WORLD);
      line = lineOf(file, /^MCS2025,Cobalt,Congo \(Kinshasa\),"Mine production, cobalt content/);
      // SOURCE,COMMODITY,COUNTRY,"TYPE",UNIT_MEAS, then PROD_2023.
      replaceLine(file, line, (text) => text.replace(/^((?:[^,"]*,){3}"[^"]*",[^,]*,)[^,]*/, "$1abc"));
    });
    expect(stderr).toContain(`MCS2025_World_Data.csv:row ${line}:PROD_2023: expected a number`);
    expect(stderr).toContain('got "abc"');
  });

  it("(b) an unmapped country in an EU shares row: names the file, row and the country", () => {
    let line = 0;
    const stderr = failingBuild("eu-country", (data) => {
      const file = path.join(data, EU_GLOBAL);
      line = lineOf(file, /^Cobalt,E,[A-Z][a-z]+,/);
      replaceLine(file, line, (text) => text.replace(/^([^,]*,[^,]*,)[^,]*/, "$1Atlantis"));
    });
    expect(line).toBeGreaterThan(1);
    expect(stderr).toContain(`ec-crm-2023-appendix7-global-supply-shares.csv:row ${line}:`);
    expect(stderr).toContain('unmapped country "Atlantis"');
  });

  it("(c) a missing source file: names the missing path", () => {
    let data = "";
    const stderr = failingBuild("missing", (d) => {
      data = d;
      unlinkSync(path.join(d, IEA_JSON));
    });
    expect(stderr).toContain(`${data}: 1 problem(s)`);
    expect(stderr).toContain(`${IEA_JSON}: file not found`);
  });

  it("(d) truncated JSON: names the file, where the parse broke, and that it cannot be read", () => {
    const stderr = failingBuild("json-truncated", (data) => {
      // Cut at a line boundary half way through, as an interrupted download leaves it.
      editBytes(path.join(data, IEA_JSON), (text) => text.slice(0, text.lastIndexOf("\n", text.length / 2)));
    });
    // The reader's problem, then the released-checksum refusal of the same file.
    expect(stderr).toContain(`${IEA_JSON}: 2 problem(s)`);
    expect(stderr).toMatch(/cannot read the JSON: .*at position \d+/);
    expect(stderr).toMatch(
      /IEA_CM_Data_Explorer_2025-05\.parsed\.json: not the file released as iea-cmde-2025 .*sha256 recorded/,
    );
  });

  it("(d) well-formed JSON with a malformed value: names the file, the JSON pointer and the problem", () => {
    const stderr = failingBuild("json-value", (data) => {
      const file = path.join(data, IEA_JSON);
      const doc = JSON.parse(readFileSync(file, "utf8")) as {
        supply: Record<string, Record<string, { countries: Record<string, Record<string, unknown>> }>>;
      };
      const congo = doc.supply.Cobalt?.mining?.countries["Democratic Republic of Congo"];
      if (!congo || typeof congo["2024"] !== "number") throw new Error("cobalt mining DRC 2024 not found in the JSON");
      congo["2024"] = "abc";
      writeFileSync(file, JSON.stringify(doc, null, 2));
    });
    expect(stderr).toContain(
      'IEA_CM_Data_Explorer_2025-05.parsed.json#/supply/Cobalt/mining/countries/Democratic Republic of Congo/2024: expected a number, got "abc"',
    );
  });

  it("(e) the workbook replaced by garbage bytes: names the file and that it is no workbook", () => {
    const stderr = failingBuild("xlsx-garbage", (data) => {
      // Deterministic noise (a hash chain), so no run can happen to contain a zip signature by chance.
      const blocks: Buffer[] = [];
      let block = createHash("sha256").update("not a workbook").digest();
      for (let i = 0; i < 256; i++) blocks.push((block = createHash("sha256").update(block).digest()));
      writeFileSync(path.join(data, IEA_XLSX), Buffer.concat(blocks));
    });
    expect(stderr).toContain(`${IEA_XLSX}: 2 problem(s)`);
    expect(stderr).toContain("cannot read the workbook:");
    expect(stderr).toMatch(
      /IEA_CM_Data_Explorer_2024-05\.xlsx: not the file released as iea-cmde-2024 .*sha256 recorded/,
    );
  });
});
