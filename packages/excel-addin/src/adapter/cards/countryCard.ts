// =CRITMIN.COUNTRY("Chile") (issue 17): where a country is a top-3 producer and its governance.
import * as core from "@critmin/core";
import type { Stage } from "@critmin/core";
import { answerField, type Card, type CardField, STAGES, TOP } from "./card.ts";

/** The card of one country code (already parsed). */
export function countryCard(code: string): Card {
  const entry = core.countries().find((c) => c.code === code)!;
  return {
    title: entry.name,
    sections: [
      ...STAGES.map((stage) => ({ title: `Top-${TOP} ${stage} producer of`, fields: producerOf(code, stage) })),
      {
        title: "Governance (WGI estimates, -2.5 to 2.5)",
        fields: [...core.GOVERNANCE_DIMENSIONS, "mean"].map((d) =>
          answerField(`WGI ${d}`, core.explain(core.governance, code, d)),
        ),
      },
    ],
  };
}

/**
 * The minerals whose top three at `stage` (each mineral's default edition and year, as
 * TOP_PRODUCERS answers) include the country: its share, named with rank, year and edition.
 */
function producerOf(code: string, stage: Stage): CardField[] {
  const fields: CardField[] = [];
  for (const m of core.minerals()) {
    const options = { stage, n: TOP };
    let top: readonly core.Producer[] | undefined;
    try {
      top = core.topProducers(m.id, options);
    } catch {
      continue; // no supply block for this mineral and stage: it has no producers to rank
    }
    const p = top?.find((x) => x.country === code && x.rank !== null);
    if (!p) continue;
    // Explained only where the country ranks: its sources and edition go with the share.
    const a = core.explain(core.topProducers, m.id, options);
    // The rank goes with the year and edition in the detail: it can change when the data does, and
    // the name must not, for dot access.
    const share = answerField(`${m.name} ${stage} share`, { ...a, unit: "fraction", value: p.share });
    fields.push({ ...share, detail: `, #${p.rank}${share.detail ?? ""}` });
  }
  return fields;
}
