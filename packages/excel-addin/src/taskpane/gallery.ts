// The function gallery: every CRITMIN function with its description and a worked example (its
// traits' `gallery`), whose value is computed by the same function Excel calls. "Use" puts the
// example into the form below, where it can be changed, run and inserted into the active cell.
import { showsPercent, traitsOf } from "../functions/traits.ts";
import { asRows, type Call, errorText, formatNumber, isExcelError, make } from "./dom.ts";

export interface GalleryFunction {
  readonly id: string;
  readonly description?: string;
  readonly parameters: readonly { readonly name: string; readonly dimensionality?: "scalar" | "matrix" }[];
}

export interface GalleryDeps {
  readonly call: Call;
  readonly parse: (raw: string) => string | number | boolean | null;
  readonly formula: (id: string, values: readonly (string | number | boolean | null)[]) => string;
  readonly onUse: (id: string, example: Readonly<Record<string, string>>) => unknown;
}

function preview(meta: GalleryFunction, result: unknown): string {
  const rows = asRows(result);
  if (rows.length === 1 && rows[0]!.length === 1) {
    const value = rows[0]![0];
    if (isExcelError(value)) return errorText(value);
    if (typeof value === "number") return formatNumber(value, showsPercent(meta.id));
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    return String(value);
  }
  return `a table of ${rows.length} rows × ${rows[0]?.length ?? 0} columns (spills)`;
}

/** Renders the gallery into `container`; returns the number of cards. */
export function renderGallery(
  container: HTMLElement,
  functions: readonly GalleryFunction[],
  deps: GalleryDeps,
): number {
  const list = make("ul", { class: "gallery", id: "gallery-list" });
  for (const meta of functions) {
    const traits = traitsOf(meta.id);
    const example = traits?.gallery ?? {};
    const values = meta.parameters.map((p) => deps.parse(example[p.name] ?? ""));
    const formula = deps.formula(meta.id, values);
    let shown: string;
    try {
      shown = preview(
        meta,
        deps.call(
          meta.id,
          ...meta.parameters.map((p, i) =>
            p.dimensionality === "matrix" && values[i] !== null ? [[values[i]]] : values[i],
          ),
        ),
      );
    } catch (error) {
      shown = `#VALUE! — ${error instanceof Error ? error.message : String(error)}`;
    }
    const item = make("li", { class: "gallery-item", id: `gallery-${meta.id}`, "data-category": traits?.category });
    const headingId = `gallery-${meta.id}-name`;
    item.append(make("h3", { id: headingId }, meta.id));
    item.append(make("p", { class: "hint" }, meta.description ?? ""));
    const code = make("code", { class: "formula example" }, formula);
    const result = make("p", { class: "example-result" });
    result.append(make("span", { class: "opt" }, "→ "), make("span", { class: "example-value" }, shown));
    const use = document.createElement("fluent-button");
    for (const [k, v] of Object.entries({
      appearance: "secondary",
      size: "small",
      class: "use",
      "aria-label": `Use example: ${meta.id}`,
      "aria-describedby": headingId,
    }))
      use.setAttribute(k, v);
    use.textContent = "Use example";
    use.addEventListener("click", () => deps.onUse(meta.id, example));
    item.append(code, result, use);
    list.append(item);
  }
  container.replaceChildren(list);
  return functions.length;
}
