// The Data tab never dead-ends (issue 16, item 4), in a real browser (Debian's chromium via
// playwright-core) at 350px, outside Office: the editions offered are those whose coverage (core's
// mineralEntries) has supply figures for the mineral and stage, minerals without any are listed
// apart, a disabled control says why, the charts carry a visible title, unit, every year and a
// legend only for what is drawn, each row its source, and "Download CSV" saves what is shown.
// Set UPDATE_SCREENSHOTS=1 to rewrite test/screenshots/data-*.png.
import { readFileSync } from "node:fs";
import * as core from "@critmin/core";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, chosen, elementScreenshot, listed, openPane, type Pane, startPane } from "./pane.ts";

let pane: Pane;

beforeAll(async () => {
  pane = await startPane("data-tab");
}, 180_000);

afterAll(() => pane?.close());

async function open(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPane(pane, "?tab=data", "");
  await opened.page.setViewportSize({ width: 350, height: 800 });
  await opened.page.locator("#data-table").waitFor();
  return opened;
}

/** The supply editions of a mineral and stage, by coverage, newest first (read here, not from the pane's code). */
function supplyEditions(mineral: string, stage: string): string[] {
  const entry = core.mineralEntries.find((m) => m.id === mineral)!;
  const ids = new Set(
    entry.coverage.filter((c) => c.measure === "production" && c.stage === stage).map((c) => c.edition),
  );
  return core
    .editions()
    .filter((e) => ids.has(e.id))
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((e) => e.id);
}

const options = (page: Page, id: string) => listed(page, `#${id}`);

