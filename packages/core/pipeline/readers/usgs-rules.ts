// Rule ids and the label clean-up shared by the two USGS readers (world data, net import reliance).
import type { EditionId } from "../../src/schema/rows.ts";

export const USGS_EDITION: EditionId = "usgs-mcs-2025";

/** Every quirk rule the USGS readers apply; row `rules` arrays hold these ids. */
export const USGS_RULES = {
  withheld: "usgs-withheld-is-not-zero",
  lowerBound: "usgs-lower-bound",
  upperBound: "usgs-upper-bound",
  trimmed: "usgs-trailing-spaces-and-footnotes",
  estimatedSeries: "usgs-estimated-series",
  titaniumUnit: "usgs-titanium-concentrates-unit",
  vanadiumReservesUnit: "usgs-vanadium-reserves-unit",
  molybdenumReservesUnit: "usgs-molybdenum-reserves-unit",
  magnesiumReserves: "usgs-magnesium-reserves-are-capacity",
  pgmReserves: "usgs-pgm-reserves-are-combined",
  excludesUs: "usgs-world-total-excludes-us",
  seriesWorldLabel: "usgs-series-world-label",
  titaniumCombinedTotal: "usgs-titanium-combined-world-total",
  countryQualifier: "usgs-country-qualifier",
  jointCountries: "usgs-joint-country-row",
  partialCountry: "usgs-partial-country-row",
} as const;

/** usgs-trailing-spaces-and-footnotes: "Barite  " → "Barite", collapsing inner runs of spaces too. */
export function cleanLabel(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}
