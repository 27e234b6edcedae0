// The task pane's function playground in a real browser: Debian's chromium driven by playwright-core
// (never a browser download), at a task pane's width of 320px.
//
// Builds the add-in on a scratch copy of its sources (so no other test's build can change files
// mid-run), serves its dist/dev with a plain node:http server on 127.0.0.1, and answers the page's
// Office.js request from Microsoft's CDN with an empty script (outside Office, offline). Then picks
// CHINA_SHARE, types "cobalt", presses Enter and compares what the page shows with @critmin/core
// computed here in Node; does the same for the TOP_PRODUCERS table, errors, Copy, and the in-Excel
// path with a stand-in Office.js. Set UPDATE_SCREENSHOTS=1 to rewrite test/screenshots/playground-*.png.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as core from "@critmin/core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = process.env.CRITMIN_CHROMIUM ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const WIDTH = 320;

const addinDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const repoRoot = path.resolve(addinDir, "../..");
const SCREENSHOTS = path.join(addinDir, "test/screenshots");
const UPDATE = process.env.UPDATE_SCREENSHOTS === "1";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
};

/** A stand-in for Office.js inside Excel: onReady says Excel, the runtime records what reaches it. */
const FAKE_OFFICE_IN_EXCEL = `
window.__office = { startup: [], associated: [] };
window.CustomFunctions = {
  associate: function (id, fn) { window.__office.associated.push(id); },
  Error: function (code, message) { this.code = code; this.message = message || ""; },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" }
};
window.Office = {
  HostType: { Excel: "Excel" },
  StartupBehavior: { load: "Load", none: "None" },
  addin: { setStartupBehavior: function (b) { window.__office.startup.push(b); return Promise.resolve(); } },
  onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); }
};`;

let scratch: string;
let server: http.Server;
let base: string;
let browser: Browser;
let context: BrowserContext;
const outside: string[] = [];

/** Builds a scratch copy of the add-in with its own build script; returns its dist/dev. */
function buildScratch(): string {
  scratch = mkdtempSync(path.join(os.tmpdir(), "critmin-taskpane-"));
  for (const part of ["scripts", "src", "manifest", "package.json"]) {
    cpSync(path.join(addinDir, part), path.join(scratch, part), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}generated`),
    });
  }
  symlinkSync(path.join(addinDir, "node_modules"), path.join(scratch, "node_modules"), "dir");
  const loader = pathToFileURL(path.join(repoRoot, "node_modules/tsx/dist/loader.mjs")).href;
  const run = spawnSync(process.execPath, ["--import", loader, "scripts/build.ts"], {
    cwd: scratch,
    encoding: "utf8",
    env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true" },
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`add-in build failed:\n${run.stdout}\n${run.stderr}`);
  return path.join(scratch, "dist/dev");
}

function serve(root: string): Promise<http.Server> {
  const s = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    const type = CONTENT_TYPES[path.extname(file)];
    if (!file.startsWith(root + path.sep) || !type || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
}

/** A fresh page at 320px; Office.js answered with `officeJs`, anything else off 127.0.0.1 refused. */
async function open(query: string, officeJs = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
  });
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs }),
  );
  await page.goto(`${base}/taskpane.html${query}`);
  await page.locator("#fn:not([disabled])").waitFor();
  return { page, errors };
}

async function runFunction(page: Page, id: string, args: Record<string, string>): Promise<void> {
  await page.selectOption("#fn", id);
  for (const [name, value] of Object.entries(args)) await page.fill(`#arg-${name}`, value);
  const last = Object.keys(args).at(-1);
  // Keyboard: Enter in the last field submits the form.
  if (last) await page.press(`#arg-${last}`, "Enter");
  else await page.click("#run");
  await page.locator("#output:not([hidden]) #formula:not(:empty)").waitFor();
}

async function screenshot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot({ fullPage: true });
  expect(png.length).toBeGreaterThan(5_000);
  if (UPDATE) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(path.join(SCREENSHOTS, `playground-${name}.png`), png);
  }
}

