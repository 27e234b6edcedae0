// The answer of groupShare: the members counted, those the edition does not list, and the bound.
import { groupDetail } from "../_lib/groupDetail.ts";
import { parseGroup } from "../_lib/groupIds.ts";
import { parseSupplyQuery } from "../_lib/lookup.ts";
import { datedBy, supplySource, type AnswerFields } from "./answer.ts";

export function groupFields(mineral: unknown, group: unknown, options: object | undefined): AnswerFields {
  const fn = "groupShare";
  const query = parseSupplyQuery(fn, mineral, options, { stage: "refining" });
  const detail = groupDetail(query, parseGroup(fn, group).members);
  const { resolution, counted } = detail;
  const world = detail.block?.rows.get("WORLD");
  // Counted shares divide by the world total, except the EU's, which it prints as percentages.
  const divisor = world && counted.some((r) => r.unit !== "percent") ? [world] : [];
  const first = counted[0] ?? world;
  return {
    stage: query.stage,
    ...(resolution
      ? {
          edition: resolution.edition,
          year: resolution.year,
          case: resolution.case ?? undefined,
          rule: resolution.rule,
        }
      : {}),
    ...(first ? { ...datedBy(first), basis: first.basis } : {}),
    bound: detail.bound,
    notListed: detail.notListed,
    sources: [...counted, ...divisor].map(supplySource),
    reason: detail.reason,
  };
}
