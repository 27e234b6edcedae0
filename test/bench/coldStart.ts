// 3. Cold start, beyond an empty start, as medians of interleaved samples. Goal: ≤ 50 ms.
//  - Node: fresh processes running an empty module, an import of a one-line module (what loading any
//    module costs, for the breakdown), `import "@critmin/core"`, and that import plus one answer
//    (chinaShare("cobalt")).
//  - Chromium: a fresh page (new browser context, nothing cached) with Microsoft's
//    custom-functions runtime, then either an empty script or the built functions.js, then the first
//    answer (CHINA_SHARE of "cobalt" through the runtime's association). The time is the page's own
//    clock (performance.now(), from navigation start) when the answer is in.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../support/chromium.ts";
import { listenLoopback, type Loopback } from "../support/serve.ts";
import type { Artifacts, Core } from "./builds.ts";
import { addinDir, interleavedTasks, round, summarize, timeNodeProcess, type Mode, type Samples } from "./lib.ts";

export interface NodeColdStart {
  readonly unit: "ms";
  readonly empty: Samples;
  readonly importTiny: Samples;
  readonly importCore: Samples;
  readonly importCoreAndAnswer: Samples;
  /** median(import + answer) − median(empty). */
  readonly beyondEmptyMs: number;
  /** The same difference split: loading any module at all, the SDK's import beyond that, the first answer. */
  readonly breakdownMs: { readonly anyModule: number; readonly coreImport: number; readonly firstAnswer: number };
}

export interface ChromiumColdStart {
  readonly unit: "ms";
  readonly version: string;
  /** Navigation start → first answer, with functions.js; and the same page with an empty script. */
  readonly emptyPage: Samples;
  readonly addinPage: Samples;
  /** Inside the add-in page: functions.js fetched, parsed and run; then the first answer. */
  readonly bundleLoad: Samples;
  readonly firstAnswer: Samples;
  readonly beyondEmptyMs: number;
}

const SCRIPTS = {
  empty: "",
  importTiny: 'import "./tiny.mjs";\n',
  importCore: 'import "@critmin/core";\n',
  importCoreAndAnswer:
    'import { chinaShare } from "@critmin/core";\nif (typeof chinaShare("cobalt") !== "number") process.exitCode = 1;\n',
} as const;
type NodeCase = keyof typeof SCRIPTS;

export function measureNodeColdStart(artifacts: Artifacts, mode: Mode): NodeColdStart {
  const names = Object.keys(SCRIPTS) as NodeCase[];
  for (const name of names) writeFileSync(path.join(artifacts.consumerDir, `${name}.mjs`), SCRIPTS[name]);
  writeFileSync(path.join(artifacts.consumerDir, "tiny.mjs"), "export const tiny = 1;\n");
  // One unmeasured round warms the file system cache, as a user's second start would be.
  for (const name of names) timeNodeProcess(`${name}.mjs`, artifacts.consumerDir);
  const rounds = mode === "quick" ? 3 : 30;
  const raw: Record<NodeCase, number[]> = Object.fromEntries(names.map((n) => [n, []])) as never;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]!;
      raw[name].push(timeNodeProcess(`${name}.mjs`, artifacts.consumerDir));
    }
  }
  const s = Object.fromEntries(names.map((n) => [n, summarize(raw[n], "ms")])) as Record<NodeCase, Samples>;
  return {
    unit: "ms",
    empty: s.empty,
    importTiny: s.importTiny,
    importCore: s.importCore,
    importCoreAndAnswer: s.importCoreAndAnswer,
    beyondEmptyMs: round(s.importCoreAndAnswer.median - s.empty.median),
    breakdownMs: {
      anyModule: round(s.importTiny.median - s.empty.median),
      coreImport: round(s.importCore.median - s.importTiny.median),
      firstAnswer: round(s.importCoreAndAnswer.median - s.importCore.median),
    },
  };
}

