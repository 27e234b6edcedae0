import { describe, expect, it } from "vitest";
import { series } from "./series.ts";
import { share } from "./share.ts";
import { MINERALS } from "../data/index.ts";
import { RAW, readCsv, readJson, ieaSupplyCell, ieaSupplySheet2024, usgsRow } from "../../../../test/support/raw.ts";
import { thrown } from "../../../../test/support/thrown.ts";
import { loadedBeforeAll } from "../../../../test/support/cases.ts";

// Expected rows come from the raw source files, read here without the pipeline.
const iea2025 = readJson(RAW.ieaParsed2025);
const supplySheet = loadedBeforeAll(ieaSupplySheet2024);
const euGlobal = readCsv("eu/ec-crm-2023-appendix7-global-supply-shares.csv");
const euShare = (material: string, stage: "E" | "P", country: string) => {
  const row = euGlobal.find((r) => r.Material === material && r.Stage === stage && r.Country === country);
  if (!row) throw new Error(`no EU row ${material} ${stage} ${country}`);
  return Number(row.Share!.replace("%", "")) / 100;
};

const brief = (rows: ReturnType<typeof series>["rows"]) =>
  rows.map((r) => ({ edition: r.edition, year: r.year, kind: r.kind, case: r.case, value: r.value }));

describe("series", () => {
  it("lists every edition's figures for China's lithium refining, ordered by edition date then year", () => {
    const iea2024Years = { H: 2023, I: 2030, J: 2035, K: 2040 } as const;
    const cell = (label: string, col: string) => ieaSupplyCell(supplySheet(), "G", "Lithium - Chemicals", label, col);
    const json = iea2025.supply.Lithium.refining;
    const expected = [
      {
        edition: "ec-crm-2023",
        year: 2023,
        kind: "period-average",
        case: null,
        value: euShare("Lithium", "P", "China"),
      },
      ...Object.entries(iea2024Years).map(([col, year]) => ({
        edition: "iea-cmde-2024",
        year,
        kind: year === 2023 ? "observed" : "projected",
        case: year === 2023 ? null : "base-case",
        value: cell("China", col) / cell("Total", col),
      })),
      ...Object.keys(json.total).map((y) => ({
        edition: "iea-cmde-2025",
        year: Number(y),
        kind: y === "2024" ? "observed" : "projected",
        case: y === "2024" ? null : "base-case",
        value: json.countries.China[y] / json.total[y],
      })),
    ];
    const got = series("lithium", "China", { stage: "refining" });
    expect(brief(got.rows)).toEqual(expected);
    expect(got.notListed).toEqual([]);
    expect(got.reason).toBeUndefined();
    for (const row of got.rows) {
      expect(row.unit).toBe("fraction");
      expect(row.locator).not.toBe("");
    }
  });

  it("includes USGS observed years (DRC cobalt mining, over the rounded world total)", () => {
    const drc = usgsRow("Cobalt", "Congo (Kinshasa)");
    const world = usgsRow("Cobalt", "World total (rounded)");
    const usgs = series("cobalt", "DRC", { stage: "mining" }).rows.filter((r) => r.edition === "usgs-mcs-2025");
    expect(brief(usgs)).toEqual([
      {
        edition: "usgs-mcs-2025",
        year: 2023,
        kind: "observed",
        case: null,
        value: Number(drc.PROD_2023) / Number(world.PROD_2023),
      },
      {
        edition: "usgs-mcs-2025",
        year: 2024,
        kind: "observed",
        case: null,
        value: Number(drc["PROD_EST_ 2024"]) / Number(world["PROD_EST_ 2024"]),
      },
    ]);
  });

  it("has no row, not a 0, for an edition that folds the country into rest of world, and says so", () => {
    expect(Object.keys(iea2025.supply.Cobalt.mining.countries)).not.toContain("China");
    const got = series("cobalt", "CHN", { stage: "mining" });
    expect(got.rows.map((r) => r.edition)).toEqual(["ec-crm-2023"]);
    expect(got.rows[0]!.value).toBe(euShare("Cobalt", "E", "China"));
    const inside = got.notListed.filter((g) => g.insideRestOfWorld).map((g) => g.edition);
    expect(inside).toEqual(expect.arrayContaining(["iea-cmde-2024", "iea-cmde-2025", "usgs-mcs-2025"]));
    expect(got.notListed.find((g) => g.edition === "iea-cmde-2025")!.years).toEqual(
      Object.keys(iea2025.supply.Cobalt.mining.total).map(Number),
    );
  });

  it("gives the reason when no edition lists the country", () => {
    const got = series("lithium", "France", { stage: "mining" });
    expect(got.rows).toEqual([]);
    expect(got.reason).toMatch(
      /^FRA is not reported separately in lithium mining: inside rest of world \(not zero\) in /,
    );
    expect(series("gallium", "CHN", { stage: "refining", measure: "reserves" }).reason).toMatch(
      /^no gallium refining reserves data in any edition/,
    );
  });

  it("gives, for every row, the number share returns for that edition and year", () => {
    let checked = 0;
    for (const mineral of MINERALS.slice(0, 12))
      for (const stage of ["mining", "refining"] as const)
        for (const country of ["CHN", "AUS", "COD", "USA", "IDN"]) {
          for (const r of series(mineral, country, { stage }).rows) {
            expect(share(mineral, country, { stage, year: r.year, source: r.edition })).toBe(r.value);
            checked++;
          }
        }
    expect(checked).toBeGreaterThan(50);
  });

  it("is deeply frozen", () => {
    const got = series("lithium", "CHN");
    expect(Object.isFrozen(got)).toBe(true);
    expect(Object.isFrozen(got.rows)).toBe(true);
    expect(Object.isFrozen(got.rows[0])).toBe(true);
    expect(Object.isFrozen(got.notListed)).toBe(true);
  });

  it("names the argument of a bad input and suggests the nearest name", () => {
    expect(thrown(() => series("lithum", "CHN")).message).toMatch(
      /^series: unknown mineral "lithum"; did you mean "lithium"\?/,
    );
    expect(thrown(() => series("lithium", "Chnia")).message).toMatch(/did you mean "CHN"\?/);
    expect(thrown(() => series("lithium", "CHN", { year: 2023 } as never)).message).toMatch(
      /^series: unknown option "year"/,
    );
    expect(thrown(() => series("lithium", "CHN", { measure: "output" as never })).code).toBe("unknown_id");
    expect(thrown(() => series(42 as never, "CHN")).code).toBe("invalid_argument");
  });
});
