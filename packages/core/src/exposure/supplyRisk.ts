import { parseMineral, requireString } from "../_lib/ids.ts";
import { indicatorYears, lookupIndicator, type IndicatorLookup } from "../_lib/indicatorIndex.ts";
import { readOptions } from "../_lib/options.ts";
import type { SupplyRiskOptions } from "../options.ts";
import type { MineralInput } from "../inputs.ts";

// The option names as a plain list (why not the zod schema: schema/index.ts).
const KEYS = ["year", "stage"] as const;

/**
 * The EU supply risk (SR) score of a material, as published by the EU criticality assessments.
 *
 * Without `stage`: the material's overall SR (the score at the stage the study assessed it at) from
 * Annex 4 of the EU CRM study 2023, for the assessment `year` (2011, 2014, 2017, 2020 or 2023;
 * default the latest, 2023). With `stage`: the per-stage SR (extraction → `mining`, processing →
 * `refining`) from the 2023 study's results table, 2023 only. A material not assessed in the year
 * asked is `undefined`, never an older score.
 *
 * @returns the SR index (unitless; 1 is the criticality threshold), or `undefined` when the study
 *   gives none for that material, stage and year
 * @throws {@link CritminError} `unknown_id` for an unknown material or stage (with the nearest valid
 *   one), `invalid_argument` for a malformed option
 * @example
 * supplyRisk("cobalt")
 * //=> 2.8
 * supplyRisk("lithium", { stage: "refining" })
 * //=> 1.9
 * supplyRisk("LREE", { year: 2014 })
 * //=> 3.1
 */
export function supplyRisk(material: MineralInput, options?: SupplyRiskOptions): number | undefined {
  return supplyRiskLookup(material, options).value;
}

/** The indicator row {@link supplyRisk} answers with, or why there is none. */
export function supplyRiskLookup(material: MineralInput, options?: SupplyRiskOptions): IndicatorLookup {
  const fn = "supplyRisk";
  const opts = readOptions(fn, options, KEYS);
  const mineral = parseMineral(fn, material);
  return lookupIndicator({
    fn,
    indicator: "supply-risk",
    economy: "EU",
    mineral,
    stage: opts.stage(null),
    year: opts.year(),
  });
}

/**
 * Why {@link supplyRisk} has no score, naming the assessments the dataset in use holds.
 * `subject` is what was asked, as the caller words it (`"gold"`, `"gold in 2019"`).
 *
 * @throws {@link CritminError} `invalid_argument` when `subject` is not a non-empty string
 * @example
 * supplyRiskReason("gold in 2019")
 * //=> "the EU study has no supply risk for gold in 2019 (assessments: 2011, 2014, 2017, 2020, 2023; per stage: 2023)"
 */
export function supplyRiskReason(subject: string): string {
  requireString("supplyRiskReason", "subject", subject);
  const years = (by: "overall" | "staged") => indicatorYears("supply-risk", "EU", by).join(", ");
  return `the EU study has no supply risk for ${subject} (assessments: ${years("overall")}; per stage: ${years("staged")})`;
}
