// The built add-in bundle in a real browser with Microsoft's own custom-functions runtime
// (ENGINEERING.md, "Testing without Excel", item 5).
//
// Builds the add-in, serves dist/dev and the runtime from @microsoft/office-js on 127.0.0.1 (plain
// http), opens a test page of our own in Debian's chromium through playwright-core: runtime first,
// then a recorder around CustomFunctions.associate, then the built functions.js. The registered
// functions are called the way Excel calls them (every declared parameter, null for an omitted
// optional, an invocation object last) and compared with @critmin/core computed here in Node.
// Issue 17: the same bundle in both modes, plain values here (no host) and data types on a page
// whose Office reports ExcelApi 1.16.
//
// Needs /usr/bin/chromium (`apt-get install -y chromium`; .ci/run installs it). Never downloads a
// browser. Set UPDATE_SCREENSHOTS=1 to rewrite packages/excel-addin/test/screenshots/runtime.png.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as core from "../../packages/core/src/index.ts";
import { addinDir } from "../../packages/excel-addin/scripts/build.ts";
import { buildAddinSnapshot } from "../../packages/excel-addin/test/buildSnapshot.ts";
import {
  CONTENT_TYPES,
  fileUnder,
  launchChromium,
  listenLoopback,
  loopbackContext,
  requireChromium,
  type Loopback,
} from "../support/index.ts";
import { TEST_PAGE } from "./runtime-page.ts";

const MS_DIST = path.join(addinDir, "node_modules/@microsoft/office-js/dist");
// Served under these exact names: the runtime finds its own <script> by file name and loads the
// mapping table from the same folder.
const MS_FILES = ["custom-functions-runtime.js", "o15apptofilemappingtable.js"] as const;
const SCREENSHOT = path.join(addinDir, "test/screenshots/runtime.png");
const NAMESPACE = "CRITMINDEV"; // dist/dev's namespace, only for the labels in the rendered table

type Cell =
  | number
  | string
  | boolean
  | { error: string; message: string; isError: boolean; wire: Record<string, unknown> }
  | { null: true }
  | { undefined: true };
interface Metadata {
  functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[] }[];
}

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
let snapshot: string | undefined;
let server: Loopback | undefined;
let base = "";
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;
let metadata: Metadata;
let onReady: { host: string | null; platform: string | null } | undefined;
const served: string[] = [];
const blocked: string[] = [];
const consoleMessages: { type: string; text: string }[] = [];
const pageErrors: string[] = [];
const rendered: { fn: string; args: string; result: Cell[][] }[] = [];

function serve(root: string): Promise<Loopback> {
  return listenLoopback((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    served.push(url.pathname);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    const name = url.pathname.slice(1);
    let file: string | undefined;
    let body: Buffer | string | undefined;
    if (url.pathname === "/" || url.pathname === "/runtime-test.html") body = TEST_PAGE;
    else if ((MS_FILES as readonly string[]).includes(name)) file = path.join(MS_DIST, name);
    else file = fileUnder(root, url.pathname);
    if (file) body = readFileSync(file);
    if (body === undefined) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const ext = file ? path.extname(file) : ".html";
    const headers: Record<string, string> = {
      "content-type": CONTENT_TYPES[ext] ?? "application/octet-stream",
      "cache-control": "no-store",
    };
    if (ext === ".json") headers["access-control-allow-origin"] = "*";
    res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
  });
}

/** Calls a registered function in the page. */
async function call(id: string, args: unknown[], label?: string): Promise<Cell[][]> {
  const result = (await page!.evaluate(
    ([m, i, a]) =>
      (window as unknown as { __critmin: { call(m: unknown, i: string, a: unknown[]): unknown } }).__critmin.call(
        m,
        i,
        a,
      ),
    [metadata, id, args] as const,
  )) as Cell[][];
  rendered.push({ fn: `${NAMESPACE}.${id}`, args: label ?? args.map((a) => JSON.stringify(a)).join(", "), result });
  return result;
}

