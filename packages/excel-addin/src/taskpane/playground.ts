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
import { Choice, choiceOf } from "./choice.ts";
import { categoryLabel, orderedCategories } from "../functions/categories.ts";
import { traitsOf } from "../functions/traits.ts";
import { registered } from "./runtime.ts";

export class Playground {
  private readonly ui = elements("", {
    fn: "fluent-dropdown",
    fnDescription: "p",
    args: "fieldset",
    run: "button",
    output: "section",
    result: "div",
    source: "div",
    formula: "code",
    copyStatus: "p",
  });
  private readonly fn: Choice;
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
    this.fn = choiceOf(this.ui.fn);
    this.fillFunctions();
    const wanted = new URLSearchParams(location.search).get("fn")?.toUpperCase();
    if (wanted && this.functions.has(wanted)) this.fn.value = wanted;
    this.ui.fn.disabled = false;
    this.ui.run.disabled = false;
    this.fn.onChange(() => this.showFunction());
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
    this.fn.setItems(
      orderedCategories(ids.map(byCategory)).flatMap((category) =>
        ids
          .filter((id) => byCategory(id) === category)
          .map((id) => ({ value: id, label: id, group: categoryLabel(category) })),
      ),
    );
  }

  /** The picker's choice: the function's form, ready for its first argument. */
  pick(id: string): void {
    if (!this.functions.has(id)) return;
    this.fn.value = id;
    this.showFunction();
    const first = this.inputs()[0] ?? argControl(this.ui.fn);
    first.scrollIntoView({ block: "nearest" });
    first.focus({ preventScroll: true });
  }

  /** The gallery's "Use example": fill the form with the example, run it and bring the result into view. */
  async use(id: string, example: Readonly<Record<string, string>>): Promise<void> {
    if (!this.functions.has(id)) return;
    this.fn.value = id;
    this.remembered.clear();
    this.showFunction();
    for (const input of this.inputs()) input.value = example[input.name] ?? "";
    this.describeChoices();
    this.fn.focus({ preventScroll: true });
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
    return this.functions.get(this.fn.value)!;
  }

  private inputs(): ArgControl[] {
    return Array.from(this.ui.args.querySelectorAll<HTMLElement>("fluent-text-input, fluent-dropdown"), argControl);
  }

  private showFunction(): void {
    for (const input of this.inputs()) if (input.value !== "") this.remembered.set(input.name, input.value);
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
      let control: HTMLElement;
      if (choices) {
        // The option is its value alone: "iea-cmde-2025 — IEA Critical Minerals Data Explorer, …"
        // would be cut at 350 px. The chosen value's description shows in full under the list.
        const list = Choice.create({
          id,
          name: p.name,
          labelledBy: `${id}-label`,
          describedBy: `${id}-choice ${hintId}`,
        });
        list.setItems([
          { value: "", label: p.optional ? "(omitted: default)" : "(choose)" },
          ...choices.values.map((v) => {
            const value = String(v.stringValue ?? v.numberValue ?? v.name);
            return { value, label: value, ...(v.tooltip ? { title: v.tooltip } : {}) };
          }),
        ]);
        list.onChange(() => this.describeChoices());
        control = list.host;
        const caption = make("label", { id: `${id}-label`, for: id });
        caption.append(label);
        field.append(caption, control, make("p", { id: `${id}-choice`, class: "hint choice" }));
      } else {
        control = textField({ id, name: p.name, "aria-describedby": hintId }, label);
        field.append(control);
      }
      if (!p.optional) control.setAttribute("aria-required", "true");
      argControl(control).value = this.remembered.get(p.name) ?? "";
      field.append(make("p", { id: hintId, class: "hint" }, p.description ?? ""));
      this.ui.args.append(field);
      if (!choices) describeField(control as TextField, p.description ?? "");
    }
    this.ui.output.hidden = true;
    this.describeChoices();
  }

  /** Under each list, the chosen value's description (the option shows the value alone). */
  private describeChoices(): void {
    for (const host of this.ui.args.querySelectorAll<HTMLElement>("fluent-dropdown"))
      element(`${host.id}-choice`).textContent = choiceOf(host).selected?.title ?? "";
  }

  private async run(): Promise<void> {
    const meta = this.current;
    const fn = registered(meta.id);
    if (!fn) return;
    const values = new Map<string, Cell>();
    let missing: ArgControl | undefined;
    for (const input of this.inputs()) {
      const value = parseArgument(input.value);
      values.set(input.name, value);
      const required = input.element.getAttribute("aria-required") === "true";
      const invalid = required && value === null;
      markInvalid(input.element, invalid);
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

/** An argument's control: a Fluent text input, or a list for an argument with named values. */
interface ArgControl {
  readonly name: string;
  readonly element: HTMLElement;
  value: string;
  focus(options?: FocusOptions): void;
  scrollIntoView(options?: ScrollIntoViewOptions): void;
}

function argControl(element: HTMLElement): ArgControl {
  const list = element.localName === "fluent-dropdown" ? choiceOf(element) : undefined;
  const field = element as TextField;
  return {
    name: element.getAttribute("name") ?? "",
    element,
    get value() {
      return list ? list.value : valueOf(field);
    },
    set value(value: string) {
      if (list) list.value = value;
      else field.value = value;
    },
    focus: (options) => (list ? list.focus(options) : element.focus(options)),
    scrollIntoView: (options) => element.scrollIntoView(options),
  };
}
