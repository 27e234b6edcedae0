// The function playground: pick a function, fill its arguments, see the result, its source and the
// formula to paste or insert into the active cell.
import * as excel from "../workbook/excel.ts";
import { formulaText, parseArgument, type Cell } from "./arguments.ts";
import { asRows, element, elements, errorText, isExcelError, make } from "./dom.ts";
import type { EnumMeta, FunctionMeta, Metadata } from "./metadata.ts";
import { renderResult } from "./result.ts";
import { registered } from "./runtime.ts";

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

export class Playground {
  private readonly ui = elements("", {
    fn: "select",
    fnDescription: "p",
    args: "fieldset",
    run: "button",
    output: "section",
    result: "div",
    source: "p",
    formula: "code",
    copyStatus: "p",
  });
  private readonly remembered = new Map<string, string>();
  private readonly functions: Map<string, FunctionMeta>;
  private readonly enums: Map<string, EnumMeta>;

  constructor(
    metadata: Metadata,
    private readonly namespace: string,
  ) {
    this.functions = new Map(metadata.functions.filter((f) => registered(f.id)).map((f) => [f.id, f]));
    this.enums = new Map((metadata.enums ?? []).map((e) => [e.id, e]));
    for (const f of this.functions.values()) this.ui.fn.append(make("option", { value: f.id }, f.id));
    const wanted = new URLSearchParams(location.search).get("fn")?.toUpperCase();
    if (wanted && this.functions.has(wanted)) this.ui.fn.value = wanted;
    this.ui.fn.disabled = false;
    this.ui.run.disabled = false;
    this.ui.fn.addEventListener("change", () => this.showFunction());
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
    this.ui.fn.value = id;
    this.remembered.clear();
    this.showFunction();
    for (const input of this.inputs()) input.value = example[input.name] ?? "";
    void this.run();
    this.ui.fn.scrollIntoView({ block: "nearest" });
    this.ui.fn.focus();
  }

  private async insert(): Promise<void> {
    const formula = this.ui.formula.textContent ?? "";
    if (!formula) return;
    try {
      const address = await excel.insertFormula(formula);
      this.ui.copyStatus.textContent = `Inserted into ${address}.`;
    } catch (error) {
      this.ui.copyStatus.textContent = `Not inserted: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** In Excel, "Insert into active cell" works. */
  setInsertEnabled(enabled: boolean): void {
    element<HTMLButtonElement>("insert").disabled = !enabled;
  }

  private get current(): FunctionMeta {
    return this.functions.get(this.ui.fn.value)!;
  }

  private inputs(): (HTMLInputElement | HTMLSelectElement)[] {
    return Array.from(this.ui.args.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select"));
  }

  private showFunction(): void {
    for (const input of this.inputs()) if (input.value !== "") this.remembered.set(input.name, input.value);
    const meta = this.current;
    this.ui.fnDescription.textContent = meta.description ?? "";
    this.ui.args.replaceChildren(make("legend", {}, meta.parameters.length > 0 ? "Arguments" : "No arguments"));
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
      this.ui.args.append(field);
    }
    this.ui.output.hidden = true;
  }

  private async run(): Promise<void> {
    const meta = this.current;
    const fn = registered(meta.id);
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
    this.ui.output.hidden = false;
    try {
      renderResult(this.ui.result, meta, await fn(...args));
    } catch (error) {
      this.ui.result.replaceChildren(
        make(
          "p",
          { class: "value error", id: "result-value" },
          errorText({ code: "#VALUE!", message: error instanceof Error ? error.message : String(error) }),
        ),
      );
    }
    this.ui.source.textContent = await this.citation(meta, values);
    this.ui.formula.textContent = formulaText(
      this.namespace,
      meta.id,
      meta.parameters.map((p) => values.get(p.name) ?? null),
    );
    this.ui.copyStatus.textContent = "";
  }

  private async citation(meta: FunctionMeta, values: ReadonlyMap<string, Cell>): Promise<string> {
    const cite = registered("SOURCE");
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
    this.ui.output.hidden = false;
    this.ui.result.replaceChildren(make("p", { class: "value error", id: "result-value" }, message));
    this.ui.source.textContent = source;
    this.ui.formula.textContent = formula;
    this.ui.copyStatus.textContent = "";
  }

  private async copy(): Promise<void> {
    const text = this.ui.formula.textContent ?? "";
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      this.ui.copyStatus.textContent = "Copied. Paste it into a cell.";
      return;
    } catch {
      // No clipboard API (insecure origin, or blocked in the Office webview): select the text instead.
    }
    const range = document.createRange();
    range.selectNodeContents(this.ui.formula);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    this.ui.copyStatus.textContent = copied
      ? "Copied. Paste it into a cell."
      : "Selected: press Ctrl+C (⌘C on a Mac) to copy.";
  }
}
