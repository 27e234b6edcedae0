// Which (COMMODITY, TYPE) series of the USGS world data are read, as what, and why the others are not.
import type { Stage } from "../../src/schema/rows.ts";
import { USGS_RULES, cleanLabel } from "./usgs-rules.ts";

export interface UsgsSeries {
  readonly mineral: string;
  readonly stage: Stage;
  /** What the tonnes are tonnes of, from TYPE (and the notes where they say more). */
  readonly basis: string;
  /** Where the reserves column measures something else than production (stated in the file's notes). */
  readonly reservesBasis?: string;
}

/** Commodity and type after trimming, joined: the key of USGS_SERIES. */
export function seriesKey(commodity: string, type: string): string {
  return `${cleanLabel(commodity)} | ${cleanLabel(type)}`;
}

const mine = (mineral: string, basis: string, reservesBasis?: string): UsgsSeries =>
  reservesBasis === undefined
    ? { mineral, stage: "mining", basis }
    : { mineral, stage: "mining", basis, reservesBasis };
const refined = (mineral: string, basis: string): UsgsSeries => ({ mineral, stage: "refining", basis });

/**
 * (COMMODITY, TYPE) → mineral, stage, basis. Keys are written as the file spells them after
 * trimming, typos included ("Gemanium", "ilmentite", "grosss", "Ferosilicon"), so a corrected
 * spelling in a later edition fails loudly (`mapped series not found`) instead of mapping silently.
 */
export const USGS_SERIES: Readonly<Record<string, UsgsSeries>> = {
  [seriesKey("Aluminum", "Smelter production, aluminum")]: refined("aluminium", "primary aluminium metal"),
  [seriesKey("Antimony", "Mine production, antimony content")]: mine("antimony", "antimony content"),
  [seriesKey("Arsenic", "Plant production, arsenic trioxide or calculated equivalent.")]: refined(
    "arsenic",
    "arsenic trioxide or calculated equivalent",
  ),
  [seriesKey("Barite", "Mine production, barite, estimated")]: mine("barite", "barite, gross weight"),
  [seriesKey("Bauxite", "Mine production, bauxite, dry tons")]: mine("bauxite", "bauxite, dry weight"),
  // The alumina refinery rows sit under the Bauxite commodity; alumina is its own mineral.
  [seriesKey("Bauxite", "Refinery production, alumina - calcined equivalent weights")]: refined(
    "alumina",
    "alumina, calcined equivalent weight",
  ),
  [seriesKey("Beryllium", "Mine production, beryllium content")]: mine("beryllium", "beryllium content"),
  [seriesKey("Bismuth", "Refinery production")]: refined("bismuth", "refined bismuth"),
  // Each country reports a different form (crude ore, ulexite, boric oxide, refined borates: see
  // PROD_NOTES) and the world total is "xx": rows are kept for provenance, no share is computable.
  [seriesKey("Boron", "Boron all types")]: mine(
    "boron",
    "boron minerals and compounds, form as reported by each country",
  ),
  [seriesKey("Cadmium", "Refinery production, estimated")]: refined("cadmium", "refined cadmium"),
  [seriesKey("Chromium", "Mine production, grosss weight, marketable chromite ore")]: mine(
    "chromium",
    "marketable chromite ore, gross weight",
    "shipping-grade chromite ore",
  ),
  // Two TYPE spellings: the U.S. row lacks "cobalt content"; both are the same series.
  [seriesKey("Cobalt", "Mine production, cobalt content, estimated")]: mine("cobalt", "cobalt content"),
  [seriesKey("Cobalt", "Mine production, estimated")]: mine("cobalt", "cobalt content"),
  [seriesKey("Copper", "Mine production, recoverable copper content")]: mine("copper", "recoverable copper content"),
  [seriesKey("Copper", "Refinery production, copper")]: refined("copper", "refined copper"),
  [seriesKey("Fluorspar", "Mine production, estimated")]: mine("fluorspar", "fluorspar, gross weight"),
  [seriesKey("Gallium", "Primary production")]: refined("gallium", "primary gallium metal"),
  [seriesKey("Gemanium", "Primary and secondary refinery production")]: refined(
    "germanium",
    "refined germanium, primary and secondary",
  ),
  [seriesKey("Graphite", "Mine production")]: mine("graphite", "natural graphite"),
  [seriesKey("Indium", "Refinery production")]: refined("indium", "refined indium"),
  [seriesKey("Iodine", "Mine production, elemental iodine")]: mine("iodine", "elemental iodine"),
  [seriesKey("Lead", "Mine production, lead content")]: mine("lead", "lead content"),
  [seriesKey("Lithium", "Mine production, lithium content")]: mine("lithium", "lithium content"),
  [seriesKey("Magnesium Compounds", "Mine production, magnesite - gross weight")]: mine(
    "magnesite",
    "magnesite, gross weight",
  ),
  [seriesKey("Magnesium metal", "Magnesium smelter production")]: refined("magnesium", "primary magnesium metal"),
  [seriesKey("Manganese", "Mine production, manganese content")]: mine("manganese", "manganese content"),
  [seriesKey("Molybdenum", "Mine production, molybdenum content")]: mine("molybdenum", "molybdenum content"),
  [seriesKey("Nickel", "Mine production, nickel content")]: mine("nickel", "nickel content"),
  [seriesKey("Niobium", "Mine production, niobium content")]: mine("niobium", "niobium content"),
  [seriesKey("Phosphate rock", "Mine production, marketable phosphate rock")]: mine(
    "phosphate-rock",
    "marketable phosphate rock",
  ),
  [seriesKey("Platinum-Group metals", "Mine production, Palladium content")]: mine("palladium", "palladium content"),
  [seriesKey("Platinum-Group metals", "Mine production, Platinum content")]: mine("platinum", "platinum content"),
  [seriesKey("Potash", "Mine production, potassium oxide (K2O) equivalent")]: mine(
    "potash",
    "potassium oxide (K2O) equivalent",
  ),
  [seriesKey("Rare earths", "Mine production, rare-earth-oxide equivalent")]: mine(
    "rare-earths",
    "rare-earth-oxide equivalent",
  ),
  [seriesKey("Rhenium", "Mine production, rhenium content")]: mine("rhenium", "rhenium content"),
  [seriesKey("Selenium", "Refinery production, selenium content")]: refined("selenium", "selenium content"),
  [seriesKey("Silicon", "Plant production, Ferosilicon, silicon content")]: refined(
    "ferrosilicon",
    "silicon content of ferrosilicon",
  ),
  [seriesKey("Silicon", "Plant production, silicon metal")]: refined("silicon", "silicon metal"),
  [seriesKey("Silver", "Mine production, silver content")]: mine("silver", "silver content"),
  [seriesKey("Strontium", "Mine production, strontium content")]: mine("strontium", "strontium content"),
  [seriesKey("Tantalum", "Mine production, tantalum content")]: mine("tantalum", "tantalum content"),
  [seriesKey("Tellurium", "Refinery production, tellurium content")]: refined("tellurium", "tellurium content"),
  [seriesKey("Tin", "Mine production, tin content")]: mine("tin", "tin content"),
  [seriesKey("Titanium Mineral Concentrates", "Mine production, ilmentite, titanium dioxide (TiO2) content")]: mine(
    "ilmenite",
    "titanium dioxide (TiO2) content",
  ),
  [seriesKey("Titanium Mineral Concentrates", "Mine production, rutile, titanium dioxide (TiO2) content")]: mine(
    "rutile",
    "titanium dioxide (TiO2) content",
  ),
  [seriesKey("Titanium & titanium dioxide", "Sponge Metal Production")]: refined("titanium", "titanium sponge metal"),
  [seriesKey("Tungsten", "Mine production, tungsten content")]: mine("tungsten", "tungsten content"),
  [seriesKey("Vanadium", "Mine production, vanadium content")]: mine("vanadium", "vanadium content"),
  [seriesKey("Zinc", "Mine production, zinc content")]: mine("zinc", "zinc content"),
  // RESERVE_NOTES: "ZrO2 content"; production is zircon concentrate by gross weight.
  [seriesKey("Zirconium and Hafnium", "Mine production, zirconium, gross weight")]: mine(
    "zirconium",
    "zirconium mineral concentrates, gross weight",
    "zirconium dioxide (ZrO2) content",
  ),
};

