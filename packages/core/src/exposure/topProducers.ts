import { rankedCountries } from "../_lib/countryShares.ts";
import { describe } from "../_lib/describe.ts";
import { parseSupplyQuery, resolveBlock } from "../_lib/lookup.ts";
import { perDataset } from "../_lib/perDataset.ts";
import { CritminError } from "../errors.ts";
import type { TopProducersOptions } from "../options.ts";
import type { MineralInput } from "../inputs.ts";

export interface Producer {
  /** 1 for the largest country; `null` on the closing rest-of-world row. */
  readonly rank: number | null;
  /** ISO 3166-1 alpha-3, or `ROW` on the closing rest-of-world row. */
  readonly country: string;
  readonly name: string;
  /** Share of the source's world total, 0–1. */
  readonly share: number;
  /** Tonnes, `undefined` where the source gives shares only (EU CRM). */
  readonly tonnes: number | undefined;
}

const names = /* @__PURE__ */ perDataset((data) => new Map(data.countries.map((c) => [c.code, c.name])));
const countryName = (code: string) => names().get(code) ?? code;

/**
 * The largest producing countries of a mineral at one stage, ranked by share.
 *
 * Aggregates (rest of world, world) are not countries and are not ranked; neither are countries
 * whose figure is withheld. When the block has a rest-of-world row with a share, the list ends with
 * it, after the top `n`: `{ rank: null, country: "ROW", name: "Rest of world", share, tonnes }`.
 * That is the source's own rest-of-world figure (the countries it does not list separately), not
 * the remainder beyond the top `n`. Edition and year follow {@link resolveSource}; the stage
 * defaults to `refining`.
 *
 * @returns up to `n` (default 5) ranked rows and the rest-of-world row, or `undefined` when the
 *   dataset has no such block
 * @throws {@link CritminError} for an unknown mineral, stage or source, or an `n` below 1
 * @example
 * topProducers("cobalt", { stage: "mining", n: 2, source: "iea-cmde-2024" }).map((p) => p.country)
 * //=> ["COD", "IDN", "ROW"]
 */
export function topProducers(mineral: MineralInput, options?: TopProducersOptions): readonly Producer[] | undefined {
  const query = parseSupplyQuery("topProducers", mineral, options, { stage: "refining" }, ["n"]);
  const n = options?.n ?? 5;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    throw new CritminError(
      "invalid_argument",
      `topProducers: n must be a whole number of at least 1, got ${describe(n)}`,
    );
  }
  const { block } = resolveBlock(query);
  if (!block) return undefined;
  const ranked: Producer[] = rankedCountries(block)
    .slice(0, n)
    .map((row, i) => ({
      rank: i + 1,
      country: row.country,
      name: countryName(row.country),
      share: row.share!,
      tonnes: row.tonnes ?? undefined,
    }));
  const rest = block.rows.get("ROW");
  if (rest === undefined || rest.share === null) return ranked;
  return [
    ...ranked,
    { rank: null, country: "ROW", name: REST_OF_WORLD, share: rest.share, tonnes: rest.tonnes ?? undefined },
  ];
}

const REST_OF_WORLD = "Rest of world";
