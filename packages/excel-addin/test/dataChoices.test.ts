// The Data tab's choices (taskpane/dataChoices.ts) never lead to an empty table: for every mineral,
// every stage, edition and year the tab offers has TOP_PRODUCERS rows (checked here with the core,
// apart from the Excel function the pane asks), and what coverage records but is left out has no
// share in the dataset (USGS's boron: tonnes without a world total).
import * as core from "@critmin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as functions from "../src/functions/functions.ts";
import * as choices from "../src/taskpane/dataChoices.ts";
import { sourceEditions } from "../src/taskpane/sourceEditions.ts";
import { installStubRuntime, uninstallStubRuntime } from "./stub-runtime.ts";

beforeAll(installStubRuntime);
afterAll(uninstallStubRuntime);

const { STAGES, defaultEdition, editionsWith, stagesWith, supplyCoverage, yearsWith } = choices;
const editions = sourceEditions();
/** As the pane asks: the Excel function TOP_PRODUCERS, a country row present. */
const hasTable = (mineral: string, stage: string, edition: string, year: number) =>
  functions
    .topProducers(mineral, stage as never, 1, year, edition as never)
    .slice(1)
    .some((r: unknown[]) => typeof r[1] === "string" && r[1] !== "ROW");

describe("the Data tab's choices", () => {
  it("offer, for every mineral, only stages, editions and years with a producers table", () => {
    const dead: string[] = [];
    let offered = 0;
    for (const { id } of core.mineralEntries) {
      const coverage = supplyCoverage(id, editions, hasTable);
      for (const stage of STAGES.filter((s) => stagesWith(coverage).has(s)))
        for (const edition of editionsWith(coverage, stage, editions))
          for (const year of [undefined, ...yearsWith(coverage, stage, edition.id)]) {
            offered++;
            const rows = core.topProducers(id, { stage, year, source: edition.id as core.EditionId, n: 50 });
            if (!rows?.some((r) => r.country !== "ROW")) dead.push(`${id} ${stage} ${edition.id} ${year ?? "latest"}`);
          }
    }
    expect(offered).toBeGreaterThan(100);
    expect(dead).toEqual([]);
  });

  it("leave out only what has no share: boron's USGS tonnes without a world total", () => {
    const named = new Set<string>(editions.map((e) => e.id));
    const left: string[] = [];
    for (const m of core.mineralEntries) {
      const kept = supplyCoverage(m.id, editions, hasTable);
      for (const c of m.coverage.filter((x) => x.measure === "production" && named.has(x.edition)))
        for (const year of c.years) {
          if (kept.some((k) => k.stage === c.stage && k.edition === c.edition && k.years.includes(year))) continue;
          left.push(`${m.id} ${c.stage} ${c.edition} ${year}`);
          const shares = core
            .dataset()
            .supply.filter(
              (r) =>
                r.mineral === m.id &&
                r.stage === c.stage &&
                r.edition === c.edition &&
                r.year === year &&
                r.measure === "production" &&
                r.country !== "ROW" &&
                r.country !== "WORLD" &&
                r.share !== null,
            );
          expect(shares, `${m.id} ${c.stage} ${c.edition} ${year}`).toEqual([]);
        }
    }
    expect(left).toContain("boron mining usgs-mcs-2025 2024");
    expect(supplyCoverage("boron", editions, hasTable).map((c) => `${c.stage} ${c.edition}`)).toContain(
      "mining ec-crm-2023",
    );
  });

  it("open gallium on USGS MCS 2025 and cobalt on the newest IEA edition", () => {
    const open = (mineral: string) =>
      defaultEdition(editionsWith(supplyCoverage(mineral, editions, hasTable), "refining", editions));
    expect(open("gallium")).toBe("usgs-mcs-2025");
    expect(open("cobalt")).toBe("iea-cmde-2025");
  });
});
