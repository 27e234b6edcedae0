// The docs site (packages/sdk-docs), built once for the whole file in a private copy:
//   (a) the generator and `vitepress build` succeed, offline;
//   (b) every internal href and src of every built page resolves to a built file (and anchor);
//   (c) every ts/js code block of the site's markdown, hand-written and generated, runs and its
//       `//=>` expectations hold;
//   (d) every function in functions.json has a page at excel/<ID>.html that its helpUrl reaches,
//       with examples whose shown results are what the add-in's function returns;
//   (e) headless Chromium opens the home page, a function page and a data page with no page
//       errors; UPDATE_SCREENSHOTS=1 rewrites packages/sdk-docs/screenshots/*.png.
//
// Needs /usr/bin/chromium for (e) (`apt-get install -y chromium`); never downloads a browser.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as core from "../../packages/core/src/index.ts";
import { extractCodeBlocks, type CodeBlock } from "../../packages/sdk-docs/scripts/lib/codeblocks.ts";
import { EXCEL_EXAMPLES } from "../../packages/sdk-docs/scripts/lib/excel-examples.ts";
import {
  computeExamples,
  loadExcel,
  type ComputedExample,
  type ExcelContext,
} from "../../packages/sdk-docs/scripts/lib/excel.ts";
import { runBlocks } from "./lib/blocks.ts";
import { checkLinks, decodeEntities, htmlFiles, resolveSitePath } from "./lib/links.ts";
import { BASE, buildSite, docsPackage, serveSite, type BuiltSite } from "./lib/site.ts";
import { launchChromium, loopbackContext, requireChromium, type Loopback } from "../support/index.ts";

const SCREENSHOTS = path.join(docsPackage, "screenshots");

let site: BuiltSite;
let excel: ExcelContext;

beforeAll(async () => {
  [site, excel] = await Promise.all([buildSite(), loadExcel()]);
}, 300_000);

afterAll(() => {
  site?.cleanup();
});

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory())
      return e.name === "node_modules" || e.name === "cache" || e.name === "dist" ? [] : markdownFiles(full);
    return e.name.endsWith(".md") ? [full] : [];
  });
}

const page = (rel: string) => readFileSync(path.join(site.outDir, rel), "utf8");
/** Visible text of a built page's main content, tags stripped and entities decoded. */
function pageText(html: string): string {
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  return decodeEntities(main.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, "")).replace(/\s+/g, " ");
}

