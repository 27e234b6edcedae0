// The CRITMIN.* functions' results as Excel gets them: tables with a header row, errors (#VALUE! with
// the core's message, #N/A with a reason), and parity with @critmin/core over every mineral. Helpers:
// adapters.test-support.ts; arguments as Excel passes them: adapters.test.ts.
import * as core from "@critmin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as functions from "../src/functions/functions.ts";
import { citationText } from "../src/adapter/answerText.ts";
import { broadcast, BROADCAST_MEMO_SIZE } from "../src/adapter/results.ts";
import {
  call,
  column,
  expectError,
  expectValueError,
  expectParity,
  MAX_MESSAGE,
  MINERAL_IDS,
  stageOpt,
  STAGES,
  truncated,
  type Grid,
} from "./adapters.test-support.ts";
import { ErrorCode, installStubRuntime, isExcelError, StubError, uninstallStubRuntime } from "./stub-runtime.ts";

beforeAll(() => {
  installStubRuntime();
});
afterAll(() => {
  uninstallStubRuntime();
});

describe("table functions", () => {
  // A ranking where the source gives shares but no tonnes: the blanks must come back as "".
  const sharesOnly = MINERAL_IDS.flatMap((id) => core.STAGES.map((stage) => ({ id, stage }))).find(({ id, stage }) => {
    try {
      return core.topProducers(id, { stage })?.some((p) => p.tonnes === undefined || p.tonnes === null) ?? false;
    } catch {
      return false;
    }
  })!;

  const HEADERS: [string, () => Grid, string[]][] = [
    ["TOP_PRODUCERS", () => call(functions.topProducers, "nickel"), ["Rank", "Country", "Name", "Share", "Tonnes"]],
    [
      "TOP_PRODUCERS (shares only)",
      () => call(functions.topProducers, sharesOnly.id, sharesOnly.stage),
      ["Rank", "Country", "Name", "Share", "Tonnes"],
    ],
    ["MINERALS", () => call(functions.minerals), ["Id", "Name", "Aliases"]],
    ["COUNTRIES", () => call(functions.countries), ["Code", "Name"]],
    ["COUNTRIES(G7)", () => call(functions.countries, "G7"), ["Code", "Name"]],
    ["GROUPS", () => call(functions.groups), ["Id", "Name", "Members", "Source"]],
    ["EDITIONS", () => call(functions.editions), ["Id", "Title", "Publisher", "Date", "Licence", "Citation"]],
    [
      "TECH_EXPOSURE_TABLE",
      () => call(functions.techExposureTable, "EV"),
      ["Mineral", "Demand (t)", "China share", "Weight"],
    ],
  ];

  it.each(HEADERS)(
    "%s: a header row, then rectangular rows of values with no null/undefined and no errors",
    (_, run, header) => {
      const out = run();
      expect(out[0]).toEqual(header);
      expect(out.length).toBeGreaterThan(1);
      for (const row of out) {
        expect(row).toHaveLength(header.length);
        for (const cell of row) {
          expect(cell).not.toBeNull();
          expect(cell).not.toBeUndefined();
          expect(isExcelError(cell)).toBe(false);
        }
      }
    },
  );

  it('TOP_PRODUCERS shows missing tonnes as a blank "", not 0', () => {
    expect(sharesOnly).toBeDefined();
    const out = call(functions.topProducers, sharesOnly.id, sharesOnly.stage);
    const want = core.topProducers(sharesOnly.id, { stage: sharesOnly.stage })!;
    want.forEach((p, i) => expect(out[i + 1]![4]).toBe(p.tonnes ?? ""));
    expect(out.slice(1).some((row) => row[4] === "")).toBe(true);
  });

  it('TOP_PRODUCERS ends with the source\'s rest of world, its rank a blank ""', () => {
    const out = call(functions.topProducers, "nickel", "mining", 3, null, null);
    const rest = core.topProducers("nickel", { stage: "mining", n: 3 })!.at(-1)!;
    expect(rest.rank).toBeNull();
    expect(out.at(-1)).toEqual(["", "ROW", "Rest of world", rest.share, rest.tonnes]);
  });

  it('MINERALS shows a mineral without aliases as a blank "", not 0', () => {
    const out = call(functions.minerals);
    const bare = core.minerals().find((m) => m.aliases.length === 0)!;
    expect(bare).toBeDefined();
    expect(out.find((r) => r[0] === bare.id)).toEqual([bare.id, bare.name, ""]);
  });

  it("the rows are exactly the core's", () => {
    expect(call(functions.topProducers, "nickel", "mining", 3, null, null).slice(1)).toEqual(
      core
        .topProducers("nickel", { stage: "mining", n: 3 })!
        .map((p) => [p.rank ?? "", p.country, p.name, p.share, p.tonnes]),
    );
    expect(call(functions.minerals).slice(1)).toEqual(core.minerals().map((m) => [m.id, m.name, m.aliases.join(", ")]));
    expect(call(functions.countries, "EU27").slice(1)).toEqual(core.countries("EU27").map((c) => [c.code, c.name]));
    expect(call(functions.countries).slice(1)).toEqual(core.countries().map((c) => [c.code, c.name]));
    expect(call(functions.groups).slice(1)).toEqual(
      core.groups().map((g) => [g.id, g.name, g.members.length, g.source.url ?? g.source.title]),
    );
    expect(call(functions.editions).slice(1)).toEqual(
      core.editions().map((e) => [e.id, e.title, e.publisher, e.date, e.licence, e.citation]),
    );
    for (const tech of core.TECHNOLOGIES) {
      expect(call(functions.techExposureTable, tech).slice(1)).toEqual(
        core.techExposure(tech)!.breakdown.map((b) => [b.mineral, b.demandTonnes, b.chinaShare, b.weight]),
      );
    }
  });

  it("a table that cannot be built is a single Excel error", () => {
    expect(call(functions.topProducers, "cobalt", null, null, 2019)).toEqual([[expect.any(StubError)]]);
    expectError(
      call(functions.topProducers, "cobalt", null, null, 2019)[0]![0],
      ErrorCode.notAvailable,
      "TOP_PRODUCERS",
      "2019",
      "years available",
    );
    expectValueError(call(functions.topProducers, "cobolt"), 'did you mean "cobalt"');
    expectValueError(call(functions.countries, "G8"), 'did you mean "G7"');
    expectError(call(functions.techExposureTable, "EV", 2019)[0]![0], ErrorCode.notAvailable, "TECH_EXPOSURE_TABLE");
  });
});

