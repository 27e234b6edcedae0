import { createRequire } from "node:module";
import countries, { type LocaleData } from "i18n-iso-countries";

const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/en.json") as LocaleData);

/**
 * Source spellings the country library does not know, mapped by hand. Each entry is tested;
 * a name found in no table fails the build (see `countryCode`).
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  // USGS
  Burma: "MMR",
  "Congo (Kinshasa)": "COD",
  "Congo (Brazzaville)": "COG",
  "Korea, Republic of": "KOR",
  "Korea, North": "PRK",
  Laos: "LAO",
  Syria: "SYR",
  "Côte d’Ivoire": "CIV",
  "Republic of Korea": "KOR",
  // IEA
  "Democratic Republic of Congo": "COD",
  // EU CRM 2023 (including the upstream file's misspellings). Plain "Congo" is the Republic of the
  // Congo, as in ISO 3166; the EU writes the Democratic Republic as "Congo, D.R.".
  Congo: "COG",
  "Congo, D.R.": "COD",
  "Korea, South": "KOR",
  Moldova: "MDA",
  Kosovo: "XKX",
  Brasilia: "BRA",
  Brasil: "BRA",
  Libanon: "LBN",
  Surinam: "SUR",
  Turkyie: "TUR",
  // The upstream EU file stores Türkiye in Latin-1; read as UTF-8 the ü becomes U+FFFD.
  "T\uFFFDrkiye": "TUR",
  // World Bank WGI (wb/WGIData.csv): its names the library does not know. The file gives each
  // economy's code beside its name; the reader checks that every name maps to that very code.
  // "Congo, Rep." is the Republic of the Congo (COG), "Congo, Dem. Rep." the Democratic Republic (COD).
  "Bahamas, The": "BHS",
  "Cabo Verde": "CPV",
  "Congo, Dem. Rep.": "COD",
  "Congo, Rep.": "COG",
  "Egypt, Arab Rep.": "EGY",
  "Gambia, The": "GMB",
  "Hong Kong SAR, China": "HKG",
  "Iran, Islamic Rep.": "IRN",
  "Jersey, Channel Islands": "JEY",
  "Korea, Dem. People's Rep.": "PRK",
  "Korea, Rep.": "KOR",
  "Kyrgyz Republic": "KGZ",
  "Lao PDR": "LAO",
  "Macao SAR, China": "MAC",
  "Micronesia, Fed. Sts.": "FSM",
  "Netherlands Antilles": "ANT",
  "Slovak Republic": "SVK",
  "St. Kitts and Nevis": "KNA",
  "St. Lucia": "LCA",
  "St. Vincent and the Grenadines": "VCT",
  "Taiwan, China": "TWN",
  Turkiye: "TUR",
  "Venezuela, RB": "VEN",
  "Virgin Islands (U.S.)": "VIR",
  "West Bank and Gaza": "PSE",
  "Yemen, Rep.": "YEM",
};

/**
 * Codes sources use that ISO 3166-1 does not assign today, with their names: the World Bank's Kosovo
 * code, and the Netherlands Antilles, dissolved in 2010 and still in the WGI for 1996–2009
 * (rule wgi-non-iso-codes).
 */
export const NON_ISO_CODES: Readonly<Record<string, string>> = {
  XKX: "Kosovo",
  ANT: "Netherlands Antilles",
};

/**
 * Names users type that neither the library nor a source spelling gives: common short forms, and the
 * spellings of the UN ("Viet Nam") and sports bodies ("Chinese Taipei"). The runtime registry offers
 * them as aliases; sources never need them.
 */
export const USER_ALIASES: Readonly<Record<string, readonly string[]>> = {
  CHN: ["PRC"],
  COD: ["DRC", "DR Congo", "Congo-Kinshasa"],
  COG: ["Congo-Brazzaville", "Republic of the Congo"],
  GBR: ["UK", "Britain", "Great Britain"],
  KOR: ["Korea"],
  RUS: ["Russian Federation"],
  TUR: ["Türkiye"],
  TWN: ["Chinese Taipei"],
  USA: ["US", "United States of America", "America"],
  VNM: ["Viet Nam"],
};

