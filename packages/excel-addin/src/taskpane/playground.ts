// The function playground: pick a function, fill its arguments, see the result, what it is (its
// answer: edition, period, unit, basis, sources) and the formula to paste or insert into the active cell.
import type { AnswerUnit } from "@critmin/core";
import * as excel from "../workbook/excel.ts";
import { cellUnit, numberFormatFor } from "../workbook/numberFormats.ts";
import { formulaText, parseArgument, type Cell } from "./arguments.ts";
import { boundSign } from "../adapter/answerText.ts";
import { answerFor, renderAnswer } from "./answer.ts";
import {
  asRows,
  describeField,
  disableWithReason,
  element,
  elements,
  errorText,
  isExcelError,
  make,
  markInvalid,
  textField,
  valueOf,
  type TextField,
} from "./dom.ts";
import type { EnumMeta, FunctionMeta, Metadata } from "./metadata.ts";
import { renderResult } from "./result.ts";
import { categoryLabel, orderedCategories } from "../functions/categories.ts";
import { traitsOf } from "../functions/traits.ts";
import { registered } from "./runtime.ts";

export class Playground {
  private readonly ui = elements("", {
    fn: "select",
    fnDescription: "p",
    args: "fieldset",
    run: "button",
    output: "section",
    result: "div",
    source: "div",
    formula: "code",
    copyStatus: "p",
  });
  private readonly remembered = new Map<string, string>();
  /** The unit of the last run's cell: it gives the inserted cell's number format. */
  private unit: AnswerUnit | undefined;
  private readonly functions: Map<string, FunctionMeta>;
  private readonly enums: Map<string, EnumMeta>;

