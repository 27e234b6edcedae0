// The function categories as people look for them: the picker's groups (task pane) and the docs'
// sections, in this order. Keyed by the traits' `category`, so a function lands in its group by its
// traits alone; a category this table does not know yet is shown under its own id, after these.
import type { Category } from "./traits.ts";

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = Object.freeze({
  supply: "Supply shares",
  concentration: "Concentration",
  risk: "Scenarios",
  demand: "Demand and technology",
  "eu-assessment": "EU and US indicators",
  reference: "Reference",
});

/** A category's label; an id the table lacks reads as itself ("policy-lists" → "Policy lists"). */
export function categoryLabel(category: string): string {
  if (Object.prototype.hasOwnProperty.call(CATEGORY_LABELS, category)) return CATEGORY_LABELS[category as Category];
  const words = category.replace(/[-_]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Categories in display order: the table's, then any other in the order first met. */
export function orderedCategories(categories: Iterable<string>): string[] {
  const known = Object.keys(CATEGORY_LABELS);
  const seen = [...new Set(categories)];
  return [...known.filter((c) => seen.includes(c)), ...seen.filter((c) => !known.includes(c))];
}
