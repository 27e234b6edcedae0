// The task pane's workflows in a real browser (Debian's chromium via playwright-core) at a task
// pane's width of 320px: the function gallery, the data browser with its charts, and the upgrade
// report on a mocked workbook (test/browser/fake-excel.js served in place of Office.js). Every page
// must render (no empty page), throw nothing, log no error and break no CSP rule (Fluent's styles
// come through constructed stylesheets; the page allows no inline style or script).
// The data refresh runs against files this test hosts beside the pane (a damaged one and one that
// adds an edition), signed with a key made for the run that the build accepts
// (CRITMIN_DATA_PUBLIC_KEYS), so the pane's copy of the SDK and the functions' copy are both seen
// to switch; a manifest signed with another key is refused.
// Set UPDATE_SCREENSHOTS=1 to rewrite test/screenshots/pane-{gallery,data,report,refresh}.png.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as core from "@critmin/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  datasetFileName,
  manifestBytes,
  manifestFor,
  publishDataset,
  signManifest,
} from "../../../core/scripts/publish-dataset.ts";
import { citationText } from "../../src/adapter/answerText.ts";
import { PIN_SETTING, serialisePin } from "../../src/workbook/pin.ts";
import {
  NEW_EDITION,
  NEW_VERSION,
  signingKey,
  withNewEdition,
  type HostedFile,
} from "../../../../test/support/hosted.ts";
import {
  addinDir,
  choose,
  chosen,
  functionIds,
  listed,
  openPane,
  type Pane,
  percent,
  screenshot,
  startPane,
  WIDTH,
} from "./pane.ts";

const FAKE_EXCEL = readFileSync(path.join(addinDir, "test/browser/fake-excel.js"), "utf8");

let pane: Pane;
const KEY = signingKey();

/**
 * Beside the built pane: data/damaged/ (a manifest whose checksum is not the file's) and data/new/
 * (the bundled data plus a copy of iea-cmde-2024 as a new edition), as an organisation would host them.
 */
function hostRefreshFiles(root: string): void {
  const { file } = publishDataset();
  const write = (folder: string, manifest: object, bytes: Buffer, name: string, key = KEY.privateKey) => {
    mkdirSync(path.join(root, "data", folder), { recursive: true });
    writeFileSync(path.join(root, "data", folder, name), bytes);
    const text = manifestBytes(manifest);
    writeFileSync(path.join(root, "data", folder, "manifest.json"), text);
    writeFileSync(path.join(root, "data", folder, "manifest.json.sig"), signManifest(text, key));
  };
  // A newer version (the one in use is "already up to date"), whose checksum is not the file's.
  const damaged = "2098-01+0123456789ab";
  write("damaged", { ...manifestFor(damaged, file), sha256: "0".repeat(64) }, file, datasetFileName(damaged));
  const next = Buffer.from(JSON.stringify(withNewEdition(JSON.parse(file.toString("utf8")) as HostedFile)));
  write("new", manifestFor(NEW_VERSION, next), next, datasetFileName(NEW_VERSION));
  write("stranger", manifestFor(NEW_VERSION, next), next, datasetFileName(NEW_VERSION), signingKey().privateKey);
}

interface Opened {
  page: Page;
  errors: string[];
}

