// Office look and access (issue 16, item 6) in a real browser (Debian's chromium via playwright-core)
// at 350px, outside Office: axe-core (injected into the page) finds no serious or critical WCAG 2.1
// A/AA violation on any tab; the keyboard focus ring has at least 3:1 contrast with what is behind
// it (a Fluent text field's and dropdown's too); buttons, text fields and lists are Fluent's only;
// no dropdown cuts an option's label; the Workbook controls are off and say why.
// Set UPDATE_SCREENSHOTS=1 to rewrite test/screenshots/tab-*-350.png.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { elementScreenshot, openPane, startPane, type Pane } from "./pane.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TABS = ["functions", "data", "workbook"] as const;

let pane: Pane;

beforeAll(async () => {
  pane = await startPane("access");
}, 180_000);

afterAll(() => pane?.close());

async function open(tab: (typeof TABS)[number]): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPane(pane, `?tab=${tab}`, "");
  await opened.page.setViewportSize({ width: 350, height: 900 });
  await opened.page.locator("#fn:not([disabled])").waitFor({ state: "attached" });
  if (tab === "data") await opened.page.locator("#data-table").waitFor();
  await opened.page.locator(`#panel-${tab}`).waitFor({ state: "visible" });
  return opened;
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is; run by evaluation (the page's CSP refuses inline scripts). */
async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** WCAG's contrast ratio of two CSS colours (rgb/rgba strings, alpha ignored). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number);
    const c = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * c(r!) + 0.7152 * c(g!) + 0.0722 * c(bl!);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The focused element's outline and the background it is drawn over (its nearest painted container). */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    // A Fluent dropdown's focus is on the <button> inside it; the ring is drawn around the dropdown.
    const el = (document.activeElement?.closest("fluent-dropdown") ?? document.activeElement) as HTMLElement;
    const style = getComputedStyle(el);
    // The ring is drawn outside the control, over its container's background.
    let host: HTMLElement | null = el.parentElement;
    while (host && getComputedStyle(host).backgroundColor === "rgba(0, 0, 0, 0)") host = host.parentElement;
    return {
      id: el.id,
      width: parseFloat(style.outlineWidth),
      style: style.outlineStyle,
      colour: style.outlineColor,
      behind: host ? getComputedStyle(host).backgroundColor : "rgb(255, 255, 255)",
    };
  });
}

describe("axe-core on each tab", () => {
  for (const tab of TABS)
    it(`reports no serious or critical violation on the ${tab} tab`, async () => {
      const { page, errors } = await open(tab);
      const found = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(found, JSON.stringify(found, null, 1)).toEqual([]);
      // Buttons are Fluent's throughout (no native button beside Fluent ones): the only <button>s in
      // the page are the ones Fluent's dropdowns put inside themselves.
      expect(await page.evaluate(() => document.querySelectorAll("button:not(fluent-dropdown > button)").length)).toBe(
        0,
      );
      // So are lists: no <select>, every list a fluent-dropdown.
      expect(await page.evaluate(() => document.querySelectorAll("select, option, optgroup").length)).toBe(0);
      expect(await page.locator(`#panel-${tab} fluent-dropdown`).count()).toBeGreaterThan(0);
      // So are text fields: a Fluent text input's <input> is in its shadow root, never in the page.
      expect(await page.evaluate(() => document.querySelectorAll("input").length)).toBe(0);
      await elementScreenshot(page, "body", `tab-${tab}-350`);
      expect(errors).toEqual([]);
      await page.close();
    });
});

describe("focus, labels and disabled controls", () => {
  it("draws a focus ring of at least 3:1 against the background it sits on", async () => {
    const { page, errors } = await open("data");
    // Reached by the keyboard, as :focus-visible draws it.
    await page.focus('#data-mineral [slot="control"]');
    await page.keyboard.press("Tab");
    const ring = await focusRing(page);
    expect(ring.id).toBe("data-stage");
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.colour, ring.behind)).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("rings a focused Fluent text field as it rings the other controls, at least 3:1", async () => {
    const { page, errors } = await open("functions");
    await page.focus("#fn-search input");
    const ring = await focusRing(page);
    expect(ring.id).toBe("fn-search");
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.colour, ring.behind)).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("cuts no dropdown's label, chosen or listed, at 350px", async () => {
    for (const tab of TABS) {
      const { page } = await open(tab);
      const lists = page.locator(`#panel-${tab} fluent-dropdown:visible`);
      expect(await lists.count(), tab).toBeGreaterThan(0);
      const cut = await page.evaluate((tab) => {
        const canvas = document.createElement("canvas").getContext("2d")!;
        const out: string[] = [];
        for (const host of document.querySelectorAll<HTMLElement>(`#panel-${tab} fluent-dropdown`)) {
          const button = host.querySelector<HTMLElement>(':scope > [slot="control"]');
          if (host.offsetParent === null || !button) continue;
          const style = getComputedStyle(button);
          canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          // The chosen label is the button's text, which takes the room the chevron leaves.
          for (const option of host.querySelectorAll("fluent-option")) {
            const text = option.textContent?.trim() ?? "";
            if (canvas.measureText(text).width > button.clientWidth) out.push(`#${host.id}: "${text}"`);
          }
        }
        return out;
      }, tab);
      expect(cut, tab).toEqual([]);
      // An open list shows each option whole: no option is narrower than its text.
      for (const list of await page.locator(`#panel-${tab} fluent-dropdown:visible:not([disabled])`).all()) {
        await list.locator('[slot="control"]').click();
        const clipped = await list
          .locator("fluent-option")
          .evaluateAll((options) =>
            options.filter((o) => o.scrollWidth > o.clientWidth + 1).map((o) => o.textContent?.trim()),
          );
        expect(clipped, tab).toEqual([]);
        const id = (await list.getAttribute("id")) ?? "";
        if (id === "fn" || id === "data-mineral") await elementScreenshot(page, "body", `list-open-${id}-350`);
        await page.keyboard.press("Escape");
      }
      await page.close();
    }
  });

  it("turns the Workbook controls off outside Excel and says why on each", async () => {
    const { page, errors } = await open("workbook");
    // The visible ones: Cancel belongs to the progress bar, shown only while an action runs.
    const buttons = page.locator("#panel-workbook fluent-button:visible");
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const button of await buttons.all()) {
      const id = (await button.getAttribute("id")) ?? "";
      expect(await button.evaluate((b) => (b as HTMLButtonElement).disabled), id).toBe(true);
      expect(await button.getAttribute("aria-description"), id).toMatch(/needs Excel/);
    }
    const lists = await page.locator("#pin-choices fluent-dropdown").all();
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      expect(await list.locator('[slot="control"]').isDisabled()).toBe(true);
      expect(await list.getAttribute("aria-description")).toMatch(/needs Excel/);
    }
    expect(await page.locator("#wb-outside").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
