// Excel function reference: one page per function in functions.json, with examples computed by
// calling the add-in's own functions (packages/excel-addin/src/functions/functions.ts) the way
// Excel calls them, against a stand-in CustomFunctions runtime.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  EXCEL_EXAMPLES,
  PERCENT_FUNCTIONS,
  TONNE_FUNCTIONS,
  type ExcelArg,
  type ExcelExample,
} from "./excel-examples.ts";
import { code, generatedHeader, num, pct, table, text } from "./markdown.ts";

export interface ParameterMeta {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
  readonly type?: string;
  readonly dimensionality?: "scalar" | "matrix";
  readonly customEnumId?: string;
}
export interface FunctionMeta {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly helpUrl?: string;
  readonly parameters: readonly ParameterMeta[];
  readonly result?: { readonly dimensionality?: string };
}
export interface EnumMeta {
  readonly id: string;
  readonly values: readonly { readonly name: string; readonly stringValue?: string; readonly tooltip?: string }[];
}
export interface Metadata {
  readonly functions: readonly FunctionMeta[];
  readonly enums?: readonly EnumMeta[];
}

type Wrapper = (...args: unknown[]) => unknown;

/** What the generator knows about one function beyond functions.json, read from functions.ts. */
export interface FunctionSource {
  readonly functionName: string;
  /** The JSDoc `@returns` text. */
  readonly returns: string;
  /** The @critmin/core function the wrapper calls. */
  readonly coreFunction: string | undefined;
}

export interface ExcelContext {
  readonly metadata: Metadata;
  readonly sources: ReadonlyMap<string, FunctionSource>;
  readonly wrappers: ReadonlyMap<string, Wrapper>;
  readonly namespace: string;
}

export const addinDir = fileURLToPath(new URL("../../../excel-addin", import.meta.url));

/** functions.json (as the add-in build makes it) and the wrappers, with the runtime stand-in installed. */
export async function loadExcel(): Promise<ExcelContext> {
  const { installStubRuntime } = await import("../../../excel-addin/scripts/runtime-stub.ts");
  if (!(globalThis as { CustomFunctions?: unknown }).CustomFunctions) installStubRuntime();
  const { generateMetadata } = await import("../../../excel-addin/scripts/build.ts");
  const functions = (await import("../../../excel-addin/src/functions/functions.ts")) as unknown as Record<
    string,
    Wrapper
  >;
  const { json, associate } = await generateMetadata();
  const metadata = JSON.parse(json) as Metadata;
  const source = readFileSync(path.join(addinDir, "src/functions/functions.ts"), "utf8");
  const sources = new Map<string, FunctionSource>();
  const wrappers = new Map<string, Wrapper>();
  for (const { id, functionName } of associate) {
    const fn = functions[functionName];
    if (typeof fn !== "function") throw new Error(`functions.ts exports no function ${functionName} (for ${id})`);
    wrappers.set(id, fn);
    sources.set(id, { functionName, ...readSource(source, id, functionName) });
  }
  return { metadata, sources, wrappers, namespace: "CRITMIN" };
}

function readSource(source: string, id: string, functionName: string): Omit<FunctionSource, "functionName"> {
  const doc =
    new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*?@customfunction ${id}\\b[\\s\\S]*?)\\*/`).exec(source)?.[1] ?? "";
  const returns = /@returns\s+([^\n]*)/.exec(doc)?.[1]?.trim() ?? "";
  const start = source.indexOf(`export function ${functionName}(`);
  const end = source.indexOf("\nexport function ", start + 1);
  const body = start < 0 ? "" : source.slice(start, end < 0 ? undefined : end);
  const coreFunction = /\bcore\s*\.\s*([a-z]\w*)\s*\(/.exec(body)?.[1];
  return { returns, coreFunction };
}

// ---------------------------------------------------------------------------------------------
// Calling a function as Excel does, and showing what comes back

export interface ShownCell {
  /** What the cell shows: the value, or the error code. */
  readonly value: string;
  /** The error message, for an error. */
  readonly message?: string;
  readonly kind: "number" | "text" | "boolean" | "error" | "blank";
}

function isExcelError(value: unknown): value is { code: string; message: string } {
  return value instanceof Error && typeof (value as { code?: unknown }).code === "string";
}

export function showCell(value: unknown): ShownCell {
  if (isExcelError(value)) return { value: value.code, message: value.message, kind: "error" };
  if (typeof value === "number") return { value: String(value), kind: "number" };
  if (typeof value === "boolean") return { value: value ? "TRUE" : "FALSE", kind: "boolean" };
  if (value === "" || value === null || value === undefined) return { value: "", kind: "blank" };
  return { value: String(value), kind: "text" };
}

/** Calls the wrapper with every declared parameter (null when left out), ranges as 2-D arrays. */
export function callAsExcel(meta: FunctionMeta, fn: Wrapper, args: readonly ExcelArg[]): ShownCell[][] {
  const values = meta.parameters.map((p, i) => {
    const arg = i < args.length ? args[i]! : null;
    return p.dimensionality === "matrix" && !Array.isArray(arg) ? [[arg]] : arg;
  });
  const out = fn(...values);
  if (!Array.isArray(out) || !out.every(Array.isArray))
    throw new Error(`${meta.id} returned ${String(out)}, not a 2-D array`);
  return (out as unknown[][]).map((row) => row.map(showCell));
}

function formulaArg(arg: ExcelArg): string {
  if (arg === null) return "";
  if (typeof arg === "string") return `"${arg.replaceAll('"', '""')}"`;
  if (typeof arg === "boolean") return arg ? "TRUE" : "FALSE";
  if (typeof arg === "number") return String(arg);
  return `{${arg.map((row) => row.map((v) => formulaArg(v)).join(",")).join(";")}}`;
}

