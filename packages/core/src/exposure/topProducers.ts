import { rankedCountries } from "../_lib/countryShares.ts";
import { deepFreeze } from "../_lib/deepFreeze.ts";
import { describe } from "../_lib/describe.ts";
import { parseSupplyQuery, resolveBlock, type ResolvedBlock } from "../_lib/lookup.ts";
import { perDataset } from "../_lib/perDataset.ts";
import { countryList } from "../data/tables.ts";
import type { Block } from "../_lib/supplyIndex.ts";
import { AGGREGATES } from "../constants.ts";
import { CritminError } from "../errors.ts";
import type { Resolution } from "../resolve.ts";
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

const names = /* @__PURE__ */ perDataset(() => new Map(countryList().map((c) => [c.code, c.name])));
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
 * The result is never an empty list: where the block has no country with a share (USGS gives
 * boron's mine output in tonnes but no world total to divide by), there is nothing to rank and the
 * answer is `undefined`. {@link topProducersReason} (or `explain(topProducers, …).reason`) says why.
 *
 * @returns up to `n` (default 5) ranked rows and the rest-of-world row, or `undefined` when the
 *   dataset has no such block or the block gives no country a share
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
  const countries = rankedCountries(block);
  // No share to rank by is missing data, not "no producers": undefined, with the reason in explain.
  if (countries.length === 0) return undefined;
  const ranked: Producer[] = countries.slice(0, n).map((row, i) => ({
    rank: i + 1,
    country: row.country,
    name: countryName(row.country),
    share: row.share!,
    tonnes: row.tonnes ?? undefined,
  }));
  const rest = block.rows.get("ROW");
  if (rest !== undefined && rest.share !== null)
    ranked.push({
      rank: null,
      country: "ROW",
      name: REST_OF_WORLD,
      share: rest.share,
      tonnes: rest.tonnes ?? undefined,
    });
  return deepFreeze(ranked);
}

/**
 * Why {@link topProducers} has no rows for these arguments, naming the edition, mineral, stage and
 * year it read and what is missing there: no such block (with the years and editions that exist),
 * no world total to take shares of (with the countries the edition gives tonnes for, which
 * {@link production} returns), or no country with a figure. The same reason holds for
 * {@link hhi}, {@link crN}, {@link effectiveSuppliers} and {@link concentration} on the same block.
 *
 * @returns the reason, or `undefined` when {@link topProducers} returns rows
 * @throws {@link CritminError} as {@link topProducers}
 * @example
 * topProducersReason("boron", { stage: "mining", source: "usgs-mcs-2025" })?.startsWith("usgs-mcs-2025 reports no world total for boron mining 2024")
 * //=> true
 */
export function topProducersReason(mineral: MineralInput, options?: TopProducersOptions): string | undefined {
  if (topProducers(mineral, options) !== undefined) return undefined;
  return blockReason(resolveBlock(parseSupplyQuery("topProducers", mineral, options, { stage: "refining" }, ["n"])));
}

/** Why a resolved block answers no function that ranks or squares its shares; `undefined` when it does. */
export function blockReason(found: ResolvedBlock): string | undefined {
  if (!found.block) return found.reason;
  return unrankedReason(found.block, found.resolution, found.query.stage);
}

// Excel shows 255 characters of a reason: a long list is cut, saying how many more there are.
const LISTED = 8;
const tonnesOnly = (codes: readonly string[]) =>
  codes.length === 0
    ? ""
    : `; tonnes only for ${codes.slice(0, LISTED).join(", ")}${codes.length > LISTED ? ` and ${codes.length - LISTED} more` : ""}`;

const isAggregate = (code: string) => (AGGREGATES as readonly string[]).includes(code);

/** Why a block has no country with a share, or `undefined` when it has one. */
function unrankedReason(block: Block, resolution: Resolution, stage: string): string | undefined {
  if (rankedCountries(block).length > 0) return undefined;
  const rows = [...block.rows.values()];
  const what = `${rows[0]?.mineral ?? "the mineral"} ${stage} ${resolution.year}`;
  const countries = rows.filter((r) => !isAggregate(r.country));
  const world = block.rows.get("WORLD");
  if (countries.length === 0) return `${resolution.edition} lists no country for ${what}`;
  if (world === undefined || world.value === null) {
    // A share needs the source's own world total: summing the listed countries would miss the
    // withheld and unlisted ones, so it is never used instead.
    const total = world ? `${world.status} at ${world.locator}` : "no world row";
    const tonnes = countries.filter((r) => r.tonnes !== null).map((r) => r.country);
    return `${resolution.edition} reports no world total for ${what} (${total}), so no share can be computed${tonnesOnly(tonnes)}`;
  }
  const statuses = countries.map((r) => `${r.country} ${r.status} at ${r.locator}`);
  return `${resolution.edition} gives no country a share in ${what}: ${statuses.join("; ")}`;
}

const REST_OF_WORLD = "Rest of world";
