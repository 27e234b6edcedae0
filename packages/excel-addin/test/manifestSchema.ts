// The add-in manifest as the manifest test reads it: a zod schema of the parts this add-in uses,
// the element orders Microsoft documents, and a parse of one environment's XML into both views
// (objects checked against the schema, ordered nodes) with its resources by id.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";
import { z } from "zod";
import { manifestXml, type Environment } from "../scripts/build.ts";

// Schema: the elements this add-in uses, with the documented limits (resource ids ≤ 32
// characters, short strings ≤ 125, long strings ≤ 250, URLs https and ≤ 2048).
export const Https = z.url({ protocol: /^https$/ }).max(2048);
export const ResId = z.string().min(1).max(32);
export const ResRef = z.strictObject({ "@resid": ResId });
export const Setting = <T extends z.ZodType>(value: T) => z.strictObject({ "@DefaultValue": value });

export const CustomFunctionsPoint = z.strictObject({
  "@xsi:type": z.literal("CustomFunctions"),
  Script: z.strictObject({ SourceLocation: ResRef }),
  Page: z.strictObject({ SourceLocation: ResRef }),
  Metadata: z.strictObject({ SourceLocation: ResRef }),
  Namespace: ResRef,
});

export const WorkbookHost = z.strictObject({
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

export const Resource = <T extends z.ZodType>(value: T) =>
  z.array(z.strictObject({ "@id": ResId, "@DefaultValue": value }));

export const Manifest = z.strictObject({
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
export type Manifest = z.infer<typeof Manifest>;

// Elements that may repeat are always parsed as arrays, so the schema sees one shape.
export const ARRAYS = new Set([
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
export const objectParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ARRAYS.has(name),
});
export const orderParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  preserveOrder: true,
  parseTagValue: false,
});

export interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
}

/** fast-xml-parser's preserveOrder output as plain nodes (text and the XML declaration dropped). */
export function toNodes(raw: unknown[]): Node[] {
  return raw.flatMap((item) => {
    const entry = item as Record<string, unknown>;
    const name = Object.keys(entry).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) return [];
    return [
      { name, attrs: (entry[":@"] ?? {}) as Record<string, string>, children: toNodes(entry[name] as unknown[]) },
    ];
  });
}

export function walk(nodes: Node[], visit: (node: Node, parents: Node[]) => void, parents: Node[] = []): void {
  for (const node of nodes) {
    visit(node, parents);
    walk(node.children, visit, [...parents, node]);
  }
}

export const child = (node: Node, name: string, type?: string) =>
  node.children.find((c) => c.name === name && (type === undefined || c.attrs["@xsi:type"] === type));

/** Names must appear in the order of `order` (each optional), and nothing else may appear. */
export function expectOrder(actual: string[], order: readonly string[], where: string): void {
  const unknown = actual.filter((n) => !order.includes(n));
  expect(unknown, `${where}: elements not allowed here`).toEqual([]);
  const positions = actual.map((n) => order.indexOf(n));
  const outOfOrder = actual.filter((_, i) => i > 0 && positions[i]! < positions[i - 1]!);
  expect(outOfOrder, `${where}: out of order (${actual.join(", ")})`).toEqual([]);
}

// Microsoft, "How to find the proper order of manifest elements" (basic task pane add-in), and
// the TaskPaneAppVersionOverrides schema (VersionOverridesV1_0, Host, bt:Resources sequences).
export const OFFICEAPP_ORDER = [
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
export const OFFICEAPP_REQUIRED = OFFICEAPP_ORDER.filter((n) => n !== "AlternateId" && n !== "Dictionary");
export const VERSION_OVERRIDES_ORDER = [
  "Description",
  "Requirements",
  "Hosts",
  "Resources",
  "WebApplicationInfo",
  "EquivalentAddins",
];
export const HOST_ORDER = ["Runtimes", "AllFormFactors", "DesktopFormFactor"];
export const RESOURCES_ORDER = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];
export const CUSTOM_FUNCTIONS_ORDER = ["Script", "Page", "Metadata", "Namespace"];

// Which kind of resource each element's resid must point at.
export const RESID_KIND: Record<string, "bt:Image" | "bt:Url" | "short" | "long"> = {
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

export interface Parsed {
  env: Environment;
  xml: string;
  manifest: Manifest;
  root: Node;
  resources: Map<string, { kind: "bt:Image" | "bt:Url" | "short" | "long"; value: string }>;
}

export function parse(env: Environment): Parsed {
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
