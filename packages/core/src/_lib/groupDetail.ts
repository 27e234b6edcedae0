import type { Resolution } from "../resolve.ts";
import { describePercent } from "./describe.ts";
import type { SupplyRow } from "../records.ts";
import { resolveBlock, type SupplyQuery } from "./lookup.ts";
import type { Block } from "./supplyIndex.ts";

/** What a group's summed share is made of, in the block {@link resolveBlock} chooses. */
export interface GroupDetail {
  /** The summed share of the members listed with a value, 0–1; `undefined` when none is (or there is no block). */
  readonly value: number | undefined;
  readonly resolution: Resolution | undefined;
  readonly block: Block | undefined;
  /** The members' rows that carry a share, in the order of `members`. */
  readonly counted: readonly SupplyRow[];
  /** Member codes the block does not list, or lists without a value (withheld, not available). */
  readonly notListed: readonly string[];
  /**
   * `lower` when the true group share may be larger: a member is not listed and the block has a
   * rest-of-world row it may sit in, or a member is listed without a value; else `exact`.
   */
  readonly bound: "exact" | "lower";
  /** Why `value` is `undefined`. */
  readonly reason?: string;
}

/**
 * The members of a group the resolved block lists with a share, those it does not, their summed
 * share and whether that sum is exact or a lower bound. `groupShare` returns its `value`.
 */
export function groupDetail(query: SupplyQuery, members: readonly string[]): GroupDetail {
  const resolved = resolveBlock(query);
  if (!resolved.block)
    return {
      value: undefined,
      resolution: undefined,
      block: undefined,
      counted: [],
      notListed: [...members],
      bound: "exact",
      reason: resolved.reason,
    };
  const { block, resolution } = resolved;
  const counted: SupplyRow[] = [];
  const notListed: string[] = [];
  let withheld = false;
  let value = 0;
  for (const code of members) {
    const row = block.rows.get(code);
    if (row !== undefined && row.share !== null) {
      counted.push(row);
      value += row.share;
    } else {
      notListed.push(code);
      if (row !== undefined) withheld = true;
    }
  }
  const rest = block.rows.get("ROW");
  const restListed = rest !== undefined && rest.share !== null;
  const bound = withheld || (notListed.length > 0 && restListed) ? "lower" : "exact";
  if (counted.length > 0) return { value, resolution, block, counted, notListed, bound };
  const where = `${resolution.edition} ${query.mineral} ${query.stage} ${resolution.year}`;
  const inRest = restListed ? ` (they may sit in its rest of world, ${describePercent(rest.share)})` : "";
  return {
    value: undefined,
    resolution,
    block,
    counted,
    notListed,
    bound,
    reason: `none of the ${members.length} members (${members.join(", ")}) is listed with a share in ${where}${inRest}`,
  };
}
