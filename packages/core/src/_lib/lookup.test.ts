import { describe, expect, it } from "vitest";
import { chinaShare } from "../exposure/chinaShare.ts";
import { provenance } from "../exposure/provenance.ts";
import { share } from "../exposure/share.ts";
import { supplyAtRisk } from "../exposure/supplyAtRisk.ts";
import { lookupSupply } from "./lookup.ts";
import { RAW, readJson, usgsRow, usgsWorld } from "../../../../test/support/raw.ts";
import { rawRecords } from "../../pipeline/readers/eu-raw.test-support.ts";

// Expected values come from the raw source files, read here without the pipeline.
const iea2025 = readJson(RAW.ieaParsed2025);
const nickelMining = iea2025.supply.Nickel.mining;
const usgsProduction = (country: string) => Number(usgsRow("Nickel", country, "Mine production")["PROD_EST_ 2024"]);
/** The IEA block's rest of world as total minus the listed countries (rule iea-rest-of-world-double-count). */
const ieaRestOfWorld = (block: { countries: Record<string, Record<string, number>>; total: Record<string, number> }) =>
  (block.total["2024"]! -
    Object.entries(block.countries)
      .filter(([name]) => name !== "Rest of world")
      .reduce((sum, [, years]) => sum + years["2024"]!, 0)) /
  block.total["2024"]!;

describe("country queries without source or year: the newest edition that lists the country", () => {
  it("chinaShare nickel mining: iea-cmde-2025 folds China into rest of world, so usgs-mcs-2025 2024 answers", () => {
    expect(Object.keys(nickelMining.countries)).not.toContain("China");
    const expected = usgsProduction("China") / usgsProduction("World total (rounded)");
    expect(chinaShare("nickel", { stage: "mining" })).toBe(expected);
    expect(share("nickel", "CHN", { stage: "mining" })).toBe(expected);
    const traced = provenance({ mineral: "nickel", stage: "mining", country: "CHN" });
    expect(traced).toMatchObject({ found: true, edition: "usgs-mcs-2025", year: 2024, rule: "newest-listing" });
  });

  it("nothing changes where the default block lists the country (nickel refining, China in iea-cmde-2025)", () => {
    const refining = iea2025.supply.Nickel.refining;
    expect(chinaShare("nickel")).toBe(refining.countries.China["2024"] / refining.total["2024"]);
    expect(provenance({ mineral: "nickel", country: "CHN" })).toMatchObject({
      edition: "iea-cmde-2025",
      rule: "newest-observed",
    });
  });

  it("a year or a source keeps the block rule: China is then not listed in iea-cmde-2025 nickel mining", () => {
    expect(chinaShare("nickel", { stage: "mining", year: 2024 })).toBeUndefined();
    expect(chinaShare("nickel", { stage: "mining", source: "iea-cmde-2025" })).toBeUndefined();
  });

  it("with within, searches only the within editions", () => {
    const usgs = usgsProduction("China") / usgsProduction("World total (rounded)");
    expect(chinaShare("nickel", { stage: "mining", within: ["iea-cmde-2025", "usgs-mcs-2025"] })).toBe(usgs);
    const ieaOnly = lookupSupply(
      "t",
      "nickel",
      "CHN",
      { stage: "mining", within: ["iea-cmde-2025"] },
      { stage: "refining" },
    );
    expect(ieaOnly.row).toBeUndefined();
    expect(ieaOnly.reason).toMatch(/^CHN is not reported separately in iea-cmde-2025 nickel mining 2024/);
  });

  it("block queries keep the default block: supplyAtRisk of China in nickel mining stays undefined", () => {
    expect(supplyAtRisk("nickel", "CHN", 0.5, { stage: "mining" })).toBeUndefined();
  });

  it("a country listed nowhere: the reason gives the default block's rest of world as upper bound and names each edition checked", () => {
    // Germany: not in the IEA 2025 block, not in the USGS nickel rows, not in the EU nickel extraction shares.
    expect(Object.keys(nickelMining.countries)).not.toContain("Germany");
    expect(usgsWorld().filter((r) => r.COMMODITY!.trim() === "Nickel" && r.COUNTRY!.trim() === "Germany")).toEqual([]);
    const euNickel = rawRecords("ec-crm-2023-appendix7-global-supply-shares.csv").filter(
      (r) => r.cells.Material === "Nickel" && r.cells.Stage === "E",
    );
    expect(euNickel.length).toBeGreaterThan(0);
    expect(euNickel.filter((r) => r.cells.Country === "Germany")).toEqual([]);
    const percent = `${Number((ieaRestOfWorld(nickelMining) * 100).toFixed(1))}%`;
    const found = lookupSupply("t", "nickel", "DEU", { stage: "mining" }, { stage: "refining" });
    expect(found.row).toBeUndefined();
    expect(found.reason).toBe(
      `DEU is not reported separately in iea-cmde-2025 nickel mining 2024 (inside rest of world, at most ${percent}); ` +
        "also checked: usgs-mcs-2025 2024, iea-cmde-2024 2023, ec-crm-2023 2023 (period average)",
    );
    expect(provenance({ mineral: "nickel", stage: "mining", country: "DEU" }).reason).toBe(found.reason);
    expect(share("nickel", "DEU", { stage: "mining" })).toBeUndefined();
  });
});
