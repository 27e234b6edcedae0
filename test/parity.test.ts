// Promise 1, "same function, same number": every CRITMIN.* custom function, called the way Excel
// calls it (the identifier as a 1×1 matrix, omitted optionals as null), answers exactly what
// @critmin/core answers for the same question, over every mineral, stage, country, year and
// edition in the bundled dataset (plus the default resolution and a few absent years, countries
// and bad arguments):
//   - a number or text from core → the same value (Object.is for numbers);
//   - `undefined` from core (no figure) → `#N/A`, with a reason;
//   - an error thrown by core (a bad question) → `#VALUE!` whose message carries core's message.
// Each function's cases are enumerated from the raw rows (`supplyRows`, `demandRows`,
// `indicatorRows`); the test title gives how many were checked.
import { afterAll, describe, expect, it } from "vitest";
import * as core from "../packages/core/src/index.ts";
import * as functions from "../packages/excel-addin/src/functions/functions.ts";
import { installStubRuntime, StubError } from "../packages/excel-addin/test/stub-runtime.ts";

// The CustomFunctions global the add-in finds in Excel: the shared test stand-in (same error codes).
installStubRuntime();

// Excel calls the functions untyped: strings for the @customenum parameters, null for omitted ones.
type ExcelFunction = (...args: unknown[]) => unknown[][];
const excel = functions as unknown as Record<keyof typeof functions, ExcelFunction>;

// ---------------------------------------------------------------------------------------------
// Comparing one Excel answer with one core answer.

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

function attempt(compute: () => unknown): Outcome {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    return { ok: false, error };
  }
}

const show = (v: unknown): string =>
  v instanceof StubError
    ? `${v.code}(${JSON.stringify(v.message)})`
    : typeof v === "number"
      ? String(v)
      : v === undefined
        ? "undefined"
        : JSON.stringify(v);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Excel shows at most 255 characters of a message: a longer one may arrive cut, ending in "...". */
function carries(excelMessage: string, coreMessage: string): boolean {
  if (excelMessage.includes(coreMessage)) return true;
  if (!excelMessage.endsWith("...") || excelMessage.length > 255) return false;
  const body = excelMessage.slice(0, -3);
  return body.length > 0 && [body, body.replace(/^internal error: /, "")].some((b) => coreMessage.startsWith(b));
}

/** Why an Excel cell is not the core outcome, or undefined when it is. */
function cellMismatch(cell: unknown, expected: Outcome): string | undefined {
  if (!expected.ok) {
    const message = errorText(expected.error);
    if (!(cell instanceof StubError) || cell.code !== "#VALUE!")
      return `core throws "${message}", Excel gives ${show(cell)}`;
    if (!carries(cell.message ?? "", message))
      return `core throws "${message}", Excel's #VALUE! says ${JSON.stringify(cell.message)}`;
    if (expected.error instanceof core.CritminError && (cell.message ?? "").startsWith("internal error")) {
      return `core's CritminError "${message}" reached Excel as an internal error (two copies of @critmin/core?)`;
    }
    if (!(expected.error instanceof core.CritminError))
      return `core throws a ${(expected.error as Error)?.name ?? typeof expected.error}, not a CritminError: "${message}"`;
    return undefined;
  }
  const value = expected.value;
  if (value === undefined) {
    if (!(cell instanceof StubError) || cell.code !== "#N/A")
      return `core returns undefined, Excel gives ${show(cell)}`;
    if (!cell.message) return "core returns undefined, Excel gives #N/A without a reason";
    return undefined;
  }
  if (cell instanceof StubError) return `core returns ${show(value)}, Excel gives ${show(cell)}`;
  return Object.is(cell, value) ? undefined : `core returns ${show(value)}, Excel gives ${show(cell)}`;
}

/** A 1×1 result compared with a scalar core outcome. */
function scalarMismatch(result: unknown[][], expected: Outcome): string | undefined {
  if (!Array.isArray(result) || result.length !== 1 || !Array.isArray(result[0]) || result[0].length !== 1) {
    return `Excel returns ${JSON.stringify(result)}, not a 1×1 matrix`;
  }
  return cellMismatch(result[0][0], expected);
}

type TableRows = readonly (readonly unknown[])[];

