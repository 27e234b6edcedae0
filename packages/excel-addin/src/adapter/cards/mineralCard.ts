// =CRITMIN.MINERAL("cobalt") (issue 17): a mineral's card, every field one core answer.
import * as core from "@critmin/core";
import type { Stage } from "@critmin/core";
import { answerField, formatOf, tryField, type Card, type CardField, type CardSection, STAGES, TOP } from "./card.ts";

/** The card of one mineral id (already parsed): shares, producers, concentration, projections, EU and US figures, lists. */
export function mineralCard(id: string): Card {
  const entry = core.minerals().find((m) => m.id === id)!;
  return {
    title: entry.name,
    sections: [
      section(
        "China's share",
        STAGES.map((stage) => answerField(`China ${stage} share`, core.explain(core.chinaShare, id, { stage }))),
      ),
      section(
        "Top producers",
        STAGES.map((stage) => topProducers(id, stage)),
      ),
      section(
        "Concentration",
        STAGES.map((stage) => answerField(`HHI ${stage}`, core.explain(core.hhi, id, { stage }))),
      ),
      section(
        "IEA projections",
        STAGES.flatMap((stage) => projections(id, stage)),
      ),
      section("EU assessment", [
        tryField("EU supply risk", () => answerField("EU supply risk", core.explain(core.supplyRisk, id))),
        tryField("EU economic importance", () =>
          answerField("EU economic importance", core.explain(core.economicImportance, id)),
        ),
      ]),
      section("US", [
        tryField("US net import reliance", () =>
          answerField("US net import reliance", core.explain(core.importReliance, id, "USA")),
        ),
      ]),
      section("Critical lists", lists(id)),
    ],
  };
}

const section = (title: string, fields: readonly CardField[]): CardSection => ({ title, fields });

/** The largest producers at one stage, as a nested card whose properties are their shares. */
function topProducers(id: string, stage: Stage): CardField {
  const a = core.explain(core.topProducers, id, { stage, n: TOP });
  const head = answerField(`Top ${stage} producers`, a);
  const ranked = (a.value ?? []).filter((p) => p.rank !== null);
  if (ranked.length === 0) return { ...head, value: undefined, reason: a.reason ?? "no producers" };
  const fields = ranked.map((p): CardField => ({
    name: `${p.rank}. ${p.name}`,
    value: p.share,
    // A producer's share is a fraction like chinaShare's answer: the same row of the unit table.
    format: formatOf("fraction"),
    edition: a.edition,
  }));
  return {
    ...head,
    value: undefined,
    nested: { title: ranked.map((p) => p.name).join(", "), sections: [section(head.name, fields)] },
  };
}

/**
 * China's projected shares in the newest edition with projections (the IEA's base case): the years
 * come from core's series of the edition, each value from chinaShare pinned to it.
 */
function projections(id: string, stage: Stage): CardField[] {
  const rows = core.series(id, "CHN", { stage }).rows.filter((r) => r.kind === "projected");
  const newest = rows.at(-1)?.edition;
  return rows
    .filter((r) => r.edition === newest)
    .map((r) =>
      // The year is part of the name: one property per projected year.
      answerField(
        `China ${stage} share ${r.year}`,
        core.explain(core.chinaShare, id, { stage, year: r.year, source: r.edition }),
      ),
    );
}

/** The official lists naming the mineral (core's listsNaming): the item as each list writes it. */
function lists(id: string): CardField[] {
  const byList = new Map<string, core.ListNaming[]>();
  for (const n of core.listsNaming(id)) byList.set(n.list, [...(byList.get(n.list) ?? []), n]);
  return [...byList].map(([list, namings]) => ({
    name: `${list} (${namings[0]!.published})`,
    value: namings.map((n) => n.itemEn ?? n.item).join("; "),
    format: undefined,
    edition: namings[0]!.edition,
  }));
}
