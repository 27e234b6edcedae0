// The main entry's plain types (../options.ts, ../records.ts) and the zod schemas here describe the
// same objects: a field added to one and not the other fails the typecheck here.
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type * as plain from "../options.ts";
import type * as records from "../records.ts";
import type * as schemas from "./index.ts";

type Input<K extends keyof typeof schemas> = (typeof schemas)[K] extends z.ZodType
  ? z.input<(typeof schemas)[K]>
  : never;
type Record_<K extends keyof typeof schemas> = (typeof schemas)[K] extends z.ZodType
  ? Readonly<z.infer<(typeof schemas)[K]>>
  : never;

describe("the main entry's plain types equal the zod schemas", () => {
  it("options", () => {
    expectTypeOf<plain.SupplyOptions>().toEqualTypeOf<Input<"SupplyOptions">>();
    expectTypeOf<plain.CoverageWithoutOptions>().toEqualTypeOf<Input<"CoverageWithoutOptions">>();
    expectTypeOf<plain.CrmaCheckOptions>().toEqualTypeOf<Input<"CrmaCheckOptions">>();
    expectTypeOf<plain.DemandOptions>().toEqualTypeOf<Input<"DemandOptions">>();
    expectTypeOf<plain.DiversificationGapOptions>().toEqualTypeOf<Input<"DiversificationGapOptions">>();
    expectTypeOf<plain.EconomicImportanceOptions>().toEqualTypeOf<Input<"EconomicImportanceOptions">>();
    expectTypeOf<plain.ImportRelianceOptions>().toEqualTypeOf<Input<"ImportRelianceOptions">>();
    expectTypeOf<plain.ProvenanceQuery>().toEqualTypeOf<Input<"ProvenanceQuery">>();
    expectTypeOf<plain.ReservesOptions>().toEqualTypeOf<Input<"ReservesOptions">>();
    expectTypeOf<plain.ShareChangeOptions>().toEqualTypeOf<Input<"ShareChangeOptions">>();
    expectTypeOf<plain.SupplyAtRiskOptions>().toEqualTypeOf<Input<"SupplyAtRiskOptions">>();
    expectTypeOf<plain.SupplyRiskOptions>().toEqualTypeOf<Input<"SupplyRiskOptions">>();
    expectTypeOf<plain.TechExposureOptions>().toEqualTypeOf<Input<"TechExposureOptions">>();
    expectTypeOf<plain.TopProducersOptions>().toEqualTypeOf<Input<"TopProducersOptions">>();
    // governance (issue 15)
    expectTypeOf<plain.GovernanceOptions>().toEqualTypeOf<Input<"GovernanceOptions">>();
    expectTypeOf<plain.GovernanceWeightedHhiOptions>().toEqualTypeOf<Input<"GovernanceWeightedHhiOptions">>();
  });

  it("records", () => {
    expectTypeOf<records.SupplyRow>().toEqualTypeOf<Record_<"SupplyRow">>();
    expectTypeOf<records.IndicatorRow>().toEqualTypeOf<Record_<"IndicatorRow">>();
    expectTypeOf<records.DemandRow>().toEqualTypeOf<Record_<"DemandRow">>();
    expectTypeOf<records.Edition>().toEqualTypeOf<Record_<"Edition">>();
    expectTypeOf<records.ListItemRow>().toEqualTypeOf<Record_<"ListItemRow">>();
    expectTypeOf<records.ExportControlRow>().toEqualTypeOf<Record_<"ExportControlRow">>();
    expectTypeOf<records.GovernanceRow>().toEqualTypeOf<Record_<"GovernanceRow">>();
  });

  it("and the schema entry's types are the same", () => {
    expectTypeOf<plain.SupplyOptions>().toEqualTypeOf<schemas.SupplyOptions>();
    expectTypeOf<records.SupplyRow>().toEqualTypeOf<schemas.SupplyRow>();
  });
});