describe("(a) the docs build", () => {
  it("generates the pages and builds the site under /docs/", () => {
    expect(existsSync(path.join(site.outDir, "index.html"))).toBe(true);
    const pages = htmlFiles(site.outDir);
    expect(pages.length).toBeGreaterThan(100);
    for (const rel of [
      "guide/economists.html",
      "guide/developers.html",
      "guide/it.html",
      "methodology.html",
      "changelog.html",
      "api/index.html",
      "api/functions/chinaShare.html",
      "excel/index.html",
      "data/index.html",
      "data/coverage.html",
      "data/quirks.html",
      "data/charts.html",
    ]) {
      expect(existsSync(path.join(site.outDir, rel)), rel).toBe(true);
    }
    // Assets are referenced under the /docs/ base; the home page carries the generated facts.
    expect(page("index.html")).toMatch(/(src|href)="\/docs\/assets\//);
    expect(pageText(page("index.html"))).toContain(`dataset ${core.datasetVersion()}`);
    console.log(
      `docs: generate ${(site.generateMs / 1000).toFixed(1)} s, vitepress build ${(site.buildMs / 1000).toFixed(1)} s, ${pages.length} pages`,
    );
    // About 30 s on a developer machine; the bound leaves room for a loaded CI runner.
    expect(site.generateMs + site.buildMs).toBeLessThan(120_000);
  });

  it("is self-contained: no script, stylesheet, font or image from another host, no analytics", () => {
    for (const file of htmlFiles(site.outDir)) {
      const html = readFileSync(file, "utf8");
      const rel = path.relative(site.outDir, file);
      expect(html, rel).not.toMatch(/<(script|img|iframe)\b[^>]*\ssrc=["']?(https?:)?\/\//i);
      expect(html, rel).not.toMatch(/<link\b[^>]*\shref=["']?(https?:)?\/\/[^>]*>/i);
      expect(html, rel).not.toMatch(/googletagmanager|google-analytics|gtag\(|plausible|matomo|fonts\.googleapis/i);
    }
    const css = readdirSync(path.join(site.outDir, "assets")).filter((f) => f.endsWith(".css"));
    for (const f of css)
      expect(readFileSync(path.join(site.outDir, "assets", f), "utf8"), f).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
  });

  it("draws the charts as static SVG from the data", () => {
    const svgs = readdirSync(path.join(site.outDir, "assets")).filter((f) => f.endsWith(".svg"));
    expect(svgs.some((f) => f.startsWith("china-refining-share"))).toBe(true);
    expect(svgs.some((f) => f.startsWith("hhi-heatmap"))).toBe(true);
    for (const f of svgs.filter((s) => /^(china|hhi)/.test(s))) {
      const svg = readFileSync(path.join(site.outDir, "assets", f), "utf8");
      expect(svg, f).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg, f).not.toMatch(/<script|href=|xlink:href|@import/);
    }
    // The China refining chart shows the pinned figure for cobalt (IEA May 2024, 2023).
    const cobalt = core.chinaShare("cobalt", { year: 2023, source: "iea-cmde-2024" })!;
    expect(pageText(page("data/charts.html"))).toContain(`${(cobalt * 100).toFixed(1)}%`);
  });
});

describe("(b) links", () => {
  it("every internal href and src of every page resolves to a built file, and every #anchor to an id", () => {
    const report = checkLinks(site.outDir, BASE);
    expect(report.pages).toBeGreaterThan(100);
    expect(report.internal).toBeGreaterThan(1000);
    expect(report.broken).toEqual([]);
    // External links are only cited sources, well-formed.
    for (const url of report.external) {
      expect(() => new URL(url), url).not.toThrow();
      expect(url, url).not.toMatch(/&#|&amp;/);
    }
  });
});

describe("(c) code examples", () => {
  let blocks: CodeBlock[] = [];
  beforeAll(() => {
    blocks = markdownFiles(site.srcDir).flatMap((file) =>
      extractCodeBlocks(path.relative(site.srcDir, file), readFileSync(file, "utf8")),
    );
  });

  it("finds the hand-written and the generated examples", () => {
    const files = new Set(blocks.map((b) => b.file.split(path.sep).join("/")));
    for (const f of [
      "guide/developers.md",
      "methodology.md",
      "generated/data/quirks.md",
      "generated/api/functions/chinaShare.md",
    ])
      expect(files, f).toContain(f);
    expect(blocks.length).toBeGreaterThan(40);
  });

  it("runs every ts/js block on the site; every //=> holds", async () => {
    const { failures, checks } = await runBlocks(blocks);
    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThan(60);
  });

  it("the developers' page opens with five lines that run", () => {
    const md = readFileSync(path.join(site.srcDir, "guide/developers.md"), "utf8");
    const five = extractCodeBlocks("developers.md", md).find((b) => /^import .* from "@critmin\/core";/.test(b.code));
    expect(five).toBeDefined();
    expect(five!.code.split("\n").filter((l) => l.trim() !== "")).toHaveLength(5);
  });
});

describe("(d) Excel function pages", () => {
  let shown: ComputedExample[] = [];
  beforeAll(() => {
    shown = JSON.parse(
      readFileSync(path.join(site.srcDir, "generated/excel-examples.json"), "utf8"),
    ) as ComputedExample[];
  });

  it("every function in functions.json has a page at excel/<ID>.html, reached by its helpUrl", () => {
    const ids = excel.metadata.functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(20);
    for (const f of excel.metadata.functions) {
      expect(existsSync(path.join(site.outDir, `excel/${f.id}.html`)), f.id).toBe(true);
      // functions.json says https://docs.critmin.invalid/excel/<ID> until the add-in build puts its
      // host in; the path under /docs/ is what the host must serve.
      const help = new URL(f.helpUrl!);
      expect(help.pathname, f.id).toBe(`/excel/${f.id}`);
      expect(resolveSitePath(site.outDir, BASE, `${BASE.slice(0, -1)}${help.pathname}`), f.id).toBe(
        path.join(site.outDir, `excel/${f.id}.html`),
      );
      const text = pageText(page(`excel/${f.id}.html`));
      expect(text, f.id).toContain(`=CRITMIN.${f.id}(`);
      for (const p of f.parameters) expect(text, `${f.id} ${p.name}`).toContain(p.name);
    }
    const index = pageText(page("excel/index.html"));
    for (const id of ids) expect(index, id).toContain(id);
  });

  it("every function has examples, and #VALUE! and #N/A are explained on every page", () => {
    for (const f of excel.metadata.functions) {
      expect(
        EXCEL_EXAMPLES[f.id]?.length ?? 0,
        `${f.id}: add examples to its entry in packages/excel-addin/src/functions/traits.ts`,
      ).toBeGreaterThan(0);
      const text = pageText(page(`excel/${f.id}.html`));
      expect(text, f.id).toContain("#VALUE!");
      expect(text, f.id).toContain("#N/A");
    }
    expect(Object.keys(EXCEL_EXAMPLES).filter((id) => !excel.metadata.functions.some((f) => f.id === id))).toEqual([]);
  });

  it("the results shown are what the add-in's functions return now, and the pages show them", () => {
    expect(shown.length).toBeGreaterThan(50);
    const errors = new Set<string>();
    for (const e of shown) {
      const [again] = computeExamples(excel, e.id, [{ args: e.args }]);
      expect(again!.cells, e.formula).toEqual(e.cells);
      for (const c of e.cells.flat()) if (c.kind === "error") errors.add(c.value);
    }
    // The examples include real errors, with their messages.
    expect([...errors].sort()).toEqual(["#N/A", "#VALUE!"]);
    for (const e of shown.filter((x) =>
      EXCEL_EXAMPLES[x.id]?.some((y) => JSON.stringify(y.args) === JSON.stringify(x.args)),
    )) {
      const text = pageText(page(`excel/${e.id}.html`));
      expect(text, e.formula).toContain(e.formula);
      for (const c of e.cells.flat().slice(0, 12 * (e.cells[0]?.length ?? 1))) {
        if (c.kind !== "blank") expect(text, `${e.formula}: ${c.value}`).toContain(c.value);
        if (c.message) expect(text, `${e.formula}: ${c.message}`).toContain(c.message);
      }
    }
  });

  it("CHINA_SHARE's page shows the add-in's own value for cobalt and the #N/A reason for 2019", () => {
    const text = pageText(page("excel/CHINA_SHARE.html"));
    expect(text).toContain(String(core.chinaShare("cobalt")));
    expect(text).toMatch(/#N\/A CHINA_SHARE: no cobalt refining figure for 2019; years available:/);
    expect(text).toContain('#VALUE! chinaShare: unknown mineral "cobolt"; did you mean "cobalt"?');
  });
});

describe("(e) in headless Chromium", () => {
  let server: Loopback | undefined;
  let origin = "";
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const blocked: string[] = [];

  beforeAll(async () => {
    requireChromium();
    server = await serveSite(site.outDir);
    origin = server.origin;
    browser = await launchChromium();
    // Only loopback: anything else is recorded and refused.
    context = await loopbackContext(
      browser,
      { viewport: { width: 1280, height: 1300 }, colorScheme: "light" },
      blocked,
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
  }, 30_000);

  it.each([
    ["home", "/docs/", "Data that does not exist is #N/A in Excel", 1300],
    ["function", "/docs/excel/CHINA_SHARE", "CRITMIN.CHINA_SHARE", 2700],
    ["data", "/docs/data/charts.html", "China's refining share to 2040", 1300],
  ] as const)("%s page (%s) renders with no page errors", async (name, url, heading, maxHeight) => {
    const tab = await context!.newPage();
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    const failed: string[] = [];
    tab.on("pageerror", (e) => pageErrors.push(`${e.name}: ${e.message}`));
    tab.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    tab.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    try {
      const response = await tab.goto(`${origin}${url}`, { waitUntil: "networkidle" });
      expect(response?.status()).toBe(200);
      // Hydrated by Vue: the client app took over the server-rendered page.
      await tab.waitForFunction(
        () => Boolean((document.querySelector("#app") as unknown as { __vue_app__?: unknown } | null)?.__vue_app__),
        undefined,
        { timeout: 15_000 },
      );
      await tab.evaluate(() => document.fonts.ready);
      const content = await tab
        .locator(name === "home" ? ".VPHome" : ".vp-doc")
        .first()
        .innerText();
      expect(content.length, "page content").toBeGreaterThan(300);
      expect(content).toContain(heading);
      if (name === "data") {
        // The charts loaded as images with a size.
        const sizes = await tab.$$eval("img[src$='.svg']", (imgs) =>
          imgs.map((i) => (i as HTMLImageElement).naturalWidth),
        );
        expect(sizes.length).toBe(2);
        expect(sizes.every((w) => w > 300)).toBe(true);
      }
      expect(pageErrors).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(failed).toEqual([]);
      expect(blocked).toEqual([]);
      // The page, up to maxHeight, as the viewport: the sidebar is fixed and would not follow a full-page capture.
      const height = await tab.evaluate(() => document.documentElement.scrollHeight);
      await tab.setViewportSize({ width: 1280, height: Math.min(height, maxHeight) });
      const png = await tab.screenshot();
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      if (process.env.UPDATE_SCREENSHOTS === "1") {
        mkdirSync(SCREENSHOTS, { recursive: true });
        writeFileSync(path.join(SCREENSHOTS, `${name}.png`), png);
        console.log(`wrote packages/sdk-docs/screenshots/${name}.png`);
      }
    } finally {
      await tab.close();
    }
  });
});
