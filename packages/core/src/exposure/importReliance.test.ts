import { describe, expect, it } from "vitest";
import { CritminError } from "../errors.ts";
import { importReliance } from "./importReliance.ts";
import { RAW, readCsv, euMaterial } from "../../../../test/support/raw.ts";
import { thrown } from "../../../../test/support/thrown.ts";
import { mismatches } from "../../../../test/support/cases.ts";

// Expected values come from the raw source files, read here without the pipeline.
const fig2 = readCsv(RAW.usgsImportReliance);
const results = readCsv(RAW.euResults);

/** USGS percent text ("76", ">50", "<25") as a fraction; the bound is the figure USGS prints. */
const usgsFraction = (text: string) => Number(text.replace(/[<>]/g, "").trim()) / 100;
function usgs(commodity: string): string {
  const row = fig2.find((r) => r.Commodity!.trim().startsWith(commodity));
  if (!row) throw new Error(`no Fig2 row ${commodity}`);
  return row.Net_Import_Reliance_pct_2024!;
}

/** EU percent text as a fraction; blank (a stage the study did not assess) is no figure. */
const euFraction = (text: string | undefined) => (text && text.trim() !== "" ? Number(text) / 100 : undefined);
/** The materials of the EU results table whose `column` figure `call` does not return. */
const euMismatches = (column: string, call: (material: string) => number | undefined) =>
  mismatches(results, (r) => ({
    material: r.material_name!,
    expected: euFraction(r[column]),
    actual: call(euMaterial(r.material_name!)),
  }));

describe("importReliance, USA (USGS MCS 2025 Figure 2, 2024)", () => {
  it.each([
    ["cobalt", "COBALT"],
    ["gallium", "GALLIUM"],
    ["graphite", "GRAPHITE (NATURAL)"],
    ["rare-earths", "RARE EARTHS"],
    ["nickel", "NICKEL"],
    ["copper", "COPPER"],
    ["platinum", "PLATINUM"],
    ["zinc", "ZINC"],
  ])("%s is the Fig2 percent ÷ 100 (%s)", (mineral, commodity) => {
    expect(importReliance(mineral, "USA")).toBeCloseTo(usgsFraction(usgs(commodity)), 12);
  });

  it('returns the printed bound for ">50" and "<25" (lithium, tellurium)', () => {
    expect(usgs("LITHIUM")).toBe(">50");
    expect(importReliance("lithium", "USA")).toBe(0.5);
    expect(usgs("TELLURIUM")).toBe("<25");
    expect(importReliance("tellurium", "USA")).toBe(0.25);
  });

  it("accepts US, USA and United States, case-insensitively", () => {
    const expected = importReliance("cobalt", "USA");
    for (const economy of ["US", "us", "usa", "United States", "united states of america"])
      expect(importReliance("cobalt", economy)).toBe(expected);
  });

  it("is undefined for a material or year USGS does not give", () => {
    expect(importReliance("aggregates", "USA")).toBeUndefined();
    expect(importReliance("cobalt", "USA", { year: 2023 })).toBeUndefined();
  });

  it("rejects a stage: the USGS figure has none", () => {
    const err = thrown(() => importReliance("cobalt", "USA", { stage: "refining" }));
    expect(err.code).toBe("invalid_argument");
    expect(err.message).toBe("importReliance: stage applies to the EU only; USGS net import reliance has no stage");
  });
});

describe("importReliance, EU (EU CRM study 2023)", () => {
  it("defaults to the refined (processing-stage) figure for every material of the results table", () => {
    expect(euMismatches("import_reliance_refined", (m) => importReliance(m, "EU"))).toEqual([]);
  });

  it("gives the primary (extraction-stage) figure with stage mining", () => {
    expect(euMismatches("import_reliance_primary", (m) => importReliance(m, "eu", { stage: "mining" }))).toEqual([]);
    const cobalt = results.find((r) => r.material_name === "Cobalt")!;
    expect(importReliance("cobalt", "EU", { stage: "mining" })).toBe(Number(cobalt.import_reliance_primary) / 100);
    expect(importReliance("cobalt", "EU")).toBe(Number(cobalt.import_reliance_refined) / 100);
  });

  it("is undefined, never the other stage's figure, for a stage the study did not assess (natural graphite)", () => {
    const graphite = results.find((r) => r.material_name === "Natural graphite")!;
    expect(graphite.eu_stages).toBe("E");
    expect(importReliance("graphite", "EU")).toBeUndefined();
    expect(importReliance("graphite", "EU", { stage: "mining" })).toBe(Number(graphite.import_reliance_primary) / 100);
  });

  it("accepts EU, EU27 and European Union; 2023 is the only year", () => {
    const expected = importReliance("lithium", "EU");
    expect(expected).toBe(1);
    for (const economy of ["eu", "EU27", "European Union"]) expect(importReliance("lithium", economy)).toBe(expected);
    expect(importReliance("lithium", "EU", { year: 2023 })).toBe(expected);
    expect(importReliance("lithium", "EU", { year: 2020 })).toBeUndefined();
  });
});

describe("importReliance errors", () => {
  it("suggests the nearest economy and mineral", () => {
    expect(() => importReliance("cobalt", "UE")).toThrowError(
      new CritminError("unknown_id", 'importReliance: unknown economy "UE"; did you mean "EU"?'),
    );
    expect(() => importReliance("cobalt", "USB")).toThrowError(
      /^importReliance: unknown economy "USB"; did you mean "USA"\?$/,
    );
    expect(() => importReliance("cobalt", "Japan")).toThrowError(
      /^importReliance: unknown economy "Japan"; expected EU or USA$/,
    );
    expect(() => importReliance("lithum", "USA")).toThrowError(
      /^importReliance: unknown mineral "lithum"; did you mean "lithium"\?$/,
    );
  });

  it("names the argument of a wrong type", () => {
    expect(thrown(() => importReliance("cobalt", 1 as never)).message).toMatch(
      /^importReliance: economy must be a non-empty string/,
    );
    expect(thrown(() => importReliance("cobalt", undefined as never)).code).toBe("invalid_argument");
    expect(thrown(() => importReliance(1 as never, "EU")).message).toMatch(
      /^importReliance: mineral must be a non-empty string/,
    );
    expect(thrown(() => importReliance("cobalt", "EU", { stage: 1 as never })).message).toMatch(
      /^importReliance: stage must be a non-empty string/,
    );
    expect(thrown(() => importReliance("cobalt", "EU", { source: "usgs-mcs-2025" } as never)).message).toMatch(
      /^importReliance: unknown option "source"/,
    );
  });
});
