// Mineral groups whose members a list item or an export-control measure can name on their own
// (dysprosium) or as the group (rare earths). One table, each membership with its source, so the
// rules that read it (lists: `group-members-named`; controls: `rare-earth-family`) state the same
// members.
import { deepFreeze } from "../_lib/deepFreeze.ts";

export interface Family {
  /** The dataset's id of the group. */
  readonly id: string;
  /** Member mineral ids of the dataset (an element without one, promethium or osmium, is left out and said in `source`). */
  readonly members: readonly string[];
  readonly source: string;
}

/**
 * Group members as the European Commission's Study on the critical raw materials for the EU 2023
 * (doi 10.2873/725585) assesses them under PGMs, HREEs and LREEs; the pipeline maps the lists'
 * group items through the same table (pipeline/listItems.ts), so a list and a family never disagree.
 */
export const EU_GROUP_MEMBERS = /* @__PURE__ */ deepFreeze({
  pgms: ["iridium", "palladium", "platinum", "rhodium", "ruthenium"],
  "heavy-rare-earths": [
    "dysprosium",
    "erbium",
    "europium",
    "gadolinium",
    "holmium",
    "lutetium",
    "terbium",
    "thulium",
    "ytterbium",
    "yttrium",
  ],
  "light-rare-earths": ["cerium", "lanthanum", "neodymium", "praseodymium", "samarium"],
} as const);
const LREE = EU_GROUP_MEMBERS["light-rare-earths"];
const HREE = EU_GROUP_MEMBERS["heavy-rare-earths"];

export const FAMILIES: readonly Family[] = /* @__PURE__ */ deepFreeze([
  {
    id: "rare-earths",
    members: [...LREE, ...HREE, "scandium"].sort(),
    source:
      "IUPAC, Nomenclature of Inorganic Chemistry (2005), IR-3.5: scandium, yttrium and the lanthanoids; promethium has no dataset id",
  },
  {
    id: "light-rare-earths",
    members: LREE,
    source: "EU CRM study 2023 (Grohol and Veeh, 2023), light rare earth elements: Ce, La, Nd, Pr, Sm",
  },
  {
    id: "heavy-rare-earths",
    members: HREE,
    source:
      "EU CRM study 2023 (Grohol and Veeh, 2023), heavy rare earth elements: Dy, Er, Eu, Gd, Ho, Lu, Tb, Tm, Yb, Y",
  },
  {
    id: "pgms",
    members: EU_GROUP_MEMBERS.pgms,
    source: "platinum group metals: Ir, Os, Pd, Pt, Rh, Ru; osmium has no dataset id",
  },
]);

/** The family a group id names, if it is one. */
export function familyOf(id: string): Family | undefined {
  return FAMILIES.find((f) => f.id === id);
}

/** The groups a mineral is a member of (dysprosium: rare-earths, heavy-rare-earths). */
export function groupsOf(mineral: string): readonly Family[] {
  return FAMILIES.filter((f) => f.members.includes(mineral));
}
