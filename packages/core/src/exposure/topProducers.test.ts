import { describe, expect, it } from "vitest";
import { explain } from "../answer/explain.ts";
import { bundledDataset } from "../data/dataset.ts";
import type { EditionId } from "../constants.ts";
import { chinaShare } from "./chinaShare.ts";
import { concentration } from "./concentration.ts";
import { provenance } from "./provenance.ts";
import { crN } from "./crN.ts";
import { effectiveSuppliers } from "./effectiveSuppliers.ts";
import { hhi } from "./hhi.ts";
import { governanceWeightedHhi } from "./weightedHhi.ts";
import { topProducers, topProducersReason } from "./topProducers.ts";
import { RAW, usgsWorld } from "../../../../test/support/raw.ts";

// What USGS MCS 2025 prints for boron, read here from the raw CSV without the pipeline: tonnes for
// some producers, a withheld United States, and a "World total" row with no figure.
const BORON_ISO: Record<string, string> = {
  Argentina: "ARG",
  Bolivia: "BOL",
  Chile: "CHL",
  China: "CHN",
  Germany: "DEU",
  Peru: "PER",
  Russia: "RUS",
  Turkey: "TUR",
};
const COLUMNS = { 2023: "PROD_2023", 2024: "PROD_EST_ 2024" } as const;
const rows = usgsWorld();
const boron = rows.filter((r) => r.COMMODITY!.trim() === "Boron");
const worldIndex = rows.findIndex((r) => r.COMMODITY!.trim() === "Boron" && r.COUNTRY!.trim() === "World total");
// csv-parse's first record is the file's row 2 (row 1 is the header): the pipeline's locator counts file rows.
const worldLocator = (year: 2023 | 2024) => `${RAW.usgsWorld.split("/").pop()}:row ${worldIndex + 2}:${COLUMNS[year]}`;
const withTonnes = (year: 2023 | 2024) =>
  boron
    .filter((r) => r.COUNTRY!.trim() !== "World total" && /^\d/.test(r[COLUMNS[year]]!.trim()))
    .map((r) => BORON_ISO[r.COUNTRY!.trim()] ?? r.COUNTRY!.trim())
    .sort();

const pinned = { stage: "mining", source: "usgs-mcs-2025" } as const;

describe("topProducers without a world total (USGS boron)", () => {
  it("the raw file has boron tonnes but an empty world total, so the case is real", () => {
    expect(worldIndex).toBeGreaterThan(0);
    for (const year of [2023, 2024] as const) {
      expect(rows[worldIndex]![COLUMNS[year]]!.trim()).toBe("");
      expect(withTonnes(year).length).toBeGreaterThan(0);
    }
  });

  it("is undefined, not an empty list, pinned, by year and by default", () => {
    expect(topProducers("boron", pinned)).toBeUndefined();
    expect(topProducers("boron", { ...pinned, year: 2023 })).toBeUndefined();
    expect(topProducers("boron", { stage: "mining" })).toBeUndefined();
  });

  it.each([2023, 2024] as const)(
    "the reason names the edition, the year, the missing world total at its locator and the countries with tonnes (%i)",
    (year) => {
      const reason = topProducersReason("boron", { ...pinned, year })!;
      expect(reason).toBe(
        `usgs-mcs-2025 reports no world total for boron mining ${year} (not-available at ${worldLocator(year)}), ` +
          `so no share can be computed; tonnes only for ${withTonnes(year).join(", ")}`,
      );
      // Excel shows 255 characters, after the function's name.
      expect(`TOP_PRODUCERS: ${reason}`.length).toBeLessThanOrEqual(255);
    },
  );

  it("explain gives the same reason, and so do the functions of the same block", () => {
    const reason = topProducersReason("boron", pinned);
    expect(reason).toMatch(/^usgs-mcs-2025 reports no world total for boron mining 2024 /);
    expect(explain(topProducers, "boron", pinned)).toMatchObject({ value: undefined, reason });
    for (const answer of [
      explain(hhi, "boron", pinned),
      explain(crN, "boron", 3, pinned),
      explain(effectiveSuppliers, "boron", pinned),
      explain(concentration, "boron", pinned),
      explain(governanceWeightedHhi, "boron", pinned),
    ])
      expect(answer).toMatchObject({ value: undefined, reason });
  });
});