/**
 * The one country a name belongs to when the library lists it for several. "Congo" is the ISO 3166
 * short name of the Republic of the Congo; the library also lists it for the Democratic Republic,
 * whose ISO short name is "Congo, The Democratic Republic of the".
 */
export const SHARED_NAME_OWNERS: Readonly<Record<string, string>> = {
  Congo: "COG",
};

/** Names that stand for aggregates, not countries. */
export const AGGREGATE_NAMES: Readonly<Record<string, "WORLD" | "ROW">> = {
  Total: "WORLD",
  "Total clean technologies": "WORLD",
  "World total": "WORLD",
  "World total (rounded)": "WORLD",
  "Rest of world": "ROW",
  "Other Countries": "ROW",
  "Other countries (rounded)": "ROW",
};

/** Trims the padding and footnote digits sources leave on names ("Canada ", "China3"). */
export function cleanName(raw: string): string {
  return raw
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(?<=[A-Za-z)])\s*\d+$/, "")
    .trim();
}

/** ISO 3166-1 alpha-3 code (or WORLD/ROW) for a source's country name, `undefined` if unknown. */
export function countryCode(raw: string): string | undefined {
  const name = cleanName(raw);
  return AGGREGATE_NAMES[name] ?? COUNTRY_ALIASES[name] ?? countries.getAlpha3Code(name, "en") ?? undefined;
}

let nameOwners: Map<string, number> | undefined;

/** How many countries the library gives each name. */
function ownerCounts(): Map<string, number> {
  const all = countries.getNames("en", { select: "all" }) as Record<string, string[]>;
  nameOwners ??= Object.values(all)
    .flat()
    .reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());
  return nameOwners;
}

/**
 * English short name of an ISO alpha-3 code, from the country library: its common name when that is
 * readable (not an abbreviation, no comma) and belongs to no other country, else its official name
 * ("China", "United States", "South Korea", but "Democratic Republic of the Congo", as "Congo" is
 * also the Republic of the Congo's name).
 */
export function countryName(code: string): string | undefined {
  if (Object.hasOwn(NON_ISO_CODES, code)) return NON_ISO_CODES[code];
  const all = countries.getNames("en", { select: "all" }) as Record<string, string[]>;
  const owners = ownerCounts();
  const a2 = countries.alpha3ToAlpha2(code);
  const names = a2 ? all[a2] : undefined;
  if (!names || names.length === 0) return undefined;
  const readable = (n: string | undefined) =>
    n !== undefined && n.length > 3 && !n.includes(",") && !n.includes(".") && owners.get(n) === 1;
  const common = countries.getName(code, "en", { select: "alias" });
  const official = countries.getName(code, "en", { select: "official" });
  return readable(common) ? common : readable(official) ? official : names[0];
}

/**
 * Every name the library knows for a code, for the runtime alias index; a name it gives to several
 * countries only for its owner in {@link SHARED_NAME_OWNERS}, so that no name means two countries.
 */
export function countryNames(code: string): string[] {
  if (Object.hasOwn(NON_ISO_CODES, code)) return [NON_ISO_CODES[code]!];
  const alpha2 = countries.alpha3ToAlpha2(code);
  const names = alpha2 ? countries.getNames("en", { select: "all" })[alpha2] : undefined;
  const owners = ownerCounts();
  return (names ?? []).filter((n) => {
    if (owners.get(n) === 1) return true;
    const owner = SHARED_NAME_OWNERS[n];
    if (owner === undefined)
      throw new Error(`country name ${JSON.stringify(n)} names several countries: give it an owner`);
    return owner === code;
  });
}

export function alpha2(code: string): string | undefined {
  return countries.alpha3ToAlpha2(code) ?? undefined;
}
