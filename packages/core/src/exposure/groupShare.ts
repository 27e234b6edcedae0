import { parseGroup } from "../_lib/groupIds.ts";
import { groupDetail } from "../_lib/groupDetail.ts";
import { parseSupplyQuery } from "../_lib/lookup.ts";
import type { CountryCode } from "../data/index.ts";
import type { MineralInput } from "../inputs.ts";
import type { GroupId } from "../groups.ts";
import type { SupplyOptions } from "../options.ts";

/**
 * The summed share of a group's members in world output of one mineral at one stage.
 *
 * Edition and year follow {@link resolveSource} (a block query: one block, one edition). Members
 * the source does not list separately (they may sit in its rest of world) are left out of the sum,
 * so it is a lower bound wherever the block has a rest-of-world row; when no member is listed with
 * a share there is no figure at all, not 0.
 *
 * @param group a group id (`"G7"`, `"EU27"`, `"G7_PLUS"`, `"QUAD"`, `"OECD"`, or "EU", "G7+") or a list of countries
 * @returns 0–1, or `undefined` when the dataset has no such block or the block lists no member with a share
 * @throws {@link CritminError} `unknown_id` for an unknown group (with the nearest), mineral or country
 * @example
 * groupShare("lithium", "QUAD", { stage: "mining", year: 2023, source: "iea-cmde-2024" })
 * //=> 84.1 / 193.8
 */
export function groupShare(
  mineral: MineralInput,
  group: GroupId | (string & {}) | readonly (CountryCode | (string & {}))[],
  options?: SupplyOptions,
): number | undefined {
  const query = parseSupplyQuery("groupShare", mineral, options, { stage: "refining" });
  const { members } = parseGroup("groupShare", group);
  return groupDetail(query, members).value;
}
