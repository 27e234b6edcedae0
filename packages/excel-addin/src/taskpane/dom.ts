// Small DOM and formatting helpers shared by the task pane's panels.
import { textOf } from "../workbook/text.ts";
import type { DropdownElement } from "./choice.ts";

export function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`taskpane.html lacks #${id}`);
  return found as T;
}

declare global {
  interface HTMLElementTagNameMap {
    "fluent-dropdown": DropdownElement;
  }
}

/**
 * A panel's elements by name: `elements("data", { year: "fluent-dropdown" })` is #data-year;
 * a camel-case name is a kebab-case id (copyStatus: #copy-status). A Fluent control stands in for
 * the native one it is named as (fluent-button for "button", fluent-text-input for "input").
 */
export function elements<T extends Record<string, keyof HTMLElementTagNameMap>>(
  prefix: string,
  tags: T,
): { readonly [K in keyof T]: HTMLElementTagNameMap[T[K]] } {
  const found: Record<string, HTMLElement> = {};
  for (const [name, tag] of Object.entries(tags)) {
    const id = [prefix, name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)].filter(Boolean).join("-");
    const node = element(id);
    const fluent = tag === "input" ? "fluent-text-input" : `fluent-${tag}`;
    if (node.localName !== tag && node.localName !== fluent)
      throw new Error(`taskpane.html: #${id} is a <${node.localName}>, not a <${tag}>`);
    found[name] = node;
  }
  return found as { readonly [K in keyof T]: HTMLElementTagNameMap[T[K]] };
}

export function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function isExcelError(value: unknown): value is { code: string; message?: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    (value as { code: string }).code.startsWith("#")
  );
}

export function errorText(error: { code: string; message?: string }): string {
  return error.message ? `${error.code} — ${error.message}` : error.code;
}

const percentFormat = new Intl.NumberFormat("en-US", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** Shares as percentages, large numbers grouped, small ones with a few decimals. */
export function formatNumber(value: number, asPercent: boolean): string {
  if (asPercent) return percentFormat.format(value);
  const size = Math.abs(value);
  const digits = Number.isInteger(value) || size >= 1000 ? 0 : size >= 1 ? 2 : 4;
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }).format(value);
}

export function asRows(result: unknown): unknown[][] {
  if (!Array.isArray(result)) return [[result]];
  return result.every(Array.isArray) ? (result as unknown[][]) : [result];
}

/** A plain table: header row, body rows, optional per-column formatter; wrapped to scroll sideways. */
export function dataTable(
  id: string,
  label: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  format: (value: unknown, column: number) => string = textOf,
): HTMLElement {
  const wrap = make("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": label });
  const table = make("table", { id });
  const thead = make("thead");
  const tr = make("tr");
  for (const h of header) tr.append(make("th", { scope: "col" }, h));
  thead.append(tr);
  const tbody = make("tbody");
  for (const row of rows) {
    const line = make("tr");
    row.forEach((value, i) =>
      line.append(
        make(
          "td",
          { class: typeof value === "number" ? "num" : isExcelError(value) ? "error" : "" },
          isExcelError(value) ? value.code : format(value, i),
        ),
      ),
    );
    tbody.append(line);
  }
  table.append(thead, tbody);
  wrap.append(table);
  return wrap;
}

/** Calls a registered function by id; null when it is not registered. */
export type Call = (id: string, ...args: unknown[]) => unknown;

/** The 1×1 answer of a function, or the value itself. */
export function single(result: unknown): unknown {
  const rows = asRows(result);
  return rows[0]?.[0];
}

/** A control turned off says why: as its tooltip, to screen readers, and in the visible note `note`. */
export function disableWithReason(
  control: HTMLElement & { disabled: boolean },
  reason: string | undefined,
  note?: HTMLElement,
): void {
  control.disabled = reason !== undefined;
  if (reason === undefined) {
    for (const name of ["title", "aria-description", "aria-disabled"]) control.removeAttribute(name);
  } else {
    control.title = reason;
    control.setAttribute("aria-description", reason);
    // A Fluent button states "disabled" through ElementInternals, which checkers (axe-core) and some
    // screen readers do not read: the attribute says it on the element itself.
    if (control.localName.startsWith("fluent-")) control.setAttribute("aria-disabled", "true");
  }
  if (note) {
    note.textContent = reason ?? "";
    note.hidden = reason === undefined;
  }
}

/** Fluent's text input: its shadow root holds the focusable <input>; the host is what the pane reads and sets. */
export type TextField = HTMLElement & { value: string | undefined; name: string; readonly control?: HTMLInputElement };

/**
 * A Fluent text input labelled by `label`, its slotted text, which labels the <input> inside it: an
 * outside <label for> would name only the host.
 */
export function textField(props: Partial<Record<string, string>>, label: Node | string): TextField {
  const field = make("fluent-text-input" as "input", {
    type: "text",
    autocomplete: "off",
    spellcheck: "false",
    ...props,
  });
  field.append(typeof label === "string" ? make("span", {}, label) : label);
  return field;
}

/**
 * Gives a connected Fluent field's inner <input> its description: an aria-describedby on the host
 * cannot reach into the shadow root, a plain aria-description can.
 */
export function describeField(field: TextField, description: string): void {
  field.control?.setAttribute("aria-description", description);
}

/** A field's text: a Fluent text input has no value until it is connected and typed into. */
export function valueOf(field: { value: string | undefined }): string {
  return field.value ?? "";
}

/**
 * Marks a field invalid (or not) on the host, which styles read, and on its inner <input>, which
 * screen readers read. "true", not "": an empty aria-invalid means false.
 */
export function markInvalid(field: HTMLElement, invalid: boolean): void {
  for (const node of [field, (field as Partial<TextField>).control])
    if (invalid) node?.setAttribute("aria-invalid", "true");
    else node?.removeAttribute("aria-invalid");
}