/** Why a series is left out, where there is a reason beyond "not a critical-mineral series here". */
export const USGS_SKIP_REASONS: Readonly<Record<string, string>> = {
  [seriesKey("Helium", "Production, helium gas content")]: "volume (million cubic meters), not a mass",
  [seriesKey("Diamond (industrial)", "Mine production, industrial diamond")]: "carats, not a mass",
  [seriesKey("Gemstones", "Mine production, thousand carats of gem-quality diamond")]: "carats, not a mass",
  [seriesKey("Potash", "Reserves, recoverable ore")]:
    "reserves as recoverable ore duplicate the K2O-equivalent reserves of the potash series on another basis",
  [seriesKey("Titanium & titanium dioxide", "Pigment Capacity")]:
    "titanium dioxide pigment capacity, a chemical product, not a mineral stage",
};
export const DEFAULT_SKIP_REASON = "not a critical-mineral series in this dataset";

/**
 * usgs-magnesium-reserves-are-capacity: the Magnesium metal RESERVES_2024 column repeats the
 * 2024 capacity (RESERVE_NOTES: "Moved to capacity column not a reserve"): no reserves are emitted.
 */
export const RESERVES_COLUMN_NOT_RESERVES: Readonly<Record<string, string>> = {
  [seriesKey("Magnesium metal", "Magnesium smelter production")]: USGS_RULES.magnesiumReserves,
};

/**
 * usgs-pgm-reserves-are-combined: MCS gives platinum-group-metal reserves as one figure for all
 * six metals; the data release stores it on the palladium rows (the platinum rows have none).
 * They are emitted as `pgms` reserves, not palladium reserves.
 */
export const RESERVES_MINERAL_RULES: Readonly<Record<string, { mineral: string; basis: string; rule: string }>> = {
  [seriesKey("Platinum-Group metals", "Mine production, Palladium content")]: {
    mineral: "pgms",
    basis: "platinum-group metals content",
    rule: USGS_RULES.pgmReserves,
  },
};
