// 6. Range call vs per-cell: one CHINA_SHARE over an N-row range against N single-cell calls, N =
// 100k in a full run, measured twice, interleaved:
//   - the add-in function as Excel calls it (the built functions.js): one call with an N×1 matrix
//     against N calls with a 1×1 matrix;
//   - in HyperFormula: one spilling =CRITMIN.CHINA_SHARE(A1:A<N>) against N formulas
//     =CRITMIN.CHINA_SHARE(A<i>), building the workbook (parse and evaluation).
// No goal in the issue; the ratio says whether a range call amortises anything.
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { Core } from "./builds.ts";
import { callAsExcel, registerCritmin, type AddinBundle } from "./excel.ts";
import { interleavedTasks, round, summarize, type Mode, type Samples } from "./lib.ts";

export interface RangeCallResult {
  readonly unit: "ms";
  readonly rows: number;
  readonly inputs: readonly string[];
  readonly direct: { readonly range: Samples; readonly perCell: Samples; readonly perCellVsRange: number };
  readonly hyperformula: { readonly range: Samples; readonly perCell: Samples; readonly perCellVsRange: number };
}

// What users type in a column of minerals; each has an answer.
const INPUTS = ["cobalt", "Lithium", "nickel", "graphite", "rare earths", "Copper", "manganese", "gallium"];

const CONFIG = { licenseKey: "gpl-v3", smartRounding: false, maxRows: 1_000_000 } as const;

export async function measureRangeCall(core: Core, bundle: AddinBundle, mode: Mode): Promise<RangeCallResult> {
  registerCritmin(bundle);
  const rows = mode === "quick" ? 2_000 : 100_000;
  const column = Array.from({ length: rows }, (_, i) => INPUTS[i % INPUTS.length]!);
  const expected = INPUTS.map((m) => core.chinaShare(m));
  const check = (values: readonly unknown[]) => {
    values.forEach((v, i) => {
      if (v !== expected[i % INPUTS.length])
        throw new Error(`bench: CHINA_SHARE row ${i + 1} gave ${String(v)}, expected ${expected[i % INPUTS.length]}`);
    });
  };

  const direct = {
    range: () => {
      const out = callAsExcel(bundle, "CHINA_SHARE", [column.map((m) => [m])]);
      return out.map((r) => r[0]);
    },
    perCell: () => column.map((m) => callAsExcel(bundle, "CHINA_SHARE", [[[m]]])[0]![0]),
  };
  const sheet = (range: boolean): RawCellContent[][] =>
    column.map((m, i) => [
      m,
      range ? (i === 0 ? `=CRITMIN.CHINA_SHARE(A1:A${rows})` : null) : `=CRITMIN.CHINA_SHARE(A${i + 1})`,
    ]);
  const inHf = (range: boolean) => {
    const content = sheet(range);
    const t0 = performance.now();
    const hf = HyperFormula.buildFromArray(content, CONFIG);
    const ms = performance.now() - t0;
    const values = hf
      .getRangeValues({ start: { sheet: 0, row: 0, col: 1 }, end: { sheet: 0, row: rows - 1, col: 1 } })
      .map((r) => r[0]);
    hf.destroy();
    return { ms, values };
  };

  // Correctness first (and warm-up): all four give the dataset's answers.
  check(direct.range());
  check(direct.perCell());
  check(inHf(true).values);
  check(inHf(false).values);

  const timed = (f: () => unknown) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const directRounds = mode === "quick" ? 3 : 15;
  const d = await interleavedTasks(["range", "perCell"] as const, directRounds, (w) => timed(direct[w]));
  const hfRounds = mode === "quick" ? 2 : 5;
  const h = await interleavedTasks(["range", "perCell"] as const, hfRounds, (w) => inHf(w === "range").ms);
  const dr = summarize(d.range, "ms");
  const dp = summarize(d.perCell, "ms");
  const hr = summarize(h.range, "ms");
  const hp = summarize(h.perCell, "ms");
  return {
    unit: "ms",
    rows,
    inputs: INPUTS,
    direct: { range: dr, perCell: dp, perCellVsRange: round(dp.median / dr.median) },
    hyperformula: { range: hr, perCell: hp, perCellVsRange: round(hp.median / hr.median) },
  };
}
