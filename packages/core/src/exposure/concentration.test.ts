import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mineralEntries } from "../data/index.ts";
import { EDITION_IDS, STAGES } from "../schema/rows.ts";
import { concentration } from "./concentration.ts";
import { crN } from "./crN.ts";
import { effectiveSuppliers } from "./effectiveSuppliers.ts";
import { groupShare } from "./groupShare.ts";
import { hhi } from "./hhi.ts";
import { share } from "./share.ts";
import { shareChange } from "./shareChange.ts";
import { topProducers } from "./topProducers.ts";
import { RAW, readJson } from "../../../../test/support/raw.ts";

// Expected values are computed from the raw IEA May 2025 JSON, read here without the pipeline.
const raw = readJson(RAW.ieaParsed2025);
const ISO: Record<string, string> = {
  China: "CHN",
  Finland: "FIN",
  Japan: "JPN",
  Indonesia: "IDN",
  Canada: "CAN",
  Chile: "CHL",
  Argentina: "ARG",
  Australia: "AUS",
  Russia: "RUS",
  India: "IND",
  "Democratic Republic of Congo": "COD",
  Peru: "PER",
  "United States": "USA",
  Zimbabwe: "ZWE",
};

/** Country shares of one raw block for one year, aggregates and footnotes left out. */
function rawShares(mineral: string, stage: string, year: string): Map<string, number> {
  const block = raw.supply[mineral][stage];
  const out = new Map<string, number>();
  for (const [name, byYear] of Object.entries<Record<string, number>>(block.countries)) {
    if (name === "Rest of world" || byYear[year] === null || byYear[year] === undefined) continue;
    out.set(ISO[name] ?? name, byYear[year] / block.total[year]);
  }
  return out;
}

const pinned = { source: "iea-cmde-2025", year: 2024 } as const;

describe("topProducers", () => {
  it("ranks the countries of copper refining 2024 by share, with volumes in tonnes", () => {
    const expected = [...rawShares("Copper", "refining", "2024").entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    const top = topProducers("copper", { ...pinned, n: 3 })!;
    expect(top.slice(0, 3).map((p) => [p.country, p.share])).toEqual(expected);
    expect(top[0]!.tonnes).toBe(raw.supply.Copper.refining.countries.China["2024"] * 1000);
    expect(top.map((p) => p.rank)).toEqual([1, 2, 3, null]);
    expect(top[0]!.name).toMatch(/China/);
  });

  it("ranks no aggregate, defaults to 5 ranked rows, and ends with the source's rest of world, unranked", () => {
    const top = topProducers("nickel", { ...pinned, stage: "mining" })!;
    expect(top).toHaveLength(5 + 1);
    expect(top.slice(0, 5).some((p) => p.country === "ROW" || p.country === "WORLD")).toBe(false);
    expect(top.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, null]);
    // Rule iea-rest-of-world-double-count: in nickel mining rest of world is total minus the listed countries.
    const block = raw.supply.Nickel.mining;
    const listed = Object.entries<Record<string, number>>(block.countries)
      .filter(([name]) => name !== "Rest of world")
      .reduce((sum, [, byYear]) => sum + byYear["2024"]!, 0);
    expect(top[5]).toMatchObject({ rank: null, country: "ROW", name: "Rest of world" });
    expect(top[5]!.share).toBeCloseTo((block.total["2024"] - listed) / block.total["2024"], 12);
  });

  it('topProducers("lithium") (refining, default edition) lists its 4 countries, then the raw block\'s rest of world', () => {
    const block = raw.supply.Lithium.refining;
    const countries = Object.keys(block.countries).filter((name) => name !== "Rest of world");
    const top = topProducers("lithium")!;
    expect(top).toHaveLength(countries.length + 1);
    expect(top.at(-1)).toMatchObject({
      rank: null,
      country: "ROW",
      name: "Rest of world",
      share: block.countries["Rest of world"]["2024"] / block.total["2024"],
    });
    expect(top.at(-1)!.tonnes).toBeCloseTo(block.countries["Rest of world"]["2024"] * 1000, 6);
  });

  it("ends with no rest-of-world row where the block has none (ec-crm-2023 lists countries only)", () => {
    const top = topProducers("lithium", { stage: "refining", source: "ec-crm-2023", n: 100 })!;
    expect(top.length).toBeGreaterThan(0);
    expect(top.every((p) => p.rank !== null && p.country !== "ROW")).toBe(true);
  });

  it("is undefined without data and rejects a bad n", () => {
    expect(topProducers("cobalt", { year: 2019 })).toBeUndefined();
    expect(() => topProducers("cobalt", { n: 0 })).toThrowError(/^topProducers: n must be a whole number/);
  });
});

