// The task pane's data refresh against a mocked Excel (office-addin-mock, see mockWorkbook.ts): a
// failed refresh changes nothing, neither the data the functions answer from nor the workbook (no
// sync, no write, no recalculation, the pin setting as it was), and says why in the pane's words; a
// successful one recalculates once and leaves the pin alone, and a pinned formula keeps its value.
// The hosted files come from data:publish's own functions, signed with a key made for the run and
// served by an in-memory fetch.
import * as core from "@critmin/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { manifestBytes, manifestFor, publishDataset, signManifest } from "../../../core/scripts/publish-dataset.ts";
import {
  NEW_EDITION,
  NEW_VERSION,
  keptText,
  signingKey,
  withNewEdition as plusEdition,
} from "../../../../test/support/hosted.ts";
import { dataPublicKeys, taskpaneHtml } from "../../scripts/build.ts";
import * as functions from "../../src/functions/functions.ts";
import { runRefresh, useBundled } from "../../src/refresh/applyRefresh.ts";
import { connectRefusal, connectSources } from "../../src/refresh/csp.ts";
import { NOT_SET_UP } from "../../src/refresh/refreshDataset.ts";
import { memoryStore, restoreDataset } from "../../src/refresh/store.ts";
import { makePin, PIN_SETTING, serialisePin } from "../../src/workbook/pin.ts";
import { installStubRuntime, uninstallStubRuntime } from "../stub-runtime.ts";
import { mockExcel, type MockExcel } from "./mockWorkbook.ts";

/** The bundled data's newest edition date, which a version id of the bundled data starts with. */
const NEWEST_DATE = core.bundledDataset().version.split("+")[0]!;

type Row = Record<string, unknown> & { edition: string; mineral: string };
type HostedFile = Record<string, unknown> & {
  version: string;
  editions: Record<string, unknown>[];
  supply: Row[];
  demand: Row[];
  indicators: Row[];
};

const BASE = "https://data.ministry.example/critmin";
const KEY = signingKey();
const KEYS = [KEY.publicKey];
const scope = globalThis as { Excel?: unknown };
const KNOWN = core.editions().map((e) => e.id);
const PIN = serialisePin(
  makePin(["iea-cmde-2024", "usgs-mcs-2025", "ec-crm-2023"], KNOWN, {
    pinnedAt: "2026-01-15T09:00:00.000Z",
    datasetVersion: core.datasetVersion(),
  }),
);

let base: HostedFile;
/** path under BASE → the answer; anything else is a 404. */
const site = new Map<string, () => Response>();
const requested: string[] = [];

const fetchStub = ((input: string | URL) => {
  const url = String(input);
  requested.push(url);
  const answer = url.startsWith(`${BASE}/`) ? site.get(url.slice(BASE.length + 1)) : undefined;
  return Promise.resolve(answer ? answer() : new Response("not found", { status: 404, statusText: "Not Found" }));
}) as typeof fetch;

function serve(folder: string, file: Buffer, version: string, manifest: Record<string, unknown> = {}): string {
  const m = { ...manifestFor(version, file), ...manifest };
  const text = manifestBytes(m);
  const signature = signManifest(text, KEY.privateKey);
  site.set(`${folder}/manifest.json`, () => new Response(new Uint8Array(text)));
  site.set(`${folder}/manifest.json.sig`, () => new Response(signature));
  site.set(
    `${folder}/${m.file}`,
    () => new Response(new Uint8Array(file), { headers: { "content-length": String(file.length) } }),
  );
  return `${BASE}/${folder}/manifest.json`;
}

const withNewEdition = (): HostedFile => plusEdition(base as never) as unknown as HostedFile;

const bytes = (file: HostedFile) => Buffer.from(JSON.stringify(file));

