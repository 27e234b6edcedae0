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

const LREE = ["cerium", "lanthanum", "neodymium", "praseodymium", "samarium"];
const HREE = [
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
];

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
    members: ["iridium", "palladium", "platinum", "rhodium", "ruthenium"],
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