export function formula(namespace: string, id: string, args: readonly ExcelArg[]): string {
  const trimmed = [...args];
  while (trimmed.length > 0 && trimmed.at(-1) === null) trimmed.pop();
  return `=${namespace}.${id}(${trimmed.map(formulaArg).join(", ")})`;
}

export interface ComputedExample {
  readonly id: string;
  readonly formula: string;
  readonly args: readonly ExcelArg[];
  readonly note?: string;
  readonly cells: ShownCell[][];
}

export function computeExamples(
  ctx: ExcelContext,
  id: string,
  examples: readonly ExcelExample[] = EXCEL_EXAMPLES[id] ?? [],
): ComputedExample[] {
  const meta = ctx.metadata.functions.find((f) => f.id === id);
  const fn = ctx.wrappers.get(id);
  if (!meta || !fn) throw new Error(`no function ${id}`);
  return examples.map((e) => ({
    id,
    formula: formula(ctx.namespace, id, e.args),
    args: e.args,
    ...(e.note ? { note: e.note } : {}),
    cells: callAsExcel(meta, fn, e.args),
  }));
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

// ---------------------------------------------------------------------------------------------
// Pages

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

function isTable(meta: FunctionMeta, source: FunctionSource | undefined): boolean {
  return (
    meta.parameters[0]?.dimensionality !== "matrix" &&
    /header row/i.test(`${meta.description ?? ""} ${source?.returns ?? ""}`)
  );
}

function gloss(id: string, cell: ShownCell): string {
  if (cell.kind !== "number") return "";
  const n = Number(cell.value);
  if (PERCENT_FUNCTIONS.has(id) && Math.abs(n) <= 10) return ` (${pct(n)})`;
  if (TONNE_FUNCTIONS.has(id)) return ` (${num(n, 0)} t)`;
  return "";
}

function cellMarkdown(id: string, cell: ShownCell): string {
  if (cell.kind === "error") return `**${code(cell.value)}** ${text(cell.message ?? "")}`;
  if (cell.kind === "blank") return "";
  if (cell.kind === "text") return text(cell.value);
  return `${code(cell.value)}${gloss(id, cell)}`;
}

const MAX_ROWS = 12;

function gridMarkdown(
  id: string,
  example: ComputedExample,
  tableFunction: boolean,
  inputName: string | undefined,
): string {
  const rows = example.cells;
  const range = Array.isArray(example.args[0])
    ? (example.args[0] as readonly (readonly (string | number | boolean)[])[])
    : undefined;
  let header: string[];
  let body: string[][];
  if (tableFunction && rows.length > 0 && rows[0]!.every((c) => c.kind === "text")) {
    header = rows[0]!.map((c) => text(c.value));
    body = rows.slice(1).map((r) => r.map((c) => cellMarkdown(id, c)));
  } else if (range && range.length === rows.length && rows.every((r) => r.length === 1)) {
    header = [`${inputName ?? "input"} (the range)`, "Result (spilled)"];
    body = rows.map((r, i) => [text(range[i]!.join(", ")), cellMarkdown(id, r[0]!)]);
  } else {
    header = rows[0]!.map((_, i) => `column ${i + 1}`);
    body = rows.map((r) => r.map((c) => cellMarkdown(id, c)));
  }
  const more =
    body.length > MAX_ROWS
      ? `\n\n… and ${body.length - MAX_ROWS} more rows (${rows.length} rows spilled in all, header included).`
      : "";
  return `${table(header, body.slice(0, MAX_ROWS))}${more}`;
}

/** The formula, linked to its page when asked, with the example's note under it. */
function formulaCell(e: ComputedExample, link = false): string {
  const f = link ? `[${code(e.formula)}](/excel/${e.id})` : code(e.formula);
  return e.note ? `${f}<br><small>${text(e.note)}</small>` : f;
}

function examplesMarkdown(
  id: string,
  examples: readonly ComputedExample[],
  tableFunction: boolean,
  inputName: string | undefined,
): string {
  const scalar = examples.filter((e) => e.cells.length === 1 && e.cells[0]!.length === 1);
  const parts: string[] = [];
  if (scalar.length > 0) {
    parts.push(
      table(
        ["Formula", "Result"],
        scalar.map((e) => [formulaCell(e), cellMarkdown(id, e.cells[0]![0]!)]),
      ),
    );
  }
  for (const e of examples.filter((x) => !scalar.includes(x))) {
    parts.push(
      `${code(e.formula)}${e.note ? `: ${text(e.note)}` : ""}\n\n${gridMarkdown(id, e, tableFunction, inputName)}`,
    );
  }
  return parts.join("\n\n");
}

/** Where the methodology explains a function. */
const METHOD: Record<string, string> = {
  CHINA_SHARE: "shares",
  SHARE: "shares",
  PRODUCTION: "shares",
  GROUP_SHARE: "group-share",
  SHARE_CHANGE: "shares",
  HHI: "hhi",
  CONCENTRATION_RATIO: "concentration-ratio",
  EFFECTIVE_SUPPLIERS: "hhi",
  TOP_PRODUCERS: "shares",
  SUPPLY_AT_RISK: "supply-at-risk",
  COVERAGE_WITHOUT: "coverage-without",
  DIVERSIFICATION_GAP: "diversification-gap",
  CRMA_CHECK: "crma-benchmark",
  TECH_EXPOSURE: "technology-exposure",
  TECH_EXPOSURE_TABLE: "technology-exposure",
  SUPPLY_RISK: "eu-supply-risk",
  ECONOMIC_IMPORTANCE: "eu-supply-risk",
  IMPORT_RELIANCE: "import-reliance",
  DEMAND: "demand",
  RESERVES: "shares",
  SOURCE: "which-edition-answers",
};

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
  for (const meta of ctx.metadata.functions) {
    const id = meta.id;
    const source = ctx.sources.get(id);
    const listed = EXCEL_EXAMPLES[id] ?? [];
    const examples = computeExamples(ctx, id, listed);
    const probes = computeExamples(ctx, id, errorProbes(meta, listed));
    const valueProbe = examples
      .concat(probes)
      .flatMap((e) => e.cells.flat().map((c) => ({ e, c })))
      .find((x) => x.c.value === "#VALUE!");
    const naProbe = examples
      .concat(probes)
      .flatMap((e) => e.cells.flat().map((c) => ({ e, c })))
      .find((x) => x.c.value === "#N/A");
    all.push(...examples);
    const tableFunction = isTable(meta, source);
    const syntax = `=${ctx.namespace}.${id}(${meta.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    const first = meta.parameters[0];
    const shape = tableFunction
      ? `It spills down and right from the formula's cell${examples[0]?.cells[0] && examples[0].cells[0].every((c) => c.kind === "text") ? `; the first row holds the headers ${examples[0].cells[0].map((c) => code(c.value)).join(", ")}` : ""}.`
      : first?.dimensionality === "matrix"
        ? `One value per cell of ${code(first.name)}: a single cell gives one value; a range spills a result of the same shape, each cell answered (or failing) on its own.`
        : "One value.";
    const format = PERCENT_FUNCTIONS.has(id)
      ? " Shares are fractions from 0 to 1: format the cell as a percentage."
      : TONNE_FUNCTIONS.has(id)
        ? " Volumes are metric tonnes of content on the source's basis."
        : "";
    const errors = [
      `- **${code("#VALUE!")}**: an argument is wrong: an unknown name (the message suggests the nearest valid one), text where a number is expected, a number out of range, or a range where a single value is expected.${valueProbe ? ` For example ${code(valueProbe.e.formula)} gives ${code("#VALUE!")} with the message “${text(valueProbe.c.message ?? "")}”.` : ""}`,
      tableFunction || meta.parameters.length === 0
        ? `- **${code("#N/A")}**: the dataset has nothing to list (not expected with the bundled data).`
        : `- **${code("#N/A")}**: the data does not exist (no edition has this mineral, stage, year or country), with the reason in the message. Missing data is never shown as 0.${naProbe ? ` For example ${code(naProbe.e.formula)} gives ${code("#N/A")} with the message “${text(naProbe.c.message ?? "")}”.` : ""}`,
    ];
    const sdk = source?.coreFunction
      ? `In code the same number comes from ${code(`${source.coreFunction}()`)} in ${code("@critmin/core")}: see [${source.coreFunction}](/api/functions/${source.coreFunction}).`
      : "";
    const method = METHOD[id] ? ` How it is computed: [methodology](/methodology#${METHOD[id]}).` : "";
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
      `${text(source?.returns ?? "")}. ${shape}${format}`,
      "",
      "## Examples",
      "",
      `Each result below was computed when this page was built (dataset ${code(datasetVersion)}), by calling the add-in's own ${code(id)} function the way Excel calls it.`,
      "",
      examples.length > 0
        ? examplesMarkdown(id, examples, tableFunction, first?.name)
        : "_No examples yet: add some to packages/sdk-docs/scripts/lib/excel-examples.ts._",
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
      source?.coreFunction ? `[${code(source.coreFunction)}](/api/functions/${source.coreFunction})` : "",
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

// ---------------------------------------------------------------------------------------------
// Snippets for the hand-written guides (included with <!--@include: …-->), computed the same way.

const GUIDE_SNIPPETS: Readonly<Record<string, readonly (readonly [id: string, example: ExcelExample])[]>> = {
  "first-formulas": [
    [
      "CHINA_SHARE",
      {
        args: ["cobalt"],
        note: "China's share of cobalt refining: the newest edition with data, its latest observed year.",
      },
    ],
    ["SOURCE", { args: ["cobalt"], note: "Where that number comes from: the citation, edition and cell." }],
    ["SHARE", { args: ["lithium", "Australia", "mining"], note: "Any country, by name, ISO code or alias." }],
    ["HHI", { args: ["rare earths", "mining"], note: "How concentrated a stage is (0–10,000)." }],
    [
      "SUPPLY_AT_RISK",
      { args: ["cobalt", "China", 0.5], note: "Share of world refining lost if China halved its output." },
    ],
  ],
  spill: [
    [
      "CHINA_SHARE",
      {
        args: [col("cobalt", "lithium", "nickel", "graphite", "copper", "rare earths")],
        note: "The minerals in A2:A7; the formula sits in B2 and fills B2:B7.",
      },
    ],
  ],
  "table-spill": [
    [
      "TOP_PRODUCERS",
      { args: ["nickel", null, 3], note: "A table function: the header row and three rows spill from one cell." },
    ],
  ],
  pin: [
    [
      "CHINA_SHARE",
      { args: ["cobalt", "refining", 2023, "iea-cmde-2024"], note: "Pinned: the same value in every later release." },
    ],
    [
      "CHINA_SHARE",
      { args: ["cobalt", "refining", 2024, "iea-cmde-2025"], note: "The newer edition, for comparison." },
    ],
    ["CHINA_SHARE", { args: ["cobalt"], note: "Not pinned: follows the newest edition with data." }],
    ["DATA_VERSION", { args: [], note: "The dataset release the add-in carries." }],
  ],
  errors: [
    ["CHINA_SHARE", { args: ["cobalt", null, 2019], note: "Data that does not exist." }],
    ["CHINA_SHARE", { args: ["cobolt"], note: "A name critmin does not know." }],
  ],
};

function col(...values: string[]): string[][] {
  return values.map((v) => [v]);
}

/** parts/excel-<name>.md for the guides, and the examples they show. */
export function guideSnippets(ctx: ExcelContext): { files: Map<string, string>; examples: ComputedExample[] } {
  const files = new Map<string, string>();
  const examples: ComputedExample[] = [];
  for (const [name, list] of Object.entries(GUIDE_SNIPPETS)) {
    const computed = list.map(([id, e]) => computeExamples(ctx, id, [e])[0]!);
    examples.push(...computed);
    const scalar = computed.filter((e) => e.cells.length === 1 && e.cells[0]!.length === 1);
    const grids = computed.filter((e) => !scalar.includes(e));
    const parts: string[] = [];
    if (scalar.length > 0)
      parts.push(
        table(
          ["Formula", "Result"],
          scalar.map((e) => [formulaCell(e, true), cellMarkdown(e.id, e.cells[0]![0]!)]),
        ),
      );
    for (const e of grids) {
      const meta = ctx.metadata.functions.find((f) => f.id === e.id)!;
      parts.push(
        `[${code(e.formula)}](/excel/${e.id})${e.note ? `: ${text(e.note)}` : ""}\n\n${gridMarkdown(e.id, e, isTable(meta, ctx.sources.get(e.id)), meta.parameters[0]?.name)}`,
      );
    }
    files.set(
      `parts/excel-${name}.md`,
      `<!-- Generated by packages/sdk-docs/scripts/generate.ts: computed by the add-in's functions. -->\n${parts.join("\n\n")}\n`,
    );
  }
  return { files, examples };
}
