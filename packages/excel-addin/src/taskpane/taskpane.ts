// Task pane entry: applies the theme and wires the pane's modules, one per tab or workflow:
//   runtime.ts      the CRITMIN functions as functions.js associates them (Excel's own code)
//   office.ts       Office.onReady, and loading the add-in with the workbook
//   playground.ts   the function form, its result (result.ts) and formula (arguments.ts)
//   gallery.ts      every function with a worked example
//   dataBrowser.ts  the Data tab; refreshPanel.ts the data refresh below it
//   workbookPanel.ts  the Workbook tab: edition pin, upgrade report, freeze for sharing
//
// The pane's results are what Excel computes: every value comes from calling the functions that
// functions.js associates, and the function list and argument names from functions.json. The pane
// is not free of the dataset, though: taskpane.js bundles @critmin/core with its data, for the
// edition lists, the dataset version and the data refresh. Both bundles read the active dataset
// from one slot on globalThis (core's dataset.ts), so a refresh here reaches the functions too.
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/progress-bar.js";
import "@fluentui/web-components/tab.js";
import "@fluentui/web-components/tablist.js";
import "@fluentui/web-components/text-input.js";
import { webLightTheme } from "@fluentui/tokens";
import { setTheme } from "@fluentui/web-components/theme/index.js";
import { datasetVersion, editions as coreEditions } from "@critmin/core";
import { indexedDbStore, restoreDataset, type Restored } from "../refresh/store.ts";
import * as excel from "../workbook/excel.ts";
import { NAMESPACES } from "../workbook/formulas.ts";
import { formulaText, namespaceFromQuery, parseArgument } from "./arguments.ts";
import { DataBrowser } from "./dataBrowser.ts";
import { element } from "./dom.ts";
import { renderGallery } from "./gallery.ts";
import { loadMetadata, type Metadata } from "./metadata.ts";
import { connectOffice } from "./office.ts";
import { renderPicker } from "./picker.ts";
import { Playground } from "./playground.ts";
import { RefreshPanel } from "./refreshPanel.ts";
import { sourceEditions } from "./sourceEditions.ts";
import { call, lookupFrom, registered, registeredCount } from "./runtime.ts";
import { WorkbookPanel } from "./workbookPanel.ts";

const TABS = ["functions", "data", "workbook"];

/** The Data and Workbook tabs and the refresh, built from the dataset in use; returns what Excel enables. */
async function startPanels(metadata: Metadata, namespace: string, inExcel: () => boolean): Promise<() => void> {
  // A dataset kept from an earlier refresh is checked again and installed before the lists below
  // are built from its editions.
  const store = indexedDbStore();
  const restored: Restored = store
    ? await restoreDataset(store).catch((error: unknown) => ({ status: "rejected", message: String(error) }) as const)
    : { status: "none" };
  const browser = new DataBrowser({
    call,
    editions: sourceEditions,
    canInsert: inExcel,
    insert: async (block, onExisting) => {
      const done = await excel.writeTable(
        block,
        coreEditions(),
        { datasetVersion: datasetVersion(), when: new Date().toISOString() },
        { onExisting },
      );
      return `Inserted the table at ${done.sheet}!${done.address}, with its sources on the sheet "${done.sources}".`;
    },
  });
  const workbook = new WorkbookPanel({
    lookup: lookupFrom(metadata.functions),
    editions: coreEditions,
    pinnable: sourceEditions,
    datasetVersion,
    namespaces: [...new Set([namespace, ...NAMESPACES])],
  });
  new RefreshPanel({
    inExcel,
    store,
    restored,
    onChange: () => {
      browser.reload();
      workbook.reload();
    },
  });
  const wantedTab = new URLSearchParams(location.search).get("tab");
  if (wantedTab && TABS.includes(wantedTab)) element("tabs").setAttribute("activeid", `tab-${wantedTab}`);
  if (wantedTab === "data") browser.show();
  return () => {
    browser.setInsertEnabled(true);
    workbook.setEnabled(true);
    workbook.loadPin().catch((error: unknown) => {
      element("wb-message").textContent =
        `Could not read the workbook's pin: ${error instanceof Error ? error.message : String(error)}`;
    });
    // Cells computed before the kept dataset was restored answered from the bundled one.
    if (restored.status === "restored") excel.recalculate().catch(() => undefined);
  };
}

async function start(): Promise<void> {
  const host = element<HTMLParagraphElement>("host");
  const namespace = namespaceFromQuery();
  setTheme(webLightTheme);
  host.textContent = `Outside Excel: a playground for the ${namespace}.* functions. Nothing is written to a workbook.`;
  let inExcel = false;
  let ready: ((value: void) => void) | undefined;
  const built = new Promise<void>((resolve) => (ready = resolve));
  let onExcel = () => undefined as void;
  connectOffice(() => {
    inExcel = true;
    host.textContent = `In Excel: type =${namespace}. in a cell, or try a function here.`;
    void built.then(() => onExcel());
  });
  try {
    const metadata = await loadMetadata();
    if (registeredCount() === 0) throw new Error("functions.js did not load, so there is nothing to run");
    const playground = new Playground(metadata, namespace);
    renderPicker(
      element("fn-finder"),
      metadata.functions.filter((f) => registered(f.id)),
      (id) => playground.pick(id),
    );
    renderGallery(
      element("gallery-body"),
      metadata.functions.filter((f) => registered(f.id)),
      {
        call,
        parse: parseArgument,
        formula: (id, values) => formulaText(namespace, id, values),
        onUse: (id, example) => playground.use(id, example),
      },
    );
    const enablePanels = await startPanels(metadata, namespace, () => inExcel);
    onExcel = () => {
      playground.setInsertEnabled(true);
      enablePanels();
    };
    ready?.();
  } catch (error) {
    const message = element<HTMLParagraphElement>("load-error");
    message.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`;
    message.hidden = false;
  }
}

if (typeof document !== "undefined") {
  // Deferred scripts run before DOMContentLoaded: by then functions.js has made its associations.
  if (document.readyState === "complete") void start();
  else document.addEventListener("DOMContentLoaded", () => void start(), { once: true });
}
