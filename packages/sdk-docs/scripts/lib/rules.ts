// The named pipeline rules: which source quirk each one handles and how. The ids come from the
// pipeline (packages/core/pipeline/readers) and from the `rules` of the rows; the generator fails
// when a rule appears in either without a description here, so the quirks page cannot fall behind.
// The policy editions' rules, and the rules the functions report, are in rules-policy.ts.
import { POLICY_RULES } from "./rules-policy.ts";

export type Publisher = "IEA" | "USGS" | "EU" | "World Bank" | "US Government (USGS/DOI)" | "China (MOFCOM)";

export interface RuleDoc {
  /** "All" for a rule that compares sources rather than fixing one. */
  readonly publisher: Publisher | "All";
  /** The quirk, as found in the source. */
  readonly quirk: string;
  /** What the pipeline does about it. */
  readonly handling: string;
}

export const RULES: Readonly<Record<string, RuleDoc>> = {
  ...POLICY_RULES,
  "iea-rest-of-world-double-count": {
    publisher: "IEA",
    quirk:
      'In four supply blocks one listed country is also counted inside "Rest of world" (nickel mining: Australia; nickel refining: Canada; graphite mining: Tanzania; graphite refining: Germany), so the listed rows sum to more than "Total".',
    handling: "Rest of world is recomputed as Total minus the listed countries; its locator names every cell used.",
  },
  "iea-cobalt-refining-total-label": {
    publisher: "IEA",
    quirk: 'The cobalt refining block\'s total row is labelled "Total clean technologies".',
    handling: "It is read as the block's world total, like the other blocks' \"Total\".",
  },
  "iea-stage-labels": {
    publisher: "IEA",
    quirk:
      'Stage names are not always "Mining" and "Refining": lithium refining is "Lithium - Chemicals"; graphite mining is natural graphite and graphite refining battery-grade graphite (natural and synthetic); rare earths are the four magnet rare earths (Nd, Pr, Dy, Tb), not all rare-earth oxides.',
    handling: "The blocks are mapped to mining and refining and each row's basis says what is measured.",
  },
  "usgs-withheld-is-not-zero": {
    publisher: "USGS",
    quirk: 'Cells hold "W": withheld to avoid disclosing company proprietary data.',
    handling: "The row is kept with status withheld and no value: it is missing, never 0.",
  },
  "usgs-lower-bound": {
    publisher: "USGS",
    quirk: 'Some cells are lower bounds such as ">2000000".',
    handling: "The number is kept with status lower-bound.",
  },
  "usgs-upper-bound": {
    publisher: "USGS",
    quirk: 'Some cells are upper bounds such as "<1".',
    handling: "The number is kept with status upper-bound.",
  },
  "usgs-trailing-spaces-and-footnotes": {
    publisher: "USGS",
    quirk:
      'Country and commodity labels carry trailing spaces ("Canada ", "Barite  ") and footnote digits ("World total (rounded) 10").',
    handling: "Labels are trimmed and footnote digits dropped before they are mapped to ISO codes and minerals.",
  },
  "usgs-estimated-series": {
    publisher: "USGS",
    quirk: 'Some series are estimates by their TYPE ("… estimated").',
    handling: "Their rows get status estimated.",
  },
  "usgs-titanium-concentrates-unit": {
    publisher: "USGS",
    quirk: "Titanium mineral concentrates are labelled metric tons but are thousand metric tons.",
    handling: "The unit is corrected to thousand metric tons before conversion to tonnes.",
  },
  "usgs-vanadium-reserves-unit": {
    publisher: "USGS",
    quirk:
      'Vanadium reserves are in thousand metric tons while UNIT_MEAS says metric tons (RESERVE_NOTES: "Reserve data is thousand metric tons").',
    handling: "The reserves unit is corrected; the rule checks that the note still says so.",
  },
  "usgs-molybdenum-reserves-unit": {
    publisher: "USGS",
    quirk: "Molybdenum reserves are in thousand metric tons while UNIT_MEAS says metric tons.",
    handling: "The reserves unit is corrected; the rule checks that the note still says so.",
  },
  "usgs-magnesium-reserves-are-capacity": {
    publisher: "USGS",
    quirk:
      'The magnesium-metal RESERVES_2024 column repeats the 2024 capacity ("Moved to capacity column not a reserve").',
    handling: "No reserves are emitted for magnesium metal.",
  },
  "usgs-pgm-reserves-are-combined": {
    publisher: "USGS",
    quirk: "Platinum-group-metal reserves are one figure for all six metals, stored on the palladium rows.",
    handling: "They are emitted as reserves of `pgms`, not of palladium.",
  },
  "usgs-world-total-excludes-us": {
    publisher: "USGS",
    quirk: 'Several world totals say "Excludes U.S. production".',
    handling: "Rows of those series carry the rule; shares use the source's own total, as printed.",
  },
  "usgs-series-world-label": {
    publisher: "USGS",
    quirk:
      'Some series name their own world total ("World total (ilmenite, rounded)", "World total (rounded), natural").',
    handling: "These labels are read as the series' WORLD row.",
  },
  "usgs-titanium-combined-world-total": {
    publisher: "USGS",
    quirk: 'An "ilmenite and rutile" world total is filed under the ilmenite TYPE.',
    handling: "It is skipped: it would give the ilmenite block a second, larger world total.",
  },
  "usgs-country-qualifier": {
    publisher: "USGS",
    quirk: 'Country labels with a qualifier ("Brazil (beneficiated)", "United States (includes Puerto Rico)").',
    handling:
      "Mapped to the country only where the row is the country's whole figure for the series; each label is decided one by one.",
  },
  "usgs-joint-country-row": {
    publisher: "USGS",
    quirk: 'One figure for two countries ("United States and Canada").',
    handling: "Skipped: it cannot be split between them.",
  },
  "usgs-partial-country-row": {
    publisher: "USGS",
    quirk: "Partial rows for one country (helium: U.S. natural gas, Cliffside Field).",
    handling: "Skipped: neither is the country's total.",
  },
  "iea-derived-rows-skipped": {
    publisher: "IEA",
    quirk:
      'Rows the IEA derives from other rows sit among the figures: "Top 3 share", "Share of clean technologies …", demand "Total" rows, and the technology sheets\' "Total <technology>" rows (4.1–4.4, 4.6), each the sum of that sheet\'s mineral rows above it.',
    handling:
      "Skipped, not stored (critmin computes concentration and shares itself). A technology total adds different minerals' tonnes and is no mineral. It equals the sum of the stored mineral rows of its technology, case, scenario and year (tested cell by cell against the workbook), so sum those rows to get it.",
  },
  "eu-reference-period-average": {
    publisher: "EU",
    quirk:
      "Appendix 7 shares are averages over the study's multi-year reference period, not a single year; the files critmin holds do not state which years the period covers.",
    handling:
      'Every row is kind "period-average", labelled with the assessment year, 2023 (not invented period years), and carries this rule. Default resolution prefers any edition with a single-year observation; a year query reads a period average only when its edition is pinned.',
  },
  "eu-below-threshold": {
    publisher: "EU",
    quirk: 'Shares under 0.1% are printed "<0.1%".',
    handling: "Kept as an upper bound (0.001, status upper-bound), never as 0.",
  },
  "eu-share-missing-percent-sign": {
    publisher: "EU",
    quirk: 'One share cell lacks its percent sign (EU sourcing, silicon metal, Germany: "6").',
    handling: "Read as 6%: as a fraction it would be 600%, and with 6% the block sums like its neighbours.",
  },
  "eu-damaged-turkiye": {
    publisher: "EU",
    quirk: 'Türkiye is damaged upstream ("T\uFFFDrkiye": Latin-1 decoded as UTF-8).',
    handling: "Mapped to TUR.",
  },
  "eu-misspelled-country": {
    publisher: "EU",
    quirk: 'Misspelt country names ("Turkyie", "Brasil", "Brasilia", "Libanon", "Surinam").',
    handling: "Mapped to their ISO codes one by one.",
  },
  "eu-not-assessed": {
    publisher: "EU",
    quirk: 'Annex 4 prints "-" where a material was not assessed that year.',
    handling: "Not available, never 0 and never an older score.",
  },
  "eu-name-whitespace": {
    publisher: "EU",
    quirk: 'Annex 4 breaks some names over two lines inside quotes ("Natural Teak\\nwood").',
    handling: "Whitespace is collapsed before the name is mapped.",
  },
  "eu-results-publish-year-is-2023": {
    publisher: "EU",
    quirk: "The transcribed results table says publish_year 2025; its values are the 2023 study's.",
    handling: "Read as the 2023 assessment.",
  },
  "eu-results-percent-in-index": {
    publisher: "EU",
    quirk:
      'The transcription holds "281%" as the light rare earths\' extraction supply risk: an index cannot be a percent.',
    handling: "Not available: the intended number cannot be recovered.",
  },
  "eu-results-overall-where-annex4-lacks": {
    publisher: "EU",
    quirk: "The results table repeats Annex 4's overall scores for 2023.",
    handling:
      "Annex 4, the Commission's own table, wins; the results table's overall scores are kept only for materials Annex 4 does not list (individual rare earths, platinum-group metals).",
  },
  "basis-cross-source-note": {
    publisher: "All",
    quirk:
      'One mineral id names different materials in different sources: IEA rare-earths are the magnet rare earths Nd, Pr, Dy, Tb, USGS\'s all rare earths (oxide equivalent); the EU\'s "Aluminium" is bauxite at extraction and the metal at processing; the EU\'s "Titanium metal" extraction stage is titanium ores (the same shares as "Titanium"), and "Titanium" processing is not the metal.',
    handling:
      "Where a block's own label does not say so, a short note is appended to the basis of its rows (pipeline/basis.ts, one line per edition, mineral and stage, each citing the source rows that support it). IEA labels already name their material and are kept as printed. Not yet applied by the build (released editions are fingerprinted); listed here once it is.",
  },
};

