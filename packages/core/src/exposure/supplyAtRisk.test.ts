import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledDataset } from "../data/dataset.ts";
import { CritminError } from "../errors.ts";
import { share } from "./share.ts";
import { supplyAtRisk } from "./supplyAtRisk.ts";
import { RAW, readJson, usgsRow } from "../../../../test/support/raw.ts";
import { thrown } from "../../../../test/support/thrown.ts";

const { supply } = bundledDataset();

// Expected values come from the raw source files, read here without the pipeline.
const iea2025 = readJson(RAW.ieaParsed2025);

describe("supplyAtRisk", () => {
  it("is China's share × cut, by default refining in the newest edition (iea-cmde-2025, 2024)", () => {
    const { countries, total } = iea2025.supply.Cobalt.refining;
    expect(supplyAtRisk("cobalt", "CHN", 0.5)).toBeCloseTo((countries.China["2024"] / total["2024"]) * 0.5, 12);
  });

  it("takes stage, year and source like share (USGS lithium mining 2023, Australia ÷ rounded world total)", () => {
    const expected =
      (Number(usgsRow("Lithium", "Australia").PROD_2023) /
        Number(usgsRow("Lithium", "World total (rounded)").PROD_2023)) *
      0.25;
    expect(supplyAtRisk("Li", "Australia", 0.25, { stage: "mining", year: 2023, source: "usgs-mcs-2025" })).toBeCloseTo(
      expected,
      12,
    );
  });

  it("accepts country names and aliases (DRC cobalt mining, IEA 2025)", () => {
    const { countries, total } = iea2025.supply.Cobalt.mining;
    const expected = (countries["Democratic Republic of Congo"]["2024"] / total["2024"]) * 0.1;
    for (const supplier of ["COD", "DRC", "Congo (Kinshasa)"]) {
      expect(supplyAtRisk("cobalt", supplier, 0.1, { stage: "mining" })).toBeCloseTo(expected, 12);
    }
  });

  it("is 0 for a cut of 0 and the whole share for a cut of 1", () => {
    expect(supplyAtRisk("graphite", "CHN", 0)).toBe(0);
    expect(supplyAtRisk("graphite", "CHN", 1)).toBe(share("graphite", "CHN"));
  });

  it("is undefined, not 0, when the supplier has no figure, even for a cut of 0", () => {
    expect(Object.keys(iea2025.supply.Cobalt.mining.countries)).not.toContain("China");
    expect(supplyAtRisk("cobalt", "CHN", 0, { stage: "mining", source: "iea-cmde-2025" })).toBeUndefined();
    expect(usgsRow("Lithium", "United States").PROD_NOTES).toMatch(/^W\b/);
    expect(supplyAtRisk("lithium", "USA", 0.5, { stage: "mining", source: "usgs-mcs-2025" })).toBeUndefined();
    expect(supplyAtRisk("cobalt", "CHN", 0.5, { year: 2019 })).toBeUndefined();
  });

  it("rejects a cut outside [0, 1] or not a number, naming cut", () => {
    for (const cut of [-0.1, 1.01, 50, Number.NaN, Number.POSITIVE_INFINITY, "0.5", null, undefined]) {
      const err = thrown(() => supplyAtRisk("cobalt", "CHN", cut as number));
      expect(err).toBeInstanceOf(CritminError);
      expect(err.code).toBe("invalid_argument");
      expect(err.message).toMatch(/^supplyAtRisk: cut must be a number from 0 to 1/);
    }
    expect(thrown(() => supplyAtRisk("cobalt", "CHN", 1.5)).message).toMatch(/got 1\.5$/);
  });

  it("suggests the nearest mineral and country", () => {
    expect(() => supplyAtRisk("cobolt", "CHN", 0.5)).toThrowError(
      new CritminError("unknown_id", 'supplyAtRisk: unknown mineral "cobolt"; did you mean "cobalt"?'),
    );
    expect(() => supplyAtRisk("cobalt", "Chnia", 0.5)).toThrowError(
      /^supplyAtRisk: unknown country "Chnia"; did you mean "CHN"\?$/,
    );
    expect(thrown(() => supplyAtRisk("cobalt", "Chnia", 0.5)).code).toBe("unknown_id");
  });

  it("rejects wrong types and aggregates, naming the argument", () => {
    expect(thrown(() => supplyAtRisk(42 as never, "CHN", 0.5)).message).toMatch(
      /^supplyAtRisk: mineral must be a non-empty string/,
    );
    expect(thrown(() => supplyAtRisk("cobalt", 42 as never, 0.5)).message).toMatch(
      /^supplyAtRisk: supplier must be a non-empty string, got 42/,
    );
    expect(thrown(() => supplyAtRisk("cobalt", "WORLD", 0.5)).code).toBe("invalid_argument");
    expect(thrown(() => supplyAtRisk("cobalt", "rest of world", 0.5)).message).toBe(
      'supplyAtRisk: supplier must be a country, not the aggregate "ROW"',
    );
    expect(thrown(() => supplyAtRisk("cobalt", "CHN", 0.5, { stge: "mining" } as never)).message).toMatch(
      /^supplyAtRisk: unknown option "stge"/,
    );
    expect(thrown(() => supplyAtRisk("cobalt", "CHN", 0.5, { year: "2023" as never })).message).toMatch(
      /^supplyAtRisk: year must be/,
    );
  });
});

describe("supplyAtRisk properties", () => {
  // Every observed or period-average country figure with a share, asked for by its own edition and year.
  const cases = supply
    .filter(
      (r) =>
        r.measure === "production" &&
        r.kind !== "projection" &&
        r.share !== null &&
        r.country !== "WORLD" &&
        r.country !== "ROW",
    )
    .map((r) => ({
      mineral: r.mineral,
      country: r.country,
      options: { stage: r.stage, year: r.year, source: r.edition },
    }));

  it("has cases from every edition", () => {
    expect(new Set(cases.map((c) => c.options.source)).size).toBe(4);
  });

  it("is monotone in cut and within [0, share]", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (c, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const full = share(c.mineral, c.country, c.options)!;
          const atLow = supplyAtRisk(c.mineral, c.country, low, c.options)!;
          const atHigh = supplyAtRisk(c.mineral, c.country, high, c.options)!;
          expect(atLow).toBeLessThanOrEqual(atHigh);
          expect(atLow).toBeGreaterThanOrEqual(0);
          expect(atHigh).toBeLessThanOrEqual(full);
        },
      ),
      { numRuns: 500 },
    );
  });
});
