// Excel function reference: one page per function in functions.json, and the index, with the
// examples of traits.ts computed by calling the add-in's own functions.
import { TRAITS, type ExcelExample } from "../../../excel-addin/src/functions/traits.ts";
import { computeExamples, type ComputedExample, type EnumMeta, type ExcelContext, type FunctionMeta } from "./excel.ts";
import { examplesMarkdown, isFraction, isTable, isTonnes } from "./excel-markdown.ts";
import { readAsFor } from "./excel-readas.ts";
import { code, generatedHeader, table, text } from "./markdown.ts";

const ARG_KIND: Record<string, string> = {
  any: "text or a number",
  number: "a number",
  string: "text",
  boolean: "TRUE or FALSE",
};

function argumentRows(meta: FunctionMeta, enums: readonly EnumMeta[]): string[][] {
  return meta.parameters.map((p) => {
    const e = p.customEnumId ? enums.find((x) => x.id === p.customEnumId) : undefined;
    const value = (v: EnumMeta["values"][number]) => {
      const id = v.stringValue ?? v.name;
      // Edition ids link to their citation on the data page.
      return p.customEnumId === "Edition" ? `[${code(id)}](/data/#${id})` : code(id);
    };
    let accepts = e ? `one of ${e.values.map(value).join(", ")}` : (ARG_KIND[p.type ?? "any"] ?? text(p.type));
    if (p.dimensionality === "matrix") accepts = `${accepts}, or a range (one result per cell)`;
    return [`${code(p.name)}${p.optional ? " <small>optional</small>" : ""}`, accepts, text(p.description ?? "")];
  });
}

/** Examples that show a #VALUE! and a #N/A for a function whose listed examples show none. */
function errorProbes(meta: FunctionMeta, examples: readonly ExcelExample[]): ExcelExample[] {
  const first = meta.parameters[0];
  const base = examples[0]?.args ?? [];
  const probes: ExcelExample[] = [];
  const misspelt: Record<string, string> = {
    mineral: "cobolt",
    material: "cobolt",
    technology: "solar panel",
    group: "G8",
  };
  if (first && misspelt[first.name]) probes.push({ args: [misspelt[first.name]!, ...base.slice(1)] });
  const yearAt = meta.parameters.findIndex((p) => p.name === "year");
  if (yearAt >= 0 && base.length > 0) {
    const args = [...base];
    while (args.length <= yearAt) args.push(null);
    args[yearAt] = 1990;
    probes.push({ args });
  }
  return probes;
}

export interface ExcelPages {
  /** Path (relative to the generated folder) → markdown. */
  readonly files: Map<string, string>;
  readonly sidebar: { text: string; link: string }[];
  /** Every example shown, for test/docs to check against the built pages. */
  readonly examples: ComputedExample[];
}

