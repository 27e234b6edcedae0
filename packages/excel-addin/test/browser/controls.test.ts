// The data browser's export-control timeline in a real browser at a task pane's width (320px):
// one list item per measure EXPORT_CONTROLS returns for the chosen mineral, in its order, with its
// status today, and nothing wider than the pane. Outside Office (Office.js answered empty).
import * as core from "@critmin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, openPane, type Pane, startPane, WIDTH } from "./pane.ts";

let pane: Pane;

beforeAll(async () => {
  pane = await startPane("controls");
}, 180_000);

afterAll(() => pane?.close());

describe("data browser: export-control timeline", () => {
  it("lists graphite's measures with their dates and status today, readable at 320px", async () => {
    const { page, errors } = await openPane(pane, "?tab=data", "");
    await page.locator("#data-table").waitFor();
    await choose(page, "#data-mineral", "graphite");
    await page.click("#data-show");
    await page.locator("#data-controls-title", { hasText: "graphite" }).waitFor();
    const expected = core.exportControls({ mineral: "graphite" });
    const items = page.locator("#data-controls li");
    expect(await items.count()).toBe(expected.measures.length);
    expect(await page.locator("#data-controls .badge").allTextContents()).toEqual(
      expected.measures.map((m) => m.status),
    );
    expect(await page.locator("#data-controls-title").textContent()).toContain(expected.asOf);
    const first = expected.measures[0]!;
    expect(await items.first().locator(".timeline-dates").textContent()).toContain(`announced ${first.announced}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    if (process.env.CONTROLS_SHOT) await page.locator("#data-controls").screenshot({ path: process.env.CONTROLS_SHOT });
    expect(errors).toEqual([]);
    await page.close();
  });
});
