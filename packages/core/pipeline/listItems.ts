// Which dataset minerals each item of an official critical-minerals list names. Every item of
// policy/critical-lists.csv must be in one of these tables: an item none of them knows fails the
// build naming it (readers/critical-lists.ts), so nothing is mapped by guessing. An item deliberately
// mapped to no id would be listed with `minerals: []` and the reason in `why`; none is today.

import { EU_GROUP_MEMBERS } from "../src/policy/families.ts";

/** One item as a list writes it, with the dataset ids it names and why. */
export interface ListItemMapping {
  /** The item as written (`item_as_written`). */
  readonly item: string;
  /** Its English wording: the list's own where English, else ours, for the table's reader. */
  readonly english: string;
  readonly minerals: readonly string[];
  readonly why: string;
  /** Rule ids the mapping applies (besides the table itself). */
  readonly rules?: readonly string[];
}

export const LIST_RULES = {
  // US 2025 names commodities, not elements: "Metallurgical Coal", "Phosphate", "Potash".
  commodityName: "cml-commodity-name",
  // A group item maps to the group's id and its members, by a stated definition.
  groupMembers: "list-group-members",
  // EU Annex I and II are read in German (the text available); names map through EU_ITEMS.
  germanName: "crma-german-name-map",
} as const;

/**
 * Group members. Platinum-group metals and the heavy/light rare-earth split are those of the
 * European Commission's Study on the critical raw materials for the EU 2023 (doi 10.2873/725585),
 * which assesses these individual materials under the groups PGMs, HREEs and LREEs; the dataset's
 * ec-crm-2023 edition holds exactly these individual materials (readers/eu-materials.ts). Osmium is
 * not assessed by the study and has no id here.
 */
export const LIST_GROUPS = EU_GROUP_MEMBERS;

/** US lists: English names, one element or commodity each. */
export const US_ITEMS: Readonly<Record<string, string>> = {
  Aluminum: "aluminium",
  Antimony: "antimony",
  Arsenic: "arsenic",
  Barite: "barite",
  Beryllium: "beryllium",
  Bismuth: "bismuth",
  Boron: "boron",
  Cerium: "cerium",
  Cesium: "cesium",
  Chromium: "chromium",
  Cobalt: "cobalt",
  Copper: "copper",
  Dysprosium: "dysprosium",
  Erbium: "erbium",
  Europium: "europium",
  Fluorspar: "fluorspar",
  Gadolinium: "gadolinium",
  Gallium: "gallium",
  Germanium: "germanium",
  Graphite: "graphite",
  Hafnium: "hafnium",
  Holmium: "holmium",
  Indium: "indium",
  Iridium: "iridium",
  Lanthanum: "lanthanum",
  Lead: "lead",
  Lithium: "lithium",
  Lutetium: "lutetium",
  Magnesium: "magnesium",
  Manganese: "manganese",
  // cml-commodity-name: coal for steelmaking, the dataset's coking coal (the EU's "Kokskohle").
  "Metallurgical Coal": "coking-coal",
  Neodymium: "neodymium",
  Nickel: "nickel",
  Niobium: "niobium",
  Palladium: "palladium",
  // cml-commodity-name: phosphate as mined, the dataset's phosphate rock (USGS "Phosphate rock").
  Phosphate: "phosphate-rock",
  Platinum: "platinum",
  // cml-commodity-name: the dataset's potash (USGS "Potash").
  Potash: "potash",
  Praseodymium: "praseodymium",
  Rhenium: "rhenium",
  Rhodium: "rhodium",
  Rubidium: "rubidium",
  Ruthenium: "ruthenium",
  Samarium: "samarium",
  Scandium: "scandium",
  Silicon: "silicon",
  Silver: "silver",
  Tantalum: "tantalum",
  Tellurium: "tellurium",
  Terbium: "terbium",
  Thulium: "thulium",
  Tin: "tin",
  Titanium: "titanium",
  Tungsten: "tungsten",
  Uranium: "uranium",
  Vanadium: "vanadium",
  Ytterbium: "ytterbium",
  Yttrium: "yttrium",
  Zinc: "zinc",
  Zirconium: "zirconium",
};

/** US names that are commodities rather than elements (rule cml-commodity-name). */
export const US_COMMODITY_NAMES: readonly string[] = ["Metallurgical Coal", "Phosphate", "Potash"];

const same = (english: string, id: string, why = "the same material"): ListItemMapping => ({
  item: "",
  english,
  minerals: [id],
  why,
});
const group = (english: string, id: keyof typeof LIST_GROUPS, why: string): ListItemMapping => ({
  item: "",
  english,
  minerals: [id, ...LIST_GROUPS[id]],
  why,
  rules: [LIST_RULES.groupMembers],
});

/**
 * EU Annexes I and II, German text: German item → English, ids, why. A grade or form ("—
 * Batteriequalität", "…metall") keeps the element's id; the row's `qualifier` keeps the grade.
 */
