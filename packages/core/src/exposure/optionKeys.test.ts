// Each function checks its options against a plain list of keys (reading them off the zod schema at
// run time would keep zod, and its eval-based JIT, in every bundle). This keeps the lists and the
// exported schemas equal: every schema key is accepted, nothing else is.
import { describe, expect, it } from "vitest";
import * as core from "../index.ts";

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
  ["share", core.SupplyOptions, (o) => core.share("cobalt", "CHN", o)],
  ["chinaShare", core.SupplyOptions, (o) => core.chinaShare("cobalt", o)],
  ["production", core.SupplyOptions, (o) => core.production("cobalt", "CHN", o)],
  ["supplyAtRisk", core.SupplyAtRiskOptions, (o) => core.supplyAtRisk("cobalt", "CHN", 0.5, o)],
  ["topProducers", core.TopProducersOptions, (o) => core.topProducers("cobalt", o)],
  ["shareChange", core.ShareChangeOptions, (o) => core.shareChange("cobalt", "CHN", o as never), { from: 2023, to: 2030 }],
  ["diversificationGap", core.DiversificationGapOptions, (o) => core.diversificationGap("cobalt", o)],
  ["crmaCheck", core.CrmaCheckOptions, (o) => core.crmaCheck("lithium", "refining", o)],
  ["demand", core.DemandOptions, (o) => core.demand("lithium", o)],
  ["coverageWithout", core.CoverageWithoutOptions, (o) => core.coverageWithout("lithium", o)],
  ["techExposure", core.TechExposureOptions, (o) => core.techExposure("EV", o)],
  ["supplyRisk", core.SupplyRiskOptions, (o) => core.supplyRisk("cobalt", o)],
  ["economicImportance", core.EconomicImportanceOptions, (o) => core.economicImportance("cobalt", o)],
  ["importReliance", core.ImportRelianceOptions, (o) => core.importReliance("cobalt", "EU", o)],
  ["reserves", core.ReservesOptions, (o) => core.reserves("lithium", "CHL", o)],
  ["provenance", core.ProvenanceQuery, (o) => core.provenance(o as never), { mineral: "cobalt" }],
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
      expect(unknownOption(() => call({ ...required, [key]: required[key] })), key).toBeUndefined();
    }
    expect(unknownOption(() => call({ ...required, bogus: 1 }))).toMatch(/unknown option "bogus"/);
  });
});
