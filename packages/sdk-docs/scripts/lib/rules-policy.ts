// The policy layer's named rules (issue 15): the pipeline rules of the WGI, critical-list and
// export-control readers, and the rules the list, control and governance functions report in their
// answers. Kept apart from rules.ts so that neither file outgrows the 400-line limit.
import { CONTROL_RULE_NOTES } from "../../../core/src/policy/controls.ts";
import { LIST_RULE_NOTES } from "../../../core/src/policy/lists.ts";
import { WGI_BUNDLED_YEARS } from "../../../core/pipeline/editions.ts";
import { WGI_YEARS } from "../../../core/pipeline/readers/wgi.ts";
import type { RuleDoc } from "./rules.ts";

// The years between the first and the last the WGI file holds that were not surveyed.
const surveyGaps = Array.from({ length: WGI_YEARS.at(-1)! - WGI_YEARS[0]! + 1 }, (_, i) => WGI_YEARS[0]! + i).filter(
  (y) => !WGI_YEARS.includes(y),
);

/** Pipeline rules of the policy editions, recorded in the `rules` of the rows they touch. */
export const POLICY_RULES: Readonly<Record<string, RuleDoc>> = {
  "wgi-bom-crlf-trailing-comma": {
    publisher: "World Bank",
    quirk:
      "WGIData.csv starts with a UTF-8 byte-order mark, ends its lines with CRLF and ends every line with a comma, so the header has an empty last column.",
    handling:
      "The mark and the CR are dropped when the text is decoded; the empty last column is checked to be empty on every line and not read.",
  },
  "wgi-empty-is-missing": {
    publisher: "World Bank",
    quirk:
      "Some estimate or standard-error cells are empty: the World Bank publishes no value for that economy and year.",
    handling: "The row is kept with a null value: missing, never 0.",
  },
  "wgi-non-iso-codes": {
    publisher: "World Bank",
    quirk: "Two economy codes are not ISO 3166-1: ANT (Netherlands Antilles) and XKX (Kosovo).",
    handling: "Kept under the World Bank's own codes, which the country library knows.",
  },
  "wgi-bundled-years": {
    publisher: "World Bank",
    quirk: `The file holds ${WGI_YEARS[0]}–${WGI_YEARS.at(-1)} (no survey in ${surveyGaps.join(", ")}), six dimensions, estimates, standard errors, ranks and source counts.`,
    handling: `The package bundles the estimates and standard errors of ${WGI_BUNDLED_YEARS[0]}–${WGI_BUNDLED_YEARS.at(-1)} only (WGI_BUNDLED_YEARS, pipeline/editions.ts), to keep the add-in within its size budget; ranks and source counts are not read.`,
  },
  "cml-commodity-name": {
    publisher: "US Government (USGS/DOI)",
    quirk: 'The 2025 US list names commodities, not elements: "Metallurgical Coal", "Phosphate", "Potash".',
    handling:
      "Each maps to the dataset's commodity id (coking coal, phosphate rock, potash) through the tested item table.",
  },
  "list-group-members": {
    publisher: "All",
    quirk:
      'A list item names a group ("rare earth elements", "platinum group metals", heavy or light rare earths) rather than one mineral.',
    handling:
      "The item maps to the group's id and its members by a stated definition (pipeline/listItems.ts), the qualifier kept; the row lists every id.",
  },
  "crma-german-name-map": {
    publisher: "EU",
    quirk:
      "Annexes I and II of Regulation (EU) 2024/1252 are read in their German legal text (the text available), with English names only where a source gave them.",
    handling: "German names map to mineral ids through a documented, tested table; an unknown name fails the build.",
  },
  "cn-suspension-items": {
    publisher: "China (MOFCOM)",
    quirk:
      'A suspension notice names the measures it suspends only in its items text ("Suspends MOFCOM-GAC 2025 Nos. 55, 56, 57 and 58 …").',
    handling:
      "The notice numbers are parsed from the text into the row's suspends; a number naming no measure in the file fails the build.",
  },
  "cn-partly-suspended": {
    publisher: "China (MOFCOM)",
    quirk:
      "A later notice suspends only part of a measure (MOFCOM 2024 No. 46, section 2), and the file's ended_or_suspended date is that partial suspension's.",
    handling: "The measure stays in force; the suspended part gets its own status (part).",
  },
  "cn-every-dual-use-item": {
    publisher: "China (MOFCOM)",
    quirk:
      'A measure covers "all dual-use items (not mineral-specific)" (the January 2026 ban on exports to Japan\'s military users).',
    handling: "Read as everyItem true with no minerals listed, not as a measure touching none.",
  },
};

/** A rule a function applies when it answers, reported in the answer's `rules`. */
export interface FunctionRuleDoc {
  /** The core functions (and their Excel adapters) that report it. */
  readonly functions: readonly string[];
  /** What the answer does, and why. */
  readonly handling: string;
}

const controls = ["exportControls", "underExportControl", "controlledSupply"];
const sentence = (note: string) => `${note[0]!.toUpperCase()}${note.slice(1)}.`;

export const FUNCTION_RULES: Readonly<Record<string, FunctionRuleDoc>> = {
  // The control and list rules' wording is the core's own, the text the answers carry.
  ...Object.fromEntries(
    Object.entries(CONTROL_RULE_NOTES).map(([id, note]) => [id, { functions: controls, handling: sentence(note) }]),
  ),
  ...Object.fromEntries(
    Object.entries(LIST_RULE_NOTES).map(([id, note]) => [
      id,
      { functions: ["isCritical", "listsNaming"], handling: sentence(note) },
    ]),
  ),
  "no-destination-every-destination": {
    functions: ["underExportControl"],
    handling:
      "Asked without a destination, only measures on exports to every destination count; a measure limited to one country (the US, Japan's military users) counts only when that destination is asked.",
  },
  "controlled-supply-named-minerals": {
    functions: ["controlledSupply"],
    handling:
      "Lists the minerals the measures name, not every mineral through the ban on all dual-use items to Japan's military users, which names none.",
  },
  "wgi-row-excluded": {
    functions: ["governanceWeightedHhi"],
    handling:
      "Rest of world has no governance score and is left out, as hhi leaves it out; where a source lumps countries into it, the value is a lower bound.",
  },
  "wgi-missing-midpoint": {
    functions: ["governanceWeightedHhi"],
    handling:
      "A country without a WGI value weighs the scale's midpoint (WGI 0, 5 on the EU scale), as geopolrisk-py gives 0.5 on its 0–1 scale; never 0, which would read as the best governance.",
  },
  "wgi-newest-year": {
    functions: ["governanceWeightedHhi"],
    handling:
      "A supply year after the newest bundled WGI year is weighted with the newest WGI year, and the answer says which.",
  },
};
