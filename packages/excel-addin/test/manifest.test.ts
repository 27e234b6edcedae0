// The XML add-in manifests, built here for both environments and checked offline: a zod schema
// for the parts we use, resids, https, namespaces and ids per environment, shared runtime, element
// order, the metadata URL against the files the build emits, permissions, and the
// office-addin-manifest CLI's offline `info` parse. Never `office-addin-manifest validate`: it
// uploads the manifest to a Microsoft service.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addinDir, environments, generateMetadata, manifestXml, type Environment } from "../scripts/build.ts";
import { DATA_TYPES_API } from "../src/adapter/dataTypes.ts";
import { buildAddinSnapshot } from "./buildSnapshot.ts";
import {
  Manifest,
  objectParser,
  walk,
  child,
  expectOrder,
  OFFICEAPP_ORDER,
  OFFICEAPP_REQUIRED,
  VERSION_OVERRIDES_ORDER,
  HOST_ORDER,
  RESOURCES_ORDER,
  CUSTOM_FUNCTIONS_ORDER,
  RESID_KIND,
  type Parsed,
  parse,
  orderParser,
  toNodes,
} from "./manifestSchema.ts";

const ENVS = environments();
const PROD = ENVS.find((e) => e.name === "prod")!;
const DEV = ENVS.find((e) => e.name === "dev")!;
const CLI = path.join(addinDir, "node_modules/.bin/office-addin-manifest");

const url = (p: Parsed, resid: string) => {
  const resource = p.resources.get(resid);
  expect(resource?.kind, `${p.env.name}: ${resid}`).toBe("bt:Url");
  return resource!.value;
};

/** The file in (the snapshot of) dist/<env>/ that a URL under the environment's base URL is served from. */
const distFile = (env: Environment, href: string) => {
  const target = new URL(href);
  const base = new URL(`${env.baseUrl}/`);
  expect(
    target.origin === base.origin && target.pathname.startsWith(base.pathname),
    `${href} is not under ${env.baseUrl}`,
  ).toBe(true);
  // The query string (e.g. ?ns=…) does not change which file is served.
  return path.join(built, env.name, decodeURIComponent(target.pathname.slice(base.pathname.length)));
};

const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  expect(
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    `${file} is not a PNG`,
  ).toBe(true);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

/** Every requirement set the manifest declares, anywhere in it, with its minimum version (the Sets default when the Set names none). */
function requiredSets(xml: string): { name: string; version: string }[] {
  const sets: { name: string; version: string }[] = [];
  walk(toNodes(orderParser.parse(xml) as unknown[]), (node, parents) => {
    if (node.name !== "Set") return;
    const fallback = parents.at(-1)?.attrs["@DefaultMinVersion"] ?? "1.1";
    sets.push({ name: node.attrs["@Name"]!, version: node.attrs["@MinVersion"] ?? fallback });
  });
  return sets;
}

const atLeast = (version: string, min: string) => {
  const [a, b] = [version, min].map((v) => v.split(".").map(Number));
  return a![0]! > b![0]! || (a![0] === b![0] && a![1]! >= b![1]!);
};

/**
 * Sets that only hosts with data types have: ExcelApi 1.16 (checked at run time, DATA_TYPES_API)
 * and CustomFunctionsRuntime 1.4 (custom functions returning data types). Requiring either would
 * keep the add-in off older hosts, where it works with plain values.
 */
function dataTypeRequirements(sets: readonly { name: string; version: string }[]) {
  return sets.filter(
    (s) =>
      (s.name === DATA_TYPES_API.set && atLeast(s.version, DATA_TYPES_API.version)) ||
      (s.name === "CustomFunctionsRuntime" && atLeast(s.version, "1.4")),
  );
}

const parsed = ENVS.map(parse);
const NAMES = ENVS.map((e) => e.name);
const byName = (name: string) => parsed.find((p) => p.env.name === name)!;

let scratch: string;
/** A copy of dist/ taken right after the build: other test files rebuild dist/ concurrently. */
let built: string;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "critmin-manifest-"));
  built = path.join(scratch, "dist");
  await buildAddinSnapshot(built, ENVS);
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("both environments", () => {
  it("builds a dev and a prod manifest", () => {
    expect([...NAMES].sort()).toEqual(["dev", "prod"]);
  });

  it.each(NAMES)("%s: well-formed, fills every template placeholder, passes the schema", (name) => {
    const p = byName(name);
    expect(p.xml).not.toMatch(/\{\{|\}\}/);
    expect(p.manifest.OfficeApp.Id).toBe(p.env.id);
    expect(p.manifest.OfficeApp.DisplayName["@DefaultValue"]).toBe(p.env.displayName);
  });

  it("prod's namespace is CRITMIN; dev's differs; ids and names differ so both can be installed side by side", () => {
    const namespaceOf = (p: Parsed) =>
      p.resources.get(
        p.manifest.OfficeApp.VersionOverrides.Hosts.Host[0]!.AllFormFactors.ExtensionPoint[0]!.Namespace["@resid"],
      )!.value;
    expect(namespaceOf(byName("prod"))).toBe("CRITMIN");
    expect(namespaceOf(byName("dev"))).not.toBe("CRITMIN");
    expect(namespaceOf(byName("dev"))).toBe(DEV.namespace);
    expect(PROD.id).not.toBe(DEV.id);
    expect(byName("prod").manifest.OfficeApp.Id).not.toBe(byName("dev").manifest.OfficeApp.Id);
    expect(PROD.displayName).not.toBe(DEV.displayName);
  });
});

