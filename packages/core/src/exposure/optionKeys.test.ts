// Each function checks its options against a plain list of keys (reading them off the zod schema at
// run time would keep zod, and its eval-based JIT, in every bundle). This keeps the lists and the
// exported schemas equal: every schema key is accepted, nothing else is.
import { describe, expect, it } from "vitest";
import * as core from "../index.ts";
import * as schemas from "../schema/index.ts";

type Call = (options: Record<string, unknown>) => unknown;
interface Case {
  readonly name: string;
  readonly schema: { readonly shape: object };
  readonly call: Call;
  readonly required?: Record<string, unknown>;
}
const cases = (list: readonly (readonly [string, { shape: object }, Call, Record<string, unknown>?])[]): Case[] =>
  list.map(([name, schema, call, required]) => ({ name, schema, call, required }));
const CASES = cases([
  ["share", schemas.SupplyOptions, (o) => core.share("cobalt", "CHN", o)],
  ["chinaShare", schemas.SupplyOptions, (o) => core.chinaShare("cobalt", o)],
  ["production", schemas.SupplyOptions, (o) => core.production("cobalt", "CHN", o)],
  ["supplyAtRisk", schemas.SupplyAtRiskOptions, (o) => core.supplyAtRisk("cobalt", "CHN", 0.5, o)],
  ["topProducers", schemas.TopProducersOptions, (o) => core.topProducers("cobalt", o)],
  [
    "shareChange",
    schemas.ShareChangeOptions,
    (o) => core.shareChange("cobalt", "CHN", o as never),
    { from: 2023, to: 2030 },
  ],
  ["diversificationGap", schemas.DiversificationGapOptions, (o) => core.diversificationGap("cobalt", o)],
  ["crmaCheck", schemas.CrmaCheckOptions, (o) => core.crmaCheck("lithium", "refining", o)],
  ["demand", schemas.DemandOptions, (o) => core.demand("lithium", o)],
  ["coverageWithout", schemas.CoverageWithoutOptions, (o) => core.coverageWithout("lithium", o)],
  ["techExposure", schemas.TechExposureOptions, (o) => core.techExposure("EV", o)],
  ["supplyRisk", schemas.SupplyRiskOptions, (o) => core.supplyRisk("cobalt", o)],
  ["economicImportance", schemas.EconomicImportanceOptions, (o) => core.economicImportance("cobalt", o)],
  ["importReliance", schemas.ImportRelianceOptions, (o) => core.importReliance("cobalt", "EU", o)],
  ["reserves", schemas.ReservesOptions, (o) => core.reserves("lithium", "CHL", o)],
  ["provenance", schemas.ProvenanceQuery, (o) => core.provenance(o as never), { mineral: "cobalt" }],
  // governance (issue 15)
  ["governance", schemas.GovernanceOptions, (o) => core.governance("CHN", "mean", o)],
  ["governanceWeightedHhi", schemas.GovernanceWeightedHhiOptions, (o) => core.governanceWeightedHhi("cobalt", o)],
]);

function unknownOption(call: () => unknown): string | undefined {
  try {
    call();
    return undefined;
  } catch (error) {
    return error instanceof core.CritminError && /unknown option/.test(error.message) ? error.message : undefined;
  }
}

describe("option keys match the exported schemas", () => {
  it.each(CASES)("$name accepts every key of its schema and no other", ({ schema, call, required = {} }) => {
    for (const key of Object.keys(schema.shape)) {
      expect(
        unknownOption(() => call({ ...required, [key]: required[key] })),
        key,
      ).toBeUndefined();
    }
    expect(unknownOption(() => call({ ...required, bogus: 1 }))).toMatch(/unknown option "bogus"/);
  });
});
