import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MINERALS } from "../data/index.ts";
import { CritminError } from "../errors.ts";
import { GROUPS } from "../groups.ts";
import { crmaCheck } from "./crmaCheck.ts";
import { RAW, readCsv, readJson, usgsWorld } from "../../../../test/support/raw.ts";
import { thrown } from "../../../../test/support/thrown.ts";

// Expected values come from the raw source files, read here without the pipeline.
const iea2025 = readJson(RAW.ieaParsed2025);
const EU_SOURCING_FILE = path.basename(RAW.euSourcing);
const euSourcing = readCsv(RAW.euSourcing);

// The EU's 27 members by the names the EU file uses: they are not third countries.
const EU_NAMES = new Set([
  "Austria",
  "Belgium",
  "Bulgaria",
  "Croatia",
  "Cyprus",
  "Czechia",
  "Denmark",
  "Estonia",
  "Finland",
  "France",
  "Germany",
  "Greece",
  "Hungary",
  "Ireland",
  "Italy",
  "Latvia",
  "Lithuania",
  "Luxembourg",
  "Malta",
  "Netherlands",
  "Poland",
  "Portugal",
  "Romania",
  "Slovakia",
  "Slovenia",
  "Spain",
  "Sweden",
]);

/** The EU sourcing rows of one material and stage (E or P), with their CSV row numbers (header = row 1). */
function sourcing(material: string, stage: "E" | "P") {
  return euSourcing
    .map((r, i) => ({
      country: r.Country!,
      share: Number(r.Share!.replace(/[<%]/g, "")) / 100,
      row: i + 2,
      material: r.Material,
      stage: r.Stage,
    }))
    .filter((r) => r.material === material && r.stage === stage);
}

function largestThird(material: string, stage: "E" | "P") {
  const third = sourcing(material, stage).filter((r) => !EU_NAMES.has(r.country));
  return third.reduce((a, b) => (b.share > a.share ? b : a));
}

