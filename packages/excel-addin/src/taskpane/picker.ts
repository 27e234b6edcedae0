// "Find a function": a search over every function's name, description and argument hints, grouped
// by category (functions/categories.ts), each with its one-line description and a Help link to its
// docs page. Built from functions.json and the traits, so a function added there appears here.
import { categoryLabel, orderedCategories } from "../functions/categories.ts";
import { traitsOf } from "../functions/traits.ts";
import { make, textField, valueOf } from "./dom.ts";
import type { FunctionMeta } from "./metadata.ts";

/** The text a search reads for a function: its name (underscores as spaces), description, argument hints and category. */
export function searchText(meta: FunctionMeta): string {
  const category = traitsOf(meta.id)?.category ?? "";
  return [
    meta.id,
    meta.id.replace(/_/g, " "),
    meta.description ?? "",
    ...meta.parameters.map((p) => `${p.name} ${p.description ?? ""}`),
    category,
    categoryLabel(category),
  ]
    .join(" ")
    .toLowerCase();
}

/** The functions every word of `query` occurs in (any order, any case); every function for an empty query. */
export function search(functions: readonly FunctionMeta[], query: string): FunctionMeta[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return functions.filter((f) => {
    const text = searchText(f);
    return words.every((w) => text.includes(w));
  });
}

/** A description's first sentence, for a one-line list. */
export function oneLine(description: string | undefined): string {
  const text = description ?? "";
  const end = text.search(/[.:;](\s|$)/);
  return end > 0 ? text.slice(0, end) : text;
}

/**
 * Renders the picker into `container`; `onPick` gets the chosen id. Groups are closed until a search
 * opens those with matches, so the list stays short at 350 px.
 */
export function renderPicker(
  container: HTMLElement,
  functions: readonly FunctionMeta[],
  onPick: (id: string) => void,
): void {
  const input = textField(
    {
      id: "fn-search",
      placeholder: 'e.g. "china", "risk", "battery"',
      "aria-describedby": "fn-search-count",
      "aria-controls": "fn-picker",
    },
    "Find a function",
  );
  const count = make("p", { id: "fn-search-count", class: "hint", role: "status", "aria-live": "polite" });
  const list = make("div", { id: "fn-picker", class: "picker" });
  const groups = new Map<
    string,
    { details: HTMLDetailsElement; summary: HTMLElement; label: string; items: Map<string, HTMLLIElement> }
  >();
  const byCategory = (f: FunctionMeta) => traitsOf(f.id)?.category ?? "reference";
  for (const category of orderedCategories(functions.map(byCategory))) {
    const details = make("details", { class: "picker-group", "data-category": category });
    const members = functions.filter((f) => byCategory(f) === category);
    const summary = make("summary");
    details.append(summary);
    const ul = make("ul");
    const items = new Map<string, HTMLLIElement>();
    for (const f of members) {
      const li = make("li", { class: "picker-item", id: `pick-${f.id}` });
      const pick = make("fluent-button" as "button", { appearance: "subtle", size: "small", class: "pick" }, f.id);
      pick.addEventListener("click", () => onPick(f.id));
      li.append(pick, make("span", { class: "one-line" }, oneLine(f.description)));
      if (f.helpUrl) {
        const help = make("a", { href: f.helpUrl, target: "_blank", rel: "noopener", class: "help" }, "Help");
        help.setAttribute("aria-label", `Help: ${f.id}`);
        li.append(" ", help);
      }
      ul.append(li);
      items.set(f.id, li);
    }
    details.append(ul);
    list.append(details);
    groups.set(category, { details, summary, label: categoryLabel(category), items });
  }
  const update = () => {
    const query = valueOf(input).trim();
    const found = new Set(search(functions, query).map((f) => f.id));
    for (const { details, summary, label, items } of groups.values()) {
      let shown = 0;
      for (const [id, li] of items) {
        li.hidden = !found.has(id);
        if (!li.hidden) shown++;
      }
      details.hidden = shown === 0;
      summary.textContent = `${label} (${shown === items.size ? shown : `${shown} of ${items.size}`})`;
      details.open = query !== "" && shown > 0;
    }
    count.textContent =
      query === ""
        ? `${functions.length} functions in ${groups.size} groups`
        : found.size === 0
          ? `No function matches "${query}"`
          : `${found.size} ${found.size === 1 ? "function matches" : "functions match"} "${query}"`;
  };
  input.addEventListener("input", update);
  container.replaceChildren(input, count, list);
  update();
}