beforeAll(async () => {
  requireChromium();
  // Serve a copy, so a concurrent rebuild of dist/ by another test cannot change files mid-run.
  snapshot = mkdtempSync(path.join(os.tmpdir(), "critmin-addin-browser-"));
  await buildAddinSnapshot(snapshot);
  const dev = path.join(snapshot, "dev");
  metadata = JSON.parse(readFileSync(path.join(dev, "functions.json"), "utf8")) as Metadata;

  server = await serve(dev);
  base = server.origin;
  browser = await launchChromium();
  // Only loopback: anything else (Microsoft's telemetry frame, a CDN) is recorded and refused here.
  context = await loopbackContext(browser, { viewport: { width: 1100, height: 700 } }, blocked);
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("console", (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => pageErrors.push(`${e.name}: ${e.message}`));

  await page.goto(`${base}/runtime-test.html`, { waitUntil: "load" });
  await page.waitForFunction(
    () => (window as unknown as { __critmin?: { bundleLoaded?: boolean } }).__critmin?.bundleLoaded === true,
  );
  // Office.onReady settles once the runtime has loaded its mapping table and looked for a host.
  onReady = await page.evaluate(() =>
    Promise.race([
      Office.onReady().then((info) => ({
        host: info.host as unknown as string | null,
        platform: info.platform as unknown as string | null,
      })),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("Office.onReady did not settle within 15 s")), 15_000),
      ),
    ]),
  );
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (snapshot) rmSync(snapshot, { recursive: true, force: true });
}, 30_000);

