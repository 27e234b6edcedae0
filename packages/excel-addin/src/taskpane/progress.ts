// A long operation's progress line with a Cancel button, and the status message under a card: the
// data refresh and the Workbook tab show both the same way. The progress block is built into an
// empty `<div id="PREFIX-progress" hidden>` of taskpane.html.
import { element, make } from "./dom.ts";

export class Progress {
  private readonly box: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly label: HTMLLabelElement;

  constructor(prefix: string, initial: string, onCancel: () => void) {
    this.box = element(`${prefix}-progress`);
    this.label = make("label", { id: `${prefix}-progress-text`, for: `${prefix}-progress-bar` }, initial);
    this.bar = document.createElement("fluent-progress-bar");
    for (const [k, v] of Object.entries({
      id: `${prefix}-progress-bar`,
      value: "0",
      max: "1",
      "aria-labelledby": `${prefix}-progress-text`,
    }))
      this.bar.setAttribute(k, v);
    const cancel = document.createElement("fluent-button");
    for (const [k, v] of Object.entries({ id: `${prefix}-cancel`, appearance: "secondary", size: "small" }))
      cancel.setAttribute(k, v);
    cancel.textContent = "Cancel";
    cancel.addEventListener("click", onCancel);
    this.box.replaceChildren(this.label, this.bar, cancel);
  }

  show(): void {
    this.box.hidden = false;
  }

  /** Shows the block at zero; with `text`, as its new label. */
  start(text?: string): void {
    this.show();
    this.bar.setAttribute("value", "0");
    if (text !== undefined) this.label.textContent = text;
  }

  update(done: number, total: number, text: string): void {
    this.bar.setAttribute("max", String(Math.max(1, total)));
    this.bar.setAttribute("value", String(done));
    this.label.textContent = text;
  }

  stop(): void {
    this.box.hidden = true;
  }
}

/** A card's status line: a message, marked as an error when it is one. */
export function say(line: HTMLElement, text: string, error = false): void {
  line.textContent = text;
  line.classList.toggle("error", error);
}