/** A spilled table compared with core rows: header, then each row with blanks as "", or one error cell. */
function tableMismatch(result: unknown[][], header: readonly string[], expected: Outcome): string | undefined {
  if (!expected.ok || expected.value === undefined) return scalarMismatch(result, expected);
  const rows = expected.value as TableRows;
  const want: unknown[][] = [[...header], ...rows.map((r) => header.map((_, i) => r[i] ?? ""))];
  if (result.length !== want.length) return `Excel returns ${result.length} rows, core ${want.length} (with header)`;
  for (let r = 0; r < want.length; r++) {
    const got = result[r]!;
    const row = want[r]!;
    if (got.length !== row.length) return `row ${r}: Excel has ${got.length} columns, core ${row.length}`;
    for (let c = 0; c < row.length; c++) {
      const why = cellMismatch(got[c], { ok: true, value: row[c] });
      if (why) return `row ${r} column ${c}: ${why}`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Suites: one per Excel function, each a list of Excel argument lists (identifier unwrapped).

type Args = readonly unknown[];
interface Suite {
  readonly fn: string;
  readonly cases: readonly Args[];
  readonly excel: (args: Args) => unknown[][];
  readonly core: (args: Args) => unknown;
  /** For table functions: the header row and how core's result becomes rows. */
  readonly table?: { readonly header: readonly string[]; readonly rows: (value: unknown) => TableRows };
  /** A floor on the number of cases, so a shrinking enumeration cannot pass quietly. */
  readonly atLeast: number;
  /** Whether the cases must include figures that do not exist (#N/A) and bad questions (#VALUE!); default both. */
  readonly exercises?: { readonly missing: boolean; readonly throws: boolean };
}

/** An options object as an SDK caller writes it: only the options given (Excel's nulls left out). */
function opts<T>(options: Record<string, unknown>): T {
  const given = Object.entries(options).filter(([, v]) => v !== null && v !== undefined);
  return (given.length === 0 ? undefined : Object.fromEntries(given)) as T;
}
const str = (v: unknown) => v as string;
const num = (v: unknown) => v as number;

interface Tally {
  checked: number;
  /** Core answered a value, `undefined` (no figure), or threw. */
  value: number;
  missing: number;
  throws: number;
}

function run(suite: Suite): { tally: Tally; mismatches: string[] } {
  const mismatches: string[] = [];
  const tally: Tally = { checked: 0, value: 0, missing: 0, throws: 0 };
  for (const args of suite.cases) {
    tally.checked++;
    const expected = attempt(() => suite.core(args));
    tally[!expected.ok ? "throws" : expected.value === undefined ? "missing" : "value"]++;
    let result: unknown[][];
    try {
      result = suite.excel(args);
    } catch (error) {
      mismatches.push(`${suite.fn}(${args.map(show).join(", ")}): Excel threw ${errorText(error)}`);
      continue;
    }
    const why = suite.table
      ? tableMismatch(
          result,
          suite.table.header,
          expected.ok && expected.value !== undefined
            ? { ok: true, value: suite.table.rows(expected.value) }
            : expected,
        )
      : scalarMismatch(result, expected);
    if (why) mismatches.push(`${suite.fn}(${args.map(show).join(", ")}): ${why}`);
  }
  return { tally, mismatches };
}

// ---------------------------------------------------------------------------------------------
// What the dataset holds.

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
const byNumber = (a: number, b: number) => a - b;
const product = <T>(...lists: readonly (readonly T[])[]): T[][] =>
  lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]]);

const supply = core.dataset().supply;
const demandRows = core.dataset().demand;
const indicators = core.dataset().indicators;

const SUPPLY_MINERALS = uniq(supply.map((r) => r.mineral)).sort();
/** Every mineral id, with or without supply rows. */
const ALL_MINERALS = uniq([...core.MINERALS, ...SUPPLY_MINERALS]);
const SUPPLY_YEARS = uniq(supply.map((r) => r.year)).sort(byNumber);
const ABSENT_YEAR = 1999;
const YEARS: readonly (number | null)[] = [null, ...SUPPLY_YEARS, ABSENT_YEAR];
const STAGES: readonly (string | null)[] = [null, ...core.STAGES];
const EDITIONS: readonly (string | null)[] = [null, ...core.EDITION_IDS];
const SCENARIOS: readonly (string | null)[] = [null, ...core.SCENARIOS];
const GROUP_IDS = core.groups().map((g) => g.id);
const ABSENT_COUNTRIES = ["ATA", "Atlantis"]; // a valid ISO code with no figures; an unknown name
const countryName = new Map(core.countryEntries.map((c) => [c.code, c.name]));