const MS_DIST = path.join(addinDir, "node_modules/@microsoft/office-js/dist");
const MS_FILES = ["custom-functions-runtime.js", "o15apptofilemappingtable.js"];

function page(script: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>critmin cold start</title><link rel="icon" href="data:,">
<script src="/custom-functions-runtime.js"></script>
<script>window.__t0 = performance.now();</script>
<script src="/${script}"></script>
<script>
  (function () {
    var t1 = performance.now();
    var mappings = CustomFunctions._association && CustomFunctions._association.mappings;
    var fn = mappings && mappings["CHINA_SHARE"];
    var answer = fn ? fn([["cobalt"]], null, null, null, { functionName: "CHINA_SHARE", address: "Sheet1!A1" })[0][0] : null;
    var t2 = performance.now();
    window.__bench = { t0: window.__t0, t1: t1, t2: t2, answer: answer };
  })();
</script>
</head><body></body></html>`;
}

function serve(root: string): Promise<Loopback> {
  const pages: Record<string, string> = { "/empty.html": page("empty.js"), "/addin.html": page("functions.js") };
  return listenLoopback((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const headers = { "cache-control": "no-store" };
    if (pages[url.pathname])
      return void res
        .writeHead(200, { ...headers, "content-type": "text/html; charset=utf-8" })
        .end(pages[url.pathname]);
    if (url.pathname === "/empty.js")
      return void res.writeHead(200, { ...headers, "content-type": "text/javascript" }).end("");
    const name = url.pathname.slice(1);
    const file = MS_FILES.includes(name)
      ? path.join(MS_DIST, name)
      : name === "functions.js"
        ? path.join(root, name)
        : undefined;
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { ...headers, "content-type": "text/javascript; charset=utf-8" }).end(readFileSync(file));
  });
}

export async function measureChromiumColdStart(
  artifacts: Artifacts,
  core: Core,
  mode: Mode,
): Promise<ChromiumColdStart> {
  const server = await serve(artifacts.addinDir);
  const base = server.origin;
  const browser = await launchChromium();
  const expected = core.chinaShare("cobalt");
  try {
    const sample = async (which: "empty" | "addin") => {
      const context = await browser.newContext({ serviceWorkers: "block" });
      // Loopback only: the runtime's telemetry frame and anything else are refused.
      await context.route(
        (url) => url.hostname !== "127.0.0.1",
        (route) => route.abort("blockedbyclient"),
      );
      try {
        const p = await context.newPage();
        await p.goto(`${base}/${which}.html`, { waitUntil: "load" });
        const m = (await p
          .waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench)
          .then((h) => h.jsonValue())) as {
          t0: number;
          t1: number;
          t2: number;
          answer: unknown;
        };
        if (which === "addin" && m.answer !== expected)
          throw new Error(`CHINA_SHARE("cobalt") in Chromium gave ${JSON.stringify(m.answer)}, expected ${expected}`);
        return m;
      } finally {
        await context.close();
      }
    };
    await sample("empty");
    await sample("addin");
    const rounds = mode === "quick" ? 3 : 20;
    const detail = { bundleLoad: [] as number[], firstAnswer: [] as number[] };
    const raw = await interleavedTasks(["empty", "addin"] as const, rounds, async (which) => {
      const m = await sample(which);
      if (which === "addin") {
        detail.bundleLoad.push(m.t1 - m.t0);
        detail.firstAnswer.push(m.t2 - m.t1);
      }
      return m.t2;
    });
    const emptyPage = summarize(raw.empty, "ms");
    const addinPage = summarize(raw.addin, "ms");
    return {
      unit: "ms",
      version: browser.version(),
      emptyPage,
      addinPage,
      bundleLoad: summarize(detail.bundleLoad, "ms"),
      firstAnswer: summarize(detail.firstAnswer, "ms"),
      beyondEmptyMs: round(addinPage.median - emptyPage.median),
    };
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
}
