// Task pane: a playground for the CRITMIN functions. Pick a function, fill its arguments, see the
// result, its source and the formula to paste.
//
// It calls exactly what Excel calls. This script runs before functions.js (see taskpane.html) and
// records every CustomFunctions.associate(id, fn) that functions.js makes; outside Office, where
// there is no CustomFunctions runtime, it first installs a minimal stand-in (associate, Error,
// ErrorCode). So the task pane carries no second copy of @critmin/core and its dataset: the
// function list and argument names come from functions.json, the code from functions.js, and the
// source of a supply figure from the SOURCE function (core's `cite`).
//
// Inside Office (shared runtime) it waits for Office.onReady and asks Excel to load the add-in with
// the workbook. Every Office call is guarded: without Office.js (offline, or an ordinary browser)
// the page works as a playground.

import "@fluentui/web-components/button.js";
import "@fluentui/web-components/progress-bar.js";
import "@fluentui/web-components/tab.js";
import "@fluentui/web-components/tablist.js";
import { setTheme } from "@fluentui/web-components/theme/index.js";
import { webLightTheme } from "@fluentui/tokens";
import { datasetVersion, editions as coreEditions } from "@critmin/core";
import { indexedDbStore, restoreDataset, type Restored } from "../refresh/store.ts";
import type { FunctionInfo, FunctionLookup } from "../workbook/evaluate.ts";
import * as excel from "../workbook/excel.ts";
import { NAMESPACES } from "../workbook/formulas.ts";
import { DataBrowser } from "./dataBrowser.ts";
import { asRows, element, errorText, formatNumber, isExcelError, make } from "./dom.ts";
import { renderGallery } from "./gallery.ts";
import { RefreshPanel } from "./refreshPanel.ts";
import { WorkbookPanel } from "./workbookPanel.ts";

export { errorText, formatNumber };

type Cell = number | string | boolean | null;
type AnyFunction = (...args: unknown[]) => unknown;

interface ParameterMeta {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
  readonly dimensionality?: "scalar" | "matrix";
  readonly customEnumId?: string;
}
interface FunctionMeta {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly ParameterMeta[];
}
interface EnumMeta {
  readonly id: string;
  readonly values: readonly {
    readonly name: string;
    readonly stringValue?: string;
    readonly numberValue?: number;
    readonly tooltip?: string;
  }[];
}
interface Metadata {
  readonly functions: readonly FunctionMeta[];
  readonly enums?: readonly EnumMeta[];
}

/** What the page needs of a CustomFunctions runtime, real or stand-in. */
interface Runtime {
  associate: (...args: unknown[]) => void;
  Error: new (code: string, message?: string) => object;
  ErrorCode: Record<string, string>;
}

const DEFAULT_NAMESPACE = "CRITMIN";
const registry = new Map<string, AnyFunction>();
let standIn: Runtime | undefined;

// ---------------------------------------------------------------------------------------------
// 1. CustomFunctions: record the associations (and stand in for the runtime outside Office).
// ---------------------------------------------------------------------------------------------

function record(args: readonly unknown[]): void {
  if (args.length === 2 && typeof args[0] === "string" && typeof args[1] === "function") {
    registry.set(args[0].toUpperCase(), args[1] as AnyFunction);
  } else if (args.length === 1 && typeof args[0] === "object" && args[0] !== null) {
    for (const [id, fn] of Object.entries(args[0]))
      if (typeof fn === "function") registry.set(id.toUpperCase(), fn as AnyFunction);
  }
}

/** The Excel error a function returns, as the runtime's `CustomFunctions.Error` carries it. */
class PlaygroundError {
  readonly code: string;
  readonly message: string;
  constructor(code: string, message?: string) {
    this.code = code;
    this.message = message ?? "";
  }
}

function installRecorder(): void {
  const scope = globalThis as unknown as { CustomFunctions?: Runtime };
  if (scope.CustomFunctions === undefined) {
    standIn = {
      associate: (...args: unknown[]) => record(args),
      Error: PlaygroundError,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
        invalidName: "#NAME?",
        invalidReference: "#REF!",
      },
    };
    scope.CustomFunctions = standIn;
    return;
  }
  const runtime = scope.CustomFunctions;
  const original = runtime.associate;
  try {
    runtime.associate = function associate(...args: unknown[]) {
      record(args);
      return original.apply(runtime, args);
    };
  } catch {
    // A read-only runtime: Excel still gets its functions; the playground lists none.
  }
}

