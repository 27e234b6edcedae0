// An inline question in the pane, answered with one of its buttons: Office blocks window.confirm,
// and a write the add-in makes cannot be undone with Ctrl+Z, so replacing a sheet is asked here.
import { make } from "./dom.ts";

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly primary?: boolean;
}

/**
 * Shows `question` and its buttons in `box` (an empty, hidden element of the pane) and resolves with
 * the value of the button pressed; the box is emptied and hidden again. Asking again replaces an
 * unanswered question, which resolves with the last choice (the one meaning "do nothing").
 */
export function askInline<T extends string>(
  box: HTMLElement,
  question: string,
  choices: readonly Choice<T>[],
): Promise<T> {
  (box as { cancelQuestion?: () => void }).cancelQuestion?.();
  return new Promise<T>((resolve) => {
    const done = (value: T) => {
      delete (box as { cancelQuestion?: () => void }).cancelQuestion;
      box.replaceChildren();
      box.hidden = true;
      resolve(value);
    };
    (box as { cancelQuestion?: () => void }).cancelQuestion = () => done(choices.at(-1)!.value);
    const actions = make("div", { class: "actions" });
    for (const choice of choices) {
      const button = make("fluent-button" as "button", {
        appearance: choice.primary ? "primary" : "secondary",
        "data-choice": choice.value,
      });
      button.textContent = choice.label;
      button.addEventListener("click", () => done(choice.value));
      actions.append(button);
    }
    box.replaceChildren(make("p", {}, question), actions);
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-label", "Confirm");
    box.classList.add("confirm");
    box.hidden = false;
    (actions.firstElementChild as HTMLElement | null)?.focus();
  });
}
