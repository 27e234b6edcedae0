import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledDataset } from "../data/dataset.ts";
import { CritminError } from "../errors.ts";
import { diversificationGap } from "./diversificationGap.ts";
import { RAW, readJson, ieaSupplyCell, ieaSupplySheet2024, usgsRow } from "../../../../test/support/raw.ts";
import { thrown } from "../../../../test/support/thrown.ts";
import { loadedBeforeAll } from "../../../../test/support/cases.ts";

const { supply } = bundledDataset();

// Expected values come from the raw source files, read here without the pipeline.
const iea2025 = readJson(RAW.ieaParsed2025);
const supplySheet = loadedBeforeAll(ieaSupplySheet2024);

describe("diversificationGap", () => {
  it("is (China ÷ 0.65 − total) × 1000 t by default: cobalt refining, iea-cmde-2025, 2024", () => {
    const { countries, total } = iea2025.supply.Cobalt.refining;
    expect(diversificationGap("cobalt")).toBeCloseTo((countries.China["2024"] / 0.65 - total["2024"]) * 1000, 6);
  });

  it("reads a pinned year from the IEA 2024 workbook (cobalt refining 2023)", () => {
    const china = ieaSupplyCell(supplySheet(), "G", "Cobalt - Refining", "China", "H");
    const total = ieaSupplyCell(supplySheet(), "G", "Cobalt - Refining", "Total clean technologies", "H");
    expect(diversificationGap("cobalt", { year: 2023, source: "iea-cmde-2024" })).toBeCloseTo(
      (china / 0.65 - total) * 1000,
      6,
    );
  });

  it("takes target, supplier and stage (nickel mining, Indonesia, target 0.5)", () => {
    const { countries, total } = iea2025.supply.Nickel.mining;
    const expected = (countries.Indonesia["2024"] / 0.5 - total["2024"]) * 1000;
    expect(expected).toBeGreaterThan(0);
    expect(diversificationGap("Ni", { supplier: "Indonesia", stage: "mining", target: 0.5 })).toBeCloseTo(expected, 6);
  });

  it("uses the edition's own world total (USGS copper refinery 2023, rounded world total)", () => {
    const china = Number(usgsRow("Copper", "China", "Refinery").PROD_2023);
    const world = Number(usgsRow("Copper", "World total (rounded)", "Refinery").PROD_2023);
    const options = { stage: "refining", year: 2023, source: "usgs-mcs-2025", target: 0.3 } as const;
    expect(diversificationGap("copper", options)).toBeCloseTo((china / 0.3 - world) * 1000, 6);
  });

  it("is 0 when the supplier's share is already at or below target", () => {
    const { countries, total } = iea2025.supply.Cobalt.refining;
    expect(countries.China["2024"] / total["2024"]).toBeLessThan(0.9);
    expect(diversificationGap("cobalt", { target: 0.9 })).toBe(0);
    expect(diversificationGap("cobalt", { target: 1 })).toBe(0);
  });

  it("treats null options as omitted (Excel)", () => {
    expect(diversificationGap("cobalt", { target: null, supplier: null } as never)).toBe(diversificationGap("cobalt"));
  });

  it("is undefined when a volume is missing", () => {
    // ec-crm-2023 gives shares only
    expect(diversificationGap("cobalt", { stage: "mining", source: "ec-crm-2023" })).toBeUndefined();
    // China is not listed in IEA cobalt mining
    expect(Object.keys(iea2025.supply.Cobalt.mining.countries)).not.toContain("China");
    expect(diversificationGap("cobalt", { stage: "mining" })).toBeUndefined();
    // withheld (USGS "W")
    expect(usgsRow("Lithium", "United States", "Mine").PROD_NOTES).toMatch(/^W\b/);
    expect(
      diversificationGap("lithium", { supplier: "USA", stage: "mining", source: "usgs-mcs-2025" }),
    ).toBeUndefined();
    expect(diversificationGap("cobalt", { year: 2019 })).toBeUndefined();
  });

  it("rejects a target outside (0, 1], naming target", () => {
    for (const target of [0, -0.5, 1.2, Number.NaN, "0.65"]) {
      const err = thrown(() => diversificationGap("cobalt", { target: target as number }));
      expect(err.code).toBe("invalid_argument");
      expect(err.message).toMatch(/^diversificationGap: target must be a share greater than 0 and at most 1, got /);
    }
  });

  it("suggests the nearest mineral and supplier", () => {
    expect(() => diversificationGap("cobolt")).toThrowError(
      new CritminError("unknown_id", 'diversificationGap: unknown mineral "cobolt"; did you mean "cobalt"?'),
    );
    expect(() => diversificationGap("cobalt", { supplier: "Indonesa" })).toThrowError(
      /^diversificationGap: unknown country "Indonesa"; did you mean "IDN"\?$/,
    );
  });

  it("rejects wrong types, aggregates and unknown options, naming the argument", () => {
    expect(thrown(() => diversificationGap(7 as never)).message).toMatch(
      /^diversificationGap: mineral must be a non-empty string/,
    );
    expect(thrown(() => diversificationGap("cobalt", { supplier: 7 as never })).message).toMatch(
      /^diversificationGap: supplier must be a non-empty string, got 7/,
    );
    expect(thrown(() => diversificationGap("cobalt", { supplier: "WORLD" })).message).toBe(
      'diversificationGap: supplier must be a country, not the aggregate "WORLD"',
    );
    expect(thrown(() => diversificationGap("cobalt", { targt: 0.5 } as never)).message).toMatch(
      /^diversificationGap: unknown option "targt"/,
    );
    expect(thrown(() => diversificationGap("cobalt", "mining" as never)).code).toBe("invalid_argument");
  });
});

describe("diversificationGap properties", () => {
  // Every observed block with a world total in tonnes, with each country that has tonnes.
  const world = new Map<string, number>();
  const key = (r: (typeof supply)[number]) => `${r.edition}|${r.mineral}|${r.stage}|${r.year}`;
  const observed = supply.filter((r) => r.measure === "production" && r.kind === "observed" && r.tonnes !== null);
  for (const r of observed) if (r.country === "WORLD") world.set(key(r), r.tonnes!);
  const cases = observed
    .filter((r) => r.country !== "WORLD" && r.country !== "ROW" && world.has(key(r)))
    .map((r) => ({
      mineral: r.mineral,
      supplier: r.country,
      stage: r.stage,
      year: r.year,
      source: r.edition,
      share: r.tonnes! / world.get(key(r))!,
    }));
  const target = fc.double({ min: 1e-6, max: 1, noNaN: true });

  it("has cases above and below the default target", () => {
    expect(cases.some((c) => c.share > 0.65)).toBe(true);
    expect(cases.some((c) => c.share <= 0.65)).toBe(true);
  });

  it("is 0 when the supplier's share ≤ target and > 0 when it is above", () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), target, ({ share, mineral, ...options }, t) => {
        const gap = diversificationGap(mineral, { ...options, target: t })!;
        if (share <= t) expect(gap).toBe(0);
        else expect(gap).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("a dominant supplier (share > target) has a gap that grows as the target falls", () => {
    const dominant = cases.filter((c) => c.share > 0.5);
    fc.assert(
      fc.property(fc.constantFrom(...dominant), target, target, ({ share: _, mineral, ...options }, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(diversificationGap(mineral, { ...options, target: low })!).toBeGreaterThanOrEqual(
          diversificationGap(mineral, { ...options, target: high })!,
        );
      }),
      { numRuns: 300 },
    );
  });
});
