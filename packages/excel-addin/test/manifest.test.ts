// The XML add-in manifests, built here for both environments and checked offline: a zod schema
// for the parts we use, resids, https, namespaces and ids per environment, shared runtime, element
// order, the metadata URL against the files the build emits, permissions, and the
// office-addin-manifest CLI's offline `info` parse. Never `office-addin-manifest validate`: it
// uploads the manifest to a Microsoft service.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addinDir, environments, generateMetadata, manifestXml, type Environment } from "../scripts/build.ts";
import { buildAddinSnapshot } from "./buildSnapshot.ts";

const ENVS = environments();
const PROD = ENVS.find((e) => e.name === "prod")!;
const DEV = ENVS.find((e) => e.name === "dev")!;
const CLI = path.join(addinDir, "node_modules/.bin/office-addin-manifest");

// ---------------------------------------------------------------------------------------------
// Schema: the elements this add-in uses, with the documented limits (resource ids ≤ 32
// characters, short strings ≤ 125, long strings ≤ 250, URLs https and ≤ 2048).
const Https = z.url({ protocol: /^https$/ }).max(2048);
const ResId = z.string().min(1).max(32);
const ResRef = z.strictObject({ "@resid": ResId });
const Setting = <T extends z.ZodType>(value: T) => z.strictObject({ "@DefaultValue": value });

const CustomFunctionsPoint = z.strictObject({
  "@xsi:type": z.literal("CustomFunctions"),
  Script: z.strictObject({ SourceLocation: ResRef }),
  Page: z.strictObject({ SourceLocation: ResRef }),
  Metadata: z.strictObject({ SourceLocation: ResRef }),
  Namespace: ResRef,
});

const WorkbookHost = z.strictObject({
  "@xsi:type": z.literal("Workbook"),
  Runtimes: z
    .strictObject({
      Runtime: z
        .array(z.strictObject({ "@resid": ResId, "@lifetime": z.enum(["short", "long"]).optional() }))
        .length(1),
    })
    .optional(),
  AllFormFactors: z.strictObject({ ExtensionPoint: z.array(CustomFunctionsPoint).length(1) }),
  DesktopFormFactor: z.looseObject({
    GetStarted: z.strictObject({ Title: ResRef, Description: ResRef, LearnMoreUrl: ResRef }).optional(),
    FunctionFile: ResRef,
    ExtensionPoint: z.array(z.looseObject({ "@xsi:type": z.enum(["PrimaryCommandSurface", "ContextMenu"]) })).min(1),
  }),
});

const Resource = <T extends z.ZodType>(value: T) => z.array(z.strictObject({ "@id": ResId, "@DefaultValue": value }));

const Manifest = z.strictObject({
  "?xml": z.looseObject({ "@version": z.literal("1.0"), "@encoding": z.literal("UTF-8") }),
  OfficeApp: z.strictObject({
    "@xmlns": z.literal("http://schemas.microsoft.com/office/appforoffice/1.1"),
    "@xmlns:xsi": z.literal("http://www.w3.org/2001/XMLSchema-instance"),
    "@xmlns:bt": z.literal("http://schemas.microsoft.com/office/officeappbasictypes/1.0"),
    "@xmlns:ov": z.literal("http://schemas.microsoft.com/office/taskpaneappversionoverrides"),
    "@xsi:type": z.literal("TaskPaneApp"),
    Id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
    Version: z.string().regex(/^\d{1,5}(\.\d{1,5}){0,3}$/),
    ProviderName: z.string().min(1).max(250),
    DefaultLocale: z.string().regex(/^[a-z]{2,3}-[A-Z]{2}$/),
    DisplayName: Setting(z.string().min(1).max(125)),
    Description: Setting(z.string().min(1).max(250)),
    IconUrl: Setting(Https),
    HighResolutionIconUrl: Setting(Https),
    SupportUrl: Setting(Https),
    AppDomains: z.strictObject({ AppDomain: z.array(Https).min(1) }),
    Hosts: z.strictObject({ Host: z.array(z.strictObject({ "@Name": z.literal("Workbook") })).length(1) }),
    Requirements: z.strictObject({
      Sets: z.strictObject({
        "@DefaultMinVersion": z
          .string()
          .regex(/^\d+\.\d+$/)
          .optional(),
        Set: z
          .array(
            z.strictObject({
              "@Name": z.string().min(1),
              "@MinVersion": z
                .string()
                .regex(/^\d+\.\d+$/)
                .optional(),
            }),
          )
          .min(1),
      }),
    }),
    DefaultSettings: z.strictObject({ SourceLocation: Setting(Https) }),
    Permissions: z.enum(["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"]),
    VersionOverrides: z.strictObject({
      "@xmlns": z.literal("http://schemas.microsoft.com/office/taskpaneappversionoverrides"),
      "@xsi:type": z.literal("VersionOverridesV1_0"),
      Hosts: z.strictObject({ Host: z.array(WorkbookHost).length(1) }),
      Resources: z.strictObject({
        "bt:Images": z.strictObject({ "bt:Image": Resource(Https) }),
        "bt:Urls": z.strictObject({ "bt:Url": Resource(Https) }),
        "bt:ShortStrings": z.strictObject({ "bt:String": Resource(z.string().min(1).max(125)) }),
        "bt:LongStrings": z.strictObject({ "bt:String": Resource(z.string().min(1).max(250)) }),
      }),
    }),
  }),
});
type Manifest = z.infer<typeof Manifest>;