beforeAll(() => {
  installStubRuntime();
  const published = publishDataset(core.bundledDataset());
  base = JSON.parse(published.file.toString("utf8")) as HostedFile;
  serve("good", bytes(withNewEdition()), NEW_VERSION);
  const cobalt = base.supply.findIndex(
    (r) =>
      r.edition === "iea-cmde-2024" &&
      r.mineral === "cobalt" &&
      r.country === "CHN" &&
      r.stage === "refining" &&
      r.year === 2023,
  );
  serve(
    "changed",
    bytes({
      ...base,
      version: `${NEWEST_DATE}+cccccccccccc`,
      supply: base.supply.map((r, i) => (i === cobalt ? { ...r, value: (r.value as number) * 2 } : r)),
    }),
    `${NEWEST_DATE}+cccccccccccc`,
  );
  serve("checksum", bytes({ ...base, version: `${NEWEST_DATE}+bbbbbbbbbbbb` }), `${NEWEST_DATE}+bbbbbbbbbbbb`, {
    sha256: "0".repeat(64),
  });
  site.set("down/manifest.json", () => new Response("busy", { status: 503, statusText: "Service Unavailable" }));
}, 120_000);
afterAll(() => uninstallStubRuntime());
afterEach(() => {
  core.useDataset();
  delete scope.Excel;
  requested.length = 0;
});

/** A pinned ministry workbook with one CRITMIN formula. */
function pinnedWorkbook(): MockExcel {
  const mock = mockExcel(
    {
      Summary: {
        address: "A1:B2",
        formulas: [
          ["Mineral", "China share"],
          ["cobalt", '=CRITMIN.CHINA_SHARE("cobalt")'],
        ],
        values: [
          ["Mineral", "China share"],
          ["cobalt", 0.76],
        ],
      },
    },
    { settings: { [PIN_SETTING]: PIN } },
  );
  scope.Excel = mock.Excel;
  return mock;
}

/** The answer of a formula pinned to iea-cmde-2024, as Excel would compute it. */
const pinnedCobalt = () => functions.chinaShare([["cobalt"]], "refining" as never, 2023, "iea-cmde-2024" as never);

