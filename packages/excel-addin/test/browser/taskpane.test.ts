// The task pane's function playground in a real browser: Debian's chromium driven by playwright-core
// (never a browser download), at a task pane's width of 320px.
//
// Builds the add-in on a scratch copy of its sources (so no other test's build can change files
// mid-run), serves its dist/dev with a plain node:http server on 127.0.0.1, and answers the page's
// Office.js request from Microsoft's CDN with an empty script (outside Office, offline). Then picks
// CHINA_SHARE, types "cobalt", presses Enter and compares what the page shows with @critmin/core
// computed here in Node; does the same for the TOP_PRODUCERS table, errors, Copy, and the in-Excel
// path with a stand-in Office.js. Set UPDATE_SCREENSHOTS=1 to rewrite test/screenshots/playground-*.png.
import * as core from "@critmin/core";
import { answerLine, UNSTATED_PERIOD } from "../../src/adapter/answerText.ts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thrown } from "../../../../test/support/thrown.ts";
import {
  choose,
  chosen,
  elementScreenshot,
  functionIds,
  openPane,
  type Pane,
  percent,
  screenshot,
  startPane,
  WIDTH,
} from "./pane.ts";

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

let pane: Pane;

/** A fresh page at 320px with its function form ready; Office.js answered with `officeJs`. */
async function open(query: string, officeJs = ""): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPane(pane, query, officeJs);
  await opened.page.locator("#fn:not([disabled])").waitFor();
  return opened;
}

async function runFunction(page: Page, id: string, args: Record<string, string>): Promise<void> {
  await choose(page, "#fn", id);
  for (const [name, value] of Object.entries(args)) await page.fill(`#arg-${name} input`, value);
  const last = Object.keys(args).at(-1);
  // Keyboard: Enter in the last field submits the form.
  if (last) await page.press(`#arg-${last} input`, "Enter");
  else await page.click("#run");
  await page.locator("#output:not([hidden]) #formula:not(:empty)").waitFor();
}

beforeAll(async () => {
  pane = await startPane("taskpane");
}, 180_000);

afterAll(() => pane?.close());

