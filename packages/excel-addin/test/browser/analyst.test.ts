// The task pane for analysts (issue 16) in a real browser (Debian's chromium via playwright-core) at
// 350px: SERIES in the playground and as the Data tab's chart across editions. What the page shows
// is compared with @critmin/core computed here in Node (the core's own tests read the raw files).
// Set UPDATE_SCREENSHOTS=1 to rewrite test/screenshots/series-*.png.
import * as core from "@critmin/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signingKey } from "../../../../test/support/hosted.ts";
import { SERIES_HEADER } from "../../src/adapter/seriesTable.ts";
import { choose, chosen, elementScreenshot, functionIds, openPane, type Pane, percent, startPane } from "./pane.ts";

let pane: Pane;

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPane(pane, query, "");
  await opened.page.setViewportSize({ width: 350, height: 800 });
  await opened.page.locator("#fn:not([disabled])").waitFor({ state: "attached" });
  return opened;
}

beforeAll(async () => {
  // With a data key, so the refresh card is set up as an organisation's build has it.
  pane = await startPane("analyst", () => undefined, { CRITMIN_DATA_PUBLIC_KEYS: signingKey().publicKey });
}, 180_000);

afterAll(() => pane?.close());

describe("SERIES in the task pane", () => {
  it("spills every edition's figures with a header row, years as written and shares as %", async () => {
    const { page, errors } = await open("?fn=SERIES");
    await page.fill("#arg-mineral input", "lithium");
    await page.fill("#arg-country input", "China");
    await choose(page, "#arg-stage", "refining");
    await page.click("#run");
    await page.locator("#result-table").waitFor();
    const expected = core.series("lithium", "China", { stage: "refining" });
    expect(await page.locator("#result-table thead th").allTextContents()).toEqual(SERIES_HEADER);
    const rows = page.locator("#result-table tbody tr");
    expect(await rows.count()).toBe(expected.rows.length);
    for (const [i, r] of expected.rows.entries()) {
      const cells = await rows.nth(i).locator("td").allTextContents();
      expect(cells.slice(0, 5)).toEqual([r.edition, String(r.year), r.kind, r.case ?? "", percent(r.value!)]);
      expect(cells[8]).toBe(r.locator);
    }
    expect(await page.locator("#formula").textContent()).toBe('=CRITMIN.SERIES("lithium","China","refining")');
    await elementScreenshot(page, "#output", "series-result");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says which editions fold the country into rest of world (not zero)", async () => {
    const { page, errors } = await open("?fn=SERIES");
    await page.fill("#arg-mineral input", "cobalt");
    await page.fill("#arg-country input", "China");
    await choose(page, "#arg-stage", "mining");
    await page.click("#run");
    await page.locator("#answer-line").waitFor();
    const line = (await page.locator("#answer-line").textContent()) ?? "";
    for (const gap of core.series("cobalt", "CHN", { stage: "mining" }).notListed)
      expect(line).toContain(gap.edition.split("-")[0]!.toUpperCase());
    expect(line).toContain("inside rest of world, not zero");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("find a function", () => {
  it('finds CHINA_SHARE from "china", and functions by words of their descriptions and argument hints', async () => {
    const { page, errors } = await open("");
    const visible = async () => page.locator(".picker-item:visible .pick").allTextContents();
    expect(await page.locator("#fn-search-count").textContent()).toMatch(
      new RegExp(`^${functionIds(pane).length} functions in \\d+ groups$`),
    );
    await page.fill("#fn-search input", "china");
    expect(await visible()).toContain("CHINA_SHARE");
    await page.fill("#fn-search input", "risk");
    expect(await visible()).toEqual(expect.arrayContaining(["SUPPLY_RISK", "SUPPLY_AT_RISK"]));
    await page.fill("#fn-search input", "battery");
    expect(await visible()).toContain("TECH_EXPOSURE");
    await page.fill("#fn-search input", "demand");
    expect(await visible()).toContain("DEMAND");
    await page.fill("#fn-search input", "china");
    await elementScreenshot(page, "#fn-finder", "picker-search");
    // Each listed function has its one-line description and a Help link to its docs page.
    const item = page.locator("#pick-CHINA_SHARE");
    expect(await item.locator(".one-line").textContent()).toMatch(/^China's share of world output/);
    const help = item.locator("a.help");
    expect(await help.getAttribute("aria-label")).toBe("Help: CHINA_SHARE");
    expect(await help.getAttribute("href")).toMatch(/\/CHINA_SHARE$/);
    // Picking it opens its form.
    await item.locator(".pick").click();
    expect(await chosen(page, "#fn")).toBe("CHINA_SHARE");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("arg-mineral");
    await page.fill("#fn-search input", "zzzz");
    expect(await page.locator("#fn-search-count").textContent()).toBe('No function matches "zzzz"');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("gives every gallery button a distinct name, and brings the example's result into view", async () => {
    const { page, errors } = await open("");
    await page.locator("#gallery-list .use").first().waitFor();
    // The names as the browser's accessibility tree gives them to a screen reader (Fluent buttons
    // take their role from ElementInternals, which Playwright's role queries do not read).
    const cdp = await page.context().newCDPSession(page);
    const tree = (await cdp.send("Accessibility.getFullAXTree")) as {
      nodes: { role?: { value: string }; name?: { value: string } }[];
    };
    const names = tree.nodes
      .filter((n) => n.role?.value === "button" && /^Use example/.test(n.name?.value ?? ""))
      .map((n) => n.name!.value);
    expect(names.length).toBe(await page.locator("#gallery-list .use").count());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("Use example: CHINA_SHARE");
    await page.locator("#gallery-HHI .use").click();
    await page.locator("#output:not([hidden]) #result-value").waitFor();
    await page.waitForFunction(() => {
      const box = document.getElementById("output")!.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight;
    });
    expect(await chosen(page, "#fn")).toBe("HHI");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("every result readable", () => {
  it("shows a change of share in percentage points and an error once, not again under Source", async () => {
    const { page, errors } = await open("?fn=SHARE_CHANGE");
    await page.fill("#arg-mineral input", "graphite");
    await page.fill("#arg-country input", "CHN");
    await page.fill("#arg-fromYear input", "2023");
    await page.fill("#arg-toYear input", "2030");
    await choose(page, "#arg-source", "iea-cmde-2024");
    await page.click("#run");
    await page.locator("#result-value data").waitFor();
    const change = core.shareChange("graphite", "CHN", { from: 2023, to: 2030, source: "iea-cmde-2024" })!;
    const points = (change * 100).toFixed(1);
    expect(await page.locator("#result-value data").textContent()).toBe(`${change > 0 ? "+" : ""}${points} pp`);
    await choose(page, "#fn", "CHINA_SHARE");
    await page.fill("#arg-mineral input", "cobalt");
    await page.fill("#arg-year input", "2019");
    await page.click("#run");
    await page.locator("#result-value.error").waitFor();
    const output = (await page.locator("#output").innerText()) ?? "";
    expect(output.split("#N/A").length - 1).toBe(1);
    expect(await page.locator("#source").isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the Data tab's series chart", () => {
  it("draws one line per edition, projections dashed, every year labelled, a legend only for what is drawn", async () => {
    const { page, errors } = await open("?tab=data");
    await page.locator("#data-table").waitFor();
    await choose(page, "#data-mineral", "lithium");
    await page.click("#data-show");
    await page.locator("#chart-series").waitFor();
    const expected = core.series("lithium", "CHN", { stage: "refining" }).rows.filter((r) => r.value !== undefined);
    const editions = [...new Set(expected.map((r) => r.edition))];
    const years = [...new Set(expected.map((r) => r.year))].sort((a, b) => a - b);
    expect(await page.locator("#chart-series-caption").textContent()).toMatch(/^China's share of Lithium refining/);
    expect(await page.locator("#chart-series text.year").allTextContents()).toEqual(years.map(String));
    expect(await page.locator("#chart-series .mark").count()).toBe(expected.length);
    const projected = new Set(expected.filter((r) => r.kind === "projected").map((r) => r.edition));
    expect(await page.locator("#chart-series path.projection").count()).toBe(projected.size);
    expect(await page.locator("#chart-series rect.average").count()).toBe(
      expected.filter((r) => r.kind === "period-average").length,
    );
    expect(await page.locator(".series-legend li[id^=series-legend-]").count()).toBe(editions.length);
    const kinds = new Set(expected.map((r) => r.kind));
    expect(await page.locator(".series-legend .key").count()).toBe(kinds.size);
    expect(await page.locator("#chart-series").textContent()).toContain("Share of world output (%)");
    await elementScreenshot(page, "#chart-series-figure", "series-chart");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the Data tab's series chart without figures", () => {
  it("says why instead of drawing an empty chart (China inside rest of world, not zero)", async () => {
    const { page, errors } = await open("?tab=data");
    await page.locator("#data-table").waitFor();
    await choose(page, "#data-mineral", "chromium");
    await choose(page, "#data-stage", "mining");
    await choose(page, "#data-edition", "usgs-mcs-2025");
    await page.click("#data-show");
    await page.locator("#chart-series-empty").waitFor();
    const reason = core.series("chromium", "CHN", { stage: "mining" }).reason!;
    expect(await page.locator("#chart-series-empty").textContent()).toBe(`#N/A — SERIES: ${reason}`);
    expect(reason).toContain("inside rest of world (not zero)");
    expect(await page.locator("#chart-series").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the data refresh card", () => {
  it("starts empty, says a non-URL is not a URL, and describes the bundled data in words, version second", async () => {
    const { page, errors } = await open("?tab=data");
    await page.locator("#refresh-current:not(:empty)").waitFor();
    expect(await page.locator("#refresh-url input").inputValue()).toBe("");
    const editions = core.editions();
    const newest = [...editions].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    const [year, month] = newest.date.split("-").map(Number);
    const monthName = new Date(Date.UTC(year!, month! - 1, 1)).toLocaleString("en-GB", {
      month: "long",
      timeZone: "UTC",
    });
    expect(await page.locator("#refresh-current").textContent()).toBe(
      `Bundled data: ${editions.length} editions, newest ${newest.id.split("-")[0]!.toUpperCase()} ${monthName} ${year} (dataset ${core.datasetVersion()})`,
    );
    await page.fill("#refresh-url input", "manifest please");
    await page.click("#refresh-run");
    await page.locator("#refresh-message:not(:empty)").waitFor();
    expect(await page.locator("#refresh-message").textContent()).toMatch(/^"manifest please" is not a URL: /);
    expect(await page.locator("#refresh-url").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#refresh-url input").getAttribute("aria-invalid")).toBe("true");
    // Enter in the field submits, as the button does (Fluent's text input submits its form).
    await page.fill("#refresh-url input", "still not one");
    await page.press("#refresh-url input", "Enter");
    await page.locator("#refresh-message", { hasText: '"still not one" is not a URL' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
