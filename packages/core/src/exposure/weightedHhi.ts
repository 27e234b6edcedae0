import { hasUnattributedShare, rankedCountries } from "../_lib/countryShares.ts";
import { governanceEdition, governanceYears } from "../_lib/governanceIndex.ts";
import {
  SCALE_DEFINITIONS,
  WEIGHTED_HHI_RULES,
  parseGovernanceMeasure,
  parseGovernanceScale,
} from "../_lib/governanceTerms.ts";
import type { GovernanceMeasure, GovernanceScale } from "../_lib/governanceConstants.ts";
import { parseSupplyQuery, resolveBlock, type SupplyQuery } from "../_lib/lookup.ts";
import { readOptions } from "../_lib/options.ts";
import type { Block } from "../_lib/supplyIndex.ts";
import type { EditionId } from "../constants.ts";
import type { GovernanceWeightedHhiOptions } from "../options.ts";
import type { GovernanceRow, SupplyRow } from "../records.ts";
import type { Resolution } from "../resolve.ts";
import type { MineralInput } from "../inputs.ts";
import { governanceAt } from "./governance.ts";
import { blockReason } from "./topProducers.ts";

/** One country's term of the sum: its share, its WGI value and the weight it became. */
export interface WeightedTerm {
  readonly row: SupplyRow;
  readonly share: number;
  /** The WGI estimate (or mean), `undefined` when the WGI give none (rule `wgi-missing-midpoint`). */
  readonly estimate: number | undefined;
  readonly weight: number;
  readonly wgiRows: readonly GovernanceRow[];
}

/** Everything {@link governanceWeightedHhi} read and decided, for `explain` and the replication. */
export interface WeightedHhiLookup {
  readonly query: SupplyQuery;
  readonly dimension: GovernanceMeasure;
  readonly scale: GovernanceScale;
  readonly resolution?: Resolution | undefined;
  readonly block?: Block | undefined;
  readonly wgiEdition?: EditionId | undefined;
  readonly wgiYear?: number | undefined;
  readonly terms: readonly WeightedTerm[];
  /** The named rules applied (`wgi-row-excluded`, `wgi-missing-midpoint`, `wgi-newest-year`). */
  readonly rules: readonly string[];
  /** What the rules did, in words. */
  readonly notes: readonly string[];
  /** True when rest of world holds part of supply, left out: the value is a lower bound. */
  readonly lowerBound: boolean;
  readonly value?: number | undefined;
  readonly reason?: string | undefined;
}

const KEYS = ["dimension", "scale"] as const;

/**
 * Governance-weighted Herfindahl–Hirschman index of one stage of a mineral's supply, the EU
 * criticality methodology's HHI_WGI: Σ sᵢ² × gᵢ over countries, where sᵢ is a country's share
 * (a fraction 0–1, the shares {@link hhi} uses: same edition, year and stage resolution) and gᵢ its
 * WGI value rescaled, on the EU scale gᵢ = (2.5 − WGIᵢ) × 2 (0 best, 10 worst), after Blengini, G.A.
 * et al. (2017), Assessment of the Methodology for Establishing the EU List of Critical Raw Materials
 * – Background Report, EUR 28654 EN, doi:10.2760/73303. 0–10: a single supplier with the weakest
 * governance scores 10. The EU's trade variable `t` is not applied (it is not in the dataset).
 *
 * Named rules, reported by `explain`: rest of world is left out, as {@link hhi} leaves it out, so
 * the value is then a lower bound (`wgi-row-excluded`); a country without a WGI value weighs the
 * scale's midpoint, 5 (geopolrisk-py's 0.5 on its 0–1 scale; `wgi-missing-midpoint`); a supply year
 * after the newest bundled WGI year is weighted with that newest year (`wgi-newest-year`), which
 * also weights the EU study's period-average shares (labelled with the assessment year, 2023).
 *
 * @returns 0–10, or `undefined` when the dataset has no such block, or no WGI year for it
 * @throws {@link CritminError} `unknown_id` for an unknown mineral, stage, source, dimension or scale
 *   (with the nearest valid one), `invalid_argument` for a malformed option
 * @example
 * governanceWeightedHhi("gallium", { source: "ec-crm-2023" })
 * //=> Number("4.991811721825272")
 * explain(governanceWeightedHhi, "gallium", { source: "ec-crm-2023" }).extra?.notes
 * //=> ["period-average shares labelled 2023 (the assessment year) weighted with WGI 2022, the newest WGI year bundled"]
 * explain(governanceWeightedHhi, "gallium", { source: "ec-crm-2023" }).extra?.rules
 * //=> ["wgi-newest-year"]
 * explain(governanceWeightedHhi, "rare earths", { stage: "mining", source: "iea-cmde-2024" }).bound
 * //=> "lower"
 */
