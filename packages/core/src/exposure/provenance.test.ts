import { describe, expect, it } from "vitest";
import { CritminError } from "../errors.ts";
import { GROUPS } from "../groups.ts";
import { cite } from "./cite.ts";
import { countries } from "./countries.ts";
import { datasetVersion } from "./datasetVersion.ts";
import { editions } from "./editions.ts";
import { groups } from "./groups.ts";
import { minerals } from "./minerals.ts";
import { provenance } from "./provenance.ts";
import { RAW, readJson } from "../../../../test/support/raw.ts";

const raw = readJson(RAW.ieaParsed2025);

describe("provenance", () => {
  it("names the edition, the rule that chose it, the JSON pointer and the value as printed", () => {
    const p = provenance({ mineral: "cobalt" });
    expect(p).toMatchObject({
      found: true,
      edition: "iea-cmde-2025",
      rule: "newest-observed",
      year: 2024,
      kind: "observed",
      case: null,
      country: "CHN",
      stage: "refining",
      unit: "kt",
      locator: "IEA_CM_Data_Explorer_2025-05.parsed.json#/supply/Cobalt/refining/countries/China/2024",
      sourceValue: raw.supply.Cobalt.refining.countries.China["2024"],
    });
    expect(p.citation).toMatch(/^IEA \(2025\), Critical Minerals Data Explorer/);
  });

  it("explains a missing figure with the years that exist", () => {
    const p = provenance({ mineral: "cobalt", year: 2019 });
    expect(p.found).toBe(false);
    expect(p.reason).toMatch(
      /no cobalt refining figure for 2019; years available: iea-cmde-2025: 2024, 2030, 2035, 2040; iea-cmde-2024: 2023, 2030, 2035, 2040/,
    );
    expect(p.available.map((a) => a.edition)).toEqual(["iea-cmde-2025", "iea-cmde-2024", "ec-crm-2023"]);
  });

  it("explains a country the edition does not list", () => {
    const p = provenance({ mineral: "cobalt", country: "China", stage: "mining", source: "iea-cmde-2025" });
    expect(p).toMatchObject({ found: false, edition: "iea-cmde-2025", rule: "pinned", year: 2024 });
    expect(p.reason).toMatch(/lists no mining figure for CHN/);
  });

  it('says withheld, and where, for a USGS "W"', () => {
    const p = provenance({ mineral: "lithium", country: "USA", stage: "mining", source: "usgs-mcs-2025" });
    expect(p.found).toBe(false);
    expect(p.reason).toMatch(/\(withheld\) at MCS2025_World_Data\.csv:row \d+:PROD_EST_ 2024/);
  });

  it("accepts a bare mineral name and rejects a malformed query by name", () => {
    expect(provenance("Co").locator).toBe(provenance({ mineral: "cobalt" }).locator);
    expect(() => provenance(42 as never)).toThrowError(CritminError);
    expect(() => provenance(42 as never)).toThrowError(/^provenance: query must be/);
  });
});

describe("cite", () => {
  it("joins the edition's citation and the figure's locator", () => {
    expect(cite({ mineral: "lithium", stage: "mining", year: 2030, source: "iea-cmde-2025", country: "AUS" })).toBe(
      `${editions().find((e) => e.id === "iea-cmde-2025")!.citation}. lithium mining, AUS, 2030 (base-case): ` +
        "IEA_CM_Data_Explorer_2025-05.parsed.json#/supply/Lithium/mining/countries/Australia/2030",
    );
  });

  it("is undefined when there is nothing to cite", () => {
    expect(cite({ mineral: "cobalt", year: 2019 })).toBeUndefined();
  });
});

describe("lists", () => {
  it("minerals() covers the six IEA minerals with both stages in both IEA editions", () => {
    for (const id of ["copper", "cobalt", "lithium", "nickel", "graphite", "rare-earths"]) {
      const m = minerals().find((x) => x.id === id)!;
      for (const edition of ["iea-cmde-2024", "iea-cmde-2025"]) {
        expect(
          m.coverage
            .filter((c) => c.edition === edition)
            .map((c) => c.stage)
            .sort(),
        ).toEqual(["mining", "refining"]);
      }
    }
  });

  it("countries(group) returns the group's members, from the group's own list", () => {
    expect(countries("EU27").map((c) => c.code)).toEqual([...GROUPS.find((g) => g.id === "EU27")!.members].sort());
    expect(countries().length).toBeGreaterThan(100);
    expect(() => countries("EU28")).toThrowError(/countries: unknown group "EU28"; did you mean "EU27"\?/);
  });

  it("groups() each carry a source; editions() each carry a checksum per file", () => {
    expect(groups().every((g) => g.source.title.length > 0)).toBe(true);
    expect(
      editions()
        .flatMap((e) => e.files)
        .every((f) => /^[0-9a-f]{64}$/.test(f.sha256)),
    ).toBe(true);
  });

  it("datasetVersion() names the newest edition's date", () => {
    const newest = editions()
      .map((e) => e.date)
      .sort()
      .at(-1);
    expect(datasetVersion().startsWith(`${newest}+`)).toBe(true);
  });
});