/** Every (mineral, stage, country) with a supply row. */
const MSC = uniq(supply.map((r) => `${r.mineral}|${r.stage}|${r.country}`)).map(
  (k) => k.split("|") as [string, string, string],
);
/** Every (mineral, stage) with a supply row, with its years and editions. */
const MS = new Map<string, { mineral: string; stage: string; years: Set<number>; editions: Set<string> }>();
for (const r of supply) {
  const key = `${r.mineral}|${r.stage}`;
  const entry = MS.get(key) ?? {
    mineral: r.mineral,
    stage: r.stage,
    years: new Set<number>(),
    editions: new Set<string>(),
  };
  entry.years.add(r.year);
  entry.editions.add(r.edition);
  MS.set(key, entry);
}

/** mineral × stage × year × edition (each with "omitted"), for every mineral. */
const SUPPLY_GRID = product<unknown>(ALL_MINERALS, STAGES, YEARS, EDITIONS) as [
  string,
  string | null,
  number | null,
  string | null,
][];
/** Bad questions every supply function must turn into #VALUE!: [mineral, stage, year, source]. */
const BAD_SUPPLY: readonly (readonly [string, string | null, number | null, string | null])[] = [
  ["cobolt", null, null, null],
  ["unobtainium", "mining", 2023, null],
  ["cobalt", "milling", null, null],
  ["cobalt", null, null, "iea-cmde-2099"],
  ["cobalt", null, 2023.5, null],
  ["cobalt", "refining", 1850, "iea-cmde-2024"],
];
const supplyCases = [...SUPPLY_GRID, ...BAD_SUPPLY];

const supplyOpts = (stage: unknown, year: unknown, source: unknown) =>
  opts<core.SupplyOptions>({ stage, year, source });

// ---------------------------------------------------------------------------------------------
// The suites.

const suites: Suite[] = [];

// CHINA_SHARE(mineral, [stage], [year], [source]); also every mineral's display name and aliases.
const mineralNames = core.mineralEntries.flatMap((m) => [m.name, ...m.aliases]);
suites.push({
  fn: "CHINA_SHARE",
  cases: [...supplyCases, ...mineralNames.map((n) => [n, null, null, null])],
  excel: ([m, stage, year, source]) => excel.chinaShare([[m]], stage, year, source),
  core: ([m, stage, year, source]) => core.chinaShare(str(m), supplyOpts(stage, year, source)),
  atLeast: 10_000,
});

// SHARE and PRODUCTION(mineral, country, [stage], [year], [source]).
const countryCases: Args[] = [
  ...MSC.flatMap(([m, s, c]) => product<unknown>([m], [c], [s], YEARS, EDITIONS)),
  // default stage, and the country by name rather than code
  ...uniq(MSC.map(([m, , c]) => `${m}|${c}`))
    .map((k) => k.split("|"))
    .flatMap(([m, c]) => [
      [m, c, null, null, null],
      [m, countryName.get(c!) ?? c, null, null, null],
    ]),
  // countries with no figure, or unknown
  ...[...MS.values()].flatMap(({ mineral, stage }) => ABSENT_COUNTRIES.map((c) => [mineral, c, stage, null, null])),
  ...BAD_SUPPLY.map(([m, s, y, e]) => [m, "CHN", s, y, e]),
];
suites.push({
  fn: "SHARE",
  cases: countryCases,
  excel: ([m, c, stage, year, source]) => excel.share([[m]], c, stage, year, source),
  core: ([m, c, stage, year, source]) => core.share(str(m), str(c), supplyOpts(stage, year, source)),
  atLeast: 100_000,
});
suites.push({
  fn: "PRODUCTION",
  cases: countryCases,
  excel: ([m, c, stage, year, source]) => excel.production([[m]], c, stage, year, source),
  core: ([m, c, stage, year, source]) => core.production(str(m), str(c), supplyOpts(stage, year, source)),
  atLeast: 100_000,
});

