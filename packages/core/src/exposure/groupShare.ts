import { parseGroup } from "../_lib/groupIds.ts";
import { parseSupplyQuery, resolveBlock } from "../_lib/lookup.ts";
import type { CountryCode } from "../data/index.ts";
import type { MineralInput } from "../inputs.ts";
import type { GroupId } from "../groups.ts";
import type { SupplyOptions } from "../options.ts";

/**
 * The summed share of a group's members in world output of one mineral at one stage.
 *
 * Members the source does not list separately (they sit in its rest of world) count for nothing,
 * so the sum is a lower bound wherever the block has a rest-of-world row.
 *
 * @param group a group id (`"G7"`, `"EU27"`, `"G7_PLUS"`, `"QUAD"`, `"OECD"`, or "EU", "G7+") or a list of countries
 * @returns 0–1, or `undefined` when the dataset has no such block
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
  const { block } = resolveBlock(query);
  if (!block) return undefined;
  let sum = 0;
  for (const code of members) sum += block.rows.get(code)?.share ?? 0;
  return sum;
}
