import { AGGREGATES } from "../constants.ts";
import type { SupplyRow } from "../records.ts";
import type { Block } from "./supplyIndex.ts";

const isAggregate = (country: string) => (AGGREGATES as readonly string[]).includes(country);

/** Country rows of a block with a share, largest first (ties by code, so the order is stable). */
export function rankedCountries(block: Block): SupplyRow[] {
  return [...block.rows.values()]
    .filter((r) => !isAggregate(r.country) && r.share !== null)
    .sort((a, b) => b.share! - a.share! || (a.country < b.country ? -1 : 1));
}

/** True when part of the block's total is not attributed to any country (a rest-of-world row above 0). */
export function hasUnattributedShare(block: Block): boolean {
  const row = block.rows.get("ROW");
  return row !== undefined && row.share !== null && row.share > 0;
}