describe("hhi, crN, effectiveSuppliers, concentration", () => {
  it("hhi is Σ(100 × share)² over the listed countries of the raw block", () => {
    const shares = [...rawShares("Lithium", "refining", "2024").values()];
    const expected = shares.reduce((sum, s) => sum + (100 * s) ** 2, 0);
    expect(hhi("lithium", pinned)).toBeCloseTo(expected, 9);
  });

  it("flags a lower bound exactly when rest of world holds a share", () => {
    const row = raw.supply.Lithium.refining.countries["Rest of world"]["2024"];
    expect(row).toBeGreaterThan(0);
    expect(concentration("lithium", pinned)!.lowerBound).toBe(true);
  });

  it("crN sums the n largest raw shares; effectiveSuppliers is 10,000 ÷ HHI", () => {
    const shares = [...rawShares("Cobalt", "refining", "2024").values()].sort((a, b) => b - a);
    expect(crN("cobalt", 2, pinned)).toBeCloseTo(shares[0]! + shares[1]!, 12);
    expect(concentration("cobalt", pinned)!.cr3).toBeCloseTo(shares[0]! + shares[1]! + shares[2]!, 12);
    expect(effectiveSuppliers("cobalt", pinned)).toBeCloseTo(10_000 / hhi("cobalt", pinned)!, 9);
  });

  it("stays within 0–10,000 for every mineral, stage and edition (property)", () => {
    const ids = mineralEntries.filter((m) => m.coverage.some((c) => c.measure === "production")).map((m) => m.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom(...STAGES),
        fc.constantFrom(undefined, ...EDITION_IDS),
        (mineral, stage, source) => {
          const value = hhi(mineral, { stage, source });
          if (value === undefined) return true;
          const top = topProducers(mineral, { stage, source, n: 1 })![0]!;
          // Bounded by a monopoly, and at least the largest supplier's own square.
          return value >= (100 * top.share) ** 2 - 1e-9 && value <= 10_000 + 1e-6;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("share properties", () => {
  it("every share is in [0, 1] (property over minerals, countries, stages, editions)", () => {
    const ids = mineralEntries.map((m) => m.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom("CHN", "USA", "AUS", "COD", "IDN", "CHL"),
        fc.constantFrom(...STAGES),
        fc.constantFrom(undefined, ...EDITION_IDS),
        (mineral, country, stage, source) => {
          const s = share(mineral, country, { stage, source });
          return s === undefined || (s >= 0 && s <= 1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("the country shares of one IEA block sum to at most 1", () => {
    for (const stage of STAGES) {
      const top = topProducers("graphite", { stage, ...pinned, n: 100 })!.filter((p) => p.rank !== null);
      expect(top.reduce((sum, p) => sum + p.share, 0)).toBeLessThanOrEqual(1 + 1e-12);
    }
  });
});

describe("groupShare", () => {
  it("sums the members listed in the raw block (QUAD in lithium mining 2024)", () => {
    const shares = rawShares("Lithium", "mining", "2024");
    const expected = ["AUS", "IND", "JPN", "USA"].reduce((sum, c) => sum + (shares.get(c) ?? 0), 0);
    expect(groupShare("lithium", "QUAD", { ...pinned, stage: "mining" })).toBeCloseTo(expected, 12);
  });

  it("is undefined, not 0, when the block lists no member: G7 in lithium mining (iea-cmde-2025 2024)", () => {
    const g7Names = ["Canada", "France", "Germany", "Italy", "Japan", "United Kingdom", "United States"];
    const listed = Object.keys(raw.supply.Lithium.mining.countries);
    expect(listed.filter((name) => g7Names.includes(name))).toEqual([]);
    expect(listed).toContain("Rest of world");
    expect(groupShare("lithium", "G7", { stage: "mining" })).toBeUndefined();
    expect(groupShare("lithium", "G7", { ...pinned, stage: "mining" })).toBeUndefined();
  });

  it("accepts aliases and lists of countries, and suggests the nearest group", () => {
    expect(groupShare("copper", "g7+", pinned)).toBe(groupShare("copper", "G7_PLUS", pinned));
    expect(groupShare("copper", ["China", "Japan"], pinned)).toBeCloseTo(
      share("copper", "CHN", pinned)! + share("copper", "JPN", pinned)!,
      12,
    );
    expect(() => groupShare("copper", "G8")).toThrowError(/groupShare: unknown group "G8"; did you mean "G7"\?/);
  });
});

describe("shareChange", () => {
  it("is the difference of two years' raw shares from one edition", () => {
    const a = rawShares("Graphite", "refining", "2024").get("CHN")!;
    const b = rawShares("Graphite", "refining", "2035").get("CHN")!;
    expect(shareChange("graphite", "CHN", { from: 2024, to: 2035 })).toBeCloseTo(b - a, 12);
  });

  it("never mixes editions: 2023 → 2024 is in no single edition", () => {
    expect(shareChange("graphite", "CHN", { from: 2023, to: 2024 })).toBeUndefined();
  });

  it("requires both years", () => {
    expect(() => shareChange("graphite", "CHN", { from: 2024 } as never)).toThrowError(
      /shareChange: options.from and options.to are required/,
    );
  });
});