describe("the Data tab offers only choices with figures", () => {
  it("opens gallium on USGS, the newest edition with its refining figures; mining is off and says so", async () => {
    const { page, errors } = await open();
    await choose(page, "#data-mineral", "gallium");
    const expected = supplyEditions("gallium", "refining");
    expect(expected).toContain("usgs-mcs-2025");
    expect(expected).not.toContain("iea-cmde-2025");
    expect(await options(page, "data-edition")).toEqual(expected);
    expect(await chosen(page, "#data-edition")).toBe("usgs-mcs-2025");
    const mining = page.locator('#data-stage fluent-option[value="mining"]');
    expect(await mining.evaluate((o) => o.hasAttribute("disabled"))).toBe(
      supplyEditions("gallium", "mining").length === 0,
    );
    expect(await mining.textContent()).toBe("Mining (no figures)");
    await elementScreenshot(page, "#data-form", "data-gallium");
    // Every year offered has a table.
    const years = core.mineralEntries
      .find((m) => m.id === "gallium")!
      .coverage.filter((c) => c.measure === "production" && c.edition === "usgs-mcs-2025" && c.stage === "refining")
      .flatMap((c) => c.years);
    expect(await options(page, "data-year")).toEqual(["", ...years.map(String)]);
    for (const year of years) {
      await choose(page, "#data-year", String(year));
      await page.click("#data-show");
      await page.locator("#data-title", { hasText: String(year) }).waitFor();
      expect(await page.locator("#data-error").count()).toBe(0);
      expect(await page.locator("#data-table tbody tr").count()).toBe(
        core.topProducers("gallium", { stage: "refining", year, source: "usgs-mcs-2025", n: 50 })!.length,
      );
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists minerals without supply figures apart, and a disabled control says why", async () => {
    const { page, errors } = await open();
    const without = core.mineralEntries
      .filter((m) => !m.coverage.some((c) => c.measure === "production"))
      .map((m) => m.id)
      .sort();
    expect(without.length).toBeGreaterThan(0);
    // Listed under their own heading, which a screen reader hears as each option's description.
    const apart = await page
      .locator('#data-mineral fluent-option[aria-description^="No supply figures"]')
      .evaluateAll((list) => list.map((o) => o.getAttribute("value")));
    expect([...apart].sort()).toEqual(without);
    expect(await page.locator("#data-mineral .choice-group").allTextContents()).toEqual([
      "With supply figures",
      "No supply figures (export controls only)",
    ]);
    const mineral = without[0]!;
    await choose(page, "#data-mineral", mineral);
    for (const id of ["data-stage", "data-edition", "data-year"]) {
      const control = page.locator(`#${id}`);
      expect(await control.locator('[slot="control"]').isDisabled(), id).toBe(true);
      expect(await control.getAttribute("aria-description"), id).toMatch(/^No edition has supply figures for /);
      expect(await control.getAttribute("title"), id).toMatch(/^No edition has supply figures for /);
    }
    // An empty list says so rather than showing a blank box.
    expect((await page.locator('#data-edition [slot="control"]').textContent())?.trim()).toBe(
      "No edition with figures",
    );
    expect(await page.locator("#data-why").isVisible()).toBe(true);
    expect(await page.locator("#data-why").textContent()).toMatch(/Show lists its export controls only/);
    await elementScreenshot(page, "#data-form", "data-no-supply");
    await page.click("#data-show");
    await page.locator("#data-error").waitFor();
    expect(await page.locator("#data-controls-title").count()).toBe(1);
    // Outside Excel, Insert is off and says why in visible text.
    expect(await page.locator("#data-insert").evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await page.locator("#data-insert-why").textContent()).toMatch(/needs Excel/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the Data tab's charts and table", () => {
  it("titles each chart in visible text with its unit, labels every year, keys only what is drawn", async () => {
    const { page, errors } = await open();
    await choose(page, "#data-mineral", "gallium");
    await page.click("#data-show");
    await page.locator("#chart-china-figure").waitFor();
    for (const id of ["chart-top", "chart-china"]) {
      expect(await page.locator(`#${id}-caption`).isVisible(), id).toBe(true);
      expect(await page.locator(`#${id}-figure .chart-unit`).textContent(), id).toMatch(/^Share of world output \(%\)/);
    }
    const years = core.mineralEntries
      .find((m) => m.id === "gallium")!
      .coverage.filter((c) => c.measure === "production" && c.edition === "usgs-mcs-2025" && c.stage === "refining")
      .flatMap((c) => c.years)
      .filter((year) => core.chinaShare("gallium", { stage: "refining", year, source: "usgs-mcs-2025" }) !== undefined);
    expect(await page.locator("#chart-china text.year").allTextContents()).toEqual(years.map(String));
    // USGS has no projections: the key has "observed" only.
    expect(await page.locator("#chart-china-figure .chart-legend li").allTextContents()).toEqual([" observed"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("gives each row its source, and downloads the table as shown as CSV, outside Excel", async () => {
    const { page, errors } = await open();
    await choose(page, "#data-mineral", "lithium");
    await page.click("#data-show");
    await page.locator("#data-title", { hasText: "Lithium" }).waitFor();
    const edition = (await chosen(page, "#data-edition")) as core.EditionId;
    const year = Number((await page.locator("#data-title").textContent())!.split(", ")[2]);
    const top = core.topProducers("lithium", { stage: "refining", year, source: edition, n: 50 })!;
    const shown = await page
      .locator("#data-table tr")
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
    expect(shown[0]).toEqual(["#", "Country", "Share", "Tonnes", "Source"]);
    expect(shown.length - 1).toBe(top.length);
    for (const [i, p] of top.entries()) {
      const answer = core.explain(core.share, "lithium", p.country, { stage: "refining", year, source: edition });
      expect(shown[i + 1]![4], p.country).toBe(answer.sources[0]!.locator);
    }
    expect(await page.locator("#data-csv").isDisabled()).toBe(false);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#data-csv")]);
    expect(download.suggestedFilename()).toBe(`critmin-lithium-refining-${year}-${edition}.csv`);
    const text = readFileSync(await download.path(), "utf8");
    expect(text.startsWith("\ufeff")).toBe(true);
    expect(parse(text.slice(1))).toEqual(shown);
    expect(await page.locator("#data-status").textContent()).toMatch(/^Downloaded critmin-lithium/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