  constructor(
    metadata: Metadata,
    private readonly namespace: string,
  ) {
    this.functions = new Map(metadata.functions.filter((f) => registered(f.id)).map((f) => [f.id, f]));
    this.enums = new Map((metadata.enums ?? []).map((e) => [e.id, e]));
    this.fillFunctions();
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

  /** The function list grouped as the picker groups it (functions/categories.ts). */
  private fillFunctions(): void {
    const byCategory = (id: string) => traitsOf(id)?.category ?? "reference";
    const ids = [...this.functions.keys()];
    for (const category of orderedCategories(ids.map(byCategory))) {
      const group = make("optgroup", { label: categoryLabel(category) });
      for (const id of ids.filter((i) => byCategory(i) === category)) group.append(make("option", { value: id }, id));
      this.ui.fn.append(group);
    }
  }

  /** The picker's choice: the function's form, ready for its first argument. */
  pick(id: string): void {
    if (!this.functions.has(id)) return;
    this.ui.fn.value = id;
    this.showFunction();
    const first = this.inputs()[0] ?? this.ui.fn;
    first.scrollIntoView({ block: "nearest" });
    first.focus({ preventScroll: true });
  }

  /** The gallery's "Use example": fill the form with the example, run it and bring the result into view. */
  async use(id: string, example: Readonly<Record<string, string>>): Promise<void> {
    if (!this.functions.has(id)) return;
    this.ui.fn.value = id;
    this.remembered.clear();
    this.showFunction();
    for (const input of this.inputs()) input.value = example[input.name] ?? "";
    this.describeChoices();
    this.ui.fn.focus({ preventScroll: true });
    await this.run();
    this.ui.output.scrollIntoView({ block: "start" });
  }

  private async insert(): Promise<void> {
    const formula = this.ui.formula.textContent ?? "";
    if (!formula) return;
    try {
      const address = await excel.insertFormula(formula, numberFormatFor(this.unit));
      this.ui.copyStatus.textContent = `Inserted into ${address}.`;
    } catch (error) {
      this.ui.copyStatus.textContent = `Not inserted: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** In Excel, "Insert into active cell" works. */
  setInsertEnabled(enabled: boolean): void {
    disableWithReason(
      element<HTMLButtonElement>("insert"),
      enabled ? undefined : "This needs Excel: open the add-in in Excel. Copy the formula instead.",
    );
  }

  private get current(): FunctionMeta {
    return this.functions.get(this.ui.fn.value)!;
  }

  private inputs(): (TextField | HTMLSelectElement)[] {
    return Array.from(this.ui.args.querySelectorAll<TextField | HTMLSelectElement>("fluent-text-input, select"));
  }

  private showFunction(): void {
    for (const input of this.inputs()) if (valueOf(input) !== "") this.remembered.set(input.name, valueOf(input));
    const meta = this.current;
    this.ui.fnDescription.textContent = meta.description ?? "";
    this.ui.args.replaceChildren(make("legend", {}, meta.parameters.length > 0 ? "Arguments" : "No arguments"));
    for (const p of meta.parameters) {
      const id = `arg-${p.name}`;
      const field = make("div", { class: "field" });
      const label = make("span", {}, p.name);
      label.append(make("span", { class: "opt" }, p.optional ? " (optional)" : " (required)"));
      const hintId = `${id}-hint`;
      const choices = p.customEnumId ? this.enums.get(p.customEnumId) : undefined;
      let control: TextField | HTMLSelectElement;
      if (choices) {
        // The option is its value alone: "iea-cmde-2025 — IEA Critical Minerals Data Explorer, …"
        // would be cut at 350 px. The chosen value's description shows in full under the list.
        control = make("select", { id, name: p.name, "aria-describedby": `${id}-choice ${hintId}` });
        control.append(make("option", { value: "" }, p.optional ? "(omitted: default)" : "(choose)"));
        for (const v of choices.values) {
          const value = String(v.stringValue ?? v.numberValue ?? v.name);
          control.append(make("option", { value, ...(v.tooltip ? { title: v.tooltip } : {}) }, value));
        }
        field.append(make("p", { id: `${id}-choice`, class: "hint choice" }));
        control.addEventListener("change", () => this.describeChoices());
        const caption = make("label", { for: id });
        caption.append(label);
        field.prepend(caption, control);
      } else {
        control = textField({ id, name: p.name, "aria-describedby": hintId }, label);
        field.prepend(control);
      }
      if (!p.optional) control.setAttribute("aria-required", "true");
      control.value = this.remembered.get(p.name) ?? "";
      if (control instanceof HTMLSelectElement && control.selectedIndex < 0) control.value = "";
      field.append(make("p", { id: hintId, class: "hint" }, p.description ?? ""));
      this.ui.args.append(field);
      if (!(control instanceof HTMLSelectElement)) describeField(control, p.description ?? "");
    }
    this.ui.output.hidden = true;
    this.describeChoices();
  }

  /** Under each list, the chosen value's description (the option shows the value alone). */
  private describeChoices(): void {
    for (const select of this.ui.args.querySelectorAll("select"))
      element(`${select.id}-choice`).textContent = select.selectedOptions[0]?.title ?? "";
  }

  private async run(): Promise<void> {
    const meta = this.current;
    const fn = registered(meta.id);
    if (!fn) return;
    const values = new Map<string, Cell>();
    let missing: TextField | HTMLSelectElement | undefined;
    for (const input of this.inputs()) {
      const value = parseArgument(valueOf(input));
      values.set(input.name, value);
      const required = input.getAttribute("aria-required") === "true";
      const invalid = required && value === null;
      markInvalid(input, invalid);
      if (invalid) missing ??= input;
    }
    if (missing) {
      this.showOutput(`${missing.name} is required.`, "");
      missing.focus();
      return;
    }
    const args = meta.parameters.map((p) => {
      const value = values.get(p.name) ?? null;
      return p.dimensionality === "matrix" && value !== null ? [[value]] : value;
    });
    this.ui.output.hidden = false;
    const given = meta.parameters.map((p) => values.get(p.name) ?? null);
    const answer = answerFor(meta.id, given);
    this.unit = cellUnit(meta.id, answer?.unit);
    let failed = false;
    try {
      const result = await fn(...args);
      failed = asRows(result).some((row) => row.some(isExcelError));
      renderResult(this.ui.result, meta, result, answer ? boundSign(answer) : "", this.unit);
    } catch (error) {
      failed = true;
      this.ui.result.replaceChildren(
        make(
          "p",
          { class: "value error", id: "result-value" },
          errorText({ code: "#VALUE!", message: error instanceof Error ? error.message : String(error) }),
        ),
      );
    }
    renderAnswer(this.ui.source, meta.id, given, answer, this.namespace, failed);
    this.ui.formula.textContent = formulaText(
      this.namespace,
      meta.id,
      meta.parameters.map((p) => values.get(p.name) ?? null),
    );
    this.ui.copyStatus.textContent = "";
  }

  private showOutput(message: string, formula: string): void {
    this.unit = undefined;
    this.ui.output.hidden = false;
    this.ui.result.replaceChildren(make("p", { class: "value error", id: "result-value" }, message));
    this.ui.source.replaceChildren();
    this.ui.source.hidden = true;
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
