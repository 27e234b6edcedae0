// The pane's lists: Fluent's dropdown (fluent-dropdown, fluent-listbox, fluent-option) in place of
// <select>, behind the few calls the panels make of a list. Fluent 3.1 settles its listbox's options
// asynchronously and offers no value while it is disabled, so the chosen value is read from and
// written to the options themselves (their `selected`), which the dropdown shows as they are.
import "@fluentui/web-components/dropdown.js";
import "@fluentui/web-components/listbox.js";
import "@fluentui/web-components/option.js";
import { make } from "./dom.ts";

/** One entry of a list. */
export interface ChoiceItem {
  readonly value: string;
  /** What the list shows: short enough not to be cut at 350 px. */
  readonly label: string;
  /** The longer description, shown as the option's tooltip and, by the panels, under the list. */
  readonly title?: string;
  /** Listed but not choosable: the label should say why. */
  readonly disabled?: boolean;
  /** A heading the item is listed under, as <optgroup> did. */
  readonly group?: string;
}

/** fluent-dropdown as the pane uses it. */
export type DropdownElement = HTMLElement & {
  disabled: boolean;
  name: string | undefined;
  /** The <button role="combobox"> Fluent puts in the dropdown's light DOM. */
  readonly control?: HTMLElement;
};

// The focusable control is Fluent's <button role="combobox"> inside the dropdown, not the dropdown
// (whose role is "presentation"): names and descriptions given on the dropdown are copied onto it.
const MIRRORED = ["aria-labelledby", "aria-describedby", "aria-required", "aria-invalid", "aria-description"];

/** A fluent-option: `selected` is its state now (its attribute follows later). */
type Selectable = HTMLElement & { selected?: boolean };
const isSelected = (option: HTMLElement): boolean => (option as Selectable).selected === true;

/** The Choice of each list element, so a panel that holds only the element reaches the same one. */
const byHost = new WeakMap<HTMLElement, Choice>();

/** The Choice wrapping `host`, a <fluent-dropdown> (made on first use). */
export function choiceOf(host: HTMLElement): Choice {
  return byHost.get(host) ?? new Choice(host as DropdownElement);
}

export class Choice {
  private entries: readonly ChoiceItem[] = [];
  private readonly listbox: HTMLElement;

  /** Wraps `host`, a <fluent-dropdown>, giving it a listbox if it has none; see {@link choiceOf}. */
  constructor(readonly host: DropdownElement) {
    if (host.localName !== "fluent-dropdown") throw new Error(`#${host.id} is a <${host.localName}>, not a list`);
    byHost.set(host, this);
    this.listbox = host.querySelector("fluent-listbox") ?? host.appendChild(make("fluent-listbox" as "div"));
    new MutationObserver(() => this.mirror()).observe(host, {
      childList: true,
      attributes: true,
      attributeFilter: MIRRORED,
    });
    // Like a <select>, an opened list shows the chosen item (Fluent scrolls to it only for the keyboard).
    this.listbox.addEventListener("toggle", (event) => {
      if (event.newState === "open") this.options().find(isSelected)?.scrollIntoView({ block: "nearest" });
    });
    this.mirror();
  }

  /** A new list labelled by the element `labelledBy`. */
  static create(props: { id: string; name: string; labelledBy: string; describedBy?: string }): Choice {
    const host = make("fluent-dropdown" as "div", {
      id: props.id,
      name: props.name,
      "aria-labelledby": props.labelledBy,
      "aria-describedby": props.describedBy,
    }) as unknown as DropdownElement;
    return choiceOf(host);
  }

  get value(): string {
    return this.options().find(isSelected)?.getAttribute("value") ?? "";
  }

  /**
   * Chooses the item with this value; a value not listed (or not choosable) chooses the first that
   * is, and a list of which none is shows its first (so a disabled list still says what it holds).
   */
  set value(value: string) {
    const found =
      this.entries.find((i) => i.value === value && !i.disabled) ??
      this.entries.find((i) => !i.disabled) ??
      this.entries[0];
    for (const option of this.options())
      (option as Selectable).selected = option.getAttribute("value") === found?.value;
  }

  /** The chosen item. */
  get selected(): ChoiceItem | undefined {
    const value = this.value;
    return this.entries.find((i) => i.value === value);
  }

  /** Replaces the list, keeping the chosen value if it is still listed, else choosing `value`. */
  setItems(items: readonly ChoiceItem[], value: string = this.value): void {
    this.entries = Object.freeze([...items]);
    const children: HTMLElement[] = [];
    let group: string | undefined;
    for (const item of items) {
      if (item.group !== undefined && item.group !== group)
        // A heading for the eye; screen readers hear the group as each option's description.
        children.push(make("div", { class: "choice-group", "aria-hidden": "true" }, item.group));
      group = item.group;
      children.push(
        make(
          "fluent-option" as "div",
          {
            value: item.value,
            title: item.title,
            disabled: item.disabled ? "" : undefined,
            "aria-description": item.group,
          },
          item.label,
        ),
      );
    }
    this.listbox.replaceChildren(...children);
    this.value = value;
  }

  onChange(listener: () => void): void {
    this.host.addEventListener("change", listener);
  }

  focus(options?: FocusOptions): void {
    (this.host.control ?? this.host).focus(options);
  }

  private options(): HTMLElement[] {
    return Array.from(this.listbox.querySelectorAll<HTMLElement>(":scope > fluent-option"));
  }

  private mirror(): void {
    const control = this.host.querySelector<HTMLElement>(':scope > [slot="control"]');
    if (!control) return;
    // Fluent binds aria-expanded to `open`, which is unset until the list first opens; a combobox
    // must say it is collapsed.
    if (!control.hasAttribute("aria-expanded")) control.setAttribute("aria-expanded", "false");
    for (const name of MIRRORED) {
      const value = this.host.getAttribute(name);
      if (value === null) control.removeAttribute(name);
      else if (control.getAttribute(name) !== value) control.setAttribute(name, value);
    }
  }
}
