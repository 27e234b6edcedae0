// governance() and governanceWeightedHhi() against the raw files: WGI cells read from
// wb/WGIData.csv and EU shares from the appendix-7 CSV, both with csv-parse in the test.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SOURCE_DIR } from "../../pipeline/sourceDir.ts";
import { explain } from "../answer/explain.ts";
import { GOVERNANCE_MEASURES } from "../_lib/governanceConstants.ts";
import { GOVERNANCE_DIMENSIONS } from "../constants.ts";
import { CritminError } from "../errors.ts";
import { governance, governanceReason } from "./governance.ts";
import { share } from "./share.ts";
import { governanceWeightedHhi } from "./weightedHhi.ts";
import { codeOf, rawWgi } from "./wgi.test-support.ts";

const NEWEST = 2022;
const estimate = (country: string, dimension: (typeof GOVERNANCE_DIMENSIONS)[number], year = NEWEST) =>
  rawWgi(country, `${codeOf(dimension)}.EST`, year)!.value;
const rawMean = (country: string, year = NEWEST) =>
  GOVERNANCE_DIMENSIONS.reduce((sum, d) => sum + estimate(country, d, year)!, 0) / GOVERNANCE_DIMENSIONS.length;

function thrown(call: () => unknown): CritminError {
  try {
    call();
  } catch (error) {
    if (error instanceof CritminError) return error;
    throw error;
  }
  throw new Error("expected a CritminError");
}

describe("governance", () => {
  it("reads a WGI cell: China political stability 2022", () => {
    const raw = rawWgi("CHN", "PV.EST", 2022)!;
    expect(raw.value).toBe(-0.441073626279831);
    expect(governance("CHN", "political-stability", { year: 2022 })).toBe(raw.value);
    // Default year: the newest bundled; names, World Bank codes and spaced words name the same series.
    expect(governance("China", "political-stability")).toBe(raw.value);
    expect(governance("CN", "PV")).toBe(raw.value);
    expect(governance("china", "Political Stability")).toBe(raw.value);
  });

  it("reads every dimension of a few economies and years as the file has them", () => {
    for (const country of ["USA", "AUS", "COD", "CHL", "IDN"])
      for (const dimension of GOVERNANCE_DIMENSIONS)
        for (const year of [2018, 2020, 2022])
          expect(governance(country, dimension, { year }), `${country} ${dimension} ${year}`).toBe(
            estimate(country, dimension, year),
          );
  });

  it("tells the two Congos apart: DRC is COD, Congo alone is the Republic of the Congo (COG)", () => {
    expect(governance("DRC", "rule-of-law")).toBe(estimate("COD", "rule-of-law"));
    expect(governance("Congo", "rule-of-law")).toBe(estimate("COG", "rule-of-law"));
    expect(estimate("COD", "rule-of-law")).not.toBe(estimate("COG", "rule-of-law"));
  });

  it("means the six estimates of a year, and never fewer", () => {
    expect(governance("CHN", "mean")).toBeCloseTo(rawMean("CHN"), 12);
    expect(governance("COD", "mean", { year: 2018 })).toBeCloseTo(rawMean("COD", 2018), 12);
    // Anguilla has no voice-accountability estimate (an empty cell): its mean is missing, not a mean of five.
    expect(rawWgi("AIA", "VA.EST", 2022)!.value).toBeNull();
    expect(governance("AIA", "mean")).toBeUndefined();
    expect(explain(governance, "AIA", "mean").reason).toMatch(/voice-accountability \(the mean needs all six\)/);
  });

  it("gives undefined with the reason for an empty cell, naming its locator", () => {
    const raw = rawWgi("AIA", "VA.EST", 2022)!;
    expect(raw.value).toBeNull();
    expect(governance("AIA", "voice-accountability")).toBeUndefined();
    const answer = explain(governance, "AIA", "voice-accountability");
    expect(answer.value).toBeUndefined();
    expect(answer.reason).toContain(`WGIData.csv:row ${raw.line}:2022`);
  });

  it("names the bundled years for a year outside them", () => {
    expect(governance("CHN", "political-stability", { year: 2015 })).toBeUndefined();
    expect(explain(governance, "CHN", "political-stability", { year: 2015 }).reason).toMatch(/no 2015 .*2018–2022/);
    expect(governanceReason("China in 2015")).toMatch(
      /years bundled: 2018–2022; dimensions: .*political-stability.*mean/,
    );
  });

  it("rejects unknown dimensions with the nearest id, and malformed years", () => {
    const error = thrown(() => governance("CHN", "political stabilty"));
    expect(error.code).toBe("unknown_id");
    expect(error.message).toMatch(/did you mean "political-stability"/);
    expect(thrown(() => governance("CHN", "")).code).toBe("invalid_argument");
    expect(thrown(() => governance("CHN", "mean", { year: 2022.5 })).message).toMatch(/year must be a whole number/);
    expect(thrown(() => governance("Atlantis", "mean")).code).toBe("unknown_id");
  });

  it("explains the estimate with its standard error and both locators", () => {
    const answer = explain(governance, "CHN", "political-stability", { year: 2022 });
    const error = rawWgi("CHN", "PV.STD.ERR", 2022)!;
    expect(answer.value).toBe(estimate("CHN", "political-stability"));
    expect(answer.extra?.standardError).toBe(error.value);
    expect(answer.sources.map((s) => s.locator)).toEqual([
      `WGIData.csv:row ${rawWgi("CHN", "PV.EST", 2022)!.line}:2022`,
      `WGIData.csv:row ${error.line}:2022`,
    ]);
    expect(answer.year).toBe(2022);
    expect(answer.unit).toBe("index");
    expect(Object.isFrozen(answer.extra)).toBe(true);
  });
});