describe("task pane playground, outside Office", () => {
  it('runs CHINA_SHARE("cobalt") and shows the core\'s value, its source and the formula', async () => {
    const { page, errors } = await open("");
    expect(await page.locator("#host").textContent()).toMatch(/^Outside Excel/);
    // Grouped by category (functions/categories.ts), so in another order than functions.json.
    expect((await page.locator("#fn fluent-option").allTextContents()).sort()).toEqual(functionIds(pane).sort());
    expect(await chosen(page, "#fn")).toBe("CHINA_SHARE");
    // The label is the Fluent field's slotted text, which labels the <input> in its shadow root.
    expect(await page.locator("#arg-mineral").textContent()).toBe("mineral (required)");
    const cdp = await page.context().newCDPSession(page);
    const tree = (await cdp.send("Accessibility.getFullAXTree")) as {
      nodes: { role?: { value: string }; name?: { value: string } }[];
    };
    expect(tree.nodes.some((n) => n.role?.value === "textbox" && n.name?.value === "mineral (required)")).toBe(true);
    expect(await page.locator("#arg-stage fluent-option").allTextContents()).toContain("refining");
    await choose(page, "#arg-stage", "refining");
    expect(await page.locator("#arg-stage-choice").textContent()).toBe("Refining (processing, smelting, chemicals)");
    await choose(page, "#arg-stage", "");

    await runFunction(page, "CHINA_SHARE", { mineral: "cobalt" });
    const expected = core.chinaShare("cobalt")!;
    expect(expected).toBeGreaterThan(0);
    const shown = page.locator("#result-value data");
    expect(await shown.textContent()).toBe(percent(expected));
    expect(Number(await shown.getAttribute("value"))).toBe(expected);
    const answer = core.explain(core.chinaShare, "cobalt");
    expect(await page.locator("#answer-line").textContent()).toBe(answerLine(answer));
    expect(await page.locator("#answer-line").textContent()).toContain(` · ${answer.year} · refining · `);
    await page.click("#answer-details summary");
    const details = await page.locator("#answer-details").innerText();
    expect(details).toContain(answer.citation!);
    for (const s of answer.sources) expect(details).toContain(s.locator);
    expect(await page.locator("#formula").textContent()).toBe('=CRITMIN.CHINA_SHARE("cobalt")');

    const text = (await page.locator("body").innerText()).trim();
    expect(text.length).toBeGreaterThan(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, "playground-china-share");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("writes every argument into the formula, with the namespace from the query string", async () => {
    const { page, errors } = await open("?ns=CRITMINDEV");
    await runFunction(page, "SHARE", { mineral: "lithium", country: "Australia" });
    await choose(page, "#arg-stage", "mining");
    await page.fill("#arg-year input", "2023");
    await page.click("#run");
    await page.locator("#formula", { hasText: "2023" }).waitFor();
    expect(await page.locator("#formula").textContent()).toBe('=CRITMINDEV.SHARE("lithium","Australia","mining",2023)');
    const expected = core.share("lithium", "Australia", { stage: "mining", year: 2023 })!;
    expect(await page.locator("#result-value data").textContent()).toBe(percent(expected));
    expect(await page.locator("#answer-line").textContent()).toBe(
      answerLine(core.explain(core.share, "lithium", "Australia", { stage: "mining", year: 2023 })),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("spills TOP_PRODUCERS as a table with its header row", async () => {
    const { page, errors } = await open("?fn=TOP_PRODUCERS");
    expect(await chosen(page, "#fn")).toBe("TOP_PRODUCERS");
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
    await screenshot(page, "playground-top-producers");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows Excel errors with their message, and asks for a missing required argument", async () => {
    const { page, errors } = await open("");
    await runFunction(page, "CHINA_SHARE", { mineral: "cobolt" });
    const { message } = thrown(() => core.chinaShare("cobolt"));
    expect(message).toContain('did you mean "cobalt"?');
    expect(await page.locator("#result-value").textContent()).toBe(`#VALUE! — ${message}`);
    // The error is shown once: no answer line repeats it.
    expect(await page.locator("#source").isHidden()).toBe(true);
    expect(await page.locator("#output").innerText()).not.toContain("No citation");
    await runFunction(page, "CHINA_SHARE", { mineral: "cobalt", year: "1999" });
    expect(await page.locator("#result-value").textContent()).toMatch(/^#N\/A — CHINA_SHARE: /);
    expect(await page.locator("#formula").textContent()).toBe('=CRITMIN.CHINA_SHARE("cobalt",,1999)');

    await page.fill("#arg-mineral input", "");
    await page.click("#run");
    expect(await page.locator("#result-value").textContent()).toBe("mineral is required.");
    expect(await page.locator("#arg-mineral").getAttribute("aria-invalid")).not.toBeNull();
    expect(await page.locator("#arg-mineral input").getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("arg-mineral");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the answer line under DEMAND, GROUP_SHARE, TECH_EXPOSURE and an EU period average", async () => {
    const { page, errors } = await open("");
    const cases: [string, Record<string, string>, core.Answer<unknown>, string][] = [
      [
        "DEMAND",
        { mineral: "lithium", year: "2030", scenario: "APS" },
        core.explain(core.demand, "lithium", { year: 2030, scenario: "APS" }),
        "playground-answer-demand",
      ],
      [
        "GROUP_SHARE",
        { mineral: "nickel", group: "G7" },
        core.explain(core.groupShare, "nickel", "G7"),
        "playground-answer-group-share",
      ],
      ["TECH_EXPOSURE", { technology: "EV" }, core.explain(core.techExposure, "EV"), "playground-answer-tech-exposure"],
      [
        "CHINA_SHARE",
        { mineral: "aluminium", stage: "mining", source: "ec-crm-2023" },
        core.explain(core.chinaShare, "aluminium", { stage: "mining", source: "ec-crm-2023" }),
        "playground-answer-eu-period",
      ],
    ];
    for (const [id, args, answer, shot] of cases) {
      await choose(page, "#fn", id);
      // The form remembers values across functions: start each case from an empty form.
      for (const field of await page.locator("#args fluent-text-input").all()) await field.locator("input").fill("");
      for (const list of await page.locator("#args fluent-dropdown").all())
        await choose(page, `#${await list.getAttribute("id")}`, "");
      for (const [name, value] of Object.entries(args)) {
        const tag = await page.locator(`#arg-${name}`).evaluate((el) => el.localName);
        if (tag === "fluent-dropdown") await choose(page, `#arg-${name}`, value);
        else await page.fill(`#arg-${name} input`, value);
      }
      await page.click("#run");
      const line = page.locator("#answer-line");
      await line.waitFor();
      const text = (await line.textContent())!;
      expect(text, id).toBe(answerLine(answer));
      expect(text, id).toContain(answer.edition!.split("-")[0]!.toUpperCase());
      if (answer.kind === "period-average") {
        expect(text, id).toContain(answer.period ? `${answer.period.from}–${answer.period.to}` : UNSTATED_PERIOD);
        expect(text, id).not.toMatch(/ · \d{4} · /);
      }
      if (answer.bound === "lower") {
        expect(text, id).toContain("at least");
        expect(await page.locator("#result-value data").textContent(), id).toMatch(/^≥ /);
      }
      if (id === "GROUP_SHARE") {
        const members = (await page.locator("#answer-members").textContent())!;
        expect(members).toMatch(/^Counted: /);
        for (const m of answer.notListed) expect(members).toContain(m);
      }
      expect(await page.locator("#output").innerText(), id).not.toContain("Named in the function's description");
      // Opened where the sources fit a screenshot (TECH_EXPOSURE cites two dozen figures).
      if (id !== "TECH_EXPOSURE") await page.click("#answer-details summary");
      const size = await elementScreenshot(page, "#output", shot);
      expect(size.width, id).toBeLessThanOrEqual(350);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), id).toBeLessThanOrEqual(350);
      await page.setViewportSize({ width: WIDTH, height: 640 });
    }
    expect(await page.locator("body").innerText()).not.toContain("Named in the function's description");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("copies the formula", async () => {
    await pane.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: pane.base });
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
    expect(office.associated).toEqual(functionIds(pane));
    expect(office.startup).toEqual(["Load"]);
    await runFunction(page, "CHINA_SHARE", { mineral: "cobalt" });
    expect(await page.locator("#result-value data").textContent()).toBe(percent(core.chinaShare("cobalt")!));
    expect(await page.locator("#formula").textContent()).toBe('=CRITMINDEV.CHINA_SHARE("cobalt")');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("asked nothing of the network but 127.0.0.1 and the (answered) Office.js URL", () => {
    expect(pane.outside).toEqual([]);
  });
});
