// Country groups, each with the source for its membership. Members are ISO 3166-1 alpha-3 codes.
// Frozen: every groupShare reads them.
import { deepFreeze } from "./_lib/deepFreeze.ts";

export interface Group {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
  /** Where the membership list comes from; `url` is absent for a definition of this project's own. */
  readonly source: { readonly title: string; readonly url?: string };
}

/** Country codes written as one space-separated line, so a long list reads as a list. */
const codes = (list: string): readonly string[] => list.split(" ");

const G7 = /* @__PURE__ */ codes("CAN DEU FRA GBR ITA JPN USA");

const EU27 = /* @__PURE__ */ codes(
  "AUT BEL BGR CYP CZE DEU DNK ESP EST FIN FRA GRC HRV HUN IRL ITA LTU LUX LVA MLT NLD POL PRT ROU SVK SVN SWE",
);

export const GROUPS = /* @__PURE__ */ deepFreeze([
  {
    id: "G7",
    name: "Group of Seven",
    members: G7,
    source: {
      title: "Government of Canada, About the G7",
      url: "https://www.international.gc.ca/world-monde/international_relations-relations_internationales/g7/index.aspx",
    },
  },
  {
    id: "EU27",
    name: "European Union (27 member states)",
    members: EU27,
    source: {
      title: "European Union, Country profiles",
      url: "https://european-union.europa.eu/principles-countries-history/eu-countries_en",
    },
  },
  {
    id: "G7_PLUS",
    name: "G7, EU members, Australia, India, Mexico and South Korea",
    members: /* @__PURE__ */ [...new Set<string>([...G7, ...EU27, "AUS", "IND", "KOR", "MEX"])].sort(),
    source: {
      title:
        "critmin's definition: the G7 with the EU's members and the partners convened on critical minerals in 2026 (Australia, India, Mexico, South Korea)",
    },
  },
  {
    id: "QUAD",
    name: "Quadrilateral Security Dialogue",
    members: ["AUS", "IND", "JPN", "USA"],
    source: {
      title: "Australian Government DFAT, The Quad",
      url: "https://www.dfat.gov.au/international-relations/regional-architecture/quad",
    },
  },
  {
    id: "OECD",
    name: "Organisation for Economic Co-operation and Development",
    members: /* @__PURE__ */ codes(
      "AUS AUT BEL CAN CHE CHL COL CRI CZE DEU DNK ESP EST FIN FRA GBR GRC HUN IRL ISL ISR ITA JPN KOR LTU LUX LVA MEX NLD NOR NZL POL PRT SVK SVN SWE TUR USA",
    ),
    source: { title: "OECD, Members and partners", url: "https://www.oecd.org/en/about/members-partners.html" },
  },
] as const satisfies readonly Group[]);

export type GroupId = (typeof GROUPS)[number]["id"];
