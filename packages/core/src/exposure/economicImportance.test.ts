import { describe, expect, it } from "vitest";
import { CritminError } from "../errors.ts";
import { economicImportance } from "./economicImportance.ts";
import { RAW, readCsv, annex4Mismatches } from "../../../../test/support/raw.ts";
import { thrown } from "../../../../test/support/thrown.ts";

// Expected values come from the raw source files, read here without the pipeline.
const annex4 = readCsv(RAW.euAnnex4);
const results = readCsv(RAW.euResults);

describe("economicImportance", () => {
  it('is the Annex 4 EI of every material and assessment year ("-" is undefined)', () => {
    expect(annex4Mismatches(annex4, "EI", economicImportance)).toEqual([]);
  });

  it("defaults to the latest assessment, 2023", () => {
    const cobalt = annex4.find((r) => r.Material === "Cobalt" && r.Year === "2023")!;
    expect(economicImportance("cobalt")).toBe(Number(cobalt.EI));
    expect(economicImportance("cobalt", { year: null } as never)).toBe(Number(cobalt.EI));
  });

  it("takes the 2023 EI from the results table where Annex 4 lacks the material (praseodymium)", () => {
    expect(annex4.some((r) => r.Material === "Praseodymium")).toBe(false);
    expect(economicImportance("Praseodymium")).toBe(
      Number(results.find((r) => r.material_name === "Praseodymium")!.economic_importance),
    );
  });

  it("is undefined for a year without an assessment or a material the study does not cover", () => {
    expect(economicImportance("cobalt", { year: 2022 })).toBeUndefined();
    expect(economicImportance("alumina")).toBeUndefined();
  });

  it("suggests the nearest material and rejects wrong arguments", () => {
    expect(() => economicImportance("galium")).toThrowError(
      new CritminError("unknown_id", 'economicImportance: unknown mineral "galium"; did you mean "gallium"?'),
    );
    expect(thrown(() => economicImportance(null as never)).message).toMatch(
      /^economicImportance: mineral must be a non-empty string/,
    );
    expect(thrown(() => economicImportance("cobalt", { year: "2023" as never })).message).toMatch(
      /^economicImportance: year must be a whole number/,
    );
    expect(thrown(() => economicImportance("cobalt", { stage: "mining" } as never)).message).toMatch(
      /^economicImportance: unknown option "stage"; expected year/,
    );
  });
});
