import { describe, expect, it } from "vitest";
import { CritminError } from "../errors.ts";
import { chinaShare } from "./chinaShare.ts";
import { production } from "./production.ts";
import { share } from "./share.ts";
import { RAW, readJson, ieaSupplyCell, ieaSupplySheet2024, usgsRow } from "../../../../test/support/raw.ts";
import { thrown } from "../../../../test/support/thrown.ts";
import { loadedBeforeAll } from "../../../../test/support/cases.ts";

// Expected values come from the raw source files, read here without the pipeline.
const iea2025 = readJson(RAW.ieaParsed2025);
const supplySheet = loadedBeforeAll(ieaSupplySheet2024);

describe("chinaShare", () => {
  it("defaults to refining in the newest edition with an observed figure (iea-cmde-2025, 2024)", () => {
    const { China } = iea2025.supply.Cobalt.refining.countries;
    expect(chinaShare("cobalt")).toBe(China["2024"] / iea2025.supply.Cobalt.refining.total["2024"]);
  });

  it("answers a year the newest edition lacks from the edition that has it (2023 → iea-cmde-2024)", () => {
    const expected =
      ieaSupplyCell(supplySheet(), "G", "Cobalt - Refining", "China", "H") /
      ieaSupplyCell(supplySheet(), "G", "Cobalt - Refining", "Total clean technologies", "H");
    expect(chinaShare("cobalt", { year: 2023 })).toBe(expected);
  });

  it("reads a projection year under the base case", () => {
    const c = iea2025.supply["Rare Earth Elements"].refining;
    expect(chinaShare("rare-earths", { year: 2035 })).toBe(c.countries.China["2035"] / c.total["2035"]);
  });

  it('is share(mineral, "CHN", { stage: "refining", ...options })', () => {
    expect(chinaShare("lithium", { stage: "mining" })).toBe(share("lithium", "CHN", { stage: "mining" }));
    expect(chinaShare("graphite")).toBe(share("graphite", "China"));
  });
});

describe("share", () => {
  it("accepts names, codes and aliases, case-insensitively", () => {
    const expected = share("cobalt", "COD", { stage: "mining" });
    expect(expected).toBeDefined();
    for (const country of ["DRC", "Congo (Kinshasa)", "democratic republic of the congo", "cd"]) {
      expect(share("Co", country, { stage: "mining" })).toBe(expected);
    }
    expect(share("rare earths", "china")).toBe(share("rare-earths", "CHN"));
  });

  it("pins an edition: USGS lithium mining 2023, Australia over the rounded world total", () => {
    const australia = Number(usgsRow("Lithium", "Australia").PROD_2023);
    const world = Number(usgsRow("Lithium", "World total (rounded)").PROD_2023);
    expect(share("lithium", "AUS", { stage: "mining", year: 2023, source: "usgs-mcs-2025" })).toBe(australia / world);
  });

  it('is undefined, not 0, for a withheld USGS figure (U.S. lithium, "W")', () => {
    expect(usgsRow("Lithium", "United States").PROD_NOTES).toMatch(/^W\b/);
    expect(share("lithium", "USA", { stage: "mining", source: "usgs-mcs-2025" })).toBeUndefined();
  });

  it("is undefined for a country the edition does not list (China in IEA cobalt mining)", () => {
    expect(Object.keys(iea2025.supply.Cobalt.mining.countries)).not.toContain("China");
    expect(share("cobalt", "CHN", { stage: "mining", source: "iea-cmde-2025" })).toBeUndefined();
  });

  it("is undefined for a year no edition has", () => {
    expect(share("cobalt", "CHN", { year: 2019 })).toBeUndefined();
  });

  it("suggests the nearest mineral for a misspelling", () => {
    expect(() => share("cobolt", "CHN")).toThrowError(
      new CritminError("unknown_id", 'share: unknown mineral "cobolt"; did you mean "cobalt"?'),
    );
  });

  it("suggests the nearest country and names the function", () => {
    expect(() => chinaShare("copper", { source: "iea-cmde-2026" as never })).toThrowError(
      /chinaShare: unknown source "iea-cmde-2026"; did you mean "iea-cmde-2025"\?/,
    );
    expect(() => share("copper", "Chnia")).toThrowError(/share: unknown country "Chnia"; did you mean "CHN"\?/);
  });

  it("rejects wrong types with the argument's name", () => {
    expect(thrown(() => share(42 as never, "CHN")).code).toBe("invalid_argument");
    expect(thrown(() => share(42 as never, "CHN")).message).toMatch(/^share: mineral must be/);
    expect(thrown(() => share("cobalt", "CHN", { year: 2023.5 })).message).toMatch(
      /^share: year must be a whole number/,
    );
    expect(thrown(() => share("cobalt", "CHN", { stge: "mining" } as never)).message).toMatch(
      /^share: unknown option "stge"/,
    );
    expect(thrown(() => share("cobalt", "CHN", { stage: "smelting" as never })).code).toBe("unknown_id");
  });
});

describe("production", () => {
  it("converts the source unit to tonnes (USGS copper mine production, thousand metric tons)", () => {
    const chile = usgsRow("Copper", "Chile", "Mine production");
    expect(chile.UNIT_MEAS).toBe("thousand metric tons");
    expect(production("copper", "Chile", { stage: "mining", year: 2023, source: "usgs-mcs-2025" })).toBe(
      Number(chile.PROD_2023) * 1000,
    );
  });

  it("gives the IEA world total for WORLD (kt × 1000)", () => {
    const total = ieaSupplyCell(supplySheet(), "A", "Lithium - Mining", "Total", "B");
    expect(production("lithium", "WORLD", { stage: "mining", year: 2023, source: "iea-cmde-2024" })).toBe(total * 1000);
  });

  it("is undefined where the source has no figure", () => {
    expect(production("lithium", "USA", { stage: "mining", source: "usgs-mcs-2025" })).toBeUndefined();
  });
});
