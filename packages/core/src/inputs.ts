// The argument types the exposure functions accept for a mineral or a country: an id, or any text
// the dataset resolves (checked at run time), so editors still suggest the ids.
import type { Aggregate } from "./constants.ts";
import type { CountryCode, MineralId } from "./data/index.ts";

/**
 * A mineral argument: an id, or any name, symbol or alias the dataset knows (`"Cobalt"`, `"Co"`,
 * `"rare earths"`), matched regardless of case, accents, punctuation and spacing; an unknown one
 * throws `unknown_id` naming the nearest id.
 */
export type MineralInput = MineralId | (string & {});

/**
 * A country argument: an ISO 3166-1 alpha-3 code, `"WORLD"` or `"ROW"`, or any code, name or alias
 * the dataset knows (`"CN"`, `"China"`, `"DRC"`), matched as {@link MineralInput} is; an unknown one
 * throws `unknown_id` naming the nearest code.
 */
export type CountryInput = CountryCode | Aggregate | (string & {});