describe("crmaCheck", () => {
  it("uses the EU sourcing mix where the EU study has one: lithium refining fails on Chile", () => {
    const chile = largestThird("Lithium", "P");
    expect(chile.country).toBe("Chile");
    expect(crmaCheck("lithium", "refining")).toEqual({
      mineral: "lithium",
      stage: "refining",
      benchmark: 0.65,
      largestThirdCountry: { country: "CHL", share: chile.share },
      unattributed: expect.closeTo(1 - sourcing("Lithium", "P").reduce((s, r) => s + r.share, 0), 9),
      passes: false,
      basis: "eu-sourcing",
      edition: "ec-crm-2023",
      year: 2023,
      locator: `${EU_SOURCING_FILE}:row ${chile.row}:Share`,
    });
  });

  it("does not count EU members: hafnium refining passes although France supplies 76%", () => {
    const france = sourcing("Hafnium", "P").find((r) => r.country === "France")!;
    expect(france.share).toBeGreaterThan(0.65);
    const result = crmaCheck("hafnium", "refining")!;
    expect(result.largestThirdCountry?.country).not.toBe("FRA");
    expect(result.passes).toBe(true);
  });

  it("names the largest third country, not the largest supplier: cobalt refining (Finland 62%, China 2%)", () => {
    const rows = sourcing("Cobalt", "P");
    expect(rows.reduce((a, b) => (b.share > a.share ? b : a)).country).toBe("Finland");
    const result = crmaCheck("cobalt", "refining")!;
    // China and DR Congo tie at the largest third-country share; the tie goes to the first code.
    expect(result.largestThirdCountry).toEqual({ country: "CHN", share: largestThird("Cobalt", "P").share });
    expect(result.unattributed).toBeCloseTo(1 - rows.reduce((s, r) => s + r.share, 0), 9);
    expect(result.passes).toBe(true);
    expect(result.basis).toBe("eu-sourcing");
  });

  it("falls back to world production shares when the EU study has no sourcing mix (cobalt mining: DRC, IEA 2025)", () => {
    expect(sourcing("Cobalt", "E")).toEqual([]);
    const { countries, total } = iea2025.supply.Cobalt.mining;
    const drc = countries["Democratic Republic of Congo"]["2024"] / total["2024"];
    expect(drc).toBeGreaterThan(0.65);
    const result = crmaCheck("cobalt", "mining")!;
    expect(result).toMatchObject({
      basis: "global-supply",
      edition: "iea-cmde-2025",
      year: 2024,
      passes: false,
      stage: "mining",
    });
    expect(result.largestThirdCountry!.country).toBe("COD");
    expect(result.largestThirdCountry!.share).toBeCloseTo(drc, 12);
    expect(result.unattributed).toBeCloseTo(countries["Rest of world"]["2024"] / total["2024"], 9);
  });

  it("without a stage, returns the binding stage: cobalt fails at mining, lithium at refining", () => {
    expect(crmaCheck("cobalt")).toEqual(crmaCheck("cobalt", "mining"));
    expect(crmaCheck("lithium")).toEqual(crmaCheck("lithium", "refining"));
  });

  it("without a stage, may mix bases across stages and says which one it used (graphite)", () => {
    expect(largestThird("Natural Graphite", "E")).toMatchObject({ country: "China", share: 0.4 });
    expect(crmaCheck("graphite", "mining")).toMatchObject({
      basis: "eu-sourcing",
      passes: true,
      largestThirdCountry: { country: "CHN", share: 0.4 },
    });
    const refining = iea2025.supply.Graphite.refining;
    expect(crmaCheck("graphite")).toMatchObject({ stage: "refining", basis: "global-supply", passes: false });
    expect(crmaCheck("graphite")!.largestThirdCountry!.share).toBeCloseTo(
      refining.countries.China["2024"] / refining.total["2024"],
      12,
    );
  });

  it("passes when every listed supplier is an EU member and the rest is small (tungsten mining)", () => {
    const rows = sourcing("Tungsten", "E");
    expect(rows.every((r) => EU_NAMES.has(r.country))).toBe(true);
    const result = crmaCheck("tungsten", "mining")!;
    expect(result.largestThirdCountry).toBeUndefined();
    expect(result.unattributed).toBeCloseTo(1 - rows.reduce((s, r) => s + r.share, 0), 9);
    expect(result.passes).toBe(true);
    expect(result.locator).toMatch(new RegExp(`^${EU_SOURCING_FILE}:row \\d+:Share$`));
  });

  it("cannot decide when the unattributed share could hide a third country above 65% (chromium mining)", () => {
    const rows = sourcing("Chromium", "E");
    const unattributed = 1 - rows.reduce((s, r) => s + r.share, 0);
    expect(unattributed).toBeGreaterThan(0.65);
    const result = crmaCheck("chromium", "mining")!;
    expect(result.largestThirdCountry).toEqual({ country: "ZAF", share: largestThird("Chromium", "E").share });
    expect(result.unattributed).toBeCloseTo(unattributed, 9);
    expect(result.passes).toBeUndefined();
  });

  it("forces a basis and follows year and source for world production (USGS lithium mining 2023)", () => {
    const lithium = usgsWorld().filter((r) => r.COMMODITY!.trim() === "Lithium" && r.TYPE!.startsWith("Mine"));
    const world = Number(lithium.find((r) => r.COUNTRY!.trim() === "World total (rounded)")!.PROD_2023);
    const australia = Number(lithium.find((r) => r.COUNTRY!.trim() === "Australia")!.PROD_2023);
    const result = crmaCheck("lithium", "mining", { basis: "global-supply", source: "usgs-mcs-2025", year: 2023 })!;
    expect(result).toMatchObject({ basis: "global-supply", edition: "usgs-mcs-2025", year: 2023, passes: true });
    expect(result.largestThirdCountry).toEqual({ country: "AUS", share: australia / world });
    const lithiumRefining = iea2025.supply.Lithium.refining;
    const forced = crmaCheck("lithium", "refining", { basis: "global-supply" })!;
    expect(forced.largestThirdCountry!.share).toBeCloseTo(
      lithiumRefining.countries.China["2024"] / lithiumRefining.total["2024"],
      12,
    );
    expect(crmaCheck("cobalt", "mining", { basis: "eu-sourcing" })).toBeUndefined();
  });

  it("is undefined when neither basis has data", () => {
    expect(crmaCheck("cobalt", "refining", { year: 2019 })).toBeUndefined();
    expect(crmaCheck("cobalt", undefined, { year: 2019 })).toBeUndefined();
  });

  it("returns a frozen object", () => {
    const result = crmaCheck("lithium")!;
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.largestThirdCountry)).toBe(true);
  });

  it("treats a null stage and null options as omitted (Excel)", () => {
    expect(crmaCheck("cobalt", null, { year: null, source: null, basis: null } as never)).toEqual(crmaCheck("cobalt"));
  });

  it("suggests the nearest mineral and stage, and names wrong arguments", () => {
    expect(() => crmaCheck("lithum")).toThrowError(
      new CritminError("unknown_id", 'crmaCheck: unknown mineral "lithum"; did you mean "lithium"?'),
    );
    expect(() => crmaCheck("lithium", "refinig")).toThrowError(
      /^crmaCheck: unknown stage "refinig"; did you mean "refining"\?$/,
    );
    expect(thrown(() => crmaCheck("lithium", 2 as never)).message).toMatch(
      /^crmaCheck: stage must be a non-empty string/,
    );
    expect(thrown(() => crmaCheck(["lithium"] as never)).message).toMatch(
      /^crmaCheck: mineral must be a non-empty string/,
    );
    expect(thrown(() => crmaCheck("lithium", "refining", { basis: "eu" } as never)).message).toBe(
      'crmaCheck: basis must be one of eu-sourcing, global-supply, got "eu"',
    );
    expect(thrown(() => crmaCheck("lithium", "refining", { stage: "mining" } as never)).message).toMatch(
      /^crmaCheck: unknown option "stage"/,
    );
    expect(thrown(() => crmaCheck("lithium", "refining", { source: "iea-2025" as never })).code).toBe("unknown_id");
  });
});