describe("errors", () => {
  it("missing data is #N/A naming what is missing and the years that exist", () => {
    const cell = call(functions.chinaShare, [["cobalt"]], null, 2019)[0]![0];
    expectError(cell, ErrorCode.notAvailable, "CHINA_SHARE", "cobalt", "2019");
    const available = core.provenance({ mineral: "cobalt", country: "CHN", year: 2019 }).available;
    expect(available.length).toBeGreaterThan(0);
    for (const { edition, years } of available) {
      expect((cell as StubError).message).toContain(edition);
      for (const year of years) expect((cell as StubError).message).toContain(String(year));
    }
    expectError(
      call(functions.share, [["cobalt"]], "AUS", null, 2019)[0]![0],
      ErrorCode.notAvailable,
      "SHARE",
      "2019",
      "years available",
    );
    expectError(
      call(functions.hhi, [["cobalt"]], null, 2019)[0]![0],
      ErrorCode.notAvailable,
      "HHI",
      "2019",
      "years available",
    );
  });

  it('missing data is never 0 and never a text "N/A": it is an #N/A error', () => {
    const out = call(functions.chinaShare, column(MINERAL_IDS), "mining");
    const missing = MINERAL_IDS.flatMap((id, i) =>
      core.chinaShare(id, { stage: "mining" }) === undefined ? [out[i]![0]] : [],
    );
    expect(missing.length).toBeGreaterThan(0);
    for (const cell of missing) expectError(cell, ErrorCode.notAvailable, "CHINA_SHARE");
  });

  it("a bad argument is #VALUE! suggesting the nearest valid value", () => {
    expectValueError(call(functions.chinaShare, [["cobolt"]]), 'did you mean "cobalt"');
    expectValueError(call(functions.chinaShare, [["cobalt"]], "minning"), 'did you mean "mining"');
    expectValueError(
      call(functions.chinaShare, [["cobalt"]], null, null, "iea-cmde-2023"),
      "did you mean",
      "iea-cmde-",
    );
    expectValueError(call(functions.share, [["cobalt"]], "Chnia"), 'did you mean "CHN"');
    expectValueError(call(functions.groupShare, [["cobalt"]], "G8"), 'did you mean "G7"');
    expectValueError(call(functions.demand, [["cobalt"]], null, "STEPZ"), 'did you mean "STEPS"');
  });

  it("an out-of-range number is #VALUE! with the core's message", () => {
    expectValueError(call(functions.supplyAtRisk, [["cobalt"]], "CHN", 2), "cut", "got 2");
    expectValueError(call(functions.diversificationGap, [["cobalt"]], 2), "target");
    expectValueError(call(functions.topProducers, "nickel", null, -1), "n must be");
  });

  it("an error value in an argument is #VALUE! naming the argument", () => {
    const upstream = new StubError(ErrorCode.notAvailable, "upstream");
    expectValueError(call(functions.chinaShare, [[upstream]]), "mineral is an error value");
    expectValueError(call(functions.chinaShare, [["cobalt"]], null, upstream), "year is an error value");
    expectValueError(call(functions.topProducers, "nickel", null, upstream), "n is an error value");
  });

  it("long messages are cut to what Excel shows", () => {
    const cell = call(functions.chinaShare, [["x".repeat(1000)]])[0]![0];
    expect(expectError(cell, ErrorCode.invalidValue).message.length).toBeLessThanOrEqual(MAX_MESSAGE);
  });
});

