import { GROUPS, type Group } from "../groups.ts";

/**
 * The country groups, each with its members and the source of its membership list.
 *
 * @example
 * groups().map((g) => g.id)
 * //=> ["G7", "EU27", "G7_PLUS", "QUAD", "OECD"]
 */
export function groups(): readonly Group[] {
  return GROUPS;
}