// HHI, EFFECTIVE_SUPPLIERS(mineral, [stage], [year], [source]).
suites.push({
  fn: "HHI",
  cases: supplyCases,
  excel: ([m, stage, year, source]) => excel.hhi([[m]], stage, year, source),
  core: ([m, stage, year, source]) => core.hhi(str(m), supplyOpts(stage, year, source)),
  atLeast: 10_000,
});
suites.push({
  fn: "EFFECTIVE_SUPPLIERS",
  cases: supplyCases,
  excel: ([m, stage, year, source]) => excel.effectiveSuppliers([[m]], stage, year, source),
  core: ([m, stage, year, source]) => core.effectiveSuppliers(str(m), supplyOpts(stage, year, source)),
  atLeast: 10_000,
});

// CONCENTRATION_RATIO(mineral, n, [stage], [year], [source]).
suites.push({
  fn: "CONCENTRATION_RATIO",
  cases: [
    ...SUPPLY_GRID.flatMap(([m, s, y, e]) => [1, 3, 5].map((n) => [m, n, s, y, e])),
    ...BAD_SUPPLY.map(([m, s, y, e]) => [m, 3, s, y, e]),
    ...[0, -1, 2.5].map((n) => ["cobalt", n, null, null, null]),
  ],
  excel: ([m, n, stage, year, source]) => excel.concentrationRatio([[m]], n, stage, year, source),
  core: ([m, n, stage, year, source]) => core.crN(str(m), num(n), supplyOpts(stage, year, source)),
  atLeast: 30_000,
});

// GROUP_SHARE(mineral, group, [stage], [year], [source]), every group.
suites.push({
  fn: "GROUP_SHARE",
  cases: [
    ...SUPPLY_GRID.flatMap(([m, s, y, e]) => GROUP_IDS.map((g) => [m, g, s, y, e])),
    ...BAD_SUPPLY.map(([m, s, y, e]) => [m, "G7", s, y, e]),
    ["cobalt", "G8", null, null, null],
    ["cobalt", "g7_plus", null, null, null],
  ],
  excel: ([m, g, stage, year, source]) => excel.groupShare([[m]], g, stage, year, source),
  core: ([m, g, stage, year, source]) => core.groupShare(str(m), str(g), supplyOpts(stage, year, source)),
  atLeast: 50_000,
});

// SHARE_CHANGE(mineral, country, fromYear, toYear, [stage], [source]): every ordered pair of the
// block's years (and an absent one), each edition of the block and the default.
suites.push({
  fn: "SHARE_CHANGE",
  cases: [
    ...MSC.flatMap(([m, s, c]) => {
      const block = MS.get(`${m}|${s}`)!;
      const years = [...block.years, ABSENT_YEAR].sort(byNumber);
      const pairs = product(years, years).filter(([a, b]) => a !== b || a === years[0]);
      return pairs.flatMap(([from, to]) => [null, ...block.editions].map((e) => [m, c, from, to, s, e]));
    }),
    ...uniq(MSC.map(([m, , c]) => `${m}|${c}`))
      .map((k) => k.split("|"))
      .map(([m, c]) => [m, c, 2023, 2024, null, null]),
    ["cobolt", "CHN", 2023, 2030, null, null],
    ["cobalt", "Atlantis", 2023, 2030, null, null],
    ["cobalt", "CHN", 2023, 2030, "milling", null],
    ["cobalt", "CHN", 2023, 2030, null, "iea-cmde-2099"],
    ["cobalt", "CHN", 2023.5, 2030, null, null],
  ],
  excel: ([m, c, from, to, stage, source]) => excel.shareChange([[m]], c, from, to, stage, source),
  core: ([m, c, from, to, stage, source]) =>
    core.shareChange(str(m), str(c), { from: num(from), to: num(to), ...opts<object>({ stage, source }) }),
  atLeast: 20_000,
});

// SUPPLY_AT_RISK(mineral, supplier, cut, [stage], [year], [source]).
suites.push({
  fn: "SUPPLY_AT_RISK",
  cases: [
    ...MSC.flatMap(([m, s, c]) => [0, 0.25, 1].map((cut) => [m, c, cut, s, null, null])),
    ...SUPPLY_GRID.map(([m, s, y, e]) => [m, "CHN", 0.5, s, y, e]),
    ...BAD_SUPPLY.map(([m, s, y, e]) => [m, "CHN", 0.5, s, y, e]),
    ...[1.5, -0.1].map((cut) => ["cobalt", "CHN", cut, null, null, null]),
    ["cobalt", "WORLD", 0.5, null, null, null],
    ["cobalt", "Atlantis", 0.5, null, null, null],
  ],
  excel: ([m, c, cut, stage, year, source]) => excel.supplyAtRisk([[m]], c, cut, stage, year, source),
  core: ([m, c, cut, stage, year, source]) =>
    core.supplyAtRisk(str(m), str(c), num(cut), supplyOpts(stage, year, source)),
  atLeast: 15_000,
});