describe("parity with @critmin/core over every mineral", () => {
  const minerals = column(MINERAL_IDS);
  const cellsOf = (out: Grid) => {
    expect(out).toHaveLength(MINERAL_IDS.length);
    return out.map((row) => {
      expect(row).toHaveLength(1);
      return row[0];
    });
  };

  it.each(STAGES)(
    "stage %s: CHINA_SHARE, HHI, EFFECTIVE_SUPPLIERS, CONCENTRATION_RATIO, SOURCE, DIVERSIFICATION_GAP",
    (stage) => {
      const s = stageOpt(stage);
      const runs: [string, Grid, (m: string) => unknown][] = [
        ["CHINA_SHARE", call(functions.chinaShare, minerals, stage), (m) => core.chinaShare(m, { stage: s })],
        ["HHI", call(functions.hhi, minerals, stage), (m) => core.hhi(m, { stage: s })],
        [
          "EFFECTIVE_SUPPLIERS",
          call(functions.effectiveSuppliers, minerals, stage),
          (m) => core.effectiveSuppliers(m, { stage: s }),
        ],
        [
          "CONCENTRATION_RATIO",
          call(functions.concentrationRatio, minerals, 3, stage),
          (m) => core.crN(m, 3, { stage: s }),
        ],
        [
          "SOURCE",
          call(functions.source, minerals, stage),
          (m) => citationText(core.explain(core.share, m, "CHN", { stage: s })),
        ],
        [
          "DIVERSIFICATION_GAP",
          call(functions.diversificationGap, minerals, 0.5, null, stage),
          (m) => core.diversificationGap(m, { target: 0.5, supplier: "CHN", stage: s }),
        ],
      ];
      for (const [fn, out, expected] of runs)
        cellsOf(out).forEach((cell, i) =>
          expectParity(cell, fn, () => expected(MINERAL_IDS[i]!), `${fn} ${MINERAL_IDS[i]} ${stage}`),
        );
    },
  );

  it.each(STAGES)("stage %s: CHINA_SHARE over every year in the data (and one without data)", (stage) => {
    const years = [...new Set(core.dataset().supply.map((r) => r.year))].sort();
    for (const year of [2019, ...years]) {
      cellsOf(call(functions.chinaShare, minerals, stage, year)).forEach((cell, i) =>
        expectParity(
          cell,
          "CHINA_SHARE",
          () => core.chinaShare(MINERAL_IDS[i]!, { stage: stageOpt(stage), year }),
          `${MINERAL_IDS[i]} ${stage} ${year}`,
        ),
      );
    }
  });

  it.each(STAGES)(
    "stage %s: SHARE, PRODUCTION, SUPPLY_AT_RISK, SHARE_CHANGE, RESERVES for major producers",
    (stage) => {
      const s = stageOpt(stage);
      for (const country of ["CHN", "AUS", "COD", "IDN", "CHL", "USA", "World"]) {
        const runs: [string, Grid, (m: string) => unknown][] = [
          ["SHARE", call(functions.share, minerals, country, stage), (m) => core.share(m, country, { stage: s })],
          [
            "PRODUCTION",
            call(functions.production, minerals, country, stage),
            (m) => core.production(m, country, { stage: s }),
          ],
          [
            "SUPPLY_AT_RISK",
            call(functions.supplyAtRisk, minerals, country, 0.25, stage),
            (m) => core.supplyAtRisk(m, country, 0.25, { stage: s }),
          ],
          [
            "SHARE_CHANGE",
            call(functions.shareChange, minerals, country, 2023, 2030, stage),
            (m) => core.shareChange(m, country, { from: 2023, to: 2030, stage: s }),
          ],
        ];
        if (stage === null)
          runs.push(["RESERVES", call(functions.reserves, minerals, country), (m) => core.reserves(m, country)]);
        for (const [fn, out, expected] of runs)
          cellsOf(out).forEach((cell, i) =>
            expectParity(cell, fn, () => expected(MINERAL_IDS[i]!), `${fn} ${MINERAL_IDS[i]} ${country} ${stage}`),
          );
      }
    },
  );

  it.each(STAGES)("stage %s: GROUP_SHARE for every group, IMPORT_RELIANCE for both economies, SUPPLY_RISK", (stage) => {
    const s = stageOpt(stage);
    for (const group of core.groups().map((g) => g.id)) {
      cellsOf(call(functions.groupShare, minerals, group, stage)).forEach((cell, i) =>
        expectParity(cell, "GROUP_SHARE", () => core.groupShare(MINERAL_IDS[i]!, group, { stage: s })),
      );
    }
    for (const economy of ["USA", "EU"]) {
      cellsOf(call(functions.importReliance, minerals, economy, stage)).forEach((cell, i) =>
        expectParity(cell, "IMPORT_RELIANCE", () => core.importReliance(MINERAL_IDS[i]!, economy, { stage: s })),
      );
    }
    cellsOf(call(functions.supplyRisk, minerals, null, stage)).forEach((cell, i) =>
      expectParity(cell, "SUPPLY_RISK", () => core.supplyRisk(MINERAL_IDS[i]!, { stage: s })),
    );
  });

  it("ECONOMIC_IMPORTANCE and SUPPLY_RISK for each assessment year", () => {
    for (const year of [null, 2011, 2014, 2017, 2020, 2023]) {
      const y = year ?? undefined;
      cellsOf(call(functions.economicImportance, minerals, year)).forEach((cell, i) =>
        expectParity(cell, "ECONOMIC_IMPORTANCE", () => core.economicImportance(MINERAL_IDS[i]!, { year: y })),
      );
      cellsOf(call(functions.supplyRisk, minerals, year)).forEach((cell, i) =>
        expectParity(cell, "SUPPLY_RISK", () => core.supplyRisk(MINERAL_IDS[i]!, { year: y })),
      );
    }
  });

  it("DEMAND and COVERAGE_WITHOUT for each year and scenario", () => {
    for (const year of [null, 2023, 2024, 2030, 2040]) {
      for (const scenario of [null, ...core.SCENARIOS]) {
        const y = year ?? undefined;
        const sc = scenario ?? undefined;
        cellsOf(call(functions.demand, minerals, year, scenario)).forEach((cell, i) =>
          expectParity(cell, "DEMAND", () => core.demand(MINERAL_IDS[i]!, { year: y, scenario: sc })),
        );
        cellsOf(call(functions.coverageWithout, minerals, null, year, scenario)).forEach((cell, i) =>
          expectParity(cell, "COVERAGE_WITHOUT", () =>
            core.coverageWithout(MINERAL_IDS[i]!, { year: y, demandScenario: sc }),
          ),
        );
      }
    }
  });

  it("TECH_EXPOSURE for every technology, year and scenario", () => {
    const techs = column(core.TECHNOLOGIES);
    for (const year of [null, 2024, 2030, 2040, 2019]) {
      for (const scenario of [null, ...core.SCENARIOS]) {
        call(functions.techExposure, techs, year, scenario).forEach((row, i) =>
          expectParity(
            row[0],
            "TECH_EXPOSURE",
            () =>
              core.techExposure(core.TECHNOLOGIES[i]!, { year: year ?? undefined, scenario: scenario ?? undefined })
                ?.exposure,
          ),
        );
      }
    }
  });

  it("TOP_PRODUCERS for every mineral and stage", () => {
    for (const id of MINERAL_IDS) {
      for (const stage of STAGES) {
        const out = call(functions.topProducers, id, stage, 10);
        let want: ReturnType<typeof core.topProducers>;
        try {
          want = core.topProducers(id, { stage: stageOpt(stage), n: 10 });
        } catch (error) {
          expect(out).toEqual([[expect.any(StubError)]]);
          expect((out[0]![0] as StubError).message).toBe(truncated((error as Error).message));
          continue;
        }
        if (want === undefined) expectError(out[0]![0], ErrorCode.notAvailable, "TOP_PRODUCERS");
        else expect(out.slice(1)).toEqual(want.map((p) => [p.rank ?? "", p.country, p.name, p.share, p.tonnes ?? ""]));
      }
    }
  });

  it("DATA_VERSION", () => {
    expect(call(functions.dataVersion)).toEqual([[core.datasetVersion()]]);
  });
});

