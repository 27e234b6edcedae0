// A build without CRITMIN_DATA_PUBLIC_KEYS in a real browser: the Data tab's refresh card says data
// refresh is not set up, its button and URL field are off, and no request is made for data, even
// when the form is submitted (issue #14: nothing is fetched that could not be checked).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_SET_UP } from "../../src/refresh/refreshDataset.ts";
import { openPane, startPane, type Pane } from "./pane.ts";

let pane: Pane;

beforeAll(async () => {
  pane = await startPane("refresh-setup", () => undefined, { CRITMIN_DATA_PUBLIC_KEYS: "" });
}, 180_000);

afterAll(() => pane?.close());

describe("data refresh in a build without public keys", () => {
  it("says refresh is not set up, and fetches nothing", async () => {
    const { page, errors } = await openPane(pane, "?tab=data", "");
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    const message = page.locator("#refresh-message");
    await message.filter({ hasText: "not set up" }).waitFor();
    expect(await message.textContent()).toBe(
      `${NOT_SET_UP[0]!.toUpperCase()}${NOT_SET_UP.slice(1)}. The bundled data is used.`,
    );
    // A Fluent button: its `disabled` property (Playwright's isDisabled reads native controls' state only).
    expect(await page.locator("#refresh-run").evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await page.locator("#refresh-run").getAttribute("aria-description")).toMatch(/^Data refresh is not set up/);
    // A Fluent text input: the <input> inside it is what the keyboard reaches.
    expect(await page.locator("#refresh-url input").isDisabled()).toBe(true);
    await page.locator("#refresh-form").evaluate((form: HTMLFormElement) => form.requestSubmit());
    await page.waitForTimeout(300);
    expect(requests.filter((p) => p.includes("manifest") || p.includes("/data/"))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