// DIVERSIFICATION_GAP(mineral, [target], [supplier], [stage], [year], [source]).
suites.push({
  fn: "DIVERSIFICATION_GAP",
  cases: [
    ...SUPPLY_GRID.flatMap(([m, s, y, e]) => [null, 0.5, 1].map((t) => [m, t, null, s, y, e])),
    ...MSC.filter(([, , c]) => c !== "WORLD" && c !== "ROW").map(([m, s, c]) => [m, null, c, s, null, null]),
    ...BAD_SUPPLY.map(([m, s, y, e]) => [m, null, null, s, y, e]),
    ...[1.5, -0.2].map((t) => ["cobalt", t, null, null, null, null]),
    ["cobalt", null, "WORLD", null, null, null],
    ["cobalt", null, "Atlantis", null, null, null],
  ],
  excel: ([m, target, supplier, stage, year, source]) =>
    excel.diversificationGap([[m]], target, supplier, stage, year, source),
  core: ([m, target, supplier, stage, year, source]) =>
    core.diversificationGap(str(m), opts({ target, supplier, stage, year, source })),
  atLeast: 30_000,
});

// COVERAGE_WITHOUT(mineral, [supplier], [year], [scenario], [stage], [source]): IEA minerals with
// every supplier in the IEA blocks; other minerals with the default supplier.
const IEA_SUPPLIERS = new Map<string, string[]>();
for (const r of supply) {
  if (!r.edition.startsWith("iea-")) continue;
  IEA_SUPPLIERS.set(r.mineral, uniq([...(IEA_SUPPLIERS.get(r.mineral) ?? []), r.country]));
}
suites.push({
  fn: "COVERAGE_WITHOUT",
  cases: [
    ...SUPPLY_MINERALS.flatMap((m) => {
      const suppliers = [null, ...(IEA_SUPPLIERS.has(m) ? ["largest", ...IEA_SUPPLIERS.get(m)!] : [])];
      return product<unknown>([m], suppliers, YEARS, SCENARIOS, STAGES, EDITIONS);
    }),
    ["cobolt", null, null, null, null, null],
    ["cobalt", "Atlantis", null, null, null, null],
    ["cobalt", null, null, "XYZ", null, null],
    ["cobalt", null, null, null, "milling", null],
    ["cobalt", null, null, null, null, "iea-cmde-2099"],
  ],
  excel: ([m, supplier, year, scenario, stage, source]) =>
    excel.coverageWithout([[m]], supplier, year, scenario, stage, source),
  core: ([m, supplier, year, scenario, stage, source]) =>
    core.coverageWithout(str(m), opts({ supplier, year, demandScenario: scenario, stage, source })),
  atLeast: 50_000,
});

// DEMAND(mineral, [year], [scenario], [sector], [source]): every mineral × sector of the total-demand
// table, every year and scenario it has, each edition and the default; total-clean for the rest.
const totalDemand = demandRows.filter((r) => r.table === "total-demand");
const DEMAND_YEARS: readonly (number | null)[] = [null, ...uniq(totalDemand.map((r) => r.year)).sort(byNumber), 2027];
const demandPairs = uniq(totalDemand.map((r) => `${r.mineral}|${r.use}`)).map((k) => k.split("|"));
const cleanOnly = uniq(demandRows.filter((r) => r.table === "clean-tech-by-mineral").map((r) => r.mineral)).filter(
  (m) => !totalDemand.some((r) => r.mineral === m),
);
suites.push({
  fn: "DEMAND",
  cases: [
    ...demandPairs.flatMap(([m, use]) => product<unknown>([m], DEMAND_YEARS, SCENARIOS, [use], EDITIONS)),
    ...uniq(totalDemand.map((r) => r.mineral)).flatMap((m) =>
      product<unknown>([m], DEMAND_YEARS, SCENARIOS, [null], EDITIONS),
    ),
    ...cleanOnly.flatMap((m) => product<unknown>([m], DEMAND_YEARS, SCENARIOS, [null, "total-clean"], [null])),
    ...ALL_MINERALS.map((m) => [m, null, null, null, null]),
    ["cobolt", null, null, null, null],
    ["cobalt", null, null, "cars", null],
    ["cobalt", 2030, "XYZ", null, null],
    ["cobalt", null, null, null, "iea-cmde-2099"],
  ],
  excel: ([m, year, scenario, sector, source]) => excel.demand([[m]], year, scenario, sector, source),
  core: ([m, year, scenario, sector, source]) => core.demand(str(m), opts({ year, scenario, sector, source })),
  atLeast: 10_000,
});

