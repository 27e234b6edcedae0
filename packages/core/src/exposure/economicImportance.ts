import { parseMineral, requireString } from "../_lib/ids.ts";
import { indicatorYears, lookupIndicator, type IndicatorLookup } from "../_lib/indicatorIndex.ts";
import { readOptions } from "../_lib/options.ts";
import type { EconomicImportanceOptions } from "../options.ts";
import type { MineralInput } from "../inputs.ts";

// The option names as a plain list (why not the zod schema: schema/index.ts).
const KEYS = ["year"] as const;

/**
 * The EU economic importance (EI) score of a material, as published by the EU criticality assessments.
 *
 * From Annex 4 of the EU CRM study 2023 (every assessment 2011–2023), or for a material Annex 4 lacks,
 * the 2023 study's results table. `year` is the assessment year (2011, 2014, 2017, 2020 or 2023;
 * default the latest, 2023); a material not assessed in that year is `undefined`, never an older score.
 *
 * @returns the EI index (unitless; 2.8 is the criticality threshold), or `undefined` when the study
 *   gives none for that material and year
 * @throws {@link CritminError} `unknown_id` for an unknown material (with the nearest valid one),
 *   `invalid_argument` for a malformed option
 * @example
 * economicImportance("cobalt")
 * //=> 6.8
 * economicImportance("cobalt", { year: 2011 })
 * //=> 7.2
 */
export function economicImportance(material: MineralInput, options?: EconomicImportanceOptions): number | undefined {
  return economicImportanceLookup(material, options).value;
}

/** The indicator row {@link economicImportance} answers with, or why there is none. */
export function economicImportanceLookup(material: MineralInput, options?: EconomicImportanceOptions): IndicatorLookup {
  const fn = "economicImportance";
  const opts = readOptions(fn, options, KEYS);
  const mineral = parseMineral(fn, material);
  const year = opts.year();
  return lookupIndicator({ fn, indicator: "economic-importance", economy: "EU", mineral, stage: null, year });
}

/**
 * Why {@link economicImportance} has no score, naming the assessments the dataset in use holds.
 * `subject` is what was asked, as the caller words it (`"gold"`, `"gold in 2019"`).
 *
 * @throws {@link CritminError} `invalid_argument` when `subject` is not a non-empty string
 * @example
 * economicImportanceReason("gold in 2019")
 * //=> "the EU study has no economic importance for gold in 2019 (assessments: 2011, 2014, 2017, 2020, 2023)"
 */
export function economicImportanceReason(subject: string): string {
  requireString("economicImportanceReason", "subject", subject);
  const years = indicatorYears("economic-importance", "EU", "overall").join(", ");
  return `the EU study has no economic importance for ${subject} (assessments: ${years})`;
}
