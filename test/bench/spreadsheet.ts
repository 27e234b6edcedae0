// 5. Against what an economist would otherwise do, in HyperFormula: N questions "what is this
// country's share of this mineral at this stage" answered by
//   - CRITMIN: =CRITMIN.SHARE(A2, B2, C2) over the question's three cells (the built add-in);
//   - native lookups over the supply dataset pasted as a sheet (every row, with a key column the
//     way one would build it), given the edition and year CRITMIN resolves by itself:
//     XLOOKUP, INDEX-MATCH, and SUMIFS on six criteria.
// Timed: building the workbook (parse and first evaluation) plus a full recalculation
// (rebuildAndRecalculate). Every answer is checked against the dataset before it counts.
// Goal: CRITMIN ≤ 0.5× the fastest native workbook (10k questions), growing linearly with N.
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { Core } from "./builds.ts";
import { registerCritmin, type AddinBundle } from "./excel.ts";
import { rowKey } from "./hotPath.ts";
import { interleavedTasks, log, round, summarize, type Mode, type Samples } from "./lib.ts";

export const WORKBOOKS = ["critmin", "xlookup", "indexMatch", "sumifs"] as const;
export type Workbook = (typeof WORKBOOKS)[number];

export interface WorkbookTiming {
  readonly formulas: number;
  readonly build: Samples;
  readonly recalc: Samples;
  /** build + recalc per round. */
  readonly total: Samples;
  /** median total ÷ formulas, in µs. */
  readonly perFormulaUs: number;
  /** Answers equal to the dataset's share, of those checked (all of them). */
  readonly correct: number;
}

export interface SpreadsheetSize {
  readonly questions: number;
  /** Rounds of the most repeated workbook; each workbook's own count is its `total.n`. */
  readonly rounds: number;
  readonly workbooks: Partial<Record<Workbook, WorkbookTiming>>;
  /** Native workbooks not run at this size (too slow to repeat), with why. */
  readonly skipped: Partial<Record<Workbook, string>>;
  /** median(CRITMIN) ÷ median(fastest native run at this size). */
  readonly critminVsFastestNative: number;
  readonly fastestNative: Workbook;
}

export interface SpreadsheetResult {
  readonly unit: "ms";
  readonly dataRows: number;
  readonly distinctQuestions: number;
  readonly sizes: readonly SpreadsheetSize[];
  /** The size the headline ratio is taken at (10k in a full run). */
  readonly headlineQuestions: number;
  /** CRITMIN's µs per formula at the largest size ÷ at the smallest: 1 is linear. */
  readonly critminPerFormulaGrowth: number;
}

interface Question {
  readonly mineral: string;
  readonly country: string;
  readonly stage: string;
  readonly edition: string;
  readonly year: number;
  readonly share: number;
}

/** Every country's share in every block CRITMIN's default resolution picks (one per mineral and stage). */
export function questions(core: Core): Question[] {
  const out: Question[] = [];
  const pairs = new Set<string>();
  for (const r of core.dataset().supply) if (r.measure === "production") pairs.add(`${r.mineral}|${r.stage}`);
  for (const pair of [...pairs].sort()) {
    const [mineral, stage] = pair.split("|") as [string, "mining" | "refining"];
    const resolved = core.resolveSource({ mineral, stage });
    if (!resolved.ok) continue;
    const { edition, year } = resolved.resolution;
    for (const r of core.dataset().supply) {
      if (
        r.edition !== edition ||
        r.mineral !== mineral ||
        r.stage !== stage ||
        r.measure !== "production" ||
        r.year !== year
      )
        continue;
      if (r.share === null || r.country === "WORLD" || r.country === "ROW") continue;
      out.push({ mineral, country: r.country, stage, edition, year, share: r.share });
    }
  }
  return out;
}

const CONFIG = { licenseKey: "gpl-v3", smartRounding: false, maxRows: 1_000_000 } as const;

function dataSheet(core: Core): RawCellContent[][] {
  const seen = new Set<string>();
  return core.dataset().supply.map((r) => {
    const key = rowKey(r.edition, r.mineral, r.stage, r.measure, r.country, r.year);
    if (seen.has(key)) throw new Error(`bench: the native key is not unique: ${key}`);
    seen.add(key);
    return [key, r.share, r.edition, r.mineral, r.stage, r.measure, r.country, r.year];
  });
}

function formula(workbook: Workbook, row: number, dataRows: number): string {
  const col = (c: string) => `Data!$${c}$1:$${c}$${dataRows}`;
  const key = `D${row}&"|"&A${row}&"|"&C${row}&"|production|"&B${row}&"|"&E${row}`;
  switch (workbook) {
    case "critmin":
      return `=CRITMIN.SHARE(A${row},B${row},C${row})`;
    case "xlookup":
      return `=XLOOKUP(${key},${col("A")},${col("B")})`;
    case "indexMatch":
      return `=INDEX(${col("B")},MATCH(${key},${col("A")},0))`;
    case "sumifs":
      return `=SUMIFS(${col("B")},${col("C")},D${row},${col("D")},A${row},${col("E")},C${row},${col("F")},"production",${col("G")},B${row},${col("H")},E${row})`;
  }
}

/** The workbook's sheets: CRITMIN needs only the questions; the native ones also the pasted data. */
function sheets(
  workbook: Workbook,
  qs: readonly Question[],
  n: number,
  data: RawCellContent[][],
): Record<string, RawCellContent[][]> {
  const rows: RawCellContent[][] = [];
  for (let i = 0; i < n; i++) {
    const q = qs[i % qs.length]!;
    const r = i + 1;
    rows.push(
      workbook === "critmin"
        ? [q.mineral, q.country, q.stage, formula(workbook, r, data.length)]
        : [q.mineral, q.country, q.stage, q.edition, q.year, formula(workbook, r, data.length)],
    );
  }
  return workbook === "critmin" ? { Questions: rows } : { Data: data, Questions: rows };
}

