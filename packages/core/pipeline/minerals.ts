// Display names and aliases for mineral ids. Which ids exist comes from the readers' mapping
// tables; this file only says how people write them ("Co", "rare earths", "aluminum").

/** Names that are not simply the id with its first letter capitalised. */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  "rare-earths": "Rare earths",
  "heavy-rare-earths": "Heavy rare earths",
  "light-rare-earths": "Light rare earths",
  pgms: "Platinum-group metals",
  "phosphate-rock": "Phosphate rock",
  "iron-ore": "Iron ore",
  "coking-coal": "Coking coal",
  "natural-rubber": "Natural rubber",
};

/** Chemical symbols, spelling variants and common names, matched case-insensitively. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  aluminium: ["Al", "aluminum"],
  antimony: ["Sb"],
  arsenic: ["As"],
  barite: ["barytes", "baryte"],
  beryllium: ["Be"],
  bismuth: ["Bi"],
  boron: ["B", "borate", "borates"],
  cadmium: ["Cd"],
  cerium: ["Ce"],
  chromium: ["Cr"],
  cobalt: ["Co"],
  copper: ["Cu"],
  dysprosium: ["Dy"],
  erbium: ["Er"],
  europium: ["Eu"],
  gadolinium: ["Gd"],
  gallium: ["Ga"],
  germanium: ["Ge"],
  gold: ["Au"],
  graphite: ["natural graphite", "battery-grade graphite"],
  hafnium: ["Hf"],
  helium: ["He"],
  holmium: ["Ho"],
  indium: ["In"],
  kaolin: ["kaolin clay"],
  iridium: ["Ir"],
  lanthanum: ["La"],
  lead: ["Pb"],
  lithium: ["Li"],
  lutetium: ["Lu"],
  magnesium: ["Mg"],
  manganese: ["Mn"],
  molybdenum: ["Mo"],
  neodymium: ["Nd"],
  nickel: ["Ni"],
  niobium: ["Nb", "columbium"],
  palladium: ["Pd"],
  pgms: ["PGM", "platinum group metals", "platinum-group metals"],
  phosphorus: ["P", "phosphorous"],
  platinum: ["Pt"],
  praseodymium: ["Pr"],
  "rare-earths": ["REE", "REEs", "rare earths", "rare earth elements", "magnet rare earths", "rare earth"],
  rhenium: ["Re"],
  rhodium: ["Rh"],
  ruthenium: ["Ru"],
  samarium: ["Sm"],
  scandium: ["Sc"],
  selenium: ["Se"],
  silicon: ["Si", "silicon metal"],
  silver: ["Ag"],
  strontium: ["Sr"],
  sulphur: ["S", "sulfur"],
  tantalum: ["Ta"],
  tellurium: ["Te"],
  terbium: ["Tb"],
  thulium: ["Tm"],
  tin: ["Sn"],
  titanium: ["Ti", "titanium metal", "titanium sponge"],
  tungsten: ["W", "wolfram"],
  uranium: ["U"],
  vanadium: ["V"],
  ytterbium: ["Yb"],
  yttrium: ["Y"],
  zinc: ["Zn"],
  zirconium: ["Zr"],
  "coking-coal": ["metallurgical coal"],
  "heavy-rare-earths": ["HREE", "HREEs"],
  "light-rare-earths": ["LREE", "LREEs"],
};

export function mineralName(id: string): string {
  return DISPLAY_NAMES[id] ?? id.charAt(0).toUpperCase() + id.slice(1).replaceAll("-", " ");
}

export function mineralAliases(id: string): readonly string[] {
  return ALIASES[id] ?? [];
}
