// Parity suites of the functions that read supply rows: shares, concentration, scenarios on a
// supplier, reserves, citations and the top-producers table.
import { citationText } from "../../packages/excel-addin/src/adapter/answerText.ts";
import * as core from "../../packages/core/src/index.ts";
import { excel, num, opts, str, type Args, type Suite } from "./compare.ts";
import {
  uniq,
  byNumber,
  product,
  supply,
  SUPPLY_MINERALS,
  ABSENT_YEAR,
  YEARS,
  STAGES,
  EDITIONS,
  SCENARIOS,
  GROUP_IDS,
  ABSENT_COUNTRIES,
  countryName,
  MSC,
  MS,
  SUPPLY_GRID,
  BAD_SUPPLY,
  supplyCases,
  supplyOpts,
} from "./grid.ts";

export const supplySuites: Suite[] = [];

// CHINA_SHARE(mineral, [stage], [year], [source]); also every mineral's display name and aliases.
const mineralNames = core.mineralEntries.flatMap((m) => [m.name, ...m.aliases]);
supplySuites.push({
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
for (const [fn, excelFn, coreFn] of [
  ["SHARE", excel.share, core.share],
  ["PRODUCTION", excel.production, core.production],
] as const) {
  supplySuites.push({
    fn,
    cases: countryCases,
    excel: ([m, c, stage, year, source]) => excelFn([[m]], c, stage, year, source),
    core: ([m, c, stage, year, source]) => coreFn(str(m), str(c), supplyOpts(stage, year, source)),
    atLeast: 100_000,
  });
}

// HHI, EFFECTIVE_SUPPLIERS(mineral, [stage], [year], [source]).
for (const [fn, excelFn, coreFn] of [
  ["HHI", excel.hhi, core.hhi],
  ["EFFECTIVE_SUPPLIERS", excel.effectiveSuppliers, core.effectiveSuppliers],
] as const) {
  supplySuites.push({
    fn,
    cases: supplyCases,
    excel: ([m, stage, year, source]) => excelFn([[m]], stage, year, source),
    core: ([m, stage, year, source]) => coreFn(str(m), supplyOpts(stage, year, source)),
    atLeast: 10_000,
  });
}

// CONCENTRATION_RATIO(mineral, n, [stage], [year], [source]).
supplySuites.push({
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
supplySuites.push({
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
supplySuites.push({
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
supplySuites.push({
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
supplySuites.push({
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
supplySuites.push({
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

// RESERVES(mineral, country, [source]): every mineral × country with reserves rows.
const reserveRows = supply.filter((r) => r.measure === "reserves");
supplySuites.push({
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

// SOURCE(mineral, [stage], [year], [source], [country]) is the citation of explain(share, …): China by
// default, or any country; the text is the add-in's wording of the core answer (citationText).
supplySuites.push({
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
    citationText(core.explain(core.share, str(m), str(country ?? "CHN"), opts({ stage, year, source }))),
  atLeast: 15_000,
});

// TOP_PRODUCERS(mineral, [stage], [n], [year], [source]): the whole spilled table.
supplySuites.push({
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
    rows: (v) => (v as readonly core.Producer[]).map((p) => [p.rank ?? "", p.country, p.name, p.share, p.tonnes]),
  },
  atLeast: 40_000,
});

// SERIES(mineral, country, [stage], [measure]) (issue 16): the whole spilled table; #N/A where no
// edition lists the country, with core's reason.
supplySuites.push({
  fn: "SERIES",
  cases: [
    ...uniq(MSC.map(([m, s, c]) => `${m}|${s}|${c}`))
      .map((k) => k.split("|"))
      .flatMap(([m, s, c]) => [
        [m, c, s, null],
        [m, countryName.get(c!) ?? c, s, "production"],
      ]),
    ...[...MS.values()].flatMap(({ mineral, stage }) => ABSENT_COUNTRIES.map((c) => [mineral, c, stage, null])),
    ...[...MS.values()].map(({ mineral }) => [mineral, "CHN", null, "reserves"]),
    ["lithum", "CHN", null, null],
    ["lithium", "CHN", "milling", null],
    ["lithium", "CHN", null, "output"],
  ],
  excel: ([m, c, stage, measure]) => excel.series(m, c, stage, measure),
  core: ([m, c, stage, measure]) => {
    const s = core.series(str(m), str(c), opts({ stage, measure }));
    return s.rows.length === 0 ? undefined : s;
  },
  table: {
    header: ["Edition", "Year", "Kind", "Case", "Share", "Tonnes", "Bound", "Status", "Locator"],
    rows: (v) =>
      (v as core.Series).rows.map((r) => [
        r.edition,
        r.year,
        r.kind,
        r.case,
        r.value,
        r.tonnes,
        r.bound,
        r.status,
        r.locator,
      ]),
  },
  atLeast: 1_000,
});
