import { parseGroup } from "../_lib/groupIds.ts";
import { countryList } from "../data/tables.ts";
import type { CountryEntry } from "../data/index.ts";
import type { GroupId } from "../groups.ts";

/**
 * Countries in the dataset, or the members of a group.
 *
 * @throws {@link CritminError} `unknown_id` for an unknown group, with the nearest
 * @example
 * countries("QUAD").map((c) => c.code)
 * //=> ["AUS", "IND", "JPN", "USA"]
 */
export function countries(group?: GroupId | (string & {})): readonly CountryEntry[] {
  const all = countryList();
  if (group === undefined || group === null) return all;
  const members = new Set(parseGroup("countries", group).members);
  return all.filter((c) => members.has(c.code));
}
