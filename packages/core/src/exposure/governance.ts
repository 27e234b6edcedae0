import { GOVERNANCE_DIMENSIONS } from "../constants.ts";
import { parseCountry, requireString } from "../_lib/ids.ts";
import {
  describeGovernanceYears,
  governanceEdition,
  governanceRow,
  governanceYears,
  hasGovernanceCountry,
} from "../_lib/governanceIndex.ts";
import { GOVERNANCE_MEASURES, type GovernanceMeasure } from "../_lib/governanceConstants.ts";
import { parseGovernanceMeasure } from "../_lib/governanceTerms.ts";
import { readOptions } from "../_lib/options.ts";
import type { GovernanceOptions } from "../options.ts";
import type { GovernanceRow } from "../records.ts";
import type { CountryInput } from "../inputs.ts";

/** What {@link governance} read: the value and its rows, or why there is none. */
export interface GovernanceLookup {
  readonly country: string;
  readonly dimension: GovernanceMeasure;
  /** The WGI year read; `undefined` when the dataset bundles no WGI year. */
  readonly year: number | undefined;
  readonly value?: number | undefined;
  /** The rows read: one for a dimension, the six for `mean` (those the dataset has). */
  readonly rows: readonly GovernanceRow[];
  readonly reason?: string | undefined;
}

/**
 * A country's Worldwide Governance Indicators estimate for one dimension and year: −2.5 to 2.5,
 * higher is better governance (World Bank, WGI 2023 update, edition `wb-wgi-2023`).
 *
 * `dimension` is one of `voice-accountability`, `political-stability`, `government-effectiveness`,
 * `regulatory-quality`, `rule-of-law`, `control-of-corruption` (the World Bank's codes `VA`, `PV`,
 * `GE`, `RQ`, `RL`, `CC` are accepted too), or `mean`: the mean of the country's six estimates of
 * that year, `undefined` when any of the six is missing (never a mean of fewer). The year defaults
 * to the newest bundled WGI year; a year the package does not bundle is `undefined`, and
 * {@link governanceReason} names the years that exist. The standard error is in `explain`.
 *
 * @returns the estimate, or `undefined` when the WGI give none for that country, dimension and year
 * @throws {@link CritminError} `unknown_id` for an unknown country or dimension (with the nearest
 *   valid one), `invalid_argument` for a malformed year or option
 * @example
 * governance("China", "political-stability", { year: 2022 })
 * //=> Number("-0.441073626279831")
 * explain(governance, "China", "political-stability", { year: 2022 }).sources[0]
 * //=> { edition: "wb-wgi-2023", locator: "WGIData.csv:row 1454:2022", what: "CHN political-stability, 2022 estimate", value: -0.441073626279831, unit: "WGI estimate (-2.5 to 2.5)", status: "reported" }
 */
export function governance(country: CountryInput, dimension: string, options?: GovernanceOptions): number | undefined {
  return governanceLookup(country, dimension, options).value;
}

/** The rows {@link governance} answers with, or why there are none. */
export function governanceLookup(
  country: CountryInput,
  dimension: string,
  options?: GovernanceOptions,
): GovernanceLookup {
  const fn = "governance";
  const code = governanceCountry(fn, country);
  const measure = parseGovernanceMeasure(fn, dimension);
  const asked = readOptions(fn, options, ["year"]).year();
  return governanceAt(code, measure, asked);
}

/**
 * A country through the dataset's resolver; failing that, a code the WGI themselves use (`AIA`,
 * `XKX`): the WGI score 214 economies, more than the supply sources name.
 */
function governanceCountry(fn: string, input: unknown): string {
  try {
    return parseCountry(fn, input);
  } catch (error) {
    const code = typeof input === "string" ? input.trim().toUpperCase() : "";
    if (/^[A-Z]{3}$/.test(code) && hasGovernanceCountry(code)) return code;
    throw error;
  }
}

/**
 * One country's value of a dimension (or the mean of the six) in a WGI year (default the newest),
 * or why there is none: the logic {@link governance} and the weighted HHI share.
 */
export function governanceAt(country: string, dimension: GovernanceMeasure, asked?: number): GovernanceLookup {
  const years = governanceYears();
  const year = asked ?? years.at(-1);
  const base = { country, dimension, year };
  if (year === undefined) return { ...base, rows: [], reason: "the dataset in use holds no WGI estimates" };
  if (!years.includes(year))
    return { ...base, rows: [], reason: `the WGI bundle has no ${year} (years bundled: ${describeGovernanceYears()})` };
  if (country === "WORLD" || country === "ROW")
    return { ...base, rows: [], reason: `${country} is an aggregate; the WGI score economies` };
  const wanted = dimension === "mean" ? GOVERNANCE_DIMENSIONS : [dimension];
  const rows = wanted.flatMap((d) => governanceRow(country, d, year) ?? []);
  const missing = wanted.filter((d) => rows.find((r) => r.dimension === d)?.estimate == null);
  if (missing.length > 0) {
    const edition = governanceEdition() ?? "the WGI";
    const what = dimension === "mean" ? `${missing.join(", ")} (the mean needs all six)` : missing.join(", ");
    const empty = rows.filter((r) => r.estimate === null).map((r) => r.locator);
    const detail =
      rows.length === 0 ? " (the WGI do not cover it)" : empty.length > 0 ? ` (empty at ${empty.join(", ")})` : "";
    return { ...base, rows, reason: `${edition} gives no ${what} estimate for ${country} in ${year}${detail}` };
  }
  const sum = rows.reduce((total, r) => total + r.estimate!, 0);
  return { ...base, rows, value: dimension === "mean" ? sum / rows.length : sum };
}

/**
 * Why {@link governance} has no estimate, naming the WGI years and dimensions the dataset holds.
 * `subject` is what was asked, as the caller words it (`"Kosovo political-stability in 2015"`).
 *
 * @throws {@link CritminError} `invalid_argument` when `subject` is not a non-empty string
 * @example
 * governanceReason("China in 2015")
 * //=> "the WGI have no estimate for China in 2015 (years bundled: 2018–2022; dimensions: voice-accountability, political-stability, government-effectiveness, regulatory-quality, rule-of-law, control-of-corruption, mean)"
 */
export function governanceReason(subject: string): string {
  requireString("governanceReason", "subject", subject);
  return `the WGI have no estimate for ${subject} (years bundled: ${describeGovernanceYears()}; dimensions: ${GOVERNANCE_MEASURES.join(", ")})`;
}