// TECH_EXPOSURE and TECH_EXPOSURE_TABLE(technology, [year], [scenario], [stage], [source]).
const techRows = demandRows.filter((r) => r.table === "technology");
const TECH_YEARS: readonly (number | null)[] = [null, ...uniq(techRows.map((r) => r.year)).sort(byNumber), 2027];
const techCases: Args[] = [
  ...product<unknown>([...core.TECHNOLOGIES], TECH_YEARS, SCENARIOS, STAGES, EDITIONS),
  ...["EV", "solar PV", "wind", "battery storage", "grids", "hydrogen"].map((t) => [t, null, null, null, null]),
  ["teleporters", null, null, null, null],
  ["wind", 2030, "XYZ", null, null],
  ["wind", null, null, "milling", null],
  ["wind", null, null, null, "iea-cmde-2099"],
];
suites.push({
  fn: "TECH_EXPOSURE",
  cases: techCases,
  excel: ([t, year, scenario, stage, source]) => excel.techExposure([[t]], year, scenario, stage, source),
  core: ([t, year, scenario, stage, source]) =>
    core.techExposure(str(t), opts({ year, scenario, stage, source }))?.exposure,
  atLeast: 3_000,
});
suites.push({
  fn: "TECH_EXPOSURE_TABLE",
  cases: techCases,
  excel: ([t, year, scenario, stage, source]) => excel.techExposureTable(t, year, scenario, stage, source),
  core: ([t, year, scenario, stage, source]) => core.techExposure(str(t), opts({ year, scenario, stage, source })),
  table: {
    header: ["Mineral", "Demand (t)", "China share", "Weight"],
    rows: (v) => (v as core.TechExposure).breakdown.map((b) => [b.mineral, b.demandTonnes, b.chinaShare, b.weight]),
  },
  atLeast: 3_000,
});

// SUPPLY_RISK(material, [year], [stage]) and ECONOMIC_IMPORTANCE(material, [year]): every material ×
// assessment year of the EU study.
const scored = (indicator: string) => indicators.filter((r) => r.indicator === indicator);
const indicatorYears = (indicator: string): (number | null)[] => [
  null,
  ...uniq(scored(indicator).map((r) => r.year)).sort(byNumber),
  2000,
];
suites.push({
  fn: "SUPPLY_RISK",
  cases: [
    ...product<unknown>(uniq(scored("supply-risk").map((r) => r.mineral)), indicatorYears("supply-risk"), STAGES),
    ...ALL_MINERALS.map((m) => [m, null, null]),
    ["cobolt", null, null],
    ["cobalt", null, "milling"],
    ["cobalt", 2023.5, null],
  ],
  excel: ([m, year, stage]) => excel.supplyRisk([[m]], year, stage),
  core: ([m, year, stage]) => core.supplyRisk(str(m), opts({ year, stage })),
  atLeast: 1_500,
});
suites.push({
  fn: "ECONOMIC_IMPORTANCE",
  cases: [
    ...product<unknown>(
      uniq(scored("economic-importance").map((r) => r.mineral)),
      indicatorYears("economic-importance"),
    ),
    ...ALL_MINERALS.map((m) => [m, null]),
    ["cobolt", null],
    ["cobalt", 2023.5],
  ],
  excel: ([m, year]) => excel.economicImportance([[m]], year),
  core: ([m, year]) => core.economicImportance(str(m), opts({ year })),
  atLeast: 500,
});

