import { describe } from "../_lib/describe.ts";
import { parseCountry } from "../_lib/ids.ts";
import { lookupInBlock, parseSupplyQuery } from "../_lib/lookup.ts";
import type { CountryCode } from "../data/index.ts";
import type { MineralInput } from "../inputs.ts";
import { CritminError } from "../errors.ts";
import { AGGREGATES } from "../constants.ts";
import type { SupplyAtRiskOptions } from "../options.ts";

/**
 * The share of world supply lost if `supplier` cuts its output by `cut`: `share(mineral, supplier) × cut`.
 *
 * The share is read from one block (mineral, stage, edition, year) chosen by {@link resolveSource};
 * the stage defaults to `refining`. Unlike {@link share}, it does not turn to an older edition when
 * that block does not list the supplier (a block query: the loss is a part of that block's world
 * total), so it is then `undefined`. Other suppliers are assumed not to
 * make up for the cut, so this is the first-round loss.
 *
 * @param cut the fraction of the supplier's output lost, 0–1 (0.5 = output halved)
 * @returns a fraction of world supply, 0–share, or `undefined` when the edition has no share for
 *   the supplier (not listed, withheld, or no data for that year): never 0 for missing data
 * @throws {@link CritminError} `invalid_argument` when `cut` is not a number in [0, 1], `supplier`
 *   is an aggregate (WORLD, ROW) or an option is malformed; `unknown_id` for an unknown mineral,
 *   country, stage or source (with the nearest valid one)
 * @example
 * supplyAtRisk("cobalt", "CHN", 0.5, { year: 2023, source: "iea-cmde-2024" })
 * //=> 171.7 / 223.8 * 0.5
 */
export function supplyAtRisk(
  mineral: MineralInput,
  supplier: CountryCode | (string & {}),
  cut: number,
  options?: SupplyAtRiskOptions,
): number | undefined {
  const fn = "supplyAtRisk";
  const query = parseSupplyQuery(fn, mineral, options, { stage: "refining" });
  if (typeof supplier !== "string" || supplier.trim() === "") {
    throw new CritminError("invalid_argument", `${fn}: supplier must be a non-empty string, got ${describe(supplier)}`);
  }
  const country = parseCountry(fn, supplier);
  if ((AGGREGATES as readonly string[]).includes(country)) {
    throw new CritminError("invalid_argument", `${fn}: supplier must be a country, not the aggregate "${country}"`);
  }
  if (typeof cut !== "number" || !Number.isFinite(cut) || cut < 0 || cut > 1) {
    throw new CritminError(
      "invalid_argument",
      `${fn}: cut must be a number from 0 to 1 (the fraction of the supplier's output lost), got ${describe(cut)}`,
    );
  }
  const share = lookupInBlock(query, country).row?.share;
  return share === null || share === undefined ? undefined : share * cut;
}