function runWorkbook(
  workbook: Workbook,
  qs: readonly Question[],
  n: number,
  data: RawCellContent[][],
): { build: number; recalc: number; correct: number } {
  const content = sheets(workbook, qs, n, data);
  const t0 = performance.now();
  const hf = HyperFormula.buildFromSheets(content, CONFIG);
  const t1 = performance.now();
  hf.rebuildAndRecalculate();
  const t2 = performance.now();
  const sheet = hf.getSheetId("Questions")!;
  const answerCol = workbook === "critmin" ? 3 : 5;
  let correct = 0;
  for (let i = 0; i < n; i++)
    if (hf.getCellValue({ sheet, row: i, col: answerCol }) === qs[i % qs.length]!.share) correct++;
  hf.destroy();
  return { build: t1 - t0, recalc: t2 - t1, correct };
}

export async function measureSpreadsheet(core: Core, bundle: AddinBundle, mode: Mode): Promise<SpreadsheetResult> {
  registerCritmin(bundle);
  const qs = questions(core);
  const data = dataSheet(core);
  // Per size: how many rounds of each workbook (interleaved while any has rounds left), and the
  // native workbooks left out where one build takes minutes. In HyperFormula 3.5 a native lookup
  // over the 6k-row column costs some 4–6 ms a formula (build + recalculation), SUMIFS some 35 ms,
  // and all grow linearly (see perFormulaUs at the sizes where they ran). A full run takes 15–20
  // minutes, most of it the one 100k INDEX-MATCH workbook.
  const slow100k =
    "too slow to repeat: one 100k native workbook takes 8–15 min here; linear, see its per-formula time at 1k and 10k";
  const plan: readonly {
    n: number;
    rounds: Partial<Record<Workbook, number>>;
    skip?: Partial<Record<Workbook, string>>;
  }[] =
    mode === "quick"
      ? [
          { n: 30, rounds: { critmin: 2, xlookup: 1, indexMatch: 1, sumifs: 1 } },
          {
            n: 120,
            rounds: { critmin: 2, xlookup: 1, indexMatch: 1 },
            skip: { sumifs: "quick mode: SUMIFS only at the smallest size" },
          },
        ]
      : [
          { n: 1_000, rounds: { critmin: 7, xlookup: 3, indexMatch: 3, sumifs: 1 } },
          {
            n: 10_000,
            rounds: { critmin: 5, xlookup: 2, indexMatch: 2 },
            skip: {
              sumifs:
                "too slow to repeat: one 10k SUMIFS workbook takes ≈ 6 min here; linear, see its 1k per-formula time",
            },
          },
          { n: 100_000, rounds: { critmin: 3, indexMatch: 1 }, skip: { xlookup: slow100k, sumifs: slow100k } },
        ];
  // Warm every workbook type once (JIT, HyperFormula's caches, critmin's lazy indexes).
  for (const w of WORKBOOKS) runWorkbook(w, qs, 10, data);

  const sizes: SpreadsheetSize[] = [];
  for (const { n, rounds, skip = {} } of plan) {
    const names = WORKBOOKS.filter((w) => rounds[w]);
    const parts = Object.fromEntries(
      names.map((w) => [w, { build: [] as number[], recalc: [] as number[], correct: n }]),
    ) as Record<Workbook, { build: number[]; recalc: number[]; correct: number }>;
    const maxRounds = Math.max(...names.map((w) => rounds[w]!));
    const totals = await interleavedTasks(names, maxRounds, (w, round) => {
      if (round >= rounds[w]!) return Number.NaN;
      const r = runWorkbook(w, qs, n, data);
      parts[w].build.push(r.build);
      parts[w].recalc.push(r.recalc);
      parts[w].correct = Math.min(parts[w].correct, r.correct);
      log(`spreadsheet ${w} ×${n}: ${Math.round(r.build + r.recalc)} ms`);
      return r.build + r.recalc;
    });
    const workbooks: Partial<Record<Workbook, WorkbookTiming>> = {};
    for (const w of names) {
      const total = summarize(
        totals[w].filter((x) => !Number.isNaN(x)),
        "ms",
      );
      workbooks[w] = {
        formulas: n,
        build: summarize(parts[w].build, "ms"),
        recalc: summarize(parts[w].recalc, "ms"),
        total,
        perFormulaUs: round((total.median * 1000) / n),
        correct: parts[w].correct,
      };
    }
    const natives = names.filter((w) => w !== "critmin");
    const fastestNative = natives.reduce((a, b) => (workbooks[a]!.total.median <= workbooks[b]!.total.median ? a : b));
    sizes.push({
      questions: n,
      rounds: maxRounds,
      workbooks,
      skipped: skip,
      fastestNative,
      critminVsFastestNative: round(workbooks.critmin!.total.median / workbooks[fastestNative]!.total.median),
    });
  }
  const headline = sizes.find((s) => s.questions === 10_000) ?? sizes.at(-1)!;
  return {
    unit: "ms",
    dataRows: data.length,
    distinctQuestions: qs.length,
    sizes,
    headlineQuestions: headline.questions,
    critminPerFormulaGrowth: round(
      sizes.at(-1)!.workbooks.critmin!.perFormulaUs / sizes[0]!.workbooks.critmin!.perFormulaUs,
    ),
  };
}