export function governanceWeightedHhi(
  mineral: MineralInput,
  options?: GovernanceWeightedHhiOptions,
): number | undefined {
  return weightedHhiLookup(mineral, options).value;
}

/** What {@link governanceWeightedHhi} read and decided, or why it has no value. */
export function weightedHhiLookup(mineral: MineralInput, options?: GovernanceWeightedHhiOptions): WeightedHhiLookup {
  const fn = "governanceWeightedHhi";
  const query = parseSupplyQuery(fn, mineral, options, { stage: "refining" }, KEYS);
  const opts = readOptions(fn, options, ["stage", "year", "source", "within", ...KEYS]);
  const dimension = opts.get("dimension", parseGovernanceMeasure, "mean" as const);
  const scale = opts.get("scale", parseGovernanceScale, "eu" as const);
  return weightedHhiOf(query, dimension, scale);
}

/**
 * The weighted HHI of the block a parsed query resolves to (any measure: the replication reads EU
 * sourcing), weighted with WGI year `wgiYear` when given (a bundled year), else by the year rule.
 */
export function weightedHhiOf(
  query: SupplyQuery,
  dimension: GovernanceMeasure,
  scale: GovernanceScale,
  wgiYear?: number,
): WeightedHhiLookup {
  const base = { query, dimension, scale, terms: [], rules: [], notes: [], lowerBound: false };
  const found = resolveBlock(query);
  if (!found.block) return { ...base, reason: found.reason };
  const { block, resolution } = found;
  const resolved = { ...base, block, resolution, wgiEdition: governanceEdition() };
  const countries = rankedCountries(block);
  if (countries.length === 0)
    return { ...resolved, reason: blockReason(found) ?? `${resolution.edition} lists no country for ${query.mineral}` };
  const chosen = wgiYear === undefined ? wgiYearFor(resolution.year, block) : pinnedWgiYear(wgiYear);
  if (chosen.year === undefined) return { ...resolved, reason: chosen.reason };
  const rules = [...chosen.rules];
  const notes = [...chosen.notes];
  const definition = SCALE_DEFINITIONS[scale];
  const missing: string[] = [];
  const terms = countries.map((row): WeightedTerm => {
    const g = governanceAt(row.country, dimension, chosen.year);
    if (g.value === undefined) missing.push(row.country);
    const weight = g.value === undefined ? definition.midpoint : definition.rescale(g.value);
    return { row, share: row.share!, estimate: g.value, weight, wgiRows: g.rows };
  });
  if (missing.length > 0) {
    rules.push(WEIGHTED_HHI_RULES.missing);
    notes.push(
      `no WGI ${dimension} value for ${missing.join(", ")} in ${chosen.year}: weighted ${definition.midpoint}, the scale's midpoint`,
    );
  }
  const lowerBound = hasUnattributedShare(block);
  if (lowerBound) {
    rules.push(WEIGHTED_HHI_RULES.restOfWorld);
    notes.push("rest of world has no governance score and is left out, as in hhi: the value is a lower bound");
  }
  const value = terms.reduce((sum, t) => sum + t.share ** 2 * t.weight, 0);
  return { ...resolved, wgiYear: chosen.year, terms, rules, notes, lowerBound, value };
}

type YearChoice =
  | {
      readonly year: number;
      readonly rules: readonly string[];
      readonly notes: readonly string[];
      readonly reason?: undefined;
    }
  | { readonly year?: undefined; readonly rules?: undefined; readonly notes?: undefined; readonly reason: string };

function pinnedWgiYear(year: number): YearChoice {
  const years = governanceYears();
  if (years.includes(year)) return { year, rules: [], notes: [`weighted with WGI ${year}, as asked`] };
  return { reason: `the WGI bundle has no ${year} (years bundled: ${years.join(", ")})` };
}

/** The WGI year that weights a block of supply year `year`: the same year, or the newest when the supply is later. */
function wgiYearFor(year: number, block: Block): YearChoice {
  const years = governanceYears();
  const newest = years.at(-1);
  if (newest === undefined) return { reason: "the dataset in use holds no WGI estimates" };
  const average = [...block.rows.values()].some((r) => r.kind === "period-average");
  const what = average ? `period-average shares labelled ${year} (the assessment year)` : `supply year ${year}`;
  if (year > newest)
    return {
      year: newest,
      rules: [WEIGHTED_HHI_RULES.newestYear],
      notes: [`${what} weighted with WGI ${newest}, the newest WGI year bundled`],
    };
  if (years.includes(year)) return { year, rules: [], notes: [] };
  return { reason: `no WGI year for supply year ${year} (WGI years bundled: ${years.join(", ")})` };
}