/** Source quirks handled without a rule id on the rows (names mapped, rows recognised as aggregates). */
export const OTHER_QUIRKS: readonly { publisher: Publisher | "All"; quirk: string; handling: string }[] = [
  {
    publisher: "IEA",
    quirk:
      'The May 2025 edition comes as a third party\'s JSON conversion whose label says "(2024)"; its base-year column is 2024.',
    handling:
      "Read as the May 2025 edition (base year 2024); its world totals were checked against an independent parse.",
  },
  {
    publisher: "USGS",
    quirk: '"Other Countries" and "World total (rounded)" are not countries.',
    handling: "Read as the aggregates ROW and WORLD, never counted as countries.",
  },
  { publisher: "USGS", quirk: 'Cells hold "NA" and blanks.', handling: "Not available: no row value, never 0." },
  {
    publisher: "USGS",
    quirk:
      "Units vary by commodity and row (metric tons, thousand metric tons, kilograms, thousand metric dry tons); the content basis is in TYPE.",
    handling: "Every value is converted to metric tonnes; the basis is kept on each row.",
  },
  {
    publisher: "EU",
    quirk: 'Shares are text ("4%", "<0.1%").',
    handling: "Parsed to fractions; anything else fails the build.",
  },
  {
    publisher: "All",
    quirk:
      "Country names differ across sources (Burma/Myanmar, Congo (Kinshasa)/Democratic Republic of Congo, Korea, Republic of/South Korea, Türkiye/Turkey).",
    handling: "Every name is mapped to ISO 3166-1 alpha-3; a test fails if a source name is left unmapped.",
  },
];
