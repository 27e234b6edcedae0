import { rankedCountries } from "../_lib/countryShares.ts";
import { describe } from "../_lib/describe.ts";
import { parseSupplyQuery, resolveBlock } from "../_lib/lookup.ts";
import { perDataset } from "../_lib/perDataset.ts";
import { CritminError } from "../errors.ts";
import type { TopProducersOptions } from "../options.ts";
import type { MineralInput } from "../inputs.ts";

export interface Producer {
  readonly rank: number;
  /** ISO 3166-1 alpha-3. */
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
 * Aggregates (rest of world, world) are not countries and are left out; so are countries whose
 * figure is withheld. Edition and year follow {@link resolveSource}; the stage defaults to `refining`.
 *
 * @returns up to `n` (default 5) rows, or `undefined` when the dataset has no such block
 * @throws {@link CritminError} for an unknown mineral, stage or source, or an `n` below 1
 * @example
 * topProducers("cobalt", { stage: "mining", n: 2, source: "iea-cmde-2024" }).map((p) => p.country)
 * //=> ["COD", "IDN"]
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
  return rankedCountries(block)
    .slice(0, n)
    .map((row, i) => ({
      rank: i + 1,
      country: row.country,
      name: countryName(row.country),
      share: row.share!,
      tonnes: row.tonnes ?? undefined,
    }));
}
