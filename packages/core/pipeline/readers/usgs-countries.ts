// COUNTRY labels of the USGS world data → country codes, with the labels decided one by one.
import { cleanName, countryCode } from "../countries.ts";
import { USGS_RULES } from "./usgs-rules.ts";

export interface NameRule {
  /** ISO alpha-3, WORLD or ROW; `null` skips the row. */
  readonly code: string | null;
  readonly rule: string;
}

/**
 * COUNTRY labels that are neither a country nor a generic aggregate, decided one by one (after
 * trimming). A qualified "X (…)" maps to X only where the row is X's whole figure for the series
 * and the qualifier says what form it is in; rows that are part of a country or several
 * countries at once are skipped. Most entries belong to series not mapped today: they are
 * decided here so mapping such a series later cannot silently drop or mis-assign rows.
 */
export const USGS_NAME_RULES: Readonly<Record<string, NameRule>> = {
  // Titanium concentrates: each TYPE carries its own world total.
  "World total (ilmenite, rounded)": { code: "WORLD", rule: USGS_RULES.seriesWorldLabel },
  "World total (rutile, rounded)": { code: "WORLD", rule: USGS_RULES.seriesWorldLabel },
  // Ilmenite plus rutile, filed under the ilmenite TYPE: it is not the ilmenite total, and
  // keeping it would give the ilmenite block a second, larger world total.
  "World total (ilmenite and rutile, rounded)": { code: null, rule: USGS_RULES.titaniumCombinedTotal },
  // Soda ash: natural and synthetic world totals, each in its own series.
  "World total (rounded), natural": { code: "WORLD", rule: USGS_RULES.seriesWorldLabel },
  "World total (rounded), synthetic": { code: "WORLD", rule: USGS_RULES.seriesWorldLabel },
  // Abrasives: one capacity figure for two countries cannot be split between them.
  "United States and Canada": { code: null, rule: USGS_RULES.jointCountries },
  // Helium: two partial U.S. rows (natural gas, Cliffside Field); neither is the U.S. total.
  "United States (extracted from natural gas)": { code: null, rule: USGS_RULES.partialCountry },
  "United States (from Cliffside Field)": { code: null, rule: USGS_RULES.partialCountry },
  // The country's only row in its series; the qualifier names the product form or coverage.
  "United States (includes Puerto Rico)": { code: "USA", rule: USGS_RULES.countryQualifier },
  "Brazil (beneficiated)": { code: "BRA", rule: USGS_RULES.countryQualifier },
  "Brazil (beneficiated, marketable)": { code: "BRA", rule: USGS_RULES.countryQualifier },
  "Denmark (processed)": { code: "DNK", rule: USGS_RULES.countryQualifier },
  "Spain (includes pegmatites)": { code: "ESP", rule: USGS_RULES.countryQualifier },
  "United States (kyanite)": { code: "USA", rule: USGS_RULES.countryQualifier },
  "China (andalusite, crude ore)": { code: "CHN", rule: USGS_RULES.countryQualifier },
  "France (andalusite)": { code: "FRA", rule: USGS_RULES.countryQualifier },
  "India (kyanite and sillimanite)": { code: "IND", rule: USGS_RULES.countryQualifier },
  "Peru (andalusite)": { code: "PER", rule: USGS_RULES.countryQualifier },
  "South Africa (andalusite)": { code: "ZAF", rule: USGS_RULES.countryQualifier },
  "Canada (shipments)": { code: "CAN", rule: USGS_RULES.countryQualifier },
  "Japan (quicklime only)": { code: "JPN", rule: USGS_RULES.countryQualifier },
  "Poland (hydrated and quicklime)": { code: "POL", rule: USGS_RULES.countryQualifier },
  "Russia (industrial and construction)": { code: "RUS", rule: USGS_RULES.countryQualifier },
  "Peru (exports)": { code: "PER", rule: USGS_RULES.countryQualifier },
  "United States (crude)": { code: "USA", rule: USGS_RULES.countryQualifier },
  "Brazil (crude and beneficiated)": { code: "BRA", rule: USGS_RULES.countryQualifier },
  "Canada (unspecified minerals)": { code: "CAN", rule: USGS_RULES.countryQualifier },
  "China (unspecified minerals)": { code: "CHN", rule: USGS_RULES.countryQualifier },
  "France (crude)": { code: "FRA", rule: USGS_RULES.countryQualifier },
  "Italy (includes steatite)": { code: "ITA", rule: USGS_RULES.countryQualifier },
  "Other countries (includes crude)": { code: "ROW", rule: USGS_RULES.countryQualifier },
};

export type CountryResolution = { readonly code: string | null; readonly rules: string[] } | undefined;

/** COUNTRY label → code (or `null` to skip, by a named rule), `undefined` if nothing knows it. */
export function resolveUsgsCountry(raw: string): CountryResolution {
  const name = cleanName(raw);
  const trimmed = name !== raw ? [USGS_RULES.trimmed] : [];
  const decided = USGS_NAME_RULES[name];
  if (decided) return { code: decided.code, rules: [...trimmed, decided.rule] };
  const code = countryCode(raw);
  return code === undefined ? undefined : { code, rules: trimmed };
}