// IMPORT_RELIANCE(mineral, economy, [stage]): every mineral × economy × stage (USA has no stage).
suites.push({
  fn: "IMPORT_RELIANCE",
  cases: [
    ...product<unknown>(ALL_MINERALS, ["EU", "USA", "US", "European Union", "Japan"], STAGES),
    ["cobolt", "EU", null],
  ],
  excel: ([m, economy, stage]) => excel.importReliance([[m]], economy, stage),
  core: ([m, economy, stage]) => core.importReliance(str(m), str(economy), opts({ stage })),
  atLeast: 1_000,
});

// CRMA_CHECK(mineral, [stage]): every mineral × stage (and all stages); the Excel value is `passes`.
suites.push({
  fn: "CRMA_CHECK",
  cases: [...product<unknown>(ALL_MINERALS, [null, ...STAGES]), ["cobolt", null], ["cobalt", "smelting"]],
  excel: ([m, stage]) => excel.crmaCheck([[m]], stage),
  core: ([m, stage]) => core.crmaCheck(str(m), stage === null ? undefined : str(stage))?.passes,
  atLeast: 200,
});

// RESERVES(mineral, country, [source]): every mineral × country with reserves rows.
const reserveRows = supply.filter((r) => r.measure === "reserves");
suites.push({
  fn: "RESERVES",
  cases: [
    ...product<unknown>(
      uniq(reserveRows.map((r) => r.mineral)),
      [...uniq(reserveRows.map((r) => r.country)), ...ABSENT_COUNTRIES],
      [null, ...uniq(reserveRows.map((r) => r.edition)), "iea-cmde-2025"],
    ),
    ["cobolt", "CHL", null],
    ["lithium", "CHL", "iea-cmde-2099"],
  ],
  excel: ([m, c, source]) => excel.reserves([[m]], c, source),
  core: ([m, c, source]) => core.reserves(str(m), str(c), opts({ source })),
  atLeast: 5_000,
});

// SOURCE(mineral, [stage], [year], [source], [country]) is cite(): China by default, or any country.
suites.push({
  fn: "SOURCE",
  cases: [
    ...supplyCases.map(([m, s, y, e]) => [m, s, y, e, null]),
    ...MSC.flatMap(([m, s, c]) => [
      [m, s, null, null, c],
      [m, s, Math.max(...MS.get(`${m}|${s}`)!.years), null, c],
    ]),
  ],
  excel: ([m, stage, year, source, country]) => excel.source([[m]], stage, year, source, country),
  core: ([m, stage, year, source, country]) =>
    core.cite(opts<core.ProvenanceQuery>({ mineral: m, stage, year, source, country })),
  atLeast: 15_000,
});

// TOP_PRODUCERS(mineral, [stage], [n], [year], [source]): the whole spilled table.
suites.push({
  fn: "TOP_PRODUCERS",
  cases: [
    ...SUPPLY_GRID.flatMap(([m, s, y, e]) => [null, 1, 3, 10].map((n) => [m, s, n, y, e])),
    ...BAD_SUPPLY.map(([m, s, y, e]) => [m, s, null, y, e]),
    ...[-1, 2.5].map((n) => ["cobalt", null, n, null, null]),
  ],
  excel: ([m, stage, n, year, source]) => excel.topProducers(m, stage, n, year, source),
  core: ([m, stage, n, year, source]) => core.topProducers(str(m), opts({ stage, n, year, source })),
  table: {
    header: ["Rank", "Country", "Name", "Share", "Tonnes"],
    rows: (v) => (v as readonly core.Producer[]).map((p) => [p.rank, p.country, p.name, p.share, p.tonnes]),
  },
  atLeast: 40_000,
});