describe("built functions.js in Microsoft's custom-functions runtime (headless Chromium)", () => {
  it("serves functions.json with a JSON content type and CORS, and the runtime files under their own names", async () => {
    const json = await fetch(`${base}/functions.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.headers.get("access-control-allow-origin")).toBe("*");
    for (const f of [...MS_FILES, "functions.js"]) {
      const r = await fetch(`${base}/${f}`);
      expect(r.status, f).toBe(200);
      expect(r.headers.get("content-type"), f).toMatch(/^text\/javascript/);
    }
    // The runtime fetched its mapping table itself, from beside its own script.
    expect(served).toContain("/o15apptofilemappingtable.js");
  });

  it("loads with no page errors, no console errors and no association warnings, and never leaves loopback except for the runtime's telemetry frame", () => {
    expect(pageErrors).toEqual([]);
    expect(consoleMessages.filter((m) => m.type === "error")).toEqual([]);
    // The runtime's Association warns on console for a bad or duplicated associate call.
    expect(consoleMessages.filter((m) => /\[(InvalidArg|DuplicatedName)\]/.test(m.text))).toEqual([]);
    // Office.js itself (the CDN script) is never requested: this page is ours, not taskpane.html.
    expect(blocked.filter((u) => !u.startsWith("https://telemetryservice.firstpartyapps.oaspapps.com/"))).toEqual([]);
  });

  it("Microsoft's runtime defines CustomFunctions with associate, Error and ErrorCode", async () => {
    const info = await page!.evaluate(() => {
      const e = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "probe");
      return {
        runtimeBeforeBundle: (window as unknown as { __critmin: { runtime: string } }).__critmin.runtime,
        associate: typeof CustomFunctions.associate,
        error: typeof CustomFunctions.Error,
        codes: {
          notAvailable: CustomFunctions.ErrorCode.notAvailable,
          invalidValue: CustomFunctions.ErrorCode.invalidValue,
        },
        wire: JSON.parse(JSON.stringify(e)) as Record<string, unknown>,
        office: typeof Office,
      };
    });
    expect(info.runtimeBeforeBundle).toBe("object");
    expect(info.associate).toBe("function");
    expect(info.error).toBe("function");
    expect(info.codes).toEqual({ notAvailable: "#N/A", invalidValue: "#VALUE!" });
    // Microsoft's CustomFunctionError, as it is sent to Excel (a stub would not serialise like this).
    expect(info.wire).toMatchObject({
      valueType: "CustomFunctionError",
      code: "#N/A",
      message: "probe",
      errorType: "NotAvailable",
    });
    expect(info.office).toBe("object");
    // Outside Office the runtime finds no host: Office.onReady settles with host null.
    expect(onReady).toEqual({ host: null, platform: null });
  });

  it("associates every id in functions.json exactly once, and the runtime holds each function", async () => {
    const { recorded, mappings, sameFunctions } = await page!.evaluate(() => {
      const state = (window as unknown as { __critmin: { associations: { id: string; fn: unknown }[] } }).__critmin;
      const m = (CustomFunctions as unknown as { _association: { mappings: Record<string, unknown> } })._association
        .mappings;
      return {
        recorded: state.associations.map((a) => ({ id: a.id, type: typeof a.fn })),
        mappings: Object.keys(m),
        sameFunctions: state.associations.every((a) => m[a.id.toUpperCase()] === a.fn),
      };
    });
    const ids = metadata.functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(20);
    expect(recorded.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(new Set(recorded.map((r) => r.id)).size).toBe(recorded.length);
    expect(recorded.every((r) => r.type === "function")).toBe(true);
    expect(mappings.sort()).toEqual(ids.map((id) => id.toUpperCase()).sort());
    expect(sameFunctions).toBe(true);
  });

  it("CHINA_SHARE and SHARE return what @critmin/core computes", async () => {
    expect(await call("CHINA_SHARE", [[["cobalt"]]], '"cobalt"')).toEqual([[core.chinaShare("cobalt")]]);
    expect(await call("SHARE", [[["lithium"]], "AUS", "mining"], '"lithium", "AUS", "mining"')).toEqual([
      [core.share("lithium", "AUS", { stage: "mining" })],
    ]);
    expect(typeof core.chinaShare("cobalt")).toBe("number");
  });

  it("TOP_PRODUCERS spills a header row and the ranked producers", async () => {
    const expected = core.topProducers("nickel", { n: 3 })!;
    const result = await call("TOP_PRODUCERS", ["nickel", null, 3], '"nickel", , 3');
    expect(result[0]).toEqual(["Rank", "Country", "Name", "Share", "Tonnes"]);
    const first = expected[0]!;
    expect(result[1]).toEqual([first.rank, first.country, first.name, first.share, first.tonnes]);
    expect(result).toHaveLength(expected.length + 1);
  });

  it("missing data is a real CustomFunctions.Error #N/A with a reason", async () => {
    expect(core.chinaShare("cobalt", { year: 2019 })).toBeUndefined();
    const [[cell]] = (await call("CHINA_SHARE", [[["cobalt"]], null, 2019], '"cobalt", , 2019')) as [[Cell]];
    expect(cell).toMatchObject({
      error: "#N/A",
      isError: true,
      wire: { valueType: "CustomFunctionError", code: "#N/A", errorType: "NotAvailable" },
    });
    expect((cell as { message: string }).message).toMatch(/^CHINA_SHARE: /);
  });

  it('an unknown mineral is a real CustomFunctions.Error #VALUE! that suggests "cobalt"', async () => {
    const [[cell]] = (await call("CHINA_SHARE", [[["cobolt"]]], '"cobolt"')) as [[Cell]];
    expect(cell).toMatchObject({
      error: "#VALUE!",
      isError: true,
      wire: { valueType: "CustomFunctionError", code: "#VALUE!", errorType: "Value" },
    });
    expect((cell as { message: string }).message).toContain('"cobalt"');
  });

  it("a 3×1 range spills 3×1, and an error sits in its own cell", async () => {
    const minerals = ["cobalt", "lithium", "nickel"];
    const result = await call(
      "CHINA_SHARE",
      [minerals.map((m) => [m])],
      `{${minerals.map((m) => `"${m}"`).join(";")}}`,
    );
    expect(result).toEqual(minerals.map((m) => [core.chinaShare(m)]));
    const mixed = await call("CHINA_SHARE", [[["cobalt"], ["cobolt"], ["nickel"]]], '{"cobalt";"cobolt";"nickel"}');
    expect(mixed).toHaveLength(3);
    expect(mixed.every((row) => row.length === 1)).toBe(true);
    expect(mixed[0]![0]).toBe(core.chinaShare("cobalt"));
    expect(mixed[1]![0]).toMatchObject({ error: "#VALUE!" });
    expect(mixed[2]![0]).toBe(core.chinaShare("nickel"));
  });

  it("without ExcelApi 1.16 (no host here), MINERAL spills Field and Value and shares stay plain numbers", async () => {
    const rows = await call("MINERAL", ["cobalt"], '"cobalt"');
    expect(rows[0]).toEqual(["Field", "Value"]);
    expect(rows.find((r) => typeof r[0] === "string" && r[0].startsWith("China refining share"))![1]).toBe(
      core.chinaShare("cobalt"),
    );
  });

  it("where the host reports ExcelApi 1.16, a share is a formatted number, MINERAL and EXPLAIN one entity", async () => {
    // A fresh page, so the add-in asks the host for the first time after the requirement is reported.
    const typed = await context!.newPage();
    try {
      await typed.goto(`${base}/runtime-test.html`, { waitUntil: "load" });
      await typed.waitForFunction(
        () => (window as unknown as { __critmin?: { bundleLoaded?: boolean } }).__critmin?.bundleLoaded === true,
      );
      // Outside Excel the runtime has no requirement sets: report ExcelApi up to 1.16, as Excel would.
      const reported = await typed.evaluate(() => {
        const office = Office as unknown as { context?: { requirements?: unknown } };
        office.context ??= {};
        office.context.requirements = {
          isSetSupported: (set: string, version?: string) => set === "ExcelApi" && Number(version ?? "1.1") <= 1.16,
        };
        return Office.context.requirements.isSetSupported("ExcelApi", "1.16");
      });
      expect(reported).toBe(true);
      const callIn = (id: string, args: unknown[]) =>
        typed.evaluate(
          ([m, i, a]) =>
            (window as unknown as { __critmin: { call(m: unknown, i: string, a: unknown[]): unknown } }).__critmin.call(
              m,
              i,
              a,
            ),
          [metadata, id, args] as const,
        ) as Promise<Cell[][]>;
      expect(await callIn("CHINA_SHARE", [[["cobalt"]]])).toEqual([
        [{ type: "FormattedNumber", basicValue: core.chinaShare("cobalt"), numberFormat: "0.0%" }],
      ]);
      expect(await callIn("HHI", [[["cobalt"]]])).toEqual([[core.hhi("cobalt")]]);
      const [[entity]] = (await callIn("MINERAL", ["cobalt"])) as unknown as [[Excel.EntityCellValue]];
      expect(entity).toMatchObject({ type: "Entity", text: "Cobalt", layouts: { card: { title: "Cobalt" } } });
      const refining = Object.entries(entity.properties!).find(([n]) => n.startsWith("China refining share"))!;
      expect(refining[1]).toMatchObject({ type: "FormattedNumber", basicValue: core.chinaShare("cobalt") });
      const [[explained]] = (await callIn("EXPLAIN", ["CHINA_SHARE", "cobalt"])) as unknown as [
        [Excel.EntityCellValue],
      ];
      expect(explained).toMatchObject({
        type: "Entity",
        properties: { value: { type: "FormattedNumber", basicValue: core.chinaShare("cobalt") } },
      });
    } finally {
      await typed.close();
    }
  });

  it("renders the results as a table in the page (screenshot with UPDATE_SCREENSHOTS=1)", async () => {
    expect(rendered.length).toBeGreaterThan(0);
    await page!.evaluate(
      ([title, rows]) =>
        (window as unknown as { __critmin: { render(t: string, r: unknown): void } }).__critmin.render(title, rows),
      ["critmin add-in: functions called in Microsoft's custom-functions runtime", rendered] as const,
    );
    expect(await page!.locator("table.results > tbody > tr").count()).toBe(rendered.length);
    const png = await page!.locator("#report").screenshot();
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      writeFileSync(SCREENSHOT, png);
      console.log(`wrote ${path.relative(repoRoot, SCREENSHOT)}`);
    }
    // Rendering must not have raised anything either.
    expect(pageErrors).toEqual([]);
    expect(consoleMessages.filter((m) => m.type === "error")).toEqual([]);
  });
});