/**
 * If Office's runtime arrived after the stand-in was installed, it took over the `CustomFunctions`
 * object and the associations made so far never reached Excel: hand them over again.
 */
function replayAssociations(): void {
  const runtime = (globalThis as unknown as { CustomFunctions?: Runtime }).CustomFunctions;
  if (!standIn || !runtime || runtime.associate === standIn.associate) return;
  for (const [id, fn] of registry) {
    try {
      runtime.associate(id, fn);
    } catch {
      // already associated
    }
  }
}

installRecorder();

// ---------------------------------------------------------------------------------------------
// 2. Office, when present.
// ---------------------------------------------------------------------------------------------

function connectOffice(onExcel: () => void): void {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return;
  try {
    office.onReady().then(
      (info) => {
        replayAssociations();
        if (info.host !== office.HostType.Excel) return;
        onExcel();
        try {
          // Shared runtime: load with the workbook, so the functions are there before anyone recalculates.
          const result = office.addin?.setStartupBehavior?.(office.StartupBehavior.load) as Promise<void> | undefined;
          result?.catch(() => undefined);
        } catch {
          // Requirement set SharedRuntime 1.1 missing: nothing to do.
        }
      },
      () => undefined,
    );
  } catch {
    // A broken Office.js must not break the page.
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Arguments, formulas and values.
// ---------------------------------------------------------------------------------------------

/** Reads what a person typed the way Excel reads a formula argument: "" is omitted, 2023 a number, "x" or x text. */
export function parseArgument(raw: string): Cell {
  const text = raw.trim();
  if (text === "") return null;
  const quoted = /^"((?:[^"]|"")*)"$/.exec(text);
  if (quoted) return quoted[1]!.replaceAll('""', '"');
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(text)) {
    const percent = text.endsWith("%");
    const n = Number(percent ? text.slice(0, -1) : text);
    return percent ? n / 100 : n;
  }
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  return text;
}