describe("crmaCheck properties", () => {
  const eu27 = new Set<string>(GROUPS.find((g) => g.id === "EU27")!.members);
  const question = fc.record({
    mineral: fc.constantFrom(...MINERALS),
    stage: fc.constantFrom("mining", "refining", undefined),
    basis: fc.constantFrom("eu-sourcing", "global-supply", undefined),
  });

  it("passes is false exactly when the largest third-country share is above 0.65", () => {
    fc.assert(
      fc.property(question, ({ mineral, stage, basis }) => {
        const result = crmaCheck(mineral, stage, basis ? { basis } : undefined);
        if (!result) return;
        const largest = result.largestThirdCountry?.share ?? 0;
        expect(result.passes === false).toBe(largest > 0.65);
        // and, where the unattributed share cannot hide a country above the benchmark, passes ⇔ largest ≤ 0.65
        if (result.unattributed <= 0.65) expect(result.passes).toBe(largest <= 0.65);
        else expect(result.passes).not.toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it("the largest third country is a country outside the EU27, with a share in [0, 1]", () => {
    fc.assert(
      fc.property(question, ({ mineral, stage, basis }) => {
        const largest = crmaCheck(mineral, stage, basis ? { basis } : undefined)?.largestThirdCountry;
        if (!largest) return;
        expect(eu27.has(largest.country)).toBe(false);
        expect(["WORLD", "ROW"]).not.toContain(largest.country);
        expect(largest.share).toBeGreaterThanOrEqual(0);
        expect(largest.share).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("without a stage, passes is true only if every stage with data passes", () => {
    for (const mineral of MINERALS) {
      const overall = crmaCheck(mineral);
      const stages = (["mining", "refining"] as const).map((s) => crmaCheck(mineral, s)).filter((c) => c !== undefined);
      expect(overall === undefined).toBe(stages.length === 0);
      if (!overall) continue;
      expect(overall.passes === false).toBe(stages.some((c) => c.passes === false));
      expect(overall.passes === true).toBe(stages.every((c) => c.passes === true));
    }
  });
});