/** The EU appendix-7 global supply shares of one material and stage letter, from the raw CSV. */
function euShares(material: string, stage: "E" | "P"): { country: string; share: number }[] {
  const file = path.join(SOURCE_DIR, "eu", "ec-crm-2023-appendix7-global-supply-shares.csv");
  const records = parse<Record<string, string>>(readFileSync(file), { columns: true });
  return records
    .filter((r) => r.Material === material && r.Stage === stage)
    .map((r) => ({
      country: r.Country!,
      share: r.Share!.startsWith("<") ? 0.001 : Number(r.Share!.replace("%", "")) / 100,
    }));
}

describe("governanceWeightedHhi", () => {
  // The names the gallium processing block of the EU file uses, written out here.
  const GALLIUM = { China: "CHN", Germany: "DEU", Japan: "JPN", "Korea, South": "KOR", Russia: "RUS", Ukraine: "UKR" };

  it("recomputes Σ s² × (2.5 − WGI) × 2 from the raw EU shares and the raw WGI cells", () => {
    const shares = euShares("Gallium", "P");
    expect(shares.map((s) => s.country).sort()).toEqual(Object.keys(GALLIUM).sort());
    for (const dimension of ["mean", "political-stability"] as const) {
      const expected = shares.reduce((sum, { country, share }) => {
        const code = GALLIUM[country as keyof typeof GALLIUM];
        const wgi = dimension === "mean" ? rawMean(code) : estimate(code, dimension)!;
        return sum + share ** 2 * (2.5 - wgi) * 2;
      }, 0);
      const value = governanceWeightedHhi("gallium", { source: "ec-crm-2023", dimension });
      expect(value, dimension).toBeCloseTo(expected, 12);
    }
  });

  it("says the period-average EU shares are weighted with the newest WGI year", () => {
    const answer = explain(governanceWeightedHhi, "gallium", { source: "ec-crm-2023" });
    expect(answer.extra?.wgiYear).toBe(NEWEST);
    expect(answer.extra?.rules).toContain("wgi-newest-year");
    expect(answer.extra?.notes).toEqual(
      expect.arrayContaining([expect.stringMatching(/period-average shares labelled 2023 .* weighted with WGI 2022/)]),
    );
    expect(answer.edition).toBe("ec-crm-2023");
    expect(answer.extra?.supplyEdition).toBe("ec-crm-2023");
    expect(answer.extra?.wgiEdition).toBe("wb-wgi-2023");
    expect(answer.extra?.wgiCitation).toMatch(/^Kaufmann, D\. and A\. Kraay \(2023\), Worldwide Governance Indicators/);
    expect(answer.extra?.formula).toMatch(/\(2\.5 - WGI\) \* 2/);
    // Every WGI cell read is a source with its locator.
    const wgi = answer.sources.filter((s) => s.edition === "wb-wgi-2023");
    expect(wgi).toHaveLength(6 * 6);
    expect(wgi.every((s) => /^WGIData\.csv:row \d+:2022$/.test(s.locator))).toBe(true);
  });

  it("uses the shares hhi uses; rest of world left out makes a lower bound, and the answer says so", () => {
    const options = { stage: "mining", source: "iea-cmde-2024", year: 2023 } as const;
    const answer = explain(governanceWeightedHhi, "rare earths", { ...options, dimension: "political-stability" });
    const terms = answer.extra?.terms as { country: string; share: number; weight: number }[];
    for (const t of terms) expect(t.share).toBe(share("rare earths", t.country, options));
    const expected = terms.reduce((sum, t) => {
      const wgi = estimate(t.country, "political-stability")!;
      return sum + share("rare earths", t.country, options)! ** 2 * (2.5 - wgi) * 2;
    }, 0);
    expect(answer.value).toBeCloseTo(expected, 12);
    expect(answer.bound).toBe("lower");
    expect(answer.extra?.rules).toEqual(["wgi-newest-year", "wgi-row-excluded"]);
  });

  it("weighs a country without a WGI value at the scale's midpoint, naming the rule and the country", () => {
    // New Caledonia (NCL) is a nickel miner the WGI do not score.
    expect(rawWgi("NCL", "PV.EST", 2022)).toBeUndefined();
    const answer = explain(governanceWeightedHhi, "nickel", { stage: "mining", source: "usgs-mcs-2025" });
    const terms = answer.extra?.terms as { country: string; wgi?: number; weight: number }[];
    const ncl = terms.find((t) => t.country === "NCL");
    expect(ncl).toMatchObject({ weight: 5 });
    expect(ncl?.wgi).toBeUndefined();
    expect(answer.extra?.rules).toContain("wgi-missing-midpoint");
    expect(answer.extra?.notes).toEqual(expect.arrayContaining([expect.stringMatching(/NCL/)]));
  });

  it("rejects unknown dimensions and scales with the nearest id", () => {
    expect(thrown(() => governanceWeightedHhi("cobalt", { dimension: "rule of lw" as never })).message).toMatch(
      /did you mean "rule-of-law"/,
    );
    expect(thrown(() => governanceWeightedHhi("cobalt", { scale: "EUU" as never })).message).toMatch(
      /did you mean "eu"/,
    );
    expect(thrown(() => governanceWeightedHhi("cobalt", { bogus: 1 } as never)).message).toMatch(
      /unknown option "bogus"/,
    );
  });

  it("is undefined with the supply reason when there is no block", () => {
    expect(governanceWeightedHhi("cobalt", { year: 2019 })).toBeUndefined();
    expect(explain(governanceWeightedHhi, "cobalt", { year: 2019 }).reason).toMatch(
      /no cobalt refining figure for 2019/,
    );
  });
});

