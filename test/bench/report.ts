// The results object (what results.json holds), the goals of the issue compared with the measured
// figures, and the table `pnpm bench` prints. Comparing is reporting: nothing here fails a run.
import type { ChromiumColdStart, NodeColdStart } from "./coldStart.ts";
import type { HotPathResult } from "./hotPath.ts";
import type { Machine, Mode } from "./lib.ts";
import type { RangeCallResult } from "./rangeCall.ts";
import type { Sizes } from "./sizes.ts";
import type { SpreadsheetResult } from "./spreadsheet.ts";
import type { StringPathResult } from "./stringPath.ts";

export interface Goal {
  readonly id: string;
  readonly goal: string;
  readonly measured: number;
  readonly unit: string;
  readonly limit: number;
  readonly met: boolean;
}

export interface Results {
  readonly schemaVersion: 1;
  readonly mode: Mode;
  readonly date: string;
  readonly machine: Machine;
  readonly durationMs: number;
  readonly ratios: {
    /** median(chinaShare or share, typed ids, the slower) ÷ median(Map.get), same run. */
    readonly hotPathVsMapGet: number;
    /** median(string path, the slower) ÷ median(Map.get), same run. */
    readonly stringPathVsMapGet: number;
    /** CRITMIN workbook ÷ the fastest native-lookup workbook (build + recalculation), at `spreadsheet.headlineQuestions` (10k in a full run). */
    readonly spreadsheetVsNativeLookup: number;
    /** N single-cell calls ÷ one N-row range call. */
    readonly rangePerCellVsRange: { readonly direct: number; readonly hyperformula: number };
  };
  readonly sizes: Sizes;
  readonly goals: readonly Goal[];
  readonly hotPath: HotPathResult;
  readonly stringPath: StringPathResult;
  readonly coldStart: { readonly node: NodeColdStart; readonly chromium: ChromiumColdStart };
  readonly spreadsheet: SpreadsheetResult;
  readonly rangeCall: RangeCallResult;
}

export type Measured = Omit<Results, "ratios" | "goals">;

/** 250 KB as size-limit reads "250 kB": 250 000 bytes. */
export const ADDIN_GZIP_BUDGET = 250_000;

/** A goal of the issue set against what was measured: met when the measured figure is at most the limit. */
export const goal = (id: string, text: string, measured: number, unit: string, limit: number): Goal => ({
  id,
  goal: text,
  measured,
  unit,
  limit,
  met: measured <= limit,
});

/** The cold-start and size goals, which `pnpm bench:startup` measures on their own. */
export function startupGoals(m: Pick<Measured, "sizes" | "coldStart">): Goal[] {
  return [
    goal(
      "coldStartNode",
      "Node: import @critmin/core + one answer ≤ 50 ms beyond an empty process",
      m.coldStart.node.beyondEmptyMs,
      "ms",
      50,
    ),
    goal(
      "coldStartChromium",
      "Chromium: functions.js loaded + first answer ≤ 50 ms beyond an empty page",
      m.coldStart.chromium.beyondEmptyMs,
      "ms",
      50,
    ),
    goal("addinSize", "add-in functions bundle ≤ 250 KB gzip", m.sizes.addinFunctionsGzipBytes, "B", ADDIN_GZIP_BUDGET),
  ];
}

export function complete(m: Measured): Results {
  const headline = m.spreadsheet.sizes.find((s) => s.questions === m.spreadsheet.headlineQuestions)!;
  const ratios = {
    hotPathVsMapGet: m.hotPath.ratios.worst,
    stringPathVsMapGet: Math.max(m.stringPath.ratiosVsMapGet.chinaShare, m.stringPath.ratiosVsMapGet.share),
    spreadsheetVsNativeLookup: headline.critminVsFastestNative,
    rangePerCellVsRange: {
      direct: m.rangeCall.direct.perCellVsRange,
      hyperformula: m.rangeCall.hyperformula.perCellVsRange,
    },
  };
  const goals = [
    goal("hotPath", "chinaShare/share with typed ids ≤ 5× a bare Map.get", ratios.hotPathVsMapGet, "×", 5),
    goal("stringPath", "the same queries from user strings ≤ 1 µs median", m.stringPath.worstMedianUs, "µs", 1),
    ...startupGoals(m),
    goal(
      "spreadsheet",
      `CRITMIN workbook ≤ 0.5× native lookups (${headline.questions} formulas)`,
      ratios.spreadsheetVsNativeLookup,
      "×",
      0.5,
    ),
    goal(
      "spreadsheetLinear",
      "CRITMIN workbook grows linearly (µs/formula largest ÷ smallest size ≤ 1.5)",
      m.spreadsheet.critminPerFormulaGrowth,
      "×",
      1.5,
    ),
  ];
  return {
    schemaVersion: m.schemaVersion,
    mode: m.mode,
    date: m.date,
    machine: m.machine,
    durationMs: m.durationMs,
    ratios,
    sizes: m.sizes,
    goals,
    hotPath: m.hotPath,
    stringPath: m.stringPath,
    coldStart: m.coldStart,
    spreadsheet: m.spreadsheet,
    rangeCall: m.rangeCall,
  };
}

