// Parity suites of the governance functions (issue 15): GOVERNANCE over the dataset's countries,
// every dimension and the bundled WGI years; WEIGHTED_HHI over the supply grid and each dimension.
import * as core from "../../packages/core/src/index.ts";
import { excel, opts, str, type Suite } from "./compare.ts";
import { ABSENT_YEAR, BAD_SUPPLY, MS, product, supplyCases, uniq } from "./grid.ts";

const WGI_YEARS: readonly (number | null)[] = [
  null,
  ...uniq(core.dataset().governance.map((r) => r.year)),
  2015,
  ABSENT_YEAR,
];
const COUNTRIES = core.countryEntries.map((c) => c.code);

export const governanceSuites: Suite[] = [];

// GOVERNANCE(country, dimension, [year]): every country × dimension × year, names, WB codes, bad input.
governanceSuites.push({
  fn: "GOVERNANCE",
  cases: [
    ...product<unknown>(COUNTRIES, core.GOVERNANCE_MEASURES, WGI_YEARS),
    ...product<unknown>(["China", "DRC", "Congo", "AIA", "XKX"], ["PV", "Political Stability", "mean"], [null]),
    ["Atlantis", "mean", null],
    ["CHN", "political stabilty", null],
    ["CHN", "mean", 2022.5],
  ],
  excel: ([c, dimension, year]) => excel.governance([[c]], dimension, year),
  core: ([c, dimension, year]) => core.governance(str(c), str(dimension), opts({ year })),
  atLeast: 5_000,
});

// WEIGHTED_HHI(mineral, [stage], [year], [source], [dimension], [scale]): the supply grid with the
// default dimension, every dimension on each (mineral, stage), and bad dimensions and scales.
const dimensionCases = [...MS.values()].flatMap(({ mineral, stage }) =>
  core.GOVERNANCE_MEASURES.map((d) => [mineral, stage, null, null, d, null]),
);
governanceSuites.push({
  fn: "WEIGHTED_HHI",
  cases: [
    ...supplyCases.map((c) => [...c, null, null]),
    ...dimensionCases,
    ...BAD_SUPPLY.map((c) => [...c, "mean", "eu"]),
    ["cobalt", null, null, null, "rule of lw", null],
    ["cobalt", null, null, null, null, "EUU"],
    ["cobalt", null, null, null, "mean", "EU"],
  ],
  excel: ([m, stage, year, source, dimension, scale]) =>
    excel.weightedHhi([[m]], stage, year, source, dimension, scale),
  core: ([m, stage, year, source, dimension, scale]) =>
    core.governanceWeightedHhi(str(m), opts({ stage, year, source, dimension, scale })),
  atLeast: 10_000,
});
