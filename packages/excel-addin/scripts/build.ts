// Builds the add-in for each environment into dist/<env>/: functions.json (from the JSDoc tags),
// the CustomFunctions.associate entry, the functions and task-pane bundles, icons and the manifest.
//   pnpm --filter @critmin/excel-addin build           both environments
//   CRITMIN_ADDIN_BASE_URL=https://addin.example.gov pnpm --filter @critmin/excel-addin build
//   CRITMIN_DATA_ORIGIN=https://data.example.gov ...   the data refresh may also fetch from there
//   CRITMIN_DATA_PUBLIC_KEYS=<spki base64>[,<spki base64>] ...   keys a refreshed dataset must be
//     signed with (data:publish --key); without any, the pane's data refresh is off
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPublicKey } from "node:crypto";
import { deflateSync } from "node:zlib";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { build } from "esbuild";
import { BUNDLE_OPTIONS } from "./bundleOptions.ts";
import { returnsDataTypes } from "../src/adapter/dataTypes.ts";

process.env.OFFICE_ADDIN_USAGE_DATA_OPT_OUT ??= "true";

export const addinDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FUNCTIONS_SOURCE = path.join(addinDir, "src/functions/functions.ts");
const ENTRY = path.join(addinDir, "src/generated/entry.ts");
const HELP_PLACEHOLDER = "https://docs.critmin.invalid";
const VERSION = "0.1.0.0";

export interface Environment {
  readonly name: "dev" | "prod";
  readonly baseUrl: string;
  /** Different ids and namespaces let a dev and a prod install sit side by side in one Excel. */
  readonly id: string;
  readonly namespace: string;
  readonly displayName: string;
}

export function environments(
  prodBaseUrl = process.env.CRITMIN_ADDIN_BASE_URL ?? "https://critmin-addin.example.org",
): Environment[] {
  if (!prodBaseUrl.startsWith("https://"))
    throw new Error(`CRITMIN_ADDIN_BASE_URL must be an https URL, got ${prodBaseUrl}`);
  return [
    {
      name: "dev",
      baseUrl: "https://localhost:3000",
      id: "5b0e2b39-6f4c-4a55-9c2e-6f1c0e7d2a11",
      namespace: "CRITMINDEV",
      displayName: "critmin (dev)",
    },
    {
      name: "prod",
      baseUrl: prodBaseUrl.replace(/\/$/, ""),
      id: "0f3c8a52-2d7e-4b8f-a1c4-9e6b5d3f7c20",
      namespace: "CRITMIN",
      displayName: "critmin",
    },
  ];
}

/**
 * The task pane's page. With CRITMIN_DATA_ORIGIN=https://data.example.org its CSP also lets the data
 * refresh fetch from that origin (by default only from the add-in's own, connect-src 'self').
 */
export function taskpaneHtml(html: string, dataOrigin = process.env.CRITMIN_DATA_ORIGIN): string {
  if (!dataOrigin) return html;
  let origin: string;
  try {
    origin = new URL(dataOrigin).origin;
  } catch {
    throw new Error(`CRITMIN_DATA_ORIGIN must be an https origin such as https://data.example.org, got ${dataOrigin}`);
  }
  if (!origin.startsWith("https://") || origin !== dataOrigin.replace(/\/$/, ""))
    throw new Error(`CRITMIN_DATA_ORIGIN must be an https origin such as https://data.example.org, got ${dataOrigin}`);
  if (!html.includes("connect-src 'self'")) throw new Error("taskpane.html has no connect-src 'self' to extend");
  return html.replace("connect-src 'self'", `connect-src 'self' ${origin}`);
}

/** functions.json and the associations, straight from the JSDoc tags; any tag error fails the build. */
export async function generateMetadata(): Promise<{ json: string; associate: { id: string; functionName: string }[] }> {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  if (result.errors.length > 0) throw new Error(`custom function metadata:\n  ${result.errors.join("\n  ")}`);
  return {
    json: withDataTypes(result.metadataJson, returnsDataTypes),
    associate: result.associate.map((a) => ({ id: a.id, functionName: a.functionName })),
  };
}

/**
 * functions.json with `allowCustomDataForDataTypeAny: true` when a function may return a data type
 * (issue 17): the JSDoc tags cannot say it, and Microsoft's docs require it for a custom function to
 * return formatted number or entity values. It is a property of the whole file, beside `functions`,
 * as in Microsoft's metadata sample (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json);
 * it applies to `any` results, so each such function's result must be untyped
 * (custom-functions-metadata writes `any[][]` as a matrix without a type, which is `any`).
 */
export function withDataTypes(json: string, returnsDataType: (id: string) => boolean): string {
  const metadata = JSON.parse(json) as {
    allowCustomDataForDataTypeAny?: boolean;
    functions: { id: string; result: Record<string, unknown> }[];
  };
  const typed = metadata.functions.filter((f) => returnsDataType(f.id));
  for (const f of typed) {
    if (f.result.type !== undefined && f.result.type !== "any")
      throw new Error(`${f.id} returns data types but its result is typed ${JSON.stringify(f.result.type)}, not any`);
  }
  const out = typed.length > 0 ? { allowCustomDataForDataTypeAny: true, ...metadata } : metadata;
  return `${JSON.stringify(out, null, 4)}\n`;
}

/**
 * Each function's JSDoc `@returns` text by id, which functions.json leaves out (the docs show it),
 * parsed by the TypeScript compiler as custom-functions-metadata parses the other tags. Only the
 * docs ask for it, so the add-in build does not load the compiler.
 */