describe("a failed refresh changes neither the data nor the workbook", () => {
  it.each([
    [
      "changed",
      "the dataset file: edition iea-cmde-2024 is released and may not change: its supply rows for cobalt differ (1 row changed, added or removed); new data needs a new edition id",
    ],
    ["checksum", "the dataset file's sha256 is "],
    ["down", `${BASE}/down/manifest.json answered HTTP 503 Service Unavailable`],
    ["missing", `${BASE}/missing/manifest.json answered HTTP 404 Not Found`],
  ])("%s: the pane says why; no sync, no write, no recalculation, the pin untouched", async (folder, reason) => {
    const mock = pinnedWorkbook();
    const store = memoryStore();
    const before = core.dataset();
    const version = core.datasetVersion();
    const outcome = await runRefresh(`${BASE}/${folder}/manifest.json`, {
      fetch: fetchStub,
      publicKeys: KEYS,
      store,
      inExcel: true,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.text.startsWith(`Refresh failed: ${reason}`)).toBe(true);
    expect(outcome.text.endsWith(`. Still using dataset ${version}; nothing was changed.`)).toBe(true);
    expect(core.dataset()).toBe(before);
    expect(mock.syncs()).toBe(0);
    expect(mock.writes).toEqual([]);
    expect(mock.calculations).toEqual([]);
    expect([...mock.settings]).toEqual([[PIN_SETTING, PIN]]);
    expect(await store.load()).toBeUndefined();
  });

  it("an http URL is refused before any request", async () => {
    const mock = pinnedWorkbook();
    const outcome = await runRefresh("http://data.ministry.example/manifest.json", {
      fetch: fetchStub,
      publicKeys: KEYS,
      inExcel: true,
    });
    expect(outcome.text).toBe(
      `Refresh failed: http://data.ministry.example/manifest.json is not an https URL: data is fetched over https only (http only from 127.0.0.1 or localhost, for testing). Still using dataset ${core.datasetVersion()}; nothing was changed.`,
    );
    expect(requested).toEqual([]);
    expect(mock.syncs()).toBe(0);
  });

  it("a fetch the pane's content security policy blocks says which origin was refused and why", async () => {
    const mock = pinnedWorkbook();
    // What a browser does when connect-src refuses: no request, a bare TypeError.
    const blocked = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    const policy = {
      policy: "default-src 'self'; script-src 'self'; connect-src 'self'",
      page: new URL("https://addin.example/taskpane.html"),
    };
    const outcome = await runRefresh(`${BASE}/new/manifest.json`, {
      fetch: blocked,
      publicKeys: KEYS,
      inExcel: true,
      policy,
    });
    expect(outcome.text).toBe(
      `Refresh failed: the task pane's content security policy refused to connect to https://data.ministry.example (connect-src 'self'), so nothing was requested: host the files on the add-in's own origin (https://addin.example), or build the add-in with CRITMIN_DATA_ORIGIN=https://data.ministry.example to allow it. Still using dataset ${core.datasetVersion()}; nothing was changed.`,
    );
    expect(mock.syncs()).toBe(0);
    // An origin the policy allows: the failure is the network's, and says so.
    const allowed = await runRefresh(`${BASE}/new/manifest.json`, {
      fetch: blocked,
      publicKeys: KEYS,
      inExcel: true,
      policy: { ...policy, policy: `${policy.policy} https://data.ministry.example` },
    });
    expect(allowed.text).toMatch(
      /^Refresh failed: could not reach https:\/\/data\.ministry\.example\/critmin\/new\/manifest\.json: Failed to fetch/,
    );
  });

  it("a cancelled refresh says so and changes nothing", async () => {
    const mock = pinnedWorkbook();
    const controller = new AbortController();
    controller.abort();
    const outcome = await runRefresh(`${BASE}/good/manifest.json`, {
      fetch: fetchStub,
      publicKeys: KEYS,
      signal: controller.signal,
      inExcel: true,
    });
    expect(outcome.text).toBe(`Refresh cancelled. Still using dataset ${core.datasetVersion()}.`);
    expect(core.dataset()).toBe(core.bundledDataset());
    expect(mock.calculations).toEqual([]);
  });
});

describe("a successful refresh", () => {
  it("switches the functions over, recalculates once, keeps the file, and leaves the pin and pinned values alone", async () => {
    const mock = pinnedWorkbook();
    const store = memoryStore();
    const pinned = pinnedCobalt();
    const outcome = await runRefresh(`${BASE}/good/manifest.json`, {
      fetch: fetchStub,
      publicKeys: KEYS,
      store,
      inExcel: true,
    });
    expect(outcome.text).toBe(
      `Now using dataset ${NEW_VERSION} (was ${core.bundledDataset().version}). New edition: ${NEW_EDITION}. The workbook was recalculated.`,
    );
    expect(core.datasetVersion()).toBe(NEW_VERSION);
    expect(functions.dataVersion()[0]![0]).toContain(NEW_VERSION);
    expect(mock.calculations).toEqual(["Full"]);
    expect(mock.syncs()).toBe(1);
    expect(mock.writes).toEqual([]);
    expect([...mock.settings]).toEqual([[PIN_SETTING, PIN]]);
    expect(pinnedCobalt()).toEqual(pinned);
    // Kept with the signed manifest it was accepted under, for the next start to check again.
    const kept = JSON.parse((await store.load())!) as { format: string; dataset: string; signature: string };
    expect(kept.format).toBe("critmin-kept-dataset/1");
    expect(kept.dataset).toBe(JSON.stringify(withNewEdition()));
    expect(kept.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
  });

  it("outside Excel it only switches the data", async () => {
    const outcome = await runRefresh(`${BASE}/good/manifest.json`, {
      fetch: fetchStub,
      publicKeys: KEYS,
      inExcel: false,
    });
    expect(outcome.text).toBe(
      `Now using dataset ${NEW_VERSION} (was ${core.bundledDataset().version}). New edition: ${NEW_EDITION}.`,
    );
  });

  it("a recalculation Excel refuses is a note, not a failure: the data did change", async () => {
    const outcome = await runRefresh(`${BASE}/good/manifest.json`, {
      fetch: fetchStub,
      publicKeys: KEYS,
      inExcel: true,
      recalculate: () => Promise.reject(new Error("GeneralException")),
    });
    expect(outcome.ok).toBe(true);
    expect(
      outcome.text.endsWith(
        "Recalculate the workbook (Ctrl+Alt+F9): it could not be done from here (GeneralException).",
      ),
    ).toBe(true);
    expect(core.datasetVersion()).toBe(NEW_VERSION);
  });

  it('"Use bundled data" goes back, forgets the kept file and recalculates', async () => {
    const store = memoryStore();
    await runRefresh(`${BASE}/good/manifest.json`, { fetch: fetchStub, publicKeys: KEYS, store, inExcel: false });
    const mock = pinnedWorkbook();
    const outcome = await useBundled({ store, inExcel: true });
    expect(outcome.text).toBe(
      `Using the bundled data again: dataset ${core.bundledDataset().version} (was ${NEW_VERSION}). The workbook was recalculated.`,
    );
    expect(core.dataset()).toBe(core.bundledDataset());
    expect(await store.load()).toBeUndefined();
    expect(mock.calculations).toEqual(["Full"]);
    expect([...mock.settings]).toEqual([[PIN_SETTING, PIN]]);
  });
});

describe("the kept dataset at the next start", () => {
  const kept = (file: object, edit?: (text: string) => string) => keptText(JSON.stringify(file), KEY.privateKey, edit);

  it("is checked again and installed", async () => {
    const store = memoryStore(kept(withNewEdition()));
    expect(await restoreDataset(store, undefined, KEYS)).toEqual({
      status: "restored",
      version: NEW_VERSION,
      added: [NEW_EDITION],
    });
    expect(core.datasetVersion()).toBe(NEW_VERSION);
  });

  it("is dropped, with the reason, when it no longer passes (a changed released edition)", async () => {
    const changed = withNewEdition();
    changed.demand = changed.demand.map((r, i) => (i === 0 ? { ...r, value: (r.value as number) + 1 } : r));
    const store = memoryStore(kept(changed));
    const restored = await restoreDataset(store, undefined, KEYS);
    expect(restored.status).toBe("rejected");
    expect(restored.status === "rejected" && restored.message).toMatch(
      /^edition [a-z0-9-]+ is released and may not change: its demand rows for [a-z-]+ differ/,
    );
    expect(core.dataset()).toBe(core.bundledDataset());
    expect(await store.load()).toBeUndefined();
  });

  it("is dropped when it is damaged", async () => {
    const store = memoryStore(kept(withNewEdition()).slice(0, 1000));
    expect(await restoreDataset(store, undefined, KEYS)).toEqual({
      status: "rejected",
      message: "the kept dataset is not valid JSON any more",
    });
    expect(core.dataset()).toBe(core.bundledDataset());
  });

  it("is dropped when its file was edited after it was accepted (the signed checksum no longer holds)", async () => {
    const store = memoryStore(kept(withNewEdition(), (text) => text.replace(/"value":\s*(\d)/, '"value":9$1')));
    expect(await restoreDataset(store, undefined, KEYS)).toEqual({
      status: "rejected",
      message: "the kept dataset file is not the one its signed manifest describes (checksum differs)",
    });
    expect(core.dataset()).toBe(core.bundledDataset());
    expect(await store.load()).toBeUndefined();
  });

  it("is dropped when its manifest is signed by a key this build does not accept", async () => {
    const store = memoryStore(keptText(JSON.stringify(withNewEdition()), signingKey().privateKey));
    const restored = await restoreDataset(store, undefined, KEYS);
    expect(restored.status === "rejected" && restored.message).toMatch(/^the kept dataset's manifest: /);
    expect(core.dataset()).toBe(core.bundledDataset());
  });

  it("kept before signed refresh (the file alone) is dropped, asking for a refresh", async () => {
    const store = memoryStore(JSON.stringify(withNewEdition()));
    expect(await restoreDataset(store, undefined, KEYS)).toEqual({
      status: "rejected",
      message: "the kept dataset has no signed manifest (kept before signed refresh): refresh again",
    });
  });

  it("is not used by a build without keys, and stays kept for one that has them", async () => {
    const text = kept(withNewEdition());
    const store = memoryStore(text);
    expect(await restoreDataset(store, undefined, [])).toEqual({
      status: "rejected",
      message: "refresh is not set up in this build (no CRITMIN_DATA_PUBLIC_KEYS): the kept dataset is not used",
    });
    expect(core.dataset()).toBe(core.bundledDataset());
    expect(await store.load()).toBe(text);
  });
});

describe("CRITMIN_DATA_PUBLIC_KEYS", () => {
  it("without keys the refresh is not set up: the pane says so and nothing is requested", async () => {
    const mock = pinnedWorkbook();
    const outcome = await runRefresh(`${BASE}/good/manifest.json`, { fetch: fetchStub, publicKeys: [], inExcel: true });
    expect(outcome.text).toBe(
      `Refresh failed: ${NOT_SET_UP}. Still using dataset ${core.datasetVersion()}; nothing was changed.`,
    );
    expect(requested).toEqual([]);
    expect(mock.syncs()).toBe(0);
  });

  it("the build takes comma-separated P-256 keys and refuses anything else", () => {
    const other = signingKey().publicKey;
    expect(dataPublicKeys(` ${KEY.publicKey}, ${other} ,`)).toEqual([KEY.publicKey, other]);
    expect(dataPublicKeys(undefined)).toEqual([]);
    expect(() => dataPublicKeys(`${KEY.publicKey},bm90IGEga2V5`)).toThrow(
      "CRITMIN_DATA_PUBLIC_KEYS: key 2 of 2 is not an ECDSA P-256 public key in SPKI DER, base64 (see pnpm data:keygen)",
    );
  });
});

describe("CRITMIN_DATA_ORIGIN", () => {
  const html = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'">`;
  it("adds an https origin to the pane's connect-src, and nothing without it", () => {
    expect(taskpaneHtml(html, "https://data.ministry.example")).toBe(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self' https://data.ministry.example">`,
    );
    expect(taskpaneHtml(html, "")).toBe(html);
  });
  it("refuses http and anything beyond an origin", () => {
    expect(() => taskpaneHtml(html, "http://data.ministry.example")).toThrow(/must be an https origin/);
    expect(() => taskpaneHtml(html, "https://data.ministry.example/critmin")).toThrow(/must be an https origin/);
  });
});

describe("connect-src: which fetches a policy refuses", () => {
  const page = new URL("https://addin.example/taskpane.html");
  const refused = (url: string, policy: string) => connectRefusal(new URL(url), policy, page) !== undefined;
  it("connect-src, else default-src; none sets no rule", () => {
    expect(connectSources("default-src 'self'; connect-src 'self' https://a.example")).toEqual([
      "'self'",
      "https://a.example",
    ]);
    expect(connectSources("default-src 'self'")).toEqual(["'self'"]);
    expect(connectSources("script-src 'self'")).toBeUndefined();
    expect(refused("https://x.example/m.json", "script-src 'self'")).toBe(false);
  });
  it.each([
    ["https://addin.example/data/manifest.json", "connect-src 'self'", false],
    ["https://data.example/manifest.json", "connect-src 'self'", true],
    ["https://data.example/manifest.json", "connect-src 'self' https://data.example", false],
    ["https://data.example:8443/manifest.json", "connect-src https://data.example", true],
    ["https://cdn.data.example/m.json", "connect-src *.data.example", false],
    ["https://data.example/m.json", "connect-src https:", false],
    ["https://data.example/m.json", "connect-src 'none'", true],
    ["http://127.0.0.1:4000/m.json", "default-src 'self'", true],
  ])("%s under %s: refused %s", (url, policy, expected) => expect(refused(url, policy)).toBe(expected));
});