/** A fresh page at 320px. With a workbook, Office.js is the fake Excel holding it; else Office.js is empty (outside Office). */
async function open(query: string, workbook?: unknown): Promise<Opened> {
  const opened = await openPane(pane, query, workbook ? FAKE_EXCEL : "", async (page) => {
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} in ${e.sourceFile.split("/").pop()}`),
      );
    });
    if (workbook)
      await page.addInitScript((w) => ((window as unknown as { __workbook: unknown }).__workbook = w), workbook);
  });
  await opened.page.locator("#fn:not([disabled])").waitFor({ state: "attached" });
  return opened;
}

/** The page is not empty: the header, the tabs (defined, with shadow roots) and the active panel have content, and nothing overflows 320px. */
async function expectRendered(page: Page, panel: string): Promise<void> {
  const text = (await page.locator(`#${panel}`).innerText()).trim();
  expect(text.length).toBeGreaterThan(100);
  expect(await page.locator("#load-error").isHidden()).toBe(true);
  expect(
    await page.evaluate(
      () => customElements.get("fluent-tab") !== undefined && document.querySelector("fluent-tab")!.shadowRoot !== null,
    ),
  ).toBe(true);
  const box = await page.locator("fluent-tablist").boundingBox();
  expect(box!.height).toBeGreaterThan(20);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

beforeAll(async () => {
  pane = await startPane("workflows", hostRefreshFiles, { CRITMIN_DATA_PUBLIC_KEYS: KEY.publicKey });
}, 180_000);

afterAll(() => pane?.close());

describe("function gallery", () => {
  it("lists every function with a worked example computed by the function itself; Use fills the form", async () => {
    const { page, errors } = await open("");
    expect(await page.locator("#gallery-list h3").allTextContents()).toEqual(functionIds(pane));
    expect(await page.locator("#gallery-CHINA_SHARE .example").textContent()).toBe('=CRITMIN.CHINA_SHARE("cobalt")');
    expect(await page.locator("#gallery-CHINA_SHARE .example-value").textContent()).toBe(
      percent(core.chinaShare("cobalt")!),
    );
    // Worked examples are examples that work: no error values.
    expect((await page.locator(".example-value").allTextContents()).filter((t) => t.startsWith("#"))).toEqual([]);

    await page.locator("#gallery-SHARE fluent-button").click();
    await page.locator("#formula", { hasText: "SHARE" }).waitFor();
    expect(await page.locator("#formula").textContent()).toBe('=CRITMIN.SHARE("lithium","Australia","mining")');
    expect(await page.locator("#result-value data").textContent()).toBe(
      percent(core.share("lithium", "Australia", { stage: "mining" })!),
    );
    // Outside Excel, inserting is off.
    expect(await page.locator("#insert").evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectRendered(page, "panel-functions");
    await screenshot(page, "pane-gallery", 2000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("inserts the form's formula into the active cell (mocked Excel)", async () => {
    const { page, errors } = await open("", {
      sheets: { Sheet1: { address: "A1", formulas: [[""]], values: [[""]] } },
      settings: {},
    });
    await page.locator("#host", { hasText: "In Excel" }).waitFor();
    await page.locator("#gallery-HHI fluent-button").click();
    await page.locator("#formula", { hasText: "HHI" }).waitFor();
    await page.locator("#insert:not([disabled])").click();
    await page.locator("#copy-status", { hasText: "Inserted" }).waitFor();
    const wb = await page.evaluate(() => (window as unknown as { __wb: { writes: { formulas?: unknown }[] } }).__wb);
    expect(wb.writes.map((w) => w.formulas).filter(Boolean)).toEqual([[['=CRITMIN.HHI("rare earths")']]]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("data browser", () => {
  it("shows country shares and volumes, China's share over the years and projections, and the top producers", async () => {
    const { page, errors } = await open("?tab=data");
    await page.locator("#data-table").waitFor();
    expect(await chosen(page, "#data-edition")).toBe("iea-cmde-2025");
    await choose(page, "#data-year", "2035");
    await page.press("#data-year", "Enter").catch(() => undefined);
    await page.click("#data-show");
    await page.locator("#data-title", { hasText: "2035" }).waitFor();
    const expected = core.topProducers("cobalt", { year: 2035, source: "iea-cmde-2025", n: 50 })!;
    const rows = page.locator("#data-table tbody tr");
    expect(await rows.count()).toBe(expected.length);
    expect((await rows.first().locator("td").allTextContents()).slice(0, 4)).toEqual([
      "1",
      expected[0]!.name,
      percent(expected[0]!.share),
      new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(expected[0]!.tonnes!),
    ]);
    expect(await page.locator("#data-title").textContent()).toMatch(/\(projection\)$/);
    // China's share: one point per year the edition has, projections dashed.
    const years = core
      .provenance({ mineral: "cobalt", source: "iea-cmde-2025" })
      .available.find((a) => a.edition === "iea-cmde-2025")!.years;
    expect(await page.locator("#chart-china circle").count()).toBe(years.length);
    expect(await page.locator("#chart-china circle.projection").count()).toBe(years.filter((y) => y > 2025).length);
    expect(await page.locator("#chart-china path.projection").count()).toBe(1);
    expect(await page.locator("#chart-china desc").textContent()).toContain(`2035 (projection): `);
    expect(await page.locator("#chart-top rect").count()).toBe(Math.min(8, expected.length));
    expect(await page.locator("#chart-top rect.highlight").count()).toBe(1);
    expect(await page.locator("#data-source").textContent()).toBe(
      `Source: ${citationText(core.explain(core.share, "cobalt", "CHN", { year: 2035, source: "iea-cmde-2025" }))}`,
    );
    expect(await page.locator("#data-insert").evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await expectRendered(page, "panel-data");
    await screenshot(page, "pane-data");
    expect(errors).toEqual([]);
    await page.close();
  });
});

const OLD = ["ec-crm-2023", "iea-cmde-2024", "usgs-mcs-2025"];
const MINISTRY = {
  sheets: {
    Summary: {
      address: "A1:C5",
      formulas: [
        ["Mineral", "China share", "HHI"],
        ["cobalt", '=CRITMIN.CHINA_SHARE("cobalt")', '=CRITMIN.HHI("cobalt")'],
        ["lithium", '=CRITMIN.CHINA_SHARE("lithium")', '=CRITMIN.HHI("lithium",,,"iea-cmde-2025")'],
        ["nickel", "=CRITMIN.CHINA_SHARE(A4)", ""],
        ["total", "=SUM(B2:B4)", ""],
      ],
      values: [
        ["Mineral", "China share", "HHI"],
        ["cobalt", 0.77, 6000],
        ["lithium", 0.6, 3000],
        ["nickel", 0.5, ""],
        ["total", 1.87, ""],
      ],
    },
    Notes: { address: "A1", formulas: [["Reopened months later"]], values: [["Reopened months later"]] },
  },
  settings: { [PIN_SETTING]: serialisePin({ editions: OLD }) },
};

describe("workbook: pin and upgrade report (mocked Excel)", () => {
  it("reads the pin, scans, shows what would change, and changes nothing until confirmed", async () => {
    const { page, errors } = await open("?tab=workbook", MINISTRY);
    await page.locator("#pin-status", { hasText: "Pinned:" }).waitFor();
    expect(await page.locator("#pin-status").textContent()).toContain(OLD.join(", "));
    expect(await page.locator("#wb-outside").isHidden()).toBe(true);
    // The functions follow the pin: DATA_VERSION says so.
    const version = await page.evaluate(
      () =>
        (window as unknown as { __wb: { associated: Record<string, () => unknown[][]> } }).__wb.associated
          .DATA_VERSION!()[0]![0],
    );
    expect(version).toBe(`${core.datasetVersion()} (pinned: ${OLD.join(", ")})`);

    expect(await chosen(page, "#pin-iea-cmde")).toBe("iea-cmde-2025");
    await page.locator("#report-scan:not([disabled])").click();
    await page.locator("#report-summary").waitFor();
    const old = (m: string) => core.chinaShare(m, { source: "iea-cmde-2024" })!;
    const now = (m: string) => core.chinaShare(m, { source: "iea-cmde-2025" })!;
    const changed =
      ["cobalt", "lithium"].filter((m) => old(m) !== now(m)).length +
      (core.hhi("cobalt", { source: "iea-cmde-2024" }) !== core.hhi("cobalt", { source: "iea-cmde-2025" }) ? 1 : 0);
    expect(await page.locator("#report-summary").textContent()).toBe(
      `5 CRITMIN formulas: ${changed} would change, ${4 - changed} unchanged, 1 not evaluated.`,
    );
    const first = page.locator("#report-table tbody tr").first();
    const fmt = (v: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }).format(v);
    expect(await first.locator("td").allTextContents()).toEqual([
      "Summary!B2",
      fmt(old("cobalt")),
      fmt(now("cobalt")),
      `${now("cobalt") >= old("cobalt") ? "+" : ""}${fmt(now("cobalt") - old("cobalt"))}`,
    ]);
    expect(await page.locator("#report-not-evaluated").textContent()).toContain("Summary!B4: not evaluated");
    type WbState = { writes: unknown[]; settings: Record<string, string>; calculations: string[] };
    const state = () => page.evaluate(() => (window as unknown as { __wb: WbState }).__wb);
    let wb = await state();
    expect(wb.writes).toEqual([]);
    expect(JSON.parse(wb.settings["critmin.editionPin"]!).editions).toEqual(OLD);
    await expectRendered(page, "panel-workbook");
    await screenshot(page, "pane-report");

    // Confirmed: the report sheet, then the switch.
    await page.locator("#report-write:not([disabled])").click();
    await page.locator("#wb-message", { hasText: "Wrote the sheet" }).waitFor();
    wb = await state();
    const sheet = (wb.writes as { sheet?: string; values?: unknown[][] }[]).find(
      (w) => w.sheet === "CRITMIN upgrade report" && w.values,
    )!;
    expect(
      sheet.values!.some(
        (r) => r[0] === "Summary" && r[1] === "B2" && r[3] === old("cobalt") && r[4] === now("cobalt"),
      ),
    ).toBe(true);
    expect(JSON.parse(wb.settings["critmin.editionPin"]!).editions).toEqual(OLD);
    // Writing it again asks first, inline: Cancel changes nothing; Replace replaces the add-in's own sheet.
    const added = async () =>
      ((await state()).writes as { added?: string }[]).filter((w) => w.added === "CRITMIN upgrade report").length;
    expect(await added()).toBe(1);
    await page.locator("#report-write:not([disabled])").click();
    await page
      .locator("#wb-confirm", { hasText: 'The sheet "CRITMIN upgrade report" was written by CRITMIN' })
      .waitFor();
    await page.locator('#wb-confirm [data-choice="cancel"]').click();
    await page.locator("#wb-message", { hasText: "Nothing was written." }).waitFor();
    expect(await page.locator("#wb-confirm").isHidden()).toBe(true);
    expect(await added()).toBe(1);
    await page.locator("#report-write:not([disabled])").click();
    await page.locator('#wb-confirm [data-choice="replace"]').click();
    await page.locator("#wb-message", { hasText: 'Wrote the sheet "CRITMIN upgrade report"' }).waitFor();
    expect(await added()).toBe(2);
    expect(
      Object.keys(await page.evaluate(() => (window as unknown as { __wb: { sheets: object } }).__wb.sheets)).filter(
        (n) => n.startsWith("CRITMIN"),
      ),
    ).toEqual(["CRITMIN upgrade report"]);
    await page.locator("#report-apply:not([disabled])").click();
    await page.locator("#pin-status", { hasText: "iea-cmde-2025" }).waitFor();
    wb = await state();
    expect(JSON.parse(wb.settings["critmin.editionPin"]!).editions).toEqual([
      "ec-crm-2023",
      "iea-cmde-2025",
      "usgs-mcs-2025",
    ]);
    expect(wb.calculations.at(-1)).toBe("Full");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("outside Excel, the workbook actions are off and say why", async () => {
    const { page, errors } = await open("?tab=workbook");
    // isVisible() does not wait, and the workbook tab shows only once the pane has started: wait for it
    // (waitFor fails after the page's 20 s timeout if the note never shows).
    await page.locator("#wb-outside").waitFor({ state: "visible" });
    for (const id of ["pin-apply", "report-scan", "freeze"])
      expect(await page.locator(`#${id}`).evaluate((b) => (b as HTMLButtonElement).disabled), id).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("asked nothing of the network but 127.0.0.1 and the (answered) Office.js URL", () => {
    expect(pane.outside).toEqual([]);
  });
});

describe("data refresh (mocked Excel)", () => {
  type Wb = {
    __wb: { associated: Record<string, () => unknown[][]>; settings: Record<string, string>; writes: unknown[] };
  };
  const dataVersion = (page: Page) =>
    page.evaluate(() => (window as unknown as Wb).__wb.associated.DATA_VERSION!()[0]![0]);

  it("refuses a damaged file and says why; installs one that adds an edition, for the pane and the functions alike", async () => {
    const { page, errors } = await open("?tab=data", MINISTRY);
    // The pin is read once the panels are built (after the Data tab's first table): wait for it.
    await page.waitForFunction(() =>
      String((window as unknown as Wb).__wb.associated.DATA_VERSION!()[0]![0]).includes("(pinned"),
    );
    const before = await dataVersion(page);
    expect(before).toBe(`${core.datasetVersion()} (pinned: ${OLD.join(", ")})`);

    await page.locator("#refresh-url input").fill(`${pane.base}/data/damaged/manifest.json`);
    await page.locator("#refresh-run").click();
    await page.locator("#refresh-message", { hasText: "Refresh failed" }).waitFor();
    const refused = await page.locator("#refresh-message").textContent();
    expect(refused).toContain("sha256");
    expect(refused).toContain(`Still using dataset ${core.datasetVersion()}; nothing was changed.`);
    expect(await dataVersion(page)).toBe(before);
    const wb = await page.evaluate(() => (window as unknown as Wb).__wb);
    expect(wb.writes).toEqual([]);
    await expectRendered(page, "panel-data");
    await page.locator("#refresh").scrollIntoViewIfNeeded();
    await screenshot(page, "pane-refresh");

    await page.locator("#refresh-url input").fill(`${pane.base}/data/stranger/manifest.json`);
    await page.locator("#refresh-run").click();
    await page.locator("#refresh-message", { hasText: "signature" }).waitFor();
    expect(await page.locator("#refresh-message").textContent()).toBe(
      `Refresh failed: the manifest's signature matches none of the 1 public key this build accepts: the manifest was changed after it was signed, or signed with another key. Still using dataset ${core.datasetVersion()}; nothing was changed.`,
    );
    expect(await dataVersion(page)).toBe(before);

    await page.locator("#refresh-url input").fill(`${pane.base}/data/new/manifest.json`);
    await page.locator("#refresh-run").click();
    await page.locator("#refresh-message", { hasText: NEW_VERSION }).waitFor({ timeout: 60_000 });
    // functions.js carries its own copy of the SDK: it answers from the refreshed data too.
    expect(await dataVersion(page)).toBe(`${NEW_VERSION} (pinned: ${OLD.join(", ")})`);
    expect(await page.locator("#refresh-message").textContent()).toContain(NEW_EDITION);
    // The pane's lists follow: the data browser and the workbook pin offer the new edition.
    expect(await listed(page, "#data-edition")).toContain(NEW_EDITION);
    expect(await listed(page, "#pin-choices fluent-dropdown")).toContain(NEW_EDITION);

    // Back to the bundled data, which also forgets the kept file, so later pages start as shipped.
    await page.locator("#refresh-revert:not([disabled])").click();
    await page.waitForFunction((v) => (window as unknown as Wb).__wb.associated.DATA_VERSION!()[0]![0] === v, before);
    await page.locator("#refresh-message", { hasText: "bundled" }).waitFor();
    expect(await listed(page, "#data-edition")).not.toContain(NEW_EDITION);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a manifest on an origin the pane's content security policy refuses: says which and why, not 'Failed to fetch'", async () => {
    const { page, errors } = await open("?tab=data", MINISTRY);
    await page.locator("#refresh-url input").fill("https://data.elsewhere.example/critmin/manifest.json");
    await page.locator("#refresh-run").click();
    await page.locator("#refresh-message", { hasText: "Refresh failed" }).waitFor();
    const text = await page.locator("#refresh-message").textContent();
    expect(text).toContain(
      "the task pane's content security policy refused to connect to https://data.elsewhere.example (connect-src 'self'), so nothing was requested",
    );
    expect(text).toContain(`own origin (${new URL(pane.base).origin})`);
    expect(text).toContain("CRITMIN_DATA_ORIGIN=https://data.elsewhere.example");
    // The browser's own reports of the refusal are the only errors on the page.
    expect(errors.filter((e) => !e.includes("https://data.elsewhere.example/critmin/manifest.json"))).toEqual([]);
    expect(errors.some((e) => e.includes(`"connect-src 'self'"`))).toBe(true);
    await page.close();
  });
});