export const EU_ITEMS: readonly ListItemMapping[] = (
  [
    ["Antimon", same("antimony", "antimony")],
    ["Arsen", same("arsenic", "arsenic")],
    [
      "Bauxit/Aluminiumoxid/Aluminium",
      {
        item: "",
        english: "bauxite/alumina/aluminium",
        minerals: ["bauxite", "alumina", "aluminium"],
        why: "one point names the ore, the oxide and the metal; the dataset has an id for each",
      },
    ],
    ["Baryt", same("barite", "barite")],
    ["Beryllium", same("beryllium", "beryllium")],
    ["Bismut", same("bismuth", "bismuth")],
    ["Bor", same("boron", "boron")],
    ["Bor — metallurgische Qualität", same("boron — metallurgy grade", "boron", "boron; the grade is the qualifier")],
    ["Kobalt", same("cobalt", "cobalt")],
    ["Kokskohle", same("coking coal", "coking-coal")],
    ["Kupfer", same("copper", "copper")],
    ["Feldspat", same("feldspar", "feldspar")],
    ["Flussspat", same("fluorspar", "fluorspar")],
    ["Gallium", same("gallium", "gallium")],
    ["Germanium", same("germanium", "germanium")],
    ["Hafnium", same("hafnium", "hafnium")],
    ["Helium", same("helium", "helium")],
    [
      "Schwere seltene Erden",
      group("heavy rare earth elements", "heavy-rare-earths", "the group and its members (LIST_GROUPS, EU 2023 study)"),
    ],
    [
      "Leichte seltene Erden",
      group("light rare earth elements", "light-rare-earths", "the group and its members (LIST_GROUPS, EU 2023 study)"),
    ],
    ["Lithium", same("lithium", "lithium")],
    ["Lithium — Batteriequalität", same("lithium — battery grade", "lithium", "lithium; the grade is the qualifier")],
    ["Magnesium", same("magnesium", "magnesium")],
    ["Magnesiummetall", same("magnesium metal", "magnesium", "the metal, the dataset's magnesium (metal)")],
    ["Mangan", same("manganese", "manganese")],
    [
      "Mangan — Batteriequalität",
      same("manganese — battery grade", "manganese", "manganese; the grade is the qualifier"),
    ],
    // The English text of Annex II point (v) was not seen; "Grafit" is German for graphite.
    ["Grafit", same("graphite", "graphite", "German for graphite (English wording of this point not seen)")],
    ["Grafit — Batteriequalität", same("graphite — battery grade", "graphite", "graphite; the grade is the qualifier")],
    ["Nickel — Batteriequalität", same("nickel — battery grade", "nickel", "nickel; the grade is the qualifier")],
    ["Niob", same("niobium", "niobium")],
    ["Phosphatgestein", same("phosphate rock", "phosphate-rock")],
    ["Phosphor", same("phosphorus", "phosphorus")],
    [
      "Metalle der Platingruppe",
      group("platinum group metals", "pgms", "the group and its members (LIST_GROUPS, EU 2023 study)"),
    ],
    [
      "Seltenerdmetalle für Dauermagnete (Nd, Pr, Tb, Dy, Gd, Sm und Ce)",
      {
        item: "",
        english: "rare earth elements for permanent magnets (Nd, Pr, Tb, Dy, Gd, Sm and Ce)",
        minerals: ["neodymium", "praseodymium", "terbium", "dysprosium", "gadolinium", "samarium", "cerium"],
        why: "the seven elements the item names itself, in its order; not the rare-earths group",
        rules: [LIST_RULES.groupMembers],
      },
    ],
    ["Scandium", same("scandium", "scandium")],
    ["Siliciummetall", same("silicon metal", "silicon", "the dataset's silicon is silicon metal")],
    ["Strontium", same("strontium", "strontium")],
    ["Tantal", same("tantalum", "tantalum")],
    ["Titanmetall", same("titanium metal", "titanium", "the dataset's titanium is the metal (sponge)")],
    ["Vanadium", same("vanadium", "vanadium")],
    ["Wolfram", same("tungsten", "tungsten")],
  ] as const
).map(([item, mapping]) => ({ ...mapping, item }));

/** The mapping of an item of a list in `language`, `undefined` when no table has it. */
export function listItemMapping(item: string, language: string): ListItemMapping | undefined {
  if (language === "de") return EU_ITEMS.find((m) => m.item === item);
  if (language !== "en" || !Object.hasOwn(US_ITEMS, item)) return undefined;
  const commodity = US_COMMODITY_NAMES.includes(item);
  return {
    item,
    english: item,
    minerals: [US_ITEMS[item]!],
    why: commodity ? "a commodity name: the dataset's id for that commodity" : "the same element",
    rules: commodity ? [LIST_RULES.commodityName] : [],
  };
}
