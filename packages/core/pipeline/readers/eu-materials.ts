// EU CRM material names → critmin mineral ids. Every spelling found in the four EU files is
// listed explicitly (the files disagree on case and wording), so an unknown name fails the build.
import { cleanEuName } from "./eu-csv.ts";

/** Ids are the lowercase kebab-case English name unless a comment says otherwise. */
export const EU_MATERIALS: Readonly<Record<string, string>> = {
  Aggregates: "aggregates",
  Aluminium: "aluminium",
  Antimony: "antimony",
  Arsenic: "arsenic",
  // Appendix 7 says "Barytes", annex 4 "Baryte": the same mineral, barite in USGS spelling.
  Barytes: "barite",
  Baryte: "barite",
  // Annex 4 keeps bauxite as its own (2011–2020) assessment beside aluminium.
  Bauxite: "bauxite",
  Bentonite: "bentonite",
  Beryllium: "beryllium",
  Bismuth: "bismuth",
  // Appendix 7 and the 2020 list say "Borate"; annex 4 labels the same assessment series
  // "Boron" in every year, so both names are one material.
  Borate: "boron",
  Boron: "boron",
  Cadmium: "cadmium",
  Chromium: "chromium",
  Cobalt: "cobalt",
  "Coking coal": "coking-coal",
  Copper: "copper",
  Diatomite: "diatomite",
  Feldspar: "feldspar",
  Fluorspar: "fluorspar",
  Gallium: "gallium",
  Germanium: "germanium",
  Gold: "gold",
  Gypsum: "gypsum",
  Hafnium: "hafnium",
  Helium: "helium",
  Hydrogen: "hydrogen",
  Indium: "indium",
  "Iron ore": "iron-ore",
  Kaolin: "kaolin",
  "Kaolin clay": "kaolin",
  Krypton: "krypton",
  Lead: "lead",
  Limestone: "limestone",
  Lithium: "lithium",
  Magnesite: "magnesite",
  Magnesium: "magnesium",
  Manganese: "manganese",
  Molybdenum: "molybdenum",
  // The EU assesses natural graphite only; the id is shared with other sources' graphite, and
  // each row's basis keeps the source name "Natural Graphite".
  "Natural Graphite": "graphite",
  "Natural graphite": "graphite",
  "Natural cork": "natural-cork",
  "Natural rubber": "natural-rubber",
  "Natural Rubber": "natural-rubber",
  "Natural teak wood": "natural-teak-wood",
  "Natural Teak wood": "natural-teak-wood",
  Neon: "neon",
  Nickel: "nickel",
  Niobium: "niobium",
  Perlite: "perlite",
  "Phosphate Rock": "phosphate-rock",
  "Phosphate rock": "phosphate-rock",
  // "Phosphorous" is the upstream misspelling of the element.
  Phosphorous: "phosphorus",
  Phosphorus: "phosphorus",
  Potash: "potash",
  Rhenium: "rhenium",
  Roundwood: "roundwood",
  "Sapele wood": "sapele-wood",
  Scandium: "scandium",
  Selenium: "selenium",
  "Silica sand": "silica-sand",
  "Silicon metal": "silicon",
  Silver: "silver",
  Strontium: "strontium",
  Sulphur: "sulphur",
  Talc: "talc",
  Tantalum: "tantalum",
  Tellurium: "tellurium",
  Tin: "tin",
  // The EU assesses two titanium materials. "Titanium metal" is the metal (processing = sponge:
  // China, Japan, Russia, Kazakhstan). "Titanium" is the ore chain: its extraction block is
  // ilmenite/rutile (identical, row for row, to Titanium metal's extraction block) and its
  // processing block's country mix (US, Canada, South Africa, Germany, UK, Mexico) is slag and
  // dioxide production, not sponge. It is keyed like USGS's "titanium mineral concentrates",
  // processing being the refining of those concentrates. The EU-sourcing file lists the shared
  // extraction stage once, as "Titanium ores": the same ores, so the same id.
  Titanium: "titanium-mineral-concentrates",
  "Titanium ores": "titanium-mineral-concentrates",
  "Titanium metal": "titanium",
  Tungsten: "tungsten",
  Vanadium: "vanadium",
  Xenon: "xenon",
  Zinc: "zinc",
  Zirconium: "zirconium",
  // Rare-earth groups, as the study aggregates them, and individual rare earths under their own ids.
  HREEs: "heavy-rare-earths",
  HREE: "heavy-rare-earths",
  "Heavy Rare earths Elements": "heavy-rare-earths",
  LREEs: "light-rare-earths",
  LREE: "light-rare-earths",
  Cerium: "cerium",
  Dysprosium: "dysprosium",
  Erbium: "erbium",
  Europium: "europium",
  Gadolinium: "gadolinium",
  Holmium: "holmium",
  Lanthanum: "lanthanum",
  Lutetium: "lutetium",
  Neodymium: "neodymium",
  Praseodymium: "praseodymium",
  Samarium: "samarium",
  Terbium: "terbium",
  Thulium: "thulium",
  Ytterbium: "ytterbium",
  Yttrium: "yttrium",
  // Platinum-group metals: the group (id `pgms`, as pipeline/minerals.ts names it) and its members.
  PGMs: "pgms",
  PGM: "pgms",
  Iridium: "iridium",
  Palladium: "palladium",
  Platinum: "platinum",
  Rhodium: "rhodium",
  Ruthenium: "ruthenium",
};

/** Mineral id for an EU material name, `undefined` if the table lacks it. */
export function euMineralId(raw: string): string | undefined {
  return EU_MATERIALS[cleanEuName(raw)];
}
