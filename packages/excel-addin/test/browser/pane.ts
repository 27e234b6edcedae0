// The task pane in a real browser, shared by the pane's browser tests: a scratch build of the add-in
// served on 127.0.0.1, Debian's Chromium at a task pane's width of 320px, Office.js answered by the
// test (empty outside Office, a stand-in inside) and every other request off 127.0.0.1 refused.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { launchChromium, loopbackContext, serveStatic, type Loopback } from "../../../../test/support/index.ts";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const WIDTH = 320;

export const addinDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const repoRoot = path.resolve(addinDir, "../..");
const SCREENSHOTS = path.join(addinDir, "test/screenshots");

/** Builds a scratch copy of the add-in with its own build script (no other test's build can change its files); returns its dist/dev. */
function buildScratch(scratch: string, env: Readonly<Record<string, string>>): string {
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
    env: { ...process.env, ...env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: "true" },
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`add-in build failed:\n${run.stdout}\n${run.stderr}`);
  return path.join(scratch, "dist/dev");
}

export interface Pane {
  /** The built dist/dev being served. */
  readonly dist: string;
  /** `http://127.0.0.1:<port>`, serving `dist`. */
  readonly base: string;
  readonly context: BrowserContext;
  /** Requests refused for leaving 127.0.0.1 (Office.js excepted). */
  readonly outside: string[];
  close(): Promise<void>;
}

/**
 * Builds the add-in into a scratch folder (with `env` added to the build's environment, e.g.
 * CRITMIN_DATA_PUBLIC_KEYS; `host` may add files beside it), serves it and opens a browser.
 */
export async function startPane(
  name: string,
  host: (dist: string) => void = () => undefined,
  env: Readonly<Record<string, string>> = {},
): Promise<Pane> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), `critmin-${name}-`));
  let server: Loopback | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    browser = await launchChromium();
    const dist = buildScratch(scratch, env);
    host(dist);
    server = await serveStatic(dist);
    const outside: string[] = [];
    const context = await loopbackContext(browser, { viewport: { width: WIDTH, height: 640 } }, outside, OFFICE_JS);
    return { dist, base: server.origin, context, outside, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A fresh page of taskpane.html at 320px, Office.js answered with `officeJs`; `errors` collects page
 * errors and console errors. `prepare` runs before the page loads (init scripts).
 */
export async function openPane(
  pane: Pane,
  query: string,
  officeJs: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<{ page: Page; errors: string[] }> {
  const page = await pane.context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
  });
  await prepare?.(page);
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs }),
  );
  await page.goto(`${pane.base}/taskpane.html${query}`);
  return { page, errors };
}

/** The function ids of the served functions.json, in its order. */
export function functionIds(pane: Pane): string[] {
  const json = JSON.parse(readFileSync(path.join(pane.dist, "functions.json"), "utf8")) as {
    functions: { id: string }[];
  };
  return json.functions.map((f) => f.id);
}

/**
 * Screenshots the whole page, or its top `height` pixels; UPDATE_SCREENSHOTS=1 writes it to
 * test/screenshots/<name>.png.
 */
export async function screenshot(page: Page, name: string, height?: number): Promise<void> {
  const png = await page.screenshot({
    fullPage: true,
    ...(height ? { clip: { x: 0, y: 0, width: WIDTH, height } } : {}),
  });
  expect(png.length).toBeGreaterThan(5_000);
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(path.join(SCREENSHOTS, `${name}.png`), png);
  }
}

/** One element at `width` px (a task pane's width), written like {@link screenshot}; returns its size. */
export async function elementScreenshot(
  page: Page,
  selector: string,
  name: string,
  width = 350,
): Promise<{ width: number; height: number }> {
  await page.setViewportSize({ width, height: 900 });
  const target = page.locator(selector);
  await target.scrollIntoViewIfNeeded();
  const png = await target.screenshot();
  expect(png.length).toBeGreaterThan(2_000);
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(path.join(SCREENSHOTS, `${name}.png`), png);
  }
  const box = await target.boundingBox();
  return { width: box?.width ?? 0, height: box?.height ?? 0 };
}

/** A share as the pane shows it. */
export const percent = (v: number): string =>
  new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

/** The value chosen in a Fluent dropdown (taskpane/choice.ts), as the pane reads it. */
export function chosen(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate(
    (host) =>
      Array.from(host.querySelectorAll("fluent-option"))
        .find((o) => (o as HTMLElement & { selected?: boolean }).selected)
        ?.getAttribute("value") ?? "",
  );
}

/** The values a Fluent dropdown lists, in order. */
export function listed(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(`${selector} fluent-option`)
    .evaluateAll((options) => options.map((o) => o.getAttribute("value") ?? ""));
}

/** Chooses `value` in a Fluent dropdown as a person does: open the list, click the option. */
export async function choose(page: Page, selector: string, value: string): Promise<void> {
  const list = page.locator(selector);
  await list.locator('[slot="control"]').click();
  await list.locator(`fluent-option[value="${value}"]`).click();
  await expect.poll(() => chosen(page, selector)).toBe(value);
}
