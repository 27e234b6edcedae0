import { describe, expect, it } from "vitest";
import { CritminError } from "../errors.ts";
import { supplyRisk } from "./supplyRisk.ts";
import { RAW, readCsv, euScore, euMaterial, annex4Mismatches } from "../../../../test/support/raw.ts";
import { mismatches } from "../../../../test/support/cases.ts";
import { thrown } from "../../../../test/support/thrown.ts";

// Expected values come from the raw source files, read here without the pipeline.
const annex4 = readCsv(RAW.euAnnex4);
const results = readCsv(RAW.euResults);

describe("supplyRisk", () => {
  it('is the Annex 4 SR of every material and assessment year ("-" is undefined)', () => {
    expect(annex4.length).toBeGreaterThan(300);
    expect(annex4Mismatches(annex4, "SR", supplyRisk)).toEqual([]);
  });

  it("defaults to the latest assessment, 2023", () => {
    const cobalt = annex4.find((r) => r.Material === "Cobalt" && r.Year === "2023")!;
    expect(supplyRisk("cobalt")).toBe(Number(cobalt.SR));
    expect(supplyRisk("Co", {})).toBe(Number(cobalt.SR));
  });

  it("takes the overall 2023 SR from the results table where Annex 4 lacks the material (praseodymium)", () => {
    expect(annex4.some((r) => r.Material === "Praseodymium")).toBe(false);
    expect(supplyRisk("praseodymium")).toBe(
      Number(results.find((r) => r.material_name === "Praseodymium")!.supply_risk),
    );
  });

  it("with a stage, is the per-stage SR of the 2023 results table (extraction → mining, processing → refining)", () => {
    const cases = results.flatMap((r) =>
      (
        [
          ["mining", r.supply_risk_primary],
          ["refining", r.supply_risk_refined],
        ] as const
      ).map(([stage, text]) => ({ material: r.material_name!, stage, text })),
    );
    const wrong = mismatches(cases, ({ material, stage, text }) => ({
      material,
      stage,
      expected: euScore(text),
      actual: supplyRisk(euMaterial(material), { stage }),
    }));
    expect(wrong).toEqual([]);
    expect(supplyRisk("lithium", { stage: "refining" })).toBe(1.9);
  });

  it("is undefined, never an older score, for a material or year not assessed", () => {
    expect(annex4.find((r) => r.Material === "Aggregates" && r.Year === "2011")!.SR).toBe("-");
    expect(supplyRisk("aggregates", { year: 2011 })).toBeUndefined();
    expect(supplyRisk("cobalt", { year: 2015 })).toBeUndefined();
    expect(supplyRisk("cobalt", { stage: "mining", year: 2020 })).toBeUndefined();
    // alumina is only in the USGS data
    expect(supplyRisk("alumina")).toBeUndefined();
  });

  it("suggests the nearest material and stage", () => {
    expect(() => supplyRisk("cobolt")).toThrowError(
      new CritminError("unknown_id", 'supplyRisk: unknown mineral "cobolt"; did you mean "cobalt"?'),
    );
    expect(() => supplyRisk("cobalt", { stage: "minig" as never })).toThrowError(
      /^supplyRisk: unknown stage "minig"; did you mean "mining"\?$/,
    );
  });

  it("rejects wrong types and unknown options, naming the argument", () => {
    expect(thrown(() => supplyRisk(3 as never)).message).toMatch(/^supplyRisk: mineral must be a non-empty string/);
    expect(thrown(() => supplyRisk("cobalt", { year: 2023.5 })).message).toMatch(
      /^supplyRisk: year must be a whole number/,
    );
    expect(thrown(() => supplyRisk("cobalt", { source: "ec-crm-2023" } as never)).message).toMatch(
      /^supplyRisk: unknown option "source"; expected year, stage/,
    );
    expect(thrown(() => supplyRisk("cobalt", 2023 as never)).code).toBe("invalid_argument");
  });
});