const ns = (x: number) => (x >= 1000 ? `${(x / 1000).toPrecision(3)} µs` : `${x.toPrecision(3)} ns`);
const ms = (x: number) => `${x >= 100 ? Math.round(x) : x.toPrecision(3)} ms`;
const kb = (x: number) => `${(x / 1000).toFixed(1)} kB`;
const times = (x: number) => `${x >= 100 ? Math.round(x) : x.toPrecision(3)}×`;

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

export function renderTable(r: Results): string {
  const status = (id: string) => (r.goals.find((x) => x.id === id)!.met ? "met" : "MISSED");
  /** One measurement: what critmin took, what it is set against, and the goal it answers to, if any. */
  const row = (name: string, critmin: string, against = "", ratio = "", goal = "", goalId?: string) => [
    name,
    critmin,
    against,
    ratio,
    goal,
    goalId === undefined ? "" : status(goalId),
  ];
  const { hotPath: h, stringPath: s, coldStart: c, sizes: z, spreadsheet: w, rangeCall: rc } = r;
  const rows: string[][] = [["measurement", "critmin", "against", "ratio", "goal", ""]];
  for (const fn of ["chinaShare", "share"] as const) {
    const mapGet = `Map.get ${ns(h.mapGet.median)}`;
    rows.push(row(`1 hot path ${fn} (ids)`, ns(h[fn].median), mapGet, times(h.ratios[fn]), "≤ 5×", "hotPath"));
  }
  const { explain } = h;
  rows.push(
    row(
      "1 explain(chinaShare)",
      ns(explain.explain.median),
      `chinaShare ${ns(explain.chinaShare.median)}`,
      times(explain.vsChinaShare),
    ),
  );
  for (const fn of ["chinaShare", "share"] as const) {
    const mapGet = `Map.get ${ns(s.mapGet.median)}`;
    rows.push(row(`2 strings ${fn}`, ns(s[fn].median), mapGet, times(s.ratiosVsMapGet[fn]), "≤ 1 µs", "stringPath"));
  }
  const { node, chromium } = c;
  const cold = (name: string, page: number, empty: number, beyond: number, goalId: string) =>
    row(name, ms(page), `empty ${ms(empty)}`, `+${ms(beyond)}`, "≤ +50 ms", goalId);
  const parts = (name: string, figures: readonly number[]) => row(name, figures.map(ms).join(" / "));
  const { anyModule, coreImport, firstAnswer } = node.breakdownMs;
  rows.push(
    cold(
      "3 cold start Node (+1 answer)",
      node.importCoreAndAnswer.median,
      node.empty.median,
      node.beyondEmptyMs,
      "coldStartNode",
    ),
    parts("   of which any module / SDK / answer", [anyModule, coreImport, firstAnswer]),
    cold(
      "3 cold start Chromium add-in",
      chromium.addinPage.median,
      chromium.emptyPage.median,
      chromium.beyondEmptyMs,
      "coldStartChromium",
    ),
    parts("   of which load / answer", [chromium.bundleLoad.median, chromium.firstAnswer.median]),
    row("4 SDK ESM bundle", `${kb(z.sdkEsmGzipBytes)} gzip`, `${kb(z.sdkEsmBytes)} raw`),
    row(
      "4 add-in functions.js",
      `${kb(z.addinFunctionsGzipBytes)} gzip`,
      `${kb(z.addinFunctionsBytes)} raw`,
      "",
      "≤ 250 kB",
      "addinSize",
    ),
  );
  for (const size of w.sizes) {
    const crit = size.workbooks.critmin!;
    const natives = Object.entries(size.workbooks)
      .filter(([k]) => k !== "critmin")
      .map(([k, v]) => `${k} ${ms(v.total.median)}`)
      .join(", ");
    const ratio = times(size.critminVsFastestNative);
    const headline = size.questions === w.headlineQuestions;
    rows.push(
      row(
        `5 workbook ×${size.questions}`,
        ms(crit.total.median),
        natives,
        ratio,
        ...(headline ? (["≤ 0.5×", "spreadsheet"] as const) : []),
      ),
    );
  }
  const growth = `${w.sizes[0]!.questions} → ${w.sizes.at(-1)!.questions}`;
  rows.push(
    row("5 CRITMIN µs/formula growth", times(w.critminPerFormulaGrowth), growth, "", "linear", "spreadsheetLinear"),
  );
  for (const [label, call] of [
    ["direct", rc.direct],
    ["HyperFormula", rc.hyperformula],
  ] as const) {
    rows.push(
      row(
        `6 range ×${rc.rows} (${label})`,
        ms(call.range.median),
        `per cell ${ms(call.perCell.median)}`,
        times(call.perCellVsRange),
      ),
    );
  }
  const m = r.machine;
  const head = `critmin benchmarks (${r.mode}) ${r.date} — ${m.cpus.model} ×${m.cpus.count}, ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, ${m.os}, Node ${m.node}, Chromium ${m.chromium ?? "?"}, ${(r.durationMs / 1000).toFixed(0)} s`;
  return `${head}\n\n${table(rows)}\n`;
}