describe("a range of repeated values is answered once per distinct value (work counted, not timed)", () => {
  it("1e5 cells of five typos and a name call the per-cell work at most six times", () => {
    const names = ["cobalr", "lithum", "nikel", "coper", "graphit", "cobalt"];
    const range = Array.from({ length: 100_000 }, (_, i) => [names[i % names.length]]);
    let work = 0;
    const out = broadcast(range, (cell) => (work++, `answer for ${String(cell)}`));
    expect(work).toBe(names.length);
    expect(out).toHaveLength(range.length);
    expect(out[6]![0]).toBe("answer for cobalr");
  });

  it("stops remembering after BROADCAST_MEMO_SIZE distinct values, still answering every cell", () => {
    const range = Array.from({ length: BROADCAST_MEMO_SIZE + 10 }, (_, i) => [`m${i}`, `m${i}`]);
    let work = 0;
    const out = broadcast(range, (cell) => (work++, String(cell)));
    expect(work).toBe(BROADCAST_MEMO_SIZE + 20);
    expect(out.at(-1)).toEqual([`m${BROADCAST_MEMO_SIZE + 9}`, `m${BROADCAST_MEMO_SIZE + 9}`]);
  });

  it("every cell of a repeated typo carries the same did-you-mean as a single call", () => {
    const single = call(functions.chinaShare, [["cobalr"]])[0]![0];
    const out = call(
      functions.chinaShare,
      Array.from({ length: 1_000 }, () => ["cobalr"]),
    );
    expectError(single, "#VALUE!", 'did you mean "cobalt"');
    for (const [cell] of out) expect(cell).toEqual(single);
  });
});
