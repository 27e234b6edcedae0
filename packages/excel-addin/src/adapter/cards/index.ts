// The card functions' one entry (issue 17): parse the name as core does, build the card, return it
// as an entity or as the two-column spill.
import * as core from "@critmin/core";
import { text } from "../args.ts";
import { ArgumentError, errorFor } from "../errors.ts";
import type { ExcelValue } from "../results.ts";
import { cardResult, type Card } from "./card.ts";
import { countryCard } from "./countryCard.ts";
import { mineralCard } from "./mineralCard.ts";

export { rowsOf, type Card } from "./card.ts";
export { countryCard, mineralCard };

/**
 * The id core parses `name` to, with core's "did you mean" for an unknown one: core exports no
 * parser, so the card asks `series`, whose result names the mineral and country it resolved.
 */
function resolve(fn: string, name: string, what: "mineral" | "country"): string {
  try {
    const s = what === "mineral" ? core.series(name, "WORLD") : core.series(core.minerals()[0]!.id, name);
    return what === "mineral" ? s.mineral : s.country;
  } catch (error) {
    if (error instanceof core.CritminError) throw new ArgumentError(`${fn}: ${error.message.replace(/^series: /, "")}`);
    throw error;
  }
}

/** The card of a mineral id (after parsing). */
export function mineralOf(fn: string, input: unknown): Card {
  return mineralCard(resolve(fn, text(fn, "mineral", input), "mineral"));
}

/** The card of a country (after parsing); "World" and "rest of world" have no card. */
export function countryOf(fn: string, input: unknown): Card {
  const code = resolve(fn, text(fn, "country", input), "country");
  if (!core.countries().some((c) => c.code === code))
    throw new ArgumentError(`${fn}: ${String(input)} is an aggregate (${code}), not a country`);
  return countryCard(code);
}

/** A card function's Excel result; any error is one #VALUE! cell with its message. */
export function card(build: () => Card): ExcelValue[][] {
  try {
    return cardResult(build());
  } catch (error) {
    return [[errorFor(error)]];
  }
}
