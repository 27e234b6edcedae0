// The answer of groupShare: the members counted, those the edition does not list, and the bound.
import { hasUnattributedShare } from "../_lib/countryShares.ts";
import { parseGroup } from "../_lib/groupIds.ts";
import { parseSupplyQuery, resolveBlock } from "../_lib/lookup.ts";
import { datedBy, supplySource, type AnswerFields } from "./answer.ts";

export function groupFields(mineral: unknown, group: unknown, options: object | undefined): AnswerFields {
  const fn = "groupShare";
  const query = parseSupplyQuery(fn, mineral, options, { stage: "refining" });
  const { members } = parseGroup(fn, group);
  const found = resolveBlock(query);
  if (!found.block) return { stage: query.stage, reason: found.reason };
  const { block, resolution } = found;
  const counted = members.flatMap((code) => {
    const row = block.rows.get(code);
    return row && row.share !== null ? [row] : [];
  });
  const notListed = members.filter((code) => !counted.some((r) => r.country === code));
  const world = block.rows.get("WORLD");
  const any = counted[0] ?? world;
  const where = `${resolution.edition} ${query.mineral} ${query.stage} ${resolution.year}`;
  return {
    stage: query.stage,
    edition: resolution.edition,
    year: resolution.year,
    case: resolution.case ?? undefined,
    rule: resolution.rule,
    ...(any ? { ...datedBy(any), basis: any.basis } : {}),
    bound: notListed.length > 0 && hasUnattributedShare(block) ? "lower" : "exact",
    notListed,
    sources: [...counted, ...(world && counted.some((r) => r.unit !== "percent") ? [world] : [])].map(supplySource),
    reason: counted.length === 0 ? `no member is listed in ${where}; not listed: ${notListed.join(", ")}` : undefined,
  };
}
