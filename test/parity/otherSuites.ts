// Parity suites of the functions that read demand and indicator rows (demand, technology exposure,
// EU scores, import reliance, CRMA check), and of the lists and the dataset version.
import * as core from "../../packages/core/src/index.ts";
import { excel, opts, str, type Args, type Suite } from "./compare.ts";
import { governanceSuites } from "./governanceSuites.ts";
import {
  uniq,
  byNumber,
  product,
  demandRows,
  indicators,
  ALL_MINERALS,
  STAGES,
  EDITIONS,
  SCENARIOS,
  GROUP_IDS,
} from "./grid.ts";

export const otherSuites: Suite[] = [];

// DEMAND(mineral, [year], [scenario], [sector], [source]): every mineral × sector of the total-demand
// table, every year and scenario it has, each edition and the default; total-clean for the rest.
const totalDemand = demandRows.filter((r) => r.table === "total-demand");
const DEMAND_YEARS: readonly (number | null)[] = [null, ...uniq(totalDemand.map((r) => r.year)).sort(byNumber), 2027];
const demandPairs = uniq(totalDemand.map((r) => `${r.mineral}|${r.use}`)).map((k) => k.split("|"));
const cleanOnly = uniq(demandRows.filter((r) => r.table === "clean-tech-by-mineral").map((r) => r.mineral)).filter(
  (m) => !totalDemand.some((r) => r.mineral === m),
);
otherSuites.push({
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
otherSuites.push({
  fn: "TECH_EXPOSURE",
  cases: techCases,
  excel: ([t, year, scenario, stage, source]) => excel.techExposure([[t]], year, scenario, stage, source),
  core: ([t, year, scenario, stage, source]) =>
    core.techExposure(str(t), opts({ year, scenario, stage, source }))?.exposure,
  atLeast: 3_000,
});
otherSuites.push({
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
otherSuites.push({
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
otherSuites.push({
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
otherSuites.push({
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
otherSuites.push({
  fn: "CRMA_CHECK",
  cases: [...product<unknown>(ALL_MINERALS, [null, ...STAGES]), ["cobolt", null], ["cobalt", "smelting"]],
  excel: ([m, stage]) => excel.crmaCheck([[m]], stage),
  core: ([m, stage]) => core.crmaCheck(str(m), stage === null ? undefined : str(stage))?.passes,
  atLeast: 200,
});

// Lists and the dataset version: no arguments, one case, always a value.
const noArguments = (fn: string, excelFn: () => unknown[][], coreFn: () => unknown, table?: Suite["table"]): Suite => ({
  fn,
  cases: [[]],
  exercises: { missing: false, throws: false },
  excel: () => excelFn(),
  core: () => coreFn(),
  ...(table ? { table } : {}),
  atLeast: 1,
});
otherSuites.push(
  noArguments("MINERALS", excel.minerals, core.minerals, {
    header: ["Id", "Name", "Aliases"],
    rows: (v) => (v as readonly core.MineralEntry[]).map((m) => [m.id, m.name, m.aliases.join(", ")]),
  }),
  {
    fn: "COUNTRIES",
    exercises: { missing: false, throws: true },
    cases: [[null], ...GROUP_IDS.map((g) => [g]), ["g7"], ["G8"]],
    excel: ([g]) => excel.countries(g),
    core: ([g]) => (g === null ? core.countries() : core.countries(str(g))),
    table: { header: ["Code", "Name"], rows: (v) => (v as readonly core.CountryEntry[]).map((c) => [c.code, c.name]) },
    atLeast: 7,
  },
  noArguments("GROUPS", excel.groups, core.groups, {
    header: ["Id", "Name", "Members", "Source"],
    rows: (v) =>
      (v as readonly core.Group[]).map((g) => [g.id, g.name, g.members.length, g.source.url ?? g.source.title]),
  }),
  noArguments("EDITIONS", excel.editions, core.editions, {
    header: ["Id", "Title", "Publisher", "Date", "Licence", "Citation"],
    rows: (v) => (v as readonly core.Edition[]).map((e) => [e.id, e.title, e.publisher, e.date, e.licence, e.citation]),
  }),
  noArguments("DATA_VERSION", excel.dataVersion, core.datasetVersion),
);

// governance (issue 15)
otherSuites.push(...governanceSuites);