describe("a country's share where the edition read has no world total", () => {
  it("says which other edition gives the share, and that edition does give it", () => {
    const reason = explain(chinaShare, "boron", { stage: "mining" }).reason!;
    expect(reason).toMatch(/^usgs-mcs-2025 gives CHN no share of a world total for boron 2024 at /);
    const named = /; a share is in (.+)$/.exec(reason)![1]!.split(", ");
    expect(named.length).toBeGreaterThan(0);
    for (const entry of named) {
      const source = entry.slice(0, entry.indexOf(" (")) as EditionId;
      expect(chinaShare("boron", { stage: "mining", source }), entry).toBeTypeOf("number");
    }
    expect(`CHINA_SHARE: ${reason}`.length).toBeLessThanOrEqual(255);
  });
});

describe("topProducersReason", () => {
  it("is undefined where topProducers has rows", () => {
    expect(topProducers("cobalt", { stage: "mining" })!.length).toBeGreaterThan(0);
    expect(topProducersReason("cobalt", { stage: "mining" })).toBeUndefined();
  });

  it("names the years that exist when the dataset has no such block", () => {
    expect(topProducers("cobalt", { year: 2019 })).toBeUndefined();
    expect(topProducersReason("cobalt", { year: 2019 })).toMatch(
      /^no cobalt refining figure for 2019; years available: /,
    );
  });

  it("throws as topProducers does, with the nearest name", () => {
    expect(() => topProducersReason("cobalr")).toThrowError(/did you mean "cobalt"/);
    expect(() => topProducersReason("cobalt", { n: 0 })).toThrowError(/^topProducers: n must be a whole number/);
  });

  it("every mineral, stage and edition: rows, or undefined with a reason; never an empty list", () => {
    const data = bundledDataset();
    const seen = new Set<string>();
    let missing = 0;
    for (const r of data.supply) {
      if (r.measure !== "production") continue;
      const key = `${r.mineral}|${r.stage}|${r.edition}|${r.year}|${r.case}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Projections are read under the edition's case rule; the observed years are enough here.
      if (r.case !== null) continue;
      const options = { stage: r.stage, source: r.edition, year: r.year, n: 100 };
      const top = topProducers(r.mineral, options);
      expect(top?.length, key).not.toBe(0);
      const reason = topProducersReason(r.mineral, options);
      if (top === undefined) missing++;
      expect(reason === undefined, key).toBe(top !== undefined);
    }
    expect(missing).toBeGreaterThan(0);
  });
});

describe("what the block functions hand a caller is frozen, all the way down", () => {
  const frozenThrough = (value: unknown): boolean =>
    value === null ||
    typeof value !== "object" ||
    (Object.isFrozen(value) && Object.values(value).every(frozenThrough));

  it("topProducers, its explained value, concentration and provenance", () => {
    const top = topProducers("cobalt", { stage: "refining", source: "iea-cmde-2024" })!;
    expect(top.length).toBeGreaterThan(1);
    for (const value of [
      top,
      explain(topProducers, "cobalt", { stage: "refining", source: "iea-cmde-2024" }).value,
      concentration("cobalt", { source: "iea-cmde-2024" }),
      provenance({ mineral: "cobalt", source: "iea-cmde-2024" }),
      provenance({ mineral: "cobalt", country: "ISL", source: "iea-cmde-2024" }),
    ])
      expect(frozenThrough(value)).toBe(true);
    expect(() => {
      (top[0] as { share: number }).share = 0;
    }).toThrow(TypeError);
  });
});