// Lists and the dataset version.
suites.push({
  fn: "MINERALS",
  cases: [[]],
  exercises: { missing: false, throws: false },
  excel: () => excel.minerals(),
  core: () => core.minerals(),
  table: {
    header: ["Id", "Name", "Aliases"],
    rows: (v) => (v as readonly core.MineralEntry[]).map((m) => [m.id, m.name, m.aliases.join(", ")]),
  },
  atLeast: 1,
});
suites.push({
  fn: "COUNTRIES",
  exercises: { missing: false, throws: true },
  cases: [[null], ...GROUP_IDS.map((g) => [g]), ["g7"], ["G8"]],
  excel: ([g]) => excel.countries(g),
  core: ([g]) => (g === null ? core.countries() : core.countries(str(g))),
  table: { header: ["Code", "Name"], rows: (v) => (v as readonly core.CountryEntry[]).map((c) => [c.code, c.name]) },
  atLeast: 7,
});
suites.push({
  fn: "GROUPS",
  cases: [[]],
  exercises: { missing: false, throws: false },
  excel: () => excel.groups(),
  core: () => core.groups(),
  table: {
    header: ["Id", "Name", "Members", "Source"],
    rows: (v) =>
      (v as readonly core.Group[]).map((g) => [g.id, g.name, g.members.length, g.source.url ?? g.source.title]),
  },
  atLeast: 1,
});
suites.push({
  fn: "EDITIONS",
  cases: [[]],
  exercises: { missing: false, throws: false },
  excel: () => excel.editions(),
  core: () => core.editions(),
  table: {
    header: ["Id", "Title", "Publisher", "Date", "Licence", "Citation"],
    rows: (v) => (v as readonly core.Edition[]).map((e) => [e.id, e.title, e.publisher, e.date, e.licence, e.citation]),
  },
  atLeast: 1,
});
suites.push({
  fn: "DATA_VERSION",
  cases: [[]],
  exercises: { missing: false, throws: false },
  excel: () => excel.dataVersion(),
  core: () => core.datasetVersion(),
  atLeast: 1,
});

// ---------------------------------------------------------------------------------------------

describe("Excel functions answer exactly what @critmin/core answers", () => {
  const tallies = new Map<string, Tally>();
  afterAll(() => {
    // One line per function: cases checked and what core answered (values, no figure, errors).
    console.log(
      [...tallies]
        .map(
          ([fn, t]) =>
            `${fn.padEnd(20)} ${String(t.checked).padStart(7)} cases: ${t.value} values, ${t.missing} #N/A, ${t.throws} #VALUE!`,
        )
        .join("\n"),
    );
  });

  for (const suite of suites) {
    it(`${suite.fn}: ${suite.cases.length} cases`, () => {
      const { tally, mismatches } = run(suite);
      tallies.set(suite.fn, tally);
      expect(tally.checked).toBe(suite.cases.length);
      expect(tally.checked).toBeGreaterThanOrEqual(suite.atLeast);
      // Parity over cases that are all errors would prove little: each kind of answer occurs.
      const exercises = suite.exercises ?? { missing: true, throws: true };
      expect(tally.value).toBeGreaterThan(0);
      if (exercises.missing) expect(tally.missing).toBeGreaterThan(0);
      if (exercises.throws) expect(tally.throws).toBeGreaterThan(0);
      expect({ mismatches: mismatches.length, first20: mismatches.slice(0, 20) }).toEqual({
        mismatches: 0,
        first20: [],
      });
    });
  }

  it("covers every shipped function", () => {
    const shipped = Object.keys(functions).sort();
    const covered = suites.map((s) => s.fn.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase())).sort();
    expect(covered).toEqual(shipped);
  });

  it("a range of identifiers spills the per-cell core answers in the same shape", () => {
    const column = SUPPLY_MINERALS.map((m) => [m]);
    const matrix = [ALL_MINERALS.slice(0, 50), ALL_MINERALS.slice(50, 100)];
    const mismatches: string[] = [];
    const check = (fn: string, result: unknown[][], input: string[][], coreOf: (m: string) => unknown) => {
      if (result.length !== input.length) mismatches.push(`${fn}: ${result.length} rows for ${input.length}`);
      input.forEach((row, r) =>
        row.forEach((m, c) => {
          const why = cellMismatch(
            result[r]?.[c],
            attempt(() => coreOf(m)),
          );
          if (why) mismatches.push(`${fn} cell ${r},${c} (${m}): ${why}`);
        }),
      );
    };
    for (const input of [column, matrix]) {
      check("CHINA_SHARE", excel.chinaShare(input, null, null, null), input, (m) => core.chinaShare(m));
      check("HHI", excel.hhi(input, "mining", null, null), input, (m) => core.hhi(m, { stage: "mining" }));
      check("SHARE", excel.share(input, "AUS", "mining", null, null), input, (m) =>
        core.share(m, "AUS", { stage: "mining" }),
      );
      check("DEMAND", excel.demand(input, 2030, "NZE", null, null), input, (m) =>
        core.demand(m, { year: 2030, scenario: "NZE" }),
      );
      check("SUPPLY_RISK", excel.supplyRisk(input, null, null), input, (m) => core.supplyRisk(m));
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});