describe("fuzz: bad dimension ids and years", () => {
  const RUNS = Number(process.env.CRITMIN_FUZZ_RUNS ?? 300);
  const valid = new Set<string>(GOVERNANCE_MEASURES);
  const normalised = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, "-");
  const isKnown = (text: string) =>
    valid.has(normalised(text)) || ["va", "pv", "ge", "rq", "rl", "cc"].includes(normalised(text));

  it("an unknown dimension id throws unknown_id (or invalid_argument when blank), in both functions", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom(...GOVERNANCE_MEASURES).map((d) => `${d}x`),
          fc.constantFrom(...GOVERNANCE_MEASURES).map((d) => d.replace("-", "")),
        ),
        (dimension) => {
          fc.pre(!isKnown(dimension));
          for (const call of [
            () => governance("CHN", dimension),
            () => governanceWeightedHhi("cobalt", { dimension: dimension as never }),
          ]) {
            const error = thrown(call);
            expect(dimension.trim() === "" ? "invalid_argument" : "unknown_id").toBe(error.code);
            expect(error.message).toMatch(/^governance(WeightedHhi)?: /);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a malformed year throws invalid_argument; a whole year outside the bundle is undefined with the years", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer({ min: -10_000, max: 10_000 }), fc.constantFrom("2022", null, true)),
        (year) => {
          const whole = typeof year === "number" && Number.isInteger(year) && year >= 1900 && year <= 2100;
          if (year === null) {
            // Excel's omitted argument: the newest year.
            expect(governance("CHN", "mean", { year: null as never })).toBe(governance("CHN", "mean"));
          } else if (!whole) {
            expect(thrown(() => governance("CHN", "mean", { year: year as never })).code).toBe("invalid_argument");
          } else if (year >= 2018 && year <= 2022) {
            expect(governance("CHN", "mean", { year })).toBeDefined();
          } else {
            expect(governance("CHN", "mean", { year })).toBeUndefined();
            expect(explain(governance, "CHN", "mean", { year }).reason).toMatch(/years bundled: 2018–2022/);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
