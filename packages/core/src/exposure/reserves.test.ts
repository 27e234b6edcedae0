import { describe, expect, it } from "vitest";
import { CritminError } from "../errors.ts";
import { reserves } from "./reserves.ts";
import { usgsWorld } from "../../../../test/support/raw.ts";
import { thrown } from "../../../../test/support/thrown.ts";

// Expected values come from the raw source files, read here without the pipeline.

const UNIT_FACTOR: Record<string, number> = { "metric tons": 1, "thousand metric tons": 1000, kilograms: 0.001 };

/** Every country row of a commodity's mine production table with a numeric RESERVES_2024, in tonnes. */
function reserveRows(commodity: string) {
  return usgsWorld()
    .filter(
      (r) =>
        r.COMMODITY!.trim() === commodity &&
        r.TYPE!.startsWith("Mine production") &&
        /^\d+$/.test(r.RESERVES_2024!.trim()),
    )
    .map((r) => ({ country: r.COUNTRY!.trim(), tonnes: Number(r.RESERVES_2024) * UNIT_FACTOR[r.UNIT_MEAS!]! }));
}

describe("reserves", () => {
  it.each([
    ["lithium", "Lithium", "metric tons"],
    ["copper", "Copper", "thousand metric tons"],
    ["rhenium", "Rhenium", "kilograms"],
  ])("%s is RESERVES_2024 × the unit factor for every country, WORLD and ROW", (mineral, commodity) => {
    const rows = reserveRows(commodity);
    expect(rows.length).toBeGreaterThan(5);
    for (const { country, tonnes } of rows) {
      const code = country === "World total (rounded)" ? "WORLD" : country === "Other Countries" ? "ROW" : country;
      expect(reserves(mineral, code), `${mineral} ${country}`).toBeCloseTo(tonnes, 6);
    }
  });

  it("accepts codes and aliases, and a pinned year and source", () => {
    const chile = reserveRows("Lithium").find((r) => r.country === "Chile")!.tonnes;
    expect(reserves("Li", "CHL")).toBe(chile);
    expect(reserves("lithium", "chile", { year: 2024, source: "usgs-mcs-2025" })).toBe(chile);
  });

  it("reads the pin's USGS edition, and is not narrowed by a pin naming no source of reserves", () => {
    const chile = reserveRows("Lithium").find((r) => r.country === "Chile")!.tonnes;
    expect(reserves("lithium", "CHL", { within: ["ec-crm-2023", "usgs-mcs-2025"] })).toBe(chile);
    expect(reserves("lithium", "CHL", { within: ["iea-cmde-2024", "ec-crm-2023"] })).toBe(chile);
    expect(reserves("lithium", "CHL", { year: 2023, within: ["usgs-mcs-2025"] })).toBeUndefined();
    expect(reserves("lithium", "CHL", { source: "iea-cmde-2025", within: ["usgs-mcs-2025"] })).toBeUndefined();
  });

  it("is undefined where USGS gives no reserves figure", () => {
    const germany = usgsWorld().find(
      (r) => r.COMMODITY!.trim() === "Copper" && r.COUNTRY!.trim() === "Germany" && r.TYPE!.startsWith("Mine"),
    )!;
    expect(germany.RESERVES_2024).toBe("");
    expect(reserves("copper", "DEU")).toBeUndefined();
    expect(reserves("lithium", "CHL", { year: 2023 })).toBeUndefined();
    expect(reserves("lithium", "CHL", { source: "iea-cmde-2025" })).toBeUndefined();
  });

  it("suggests the nearest mineral and country", () => {
    expect(() => reserves("coper", "CHL")).toThrowError(
      new CritminError("unknown_id", 'reserves: unknown mineral "coper"; did you mean "copper"?'),
    );
    expect(() => reserves("copper", "Chiel")).toThrowError(/^reserves: unknown country "Chiel"; did you mean "CHL"\?$/);
  });

  it("rejects wrong types and a stage option, naming the argument", () => {
    expect(thrown(() => reserves(0 as never, "CHL")).message).toMatch(/^reserves: mineral must be a non-empty string/);
    expect(thrown(() => reserves("copper", 0 as never)).message).toMatch(
      /^reserves: country must be a non-empty string/,
    );
    expect(thrown(() => reserves("copper", "CHL", { stage: "mining" } as never)).message).toBe(
      'reserves: unknown option "stage"; expected year, source, within',
    );
    expect(thrown(() => reserves("copper", "CHL", { year: 24.5 })).code).toBe("invalid_argument");
  });
});