describe.each(NAMES)("%s manifest", (name) => {
  const p = byName(name);
  const app = p.manifest.OfficeApp;
  const host = app.VersionOverrides.Hosts.Host[0]!;

  it("every resid resolves to a resource of the right kind; resource ids are at most 32 characters", () => {
    const refs: string[] = [];
    walk([p.root], (node, parents) => {
      const resid = node.attrs["@resid"];
      if (resid === undefined) return;
      refs.push(resid);
      expect(resid.length, `${node.name} resid ${resid}`).toBeLessThanOrEqual(32);
      const kind = RESID_KIND[node.name];
      expect(
        kind,
        `no rule for the resid of <${node.name}> under ${parents.map((x) => x.name).join("/")}`,
      ).toBeDefined();
      expect(p.resources.get(resid)?.kind, `<${node.name} resid="${resid}"> does not resolve to a ${kind}`).toBe(kind);
    });
    expect(refs.length).toBeGreaterThan(10);
    for (const id of p.resources.keys()) expect(id.length, id).toBeLessThanOrEqual(32);
  });

  it("every URL is https and under this environment's base URL", () => {
    // Every scheme://… in the document except the XML namespace declarations.
    const withoutNamespaces = p.xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, "");
    const urls = withoutNamespaces.match(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi) ?? [];
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) {
      expect(u, "not https").toMatch(/^https:\/\//);
      expect(u === p.env.baseUrl || u.startsWith(`${p.env.baseUrl}/`), `${u} is not under ${p.env.baseUrl}`).toBe(true);
    }
    expect(app.AppDomains.AppDomain).toEqual([p.env.baseUrl]);
  });

  it('SharedRuntime requirement ⇔ <Runtime lifetime="long">, and the runtime page is the one page everything uses', () => {
    const sharedRuntime = app.Requirements.Sets.Set.some((s) => s["@Name"] === "SharedRuntime");
    const longRuntime = (host.Runtimes?.Runtime ?? []).some((r) => r["@lifetime"] === "long");
    expect(sharedRuntime).toBe(longRuntime);
    expect(sharedRuntime, "the add-in relies on the shared runtime").toBe(true);
    const runtime = host.Runtimes!.Runtime[0]!["@resid"];
    expect(host.AllFormFactors.ExtensionPoint[0]!.Page.SourceLocation["@resid"]).toBe(runtime);
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe(runtime);
    const showTaskpane: string[] = [];
    walk([p.root], (node) => {
      if (node.name === "Action" && node.attrs["@xsi:type"] === "ShowTaskpane")
        showTaskpane.push(child(node, "SourceLocation")!.attrs["@resid"]!);
    });
    expect(showTaskpane.length).toBeGreaterThan(0);
    for (const resid of showTaskpane) expect(resid).toBe(runtime);
    expect(url(p, runtime)).toBe(app.DefaultSettings.SourceLocation["@DefaultValue"]);
  });

  it("requires the shared runtime the functions run in, and no data-type set: older hosts fall back to plain values", () => {
    const sets = requiredSets(p.xml);
    expect(sets).toContainEqual({ name: "SharedRuntime", version: "1.1" });
    expect(dataTypeRequirements(sets)).toEqual([]);
  });

  it("elements are in Microsoft's manifest element order", () => {
    const top = p.root.children.map((c) => c.name);
    expectOrder(top, OFFICEAPP_ORDER, "OfficeApp");
    expect(top.filter((n) => OFFICEAPP_REQUIRED.includes(n as (typeof OFFICEAPP_REQUIRED)[number]))).toEqual(
      OFFICEAPP_REQUIRED,
    );
    const overrides = child(p.root, "VersionOverrides")!;
    expectOrder(
      overrides.children.map((c) => c.name),
      VERSION_OVERRIDES_ORDER,
      "VersionOverrides",
    );
    const hostNode = child(child(overrides, "Hosts")!, "Host")!;
    expectOrder(
      hostNode.children.map((c) => c.name),
      HOST_ORDER,
      "Host",
    );
    expectOrder(
      child(overrides, "Resources")!.children.map((c) => c.name),
      RESOURCES_ORDER,
      "Resources",
    );
    const functionsPoint = child(child(hostNode, "AllFormFactors")!, "ExtensionPoint", "CustomFunctions")!;
    expect(functionsPoint.children.map((c) => c.name)).toEqual(CUSTOM_FUNCTIONS_ORDER);
  });

  it("permissions are exactly ReadWriteDocument", () => {
    // The least that works: the functions need none, but the task pane's "insert a dataset as an
    // Excel table" (a later issue) writes to the workbook. Do not widen it; narrow it if that goes.
    expect(app.Permissions).toBe("ReadWriteDocument");
  });

  it("the build wrote this manifest to dist/<env>/manifest.xml", () => {
    expect(readFileSync(path.join(built, p.env.name, "manifest.xml"), "utf8")).toBe(p.xml);
  });

  it("the metadata URL is where the build emitted functions.json, whose help URLs use this environment's base URL", async () => {
    const functionsPoint = host.AllFormFactors.ExtensionPoint[0]!;
    const file = distFile(p.env, url(p, functionsPoint.Metadata.SourceLocation["@resid"]));
    expect(existsSync(file), file).toBe(true);
    const json = JSON.parse(readFileSync(file, "utf8")) as { functions: { id: string; helpUrl: string }[] };
    const generated = JSON.parse((await generateMetadata()).json) as { functions: { id: string }[] };
    expect(json.functions.map((f) => f.id)).toEqual(generated.functions.map((f) => f.id));
    for (const f of json.functions) expect(f.helpUrl, f.id).toBe(`${p.env.baseUrl}/docs/excel/${f.id}`);
    expect(existsSync(distFile(p.env, url(p, functionsPoint.Script.SourceLocation["@resid"])))).toBe(true);
  });

  it("every file the manifest points at (besides the docs site) was built, icons at their stated sizes", () => {
    const hrefs = [
      app.IconUrl["@DefaultValue"],
      app.HighResolutionIconUrl["@DefaultValue"],
      app.DefaultSettings.SourceLocation["@DefaultValue"],
      ...[...p.resources.values()].filter((r) => r.kind === "bt:Image" || r.kind === "bt:Url").map((r) => r.value),
    ].filter((href) => !new URL(href).pathname.startsWith("/docs/"));
    for (const href of hrefs) expect(existsSync(distFile(p.env, href)), href).toBe(true);
    expect(pngSize(distFile(p.env, app.IconUrl["@DefaultValue"]))).toEqual({ width: 32, height: 32 });
    expect(pngSize(distFile(p.env, app.HighResolutionIconUrl["@DefaultValue"]))).toEqual({ width: 64, height: 64 });
    walk([p.root], (node) => {
      if (node.name !== "bt:Image" || node.attrs["@size"] === undefined) return;
      const size = Number(node.attrs["@size"]);
      const href = p.resources.get(node.attrs["@resid"]!)!.value;
      expect(pngSize(distFile(p.env, href)), `${node.attrs["@resid"]} (size ${size})`).toEqual({
        width: size,
        height: size,
      });
    });
  });

  it("office-addin-manifest info parses it offline and names the add-in", () => {
    const file = path.join(built, p.env.name, "manifest.xml");
    const run = spawnSync(CLI, ["info", file], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true" },
    });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Name: ${p.env.displayName}\n`);
    expect(run.stdout).toContain(`Id: ${p.env.id}`);
    expect(run.stdout).toContain("Type: TaskPaneApp");
    expect(run.stdout).toContain("Permissions: ReadWriteDocument");
  });
});

describe("the offline checks can fail", () => {
  it("office-addin-manifest info exits non-zero on a truncated manifest", () => {
    const broken = path.join(scratch, "manifest.xml");
    const xml = manifestXml(PROD);
    writeFileSync(broken, xml.slice(0, Math.floor(xml.length / 2)));
    const run = spawnSync(CLI, ["info", broken], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true" },
    });
    expect(run.status).not.toBe(0);
  });

  it("the schema rejects an http URL, a long resid and a missing element; the order check rejects a swap", () => {
    const good = objectParser.parse(manifestXml(PROD));
    expect(Manifest.safeParse(good).success).toBe(true);
    for (const mutate of [
      (xml: string) => xml.replace(`<IconUrl DefaultValue="https://`, `<IconUrl DefaultValue="http://`),
      (xml: string) => xml.replaceAll("Functions.Metadata.Url", "Functions.Metadata.Url.Way.Too.Long.Id"),
      (xml: string) => xml.replace(/<Permissions>[^<]*<\/Permissions>/, ""),
    ]) {
      expect(Manifest.safeParse(objectParser.parse(mutate(manifestXml(PROD)))).success).toBe(false);
    }
    expect(() => expectOrder(["Id", "ProviderName", "Version"], OFFICEAPP_ORDER, "swap")).toThrow();
    const requiring = (set: string) =>
      dataTypeRequirements(
        requiredSets(manifestXml(PROD).replace(`<Set Name="SharedRuntime" MinVersion="1.1"/>`, `$&${set}`)),
      );
    expect(requiring(`<Set Name="ExcelApi" MinVersion="1.16"/>`)).toHaveLength(1);
    expect(requiring(`<Set Name="ExcelApi" MinVersion="1.17"/>`)).toHaveLength(1);
    expect(requiring(`<Set Name="CustomFunctionsRuntime" MinVersion="1.4"/>`)).toHaveLength(1);
    expect(requiring(`<Set Name="ExcelApi" MinVersion="1.10"/>`)).toEqual([]);
    expect(() => expectOrder(["Id", "Version", "Bogus"], OFFICEAPP_ORDER, "unknown")).toThrow();
  });
});