export function excelPages(ctx: ExcelContext, datasetVersion: string): ExcelPages {
  const files = new Map<string, string>();
  const all: ComputedExample[] = [];
  const enums = ctx.metadata.enums ?? [];
  const index: string[][] = [];
  const readAs = readAsFor(ctx);
  for (const meta of ctx.metadata.functions) {
    const id = meta.id;
    const traits = TRAITS[id];
    const listed = traits?.examples ?? [];
    const examples = computeExamples(ctx, id, listed);
    const probes = computeExamples(ctx, id, errorProbes(meta, listed));
    const shown = examples.concat(probes).flatMap((e) => e.cells.flat().map((c) => ({ e, c })));
    const valueProbe = shown.find((x) => x.c.value === "#VALUE!");
    const naProbe = shown.find((x) => x.c.value === "#N/A");
    all.push(...examples);
    const tableFunction = isTable(id);
    const syntax = `=${ctx.namespace}.${id}(${meta.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    const first = meta.parameters[0];
    const shape = tableFunction
      ? `It spills down and right from the formula's cell${examples[0]?.cells[0] && examples[0].cells[0].every((c) => c.kind === "text") ? `; the first row holds the headers ${examples[0].cells[0].map((c) => code(c.value)).join(", ")}` : ""}.`
      : first?.dimensionality === "matrix"
        ? `One value per cell of ${code(first.name)}: a single cell gives one value; a range spills a result of the same shape, each cell answered (or failing) on its own.`
        : "One value.";
    const format = isFraction(id)
      ? " Shares are fractions from 0 to 1: format the cell as a percentage."
      : isTonnes(id)
        ? " Volumes are metric tonnes of content on the source's basis."
        : "";
    const errors = [
      `- **${code("#VALUE!")}**: an argument is wrong: an unknown name (the message suggests the nearest valid one), text where a number is expected, a number out of range, or a range where a single value is expected.${valueProbe ? ` For example ${code(valueProbe.e.formula)} gives ${code("#VALUE!")} with the message “${text(valueProbe.c.message ?? "")}”.` : ""}`,
      tableFunction || meta.parameters.length === 0
        ? `- **${code("#N/A")}**: the dataset has nothing to list (not expected with the bundled data).`
        : `- **${code("#N/A")}**: the data does not exist (no edition has this mineral, stage, year or country), with the reason in the message. Missing data is never shown as 0.${naProbe ? ` For example ${code(naProbe.e.formula)} gives ${code("#N/A")} with the message “${text(naProbe.c.message ?? "")}”.` : ""}`,
    ];
    const sdk = traits
      ? `In code the same number comes from ${code(`${traits.core}()`)} in ${code("@critmin/core")}: see [${traits.core}](/api/functions/${traits.core}).`
      : "";
    const method = traits?.method ? ` How it is computed: [methodology](/methodology#${traits.method}).` : "";
    const md = [
      generatedHeader("functions.json and packages/excel-addin/src/functions/functions.ts", {
        title: `${ctx.namespace}.${id}`,
        outline: [2, 3],
      }),
      `# ${ctx.namespace}.${id}`,
      "",
      text(meta.description ?? ""),
      "",
      "## Syntax",
      "",
      "```txt",
      syntax,
      "```",
      "",
      meta.parameters.length > 0
        ? "## Arguments\n\n" + table(["Argument", "Accepts", "Description"], argumentRows(meta, enums))
        : "This function takes no arguments.",
      "",
      "## Result",
      "",
      `${text(ctx.returns.get(id) ?? "")}. ${shape}${format}`,
      "",
      "## Examples",
      "",
      `Each result below was computed when this page was built (dataset ${code(datasetVersion)}), by calling the add-in's own ${code(id)} function the way Excel calls it.`,
      "",
      examples.length > 0
        ? examplesMarkdown(id, examples, tableFunction, first?.name, readAs)
        : "_No examples yet: add some to packages/excel-addin/src/functions/traits.ts._",
      "",
      "## Errors",
      "",
      ...errors,
      "",
      "## See also",
      "",
      `${sdk}${method} [All Excel functions](/excel/).`,
      "",
      `<small>Excel's help link for this function (${code("helpUrl")} in functions.json) opens this page.</small>`,
      "",
    ].join("\n");
    files.set(`excel/${id}.md`, md);
    index.push([
      `[${id}](/excel/${id})`,
      text(meta.description ?? ""),
      traits ? `[${code(traits.core)}](/api/functions/${traits.core})` : "",
    ]);
  }
  files.set(
    "excel/index.md",
    [
      generatedHeader("functions.json", { title: "Excel functions" }),
      "# Excel functions",
      "",
      `The add-in adds these functions under the ${code(ctx.namespace)} namespace (${code("CRITMINDEV")} in the dev build). Type ${code(`=${ctx.namespace}.`)} in a cell to see them. Each one calls the function of ${code("@critmin/core")} named beside it, so a formula and a line of code give the same number from the same source.`,
      "",
      table(["Function", "What it returns", "SDK"], index),
      "",
    ].join("\n"),
  );
  return {
    files,
    sidebar: [
      { text: "All functions", link: "/excel/" },
      ...ctx.metadata.functions.map((f) => ({ text: f.id, link: `/excel/${f.id}` })),
    ],
    examples: all,
  };
}