function formulaArgument(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "string") return `"${value.replaceAll('"', '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** `=CRITMIN.CHINA_SHARE("cobalt","refining",2023)`: trailing omitted arguments dropped, inner ones left empty. */
export function formulaText(namespace: string, id: string, values: readonly Cell[]): string {
  const args = [...values];
  while (args.length > 0 && args[args.length - 1] === null) args.pop();
  return `=${namespace}.${id}(${args.map(formulaArgument).join(",")})`;
}

function namespaceFromQuery(): string {
  const ns = new URLSearchParams(location.search).get("ns")?.trim().toUpperCase();
  return ns && /^[A-Z][A-Z0-9_]{0,31}$/.test(ns) ? ns : DEFAULT_NAMESPACE;
}

/** A function whose value is a share (0–1) says so in its description. */
function returnsShare(meta: FunctionMeta): boolean {
  return /0\s*[–-]\s*1\b|format as %/.test(meta.description ?? "");
}

function hasHeaderRow(meta: FunctionMeta): boolean {
  return /header row/i.test(meta.description ?? "");
}

/** Supply functions (mineral, stage, year, source) have a citable figure: SOURCE answers for it. */
function sourceArguments(meta: FunctionMeta, values: ReadonlyMap<string, Cell>): Cell[] | undefined {
  const names = new Set(meta.parameters.map((p) => p.name));
  if (
    meta.id === "SOURCE" ||
    names.has("scenario") ||
    !["mineral", "stage", "year", "source"].every((n) => names.has(n))
  )
    return undefined;
  const country = values.get("country") ?? values.get("supplier") ?? null;
  return [
    values.get("mineral") ?? null,
    values.get("stage") ?? null,
    values.get("year") ?? null,
    values.get("source") ?? null,
    country,
  ];
}

// ---------------------------------------------------------------------------------------------
// 4. The page.
// ---------------------------------------------------------------------------------------------

function renderValue(value: unknown, asPercent: boolean): HTMLElement {
  if (isExcelError(value)) return make("span", { class: "excel-error" }, errorText(value));
  if (typeof value === "number") return make("data", { value: String(value) }, formatNumber(value, asPercent));
  if (typeof value === "boolean") return make("span", {}, value ? "TRUE" : "FALSE");
  return make("span", {}, value === null || value === undefined ? "" : String(value));
}

function renderResult(container: HTMLElement, meta: FunctionMeta, result: unknown): void {
  container.replaceChildren();
  const rows = asRows(result);
  const share = returnsShare(meta);
  if (rows.length === 1 && rows[0]!.length === 1) {
    const value = rows[0]![0];
    const line = make("p", { class: isExcelError(value) ? "value error" : "value", id: "result-value" });
    line.append(renderValue(value, share));
    container.append(line);
    if (typeof value === "number") {
      const note = share ? " (a fraction: format the cell as %)" : "";
      container.append(make("p", { class: "hint" }, `In the cell: ${value}${note}`));
    }
    return;
  }
  const header = hasHeaderRow(meta) ? rows[0]!.map(String) : undefined;
  const body = header ? rows.slice(1) : rows;
  const percentColumns = (header ?? []).map((h) => /share|weight/i.test(h));
  const wrap = make("div", {
    class: "table-wrap",
    tabindex: "0",
    role: "region",
    "aria-label": `${meta.id} result table`,
  });
  const table = make("table", { id: "result-table" });
  table.append(
    make(
      "caption",
      {},
      `Spills ${rows.length} rows × ${rows[0]?.length ?? 0} columns${header ? ", header row first" : ""}`,
    ),
  );
  if (header) {
    const tr = make("tr");
    for (const h of header) tr.append(make("th", { scope: "col" }, h));
    const thead = make("thead");
    thead.append(tr);
    table.append(thead);
  }
  const tbody = make("tbody");
  for (const row of body) {
    const tr = make("tr");
    row.forEach((value, i) => {
      const td = make("td", { class: typeof value === "number" ? "num" : isExcelError(value) ? "error" : "" });
      td.append(renderValue(value, header ? percentColumns[i] === true : share));
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(tbody);
  wrap.append(table);
  container.append(wrap);
}

class Playground {
  private readonly select = element<HTMLSelectElement>("fn");
  private readonly description = element<HTMLParagraphElement>("fn-description");
  private readonly fieldset = element<HTMLFieldSetElement>("args");
  private readonly runButton = element<HTMLButtonElement>("run");
  private readonly output = element<HTMLElement>("output");
  private readonly result = element<HTMLDivElement>("result");
  private readonly source = element<HTMLParagraphElement>("source");
  private readonly formula = element<HTMLElement>("formula");
  private readonly copyStatus = element<HTMLParagraphElement>("copy-status");
  private readonly remembered = new Map<string, string>();
  private readonly functions: Map<string, FunctionMeta>;
  private readonly enums: Map<string, EnumMeta>;

  constructor(
    metadata: Metadata,
    private readonly namespace: string,
  ) {
    this.functions = new Map(metadata.functions.filter((f) => registry.has(f.id.toUpperCase())).map((f) => [f.id, f]));
    this.enums = new Map((metadata.enums ?? []).map((e) => [e.id, e]));
    for (const f of this.functions.values()) this.select.append(make("option", { value: f.id }, f.id));
    const wanted = new URLSearchParams(location.search).get("fn")?.toUpperCase();
    if (wanted && this.functions.has(wanted)) this.select.value = wanted;
    this.select.disabled = false;
    this.runButton.disabled = false;
    this.select.addEventListener("change", () => this.showFunction());
    element<HTMLFormElement>("playground").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.run();
    });
    element<HTMLButtonElement>("copy").addEventListener("click", () => void this.copy());
    element<HTMLButtonElement>("insert").addEventListener("click", () => void this.insert());
    this.showFunction();
  }

  /** The gallery's "Use example": fill the form with the example and run it. */
  use(id: string, example: Readonly<Record<string, string>>): void {
    if (!this.functions.has(id)) return;
    this.select.value = id;
    this.remembered.clear();
    this.showFunction();
    for (const input of this.inputs()) input.value = example[input.name] ?? "";
    void this.run();
    this.select.scrollIntoView({ block: "nearest" });
    this.select.focus();
  }

  private async insert(): Promise<void> {
    const formula = this.formula.textContent ?? "";
    if (!formula) return;
    try {
      const address = await excel.insertFormula(formula);
      this.copyStatus.textContent = `Inserted into ${address}.`;
    } catch (error) {
      this.copyStatus.textContent = `Not inserted: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private get current(): FunctionMeta {
    return this.functions.get(this.select.value)!;
  }

  private inputs(): (HTMLInputElement | HTMLSelectElement)[] {
    return Array.from(this.fieldset.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select"));
  }

  private showFunction(): void {
    for (const input of this.inputs()) if (input.value !== "") this.remembered.set(input.name, input.value);
    const meta = this.current;
    this.description.textContent = meta.description ?? "";
    this.fieldset.replaceChildren(make("legend", {}, meta.parameters.length > 0 ? "Arguments" : "No arguments"));
    for (const p of meta.parameters) {
      const id = `arg-${p.name}`;
      const field = make("div", { class: "field" });
      const label = make("label", { for: id }, p.name);
      label.append(make("span", { class: "opt" }, p.optional ? " (optional)" : " (required)"));
      const hintId = `${id}-hint`;
      const choices = p.customEnumId ? this.enums.get(p.customEnumId) : undefined;
      let control: HTMLInputElement | HTMLSelectElement;
      if (choices) {
        control = make("select", { id, name: p.name, "aria-describedby": hintId });
        control.append(make("option", { value: "" }, p.optional ? "(omitted: default)" : "(choose)"));
        for (const v of choices.values) {
          const value = String(v.stringValue ?? v.numberValue ?? v.name);
          control.append(make("option", { value }, v.tooltip ? `${value} — ${v.tooltip}` : value));
        }
      } else {
        control = make("input", {
          id,
          name: p.name,
          type: "text",
          autocomplete: "off",
          spellcheck: "false",
          "aria-describedby": hintId,
        });
      }
      if (!p.optional) control.setAttribute("aria-required", "true");
      control.value = this.remembered.get(p.name) ?? "";
      if (control instanceof HTMLSelectElement && control.selectedIndex < 0) control.value = "";
      field.append(label, control, make("p", { id: hintId, class: "hint" }, p.description ?? ""));
      this.fieldset.append(field);
    }
    this.output.hidden = true;
  }

  private async run(): Promise<void> {
    const meta = this.current;
    const fn = registry.get(meta.id.toUpperCase());
    if (!fn) return;
    const values = new Map<string, Cell>();
    let missing: HTMLInputElement | HTMLSelectElement | undefined;
    for (const input of this.inputs()) {
      const value = parseArgument(input.value);
      values.set(input.name, value);
      const required = input.getAttribute("aria-required") === "true";
      const invalid = required && value === null;
      input.toggleAttribute("aria-invalid", invalid);
      if (invalid) missing ??= input;
    }
    if (missing) {
      this.showOutput(`${missing.name} is required.`, "", "");
      missing.focus();
      return;
    }
    const args = meta.parameters.map((p) => {
      const value = values.get(p.name) ?? null;
      return p.dimensionality === "matrix" && value !== null ? [[value]] : value;
    });
    this.output.hidden = false;
    try {
      renderResult(this.result, meta, await fn(...args));
    } catch (error) {
      this.result.replaceChildren(
        make(
          "p",
          { class: "value error", id: "result-value" },
          errorText({ code: "#VALUE!", message: error instanceof Error ? error.message : String(error) }),
        ),
      );
    }
    this.source.textContent = await this.citation(meta, values);
    this.formula.textContent = formulaText(
      this.namespace,
      meta.id,
      meta.parameters.map((p) => values.get(p.name) ?? null),
    );
    this.copyStatus.textContent = "";
  }

  private async citation(meta: FunctionMeta, values: ReadonlyMap<string, Cell>): Promise<string> {
    const cite = registry.get("SOURCE");
    const args = sourceArguments(meta, values);
    if (!cite || !args) {
      if (meta.id === "SOURCE") return "The result above is the citation.";
      return `Named in the function's description; =${this.namespace}.EDITIONS() lists every source edition.`;
    }
    try {
      const answer = asRows(await cite([[args[0]]], ...args.slice(1)))[0]?.[0];
      if (isExcelError(answer)) return `No citation: ${errorText(answer)}`;
      return String(answer);
    } catch (error) {
      return `No citation: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private showOutput(message: string, source: string, formula: string): void {
    this.output.hidden = false;
    this.result.replaceChildren(make("p", { class: "value error", id: "result-value" }, message));
    this.source.textContent = source;
    this.formula.textContent = formula;
    this.copyStatus.textContent = "";
  }

  private async copy(): Promise<void> {
    const text = this.formula.textContent ?? "";
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus.textContent = "Copied. Paste it into a cell.";
      return;
    } catch {
      // No clipboard API (insecure origin, or blocked in the Office webview): select the text instead.
    }
    const range = document.createRange();
    range.selectNodeContents(this.formula);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    this.copyStatus.textContent = copied
      ? "Copied. Paste it into a cell."
      : "Selected: press Ctrl+C (⌘C on a Mac) to copy.";
  }
}

/** The registered functions with their parameter shapes, for evaluating formulas (upgrade report). */
function lookupFrom(metadata: Metadata): FunctionLookup {
  const byId = new Map<string, FunctionInfo>();
  for (const f of metadata.functions) {
    const fn = registry.get(f.id.toUpperCase());
    if (fn) byId.set(f.id.toUpperCase(), { fn, dimensionality: f.parameters.map((p) => p.dimensionality) });
  }
  return (id) => byId.get(id.toUpperCase());
}

/** Calls a registered function by id (synchronously: the CRITMIN functions are). */
function call(id: string, ...args: unknown[]): unknown {
  const fn = registry.get(id.toUpperCase());
  if (!fn) throw new Error(`${id} is not registered`);
  return fn(...args);
}

async function start(): Promise<void> {
  const host = element<HTMLParagraphElement>("host");
  const namespace = namespaceFromQuery();
  setTheme(webLightTheme);
  host.textContent = `Outside Excel: a playground for the ${namespace}.* functions. Nothing is written to a workbook.`;
  let inExcel = false;
  let ready: ((value: void) => void) | undefined;
  const built = new Promise<void>((resolve) => (ready = resolve));
  connectOffice(() => {
    inExcel = true;
    host.textContent = `In Excel: type =${namespace}. in a cell, or try a function here.`;
    void built.then(() => onExcel());
  });
  let onExcel = () => undefined as void;
  try {
    const response = await fetch(new URL("functions.json", document.baseURI));
    if (!response.ok) throw new Error(`functions.json: HTTP ${response.status}`);
    const metadata = (await response.json()) as Metadata;
    if (registry.size === 0) throw new Error("functions.js did not load, so there is nothing to run");
    const playground = new Playground(metadata, namespace);
    const listed = metadata.functions.filter((f) => registry.has(f.id.toUpperCase()));
    renderGallery(element("gallery-body"), listed, {
      call,
      parse: parseArgument,
      formula: (id, values) => formulaText(namespace, id, values),
      onUse: (id, example) => playground.use(id, example),
    });
    // A dataset kept from an earlier refresh is checked again and installed before the lists below
    // are built from its editions.
    const store = indexedDbStore();
    const restored: Restored = store
      ? await restoreDataset(store).catch((error: unknown) => ({ status: "rejected", message: String(error) }) as const)
      : { status: "none" };
    const namespaces = [...new Set([namespace, ...NAMESPACES])];
    const browser = new DataBrowser({
      call,
      editions: coreEditions,
      canInsert: () => inExcel,
      insert: async (block) => {
        const done = await excel.writeTable(block, coreEditions(), {
          datasetVersion: datasetVersion(),
          when: new Date().toISOString(),
        });
        return `Inserted the table at ${done.sheet}!${done.address}, with its sources on the Sources sheet.`;
      },
    });
    const workbook = new WorkbookPanel({
      lookup: lookupFrom(metadata),
      editions: coreEditions,
      datasetVersion,
      namespaces,
    });
    const onChange = () => {
      browser.reload();
      workbook.reload();
    };
    new RefreshPanel({
      defaultUrl: new URL("data/manifest.json", document.baseURI).href,
      inExcel: () => inExcel,
      store,
      restored,
      onChange,
    });
    onExcel = () => {
      element<HTMLButtonElement>("insert").disabled = false;
      browser.setInsertEnabled(true);
      workbook.setEnabled(true);
      workbook.loadPin().catch((error: unknown) => {
        element("wb-message").textContent =
          `Could not read the workbook's pin: ${error instanceof Error ? error.message : String(error)}`;
      });
      // Cells computed before the kept dataset was restored answered from the bundled one.
      if (restored.status === "restored") excel.recalculate().catch(() => undefined);
    };
    ready?.();
    const wantedTab = new URLSearchParams(location.search).get("tab");
    if (wantedTab && ["functions", "data", "workbook"].includes(wantedTab))
      element("tabs").setAttribute("activeid", `tab-${wantedTab}`);
    if (wantedTab === "data") browser.show();
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