const percent = (v: number) =>
  new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install Debian's Chromium (\`apt-get install -y chromium\`); playwright-core never downloads a browser.`,
    );
  }
  const root = buildScratch();
  server = await serve(root);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, timeout: 30_000 });
  context = await browser.newContext({
    viewport: { width: WIDTH, height: 640 },
    deviceScaleFactor: 1,
    serviceWorkers: "block",
  });
  await context.route(
    (url) => url.hostname !== "127.0.0.1" && url.href !== OFFICE_JS,
    (route) => {
      outside.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("task pane playground, outside Office", () => {
  it('runs CHINA_SHARE("cobalt") and shows the core\'s value, its source and the formula', async () => {
    const { page, errors } = await open("");
    expect(await page.locator("#host").textContent()).toMatch(/^Outside Excel/);
    const metadata = JSON.parse(readFileSync(path.join(scratch, "dist/dev/functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    expect(await page.locator("#fn option").allTextContents()).toEqual(metadata.functions.map((f) => f.id));
    expect(await page.locator("#fn").evaluate((el: HTMLSelectElement) => el.value)).toBe("CHINA_SHARE");
    expect(await page.locator("label[for=arg-mineral]").textContent()).toBe("mineral (required)");
    expect(await page.locator("#arg-stage option").allTextContents()).toContain(
      "refining — Refining (processing, smelting, chemicals)",
    );

    await runFunction(page, "CHINA_SHARE", { mineral: "cobalt" });
    const expected = core.chinaShare("cobalt")!;
    expect(expected).toBeGreaterThan(0);
    const shown = page.locator("#result-value data");
    expect(await shown.textContent()).toBe(percent(expected));
    expect(Number(await shown.getAttribute("value"))).toBe(expected);
    expect(await page.locator("#source").textContent()).toBe(core.cite({ mineral: "cobalt" }));
    expect(await page.locator("#formula").textContent()).toBe('=CRITMIN.CHINA_SHARE("cobalt")');

    const text = (await page.locator("body").innerText()).trim();
    expect(text.length).toBeGreaterThan(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, "china-share");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("writes every argument into the formula, with the namespace from the query string", async () => {
    const { page, errors } = await open("?ns=CRITMINDEV");
    await runFunction(page, "SHARE", { mineral: "lithium", country: "Australia" });
    await page.selectOption("#arg-stage", "mining");
    await page.fill("#arg-year", "2023");
    await page.click("#run");
    await page.locator("#formula", { hasText: "2023" }).waitFor();
    expect(await page.locator("#formula").textContent()).toBe('=CRITMINDEV.SHARE("lithium","Australia","mining",2023)');
    const expected = core.share("lithium", "Australia", { stage: "mining", year: 2023 })!;
    expect(await page.locator("#result-value data").textContent()).toBe(percent(expected));
    expect(await page.locator("#source").textContent()).toBe(
      core.cite({ mineral: "lithium", country: "Australia", stage: "mining", year: 2023 }),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("spills TOP_PRODUCERS as a table with its header row", async () => {
    const { page, errors } = await open("?fn=TOP_PRODUCERS");
    expect(await page.locator("#fn").evaluate((el: HTMLSelectElement) => el.value)).toBe("TOP_PRODUCERS");
    await runFunction(page, "TOP_PRODUCERS", { mineral: "cobalt" });
    const producers = core.topProducers("cobalt")!;
    expect(await page.locator("#result-table thead th").allTextContents()).toEqual([
      "Rank",
      "Country",
      "Name",
      "Share",
      "Tonnes",
    ]);
    const rows = page.locator("#result-table tbody tr");
    expect(await rows.count()).toBe(producers.length);
    const top = producers[0]!;
    const tonnes =
      top.tonnes === undefined ? "" : new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(top.tonnes);
    expect(await rows.first().locator("td").allTextContents()).toEqual([
      String(top.rank),
      top.country,
      top.name,
      percent(top.share),
      tonnes,
    ]);
    expect(await page.locator("#result-table caption").textContent()).toBe(
      `Spills ${producers.length + 1} rows × 5 columns, header row first`,
    );
    expect(await page.locator("#formula").textContent()).toBe('=CRITMIN.TOP_PRODUCERS("cobalt")');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, "top-producers");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows Excel errors with their message, and asks for a missing required argument", async () => {
    const { page, errors } = await open("");
    await runFunction(page, "CHINA_SHARE", { mineral: "cobolt" });
    let message = "";
    try {
      core.chinaShare("cobolt");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('did you mean "cobalt"?');
    expect(await page.locator("#result-value").textContent()).toBe(`#VALUE! — ${message}`);
    await runFunction(page, "CHINA_SHARE", { mineral: "cobalt", year: "1999" });
    expect(await page.locator("#result-value").textContent()).toMatch(/^#N\/A — CHINA_SHARE: /);
    expect(await page.locator("#formula").textContent()).toBe('=CRITMIN.CHINA_SHARE("cobalt",,1999)');

    await page.fill("#arg-mineral", "");
    await page.click("#run");
    expect(await page.locator("#result-value").textContent()).toBe("mineral is required.");
    expect(await page.locator("#arg-mineral").getAttribute("aria-invalid")).not.toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("arg-mineral");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("copies the formula", async () => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    const { page, errors } = await open("");
    await runFunction(page, "HHI", { mineral: "rare earths" });
    await page.click("#copy");
    await page.locator("#copy-status:not(:empty)").waitFor();
    expect(await page.locator("#copy-status").textContent()).toMatch(/^Copied|^Selected/);
    if ((await page.locator("#copy-status").textContent())!.startsWith("Copied")) {
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('=CRITMIN.HHI("rare earths")');
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("task pane inside Excel (stand-in Office.js)", () => {
  it("passes the associations through to Excel's runtime and loads with the workbook", async () => {
    const { page, errors } = await open("?ns=CRITMINDEV", FAKE_OFFICE_IN_EXCEL);
    await page.locator("#host", { hasText: "In Excel" }).waitFor();
    const office = await page.evaluate(
      () => (window as unknown as { __office: { startup: string[]; associated: string[] } }).__office,
    );
    const ids = (
      JSON.parse(readFileSync(path.join(scratch, "dist/dev/functions.json"), "utf8")) as { functions: { id: string }[] }
    ).functions.map((f) => f.id);
    expect(office.associated).toEqual(ids);
    expect(office.startup).toEqual(["Load"]);
    await runFunction(page, "CHINA_SHARE", { mineral: "cobalt" });
    expect(await page.locator("#result-value data").textContent()).toBe(percent(core.chinaShare("cobalt")!));
    expect(await page.locator("#formula").textContent()).toBe('=CRITMINDEV.CHINA_SHARE("cobalt")');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("asked nothing of the network but 127.0.0.1 and the (answered) Office.js URL", () => {
    expect(outside).toEqual([]);
  });
});