export async function returnsTexts(
  associate: readonly { id: string; functionName: string }[],
): Promise<Map<string, string>> {
  const { default: ts } = await import("typescript");
  const source = ts.createSourceFile(
    FUNCTIONS_SOURCE,
    readFileSync(FUNCTIONS_SOURCE, "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const byName = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const tag = ts.getJSDocReturnTag(statement);
    if (tag) byName.set(statement.name.text, ts.getTextOfJSDocComment(tag.comment)?.trim() ?? "");
  }
  return new Map(associate.map((a) => [a.id, byName.get(a.functionName) ?? ""]));
}

export function entrySource(associate: readonly { id: string; functionName: string }[]): string {
  const lines = associate.map(
    (a) => `CustomFunctions.associate(${JSON.stringify(a.id)}, functions.${a.functionName});`,
  );
  return `// Generated by packages/excel-addin/scripts/build.ts. Do not edit.\nimport * as functions from "../functions/functions.ts";\n\n${lines.join("\n")}\n`;
}

export function manifestXml(env: Environment): string {
  const template = readFileSync(path.join(addinDir, "manifest/manifest.template.xml"), "utf8");
  return template
    .replace(/<!-- Template:[^>]*-->\n/, "")
    .replaceAll("{{BASE_URL}}", env.baseUrl)
    .replaceAll("{{ID}}", env.id)
    .replaceAll("{{NAMESPACE}}", env.namespace)
    .replaceAll("{{NAME}}", env.displayName)
    .replaceAll("{{VERSION}}", VERSION);
}

/** A square PNG in critmin's colour, so the add-in needs no binary assets in the repository. */
export function iconPng(size: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inner = x > size * 0.2 && x < size * 0.8 && y > size * 0.2 && y < size * 0.8;
      const [r, g, b] = inner ? [0xf2, 0xa9, 0x00] : [0x1f, 0x3a, 0x5f];
      rows.set([r, g, b], y * (1 + size * 3) + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * The data refresh's public keys from CRITMIN_DATA_PUBLIC_KEYS (comma-separated SPKI DER in base64),
 * each checked here to be an ECDSA P-256 key, so that a typo fails the build rather than every refresh.
 */
export function dataPublicKeys(text = process.env.CRITMIN_DATA_PUBLIC_KEYS): string[] {
  const keys = (text ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
  for (const [i, key] of keys.entries()) {
    let curve: string | undefined;
    try {
      curve = createPublicKey({ key: Buffer.from(key, "base64"), format: "der", type: "spki" }).asymmetricKeyDetails
        ?.namedCurve;
    } catch {
      curve = undefined;
    }
    if (curve !== "prime256v1")
      throw new Error(
        `CRITMIN_DATA_PUBLIC_KEYS: key ${i + 1} of ${keys.length} is not an ECDSA P-256 public key in SPKI DER, base64 (see pnpm data:keygen)`,
      );
  }
  return keys;
}

async function bundle(entry: string, outfile: string, keys: readonly string[]): Promise<void> {
  // Read by src/refresh/publicKeys.ts.
  const define = { __CRITMIN_DATA_PUBLIC_KEYS__: JSON.stringify(keys.join(",")) };
  await build({ ...BUNDLE_OPTIONS, define, entryPoints: [entry], outfile });
}

export async function buildAddin(envs = environments(), keys = dataPublicKeys()): Promise<void> {
  const { json, associate } = await generateMetadata();
  mkdirSync(path.dirname(ENTRY), { recursive: true });
  const entryTmp = `${ENTRY}.${process.pid}.tmp`;
  writeFileSync(entryTmp, entrySource(associate));
  renameSync(entryTmp, ENTRY);
  // Each build stages in its own folder and renames each environment into place, so builds that
  // run at once (a test and the dev server, say) never see one another's half-written files.
  mkdirSync(path.join(addinDir, "dist"), { recursive: true });
  const stage = mkdtempSync(path.join(addinDir, "dist", ".build-"));
  try {
    await bundle(ENTRY, path.join(stage, "functions.js"), keys);
    await bundle(path.join(addinDir, "src/taskpane/taskpane.ts"), path.join(stage, "taskpane.js"), keys);
    for (const env of envs) writeEnvironment(env, stage, json);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function writeEnvironment(env: Environment, stage: string, json: string): void {
  const out = path.join(stage, env.name);
  mkdirSync(path.join(out, "assets"), { recursive: true });
  writeFileSync(path.join(out, "functions.json"), json.replaceAll(HELP_PLACEHOLDER, `${env.baseUrl}/docs`));
  copyFileSync(path.join(stage, "functions.js"), path.join(out, "functions.js"));
  copyFileSync(path.join(stage, "taskpane.js"), path.join(out, "taskpane.js"));
  copyFileSync(path.join(addinDir, "src/taskpane/taskpane.css"), path.join(out, "taskpane.css"));
  writeFileSync(
    path.join(out, "taskpane.html"),
    taskpaneHtml(readFileSync(path.join(addinDir, "src/taskpane/taskpane.html"), "utf8")),
  );
  for (const size of [16, 32, 64, 80]) writeFileSync(path.join(out, `assets/icon-${size}.png`), iconPng(size));
  writeFileSync(path.join(out, "manifest.xml"), manifestXml(env));
  // The functions' help links point at <base>/docs/excel/<ID>: ship the docs site when it is built.
  const docs = path.resolve(addinDir, "../sdk-docs/dist");
  if (existsSync(docs)) cpSync(docs, path.join(out, "docs"), { recursive: true });
  const final = path.join(addinDir, "dist", env.name);
  const old = `${final}.old-${process.pid}-${Date.now()}`;
  if (existsSync(final)) renameSync(final, old);
  renameSync(out, final);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAddin().then(
    () =>
      console.log(
        `built ${environments()
          .map((e) => `dist/${e.name}`)
          .join(", ")} in ${addinDir}`,
      ),
    (error: unknown) => {
      console.error(`add-in build failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