// Elements that may repeat are always parsed as arrays, so the schema sees one shape.
const ARRAYS = new Set([
  "AppDomain",
  "Host",
  "Set",
  "Runtime",
  "ExtensionPoint",
  "bt:Image",
  "bt:Url",
  "bt:String",
  "Group",
  "Control",
]);
const objectParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ARRAYS.has(name),
});
const orderParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  preserveOrder: true,
  parseTagValue: false,
});

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
}

/** fast-xml-parser's preserveOrder output as plain nodes (text and the XML declaration dropped). */
function toNodes(raw: unknown[]): Node[] {
  return raw.flatMap((item) => {
    const entry = item as Record<string, unknown>;
    const name = Object.keys(entry).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) return [];
    return [
      { name, attrs: (entry[":@"] ?? {}) as Record<string, string>, children: toNodes(entry[name] as unknown[]) },
    ];
  });
}

function walk(nodes: Node[], visit: (node: Node, parents: Node[]) => void, parents: Node[] = []): void {
  for (const node of nodes) {
    visit(node, parents);
    walk(node.children, visit, [...parents, node]);
  }
}

const child = (node: Node, name: string, type?: string) =>
  node.children.find((c) => c.name === name && (type === undefined || c.attrs["@xsi:type"] === type));

/** Names must appear in the order of `order` (each optional), and nothing else may appear. */
function expectOrder(actual: string[], order: readonly string[], where: string): void {
  const unknown = actual.filter((n) => !order.includes(n));
  expect(unknown, `${where}: elements not allowed here`).toEqual([]);
  const positions = actual.map((n) => order.indexOf(n));
  const outOfOrder = actual.filter((_, i) => i > 0 && positions[i]! < positions[i - 1]!);
  expect(outOfOrder, `${where}: out of order (${actual.join(", ")})`).toEqual([]);
}

// Microsoft, "How to find the proper order of manifest elements" (basic task pane add-in), and
// the TaskPaneAppVersionOverrides schema (VersionOverridesV1_0, Host, bt:Resources sequences).
const OFFICEAPP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
] as const;
const OFFICEAPP_REQUIRED = OFFICEAPP_ORDER.filter((n) => n !== "AlternateId" && n !== "Dictionary");
const VERSION_OVERRIDES_ORDER = [
  "Description",
  "Requirements",
  "Hosts",
  "Resources",
  "WebApplicationInfo",
  "EquivalentAddins",
];
const HOST_ORDER = ["Runtimes", "AllFormFactors", "DesktopFormFactor"];
const RESOURCES_ORDER = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];
const CUSTOM_FUNCTIONS_ORDER = ["Script", "Page", "Metadata", "Namespace"];

// Which kind of resource each element's resid must point at.
const RESID_KIND: Record<string, "bt:Image" | "bt:Url" | "short" | "long"> = {
  Runtime: "bt:Url",
  SourceLocation: "bt:Url",
  FunctionFile: "bt:Url",
  LearnMoreUrl: "bt:Url",
  "bt:Image": "bt:Image",
  Namespace: "short",
  Title: "short",
  Label: "short",
  Description: "long",
};

interface Parsed {
  env: Environment;
  xml: string;
  manifest: Manifest;
  root: Node;
  resources: Map<string, { kind: "bt:Image" | "bt:Url" | "short" | "long"; value: string }>;
}

function parse(env: Environment): Parsed {
  const xml = manifestXml(env);
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true)
    throw new Error(`${env.name} manifest is not well-formed XML: ${JSON.stringify(wellFormed)}`);
  const result = Manifest.safeParse(objectParser.parse(xml));
  if (!result.success) throw new Error(`${env.name} manifest fails the schema:\n${z.prettifyError(result.error)}`);
  const root = toNodes(orderParser.parse(xml) as unknown[]).find((n) => n.name === "OfficeApp")!;
  const r = result.data.OfficeApp.VersionOverrides.Resources;
  const resources = new Map<string, { kind: "bt:Image" | "bt:Url" | "short" | "long"; value: string }>();
  const add = (kind: "bt:Image" | "bt:Url" | "short" | "long", list: { "@id": string; "@DefaultValue": string }[]) => {
    for (const item of list) {
      if (resources.has(item["@id"])) throw new Error(`${env.name}: duplicate resource id ${item["@id"]}`);
      resources.set(item["@id"], { kind, value: item["@DefaultValue"] });
    }
  };
  add("bt:Image", r["bt:Images"]["bt:Image"]);
  add("bt:Url", r["bt:Urls"]["bt:Url"]);
  add("short", r["bt:ShortStrings"]["bt:String"]);
  add("long", r["bt:LongStrings"]["bt:String"]);
  return { env, xml, manifest: result.data, root, resources };
}

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
    expect(() => expectOrder(["Id", "Version", "Bogus"], OFFICEAPP_ORDER, "unknown")).toThrow();
  });
});
