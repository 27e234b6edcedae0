import { hasUnattributedShare, rankedCountries } from "../_lib/countryShares.ts";
import { deepFreeze } from "../_lib/deepFreeze.ts";
import { parseSupplyQuery, resolveBlock } from "../_lib/lookup.ts";
import { concentrationRatio } from "../kernels/concentrationRatio.ts";
import { effectiveNumber } from "../kernels/effectiveNumber.ts";
import { herfindahl } from "../kernels/herfindahl.ts";
import type { SupplyOptions } from "../options.ts";
import type { Resolution } from "../resolve.ts";
import type { MineralInput } from "../inputs.ts";

export interface Concentration {
  /** Herfindahl–Hirschman index over countries, 0–10,000. */
  readonly hhi: number;
  /**
   * True when part of world supply is reported only as "rest of world": those countries' shares
   * cannot be squared one by one, so `hhi` is a lower bound of the true index.
   */
  readonly lowerBound: boolean;
  /** Summed share of the three largest countries. */
  readonly cr3: number;
  /** 10,000 ÷ HHI. */
  readonly effectiveSuppliers: number | undefined;
  /** Countries counted. */
  readonly countries: number;
  readonly resolution: Resolution;
}

/**
 * How concentrated one stage of a mineral's supply is: HHI, CR3 and the effective number of suppliers.
 *
 * HHI = Σ (100 × share)² over countries only; aggregates such as rest of world are excluded, so
 * where the source lumps countries together the index is a lower bound (`lowerBound: true`).
 *
 * @returns `undefined` when the dataset has no such block,
 *   or the block gives no country a share (no world total); {@link topProducersReason} says which
 * @example
 * concentration("rare-earths", { year: 2023, source: "iea-cmde-2024" })?.lowerBound
 * //=> true
 */
export function concentration(mineral: MineralInput, options?: SupplyOptions): Concentration | undefined {
  return measure("concentration", mineral, options);
}

/** Shared by `concentration`, `hhi`, `crN` and `effectiveSuppliers` so they always agree. */
export function measure(
  fn: string,
  mineral: unknown,
  options: object | undefined,
  extraKeys: readonly string[] = [],
): Concentration | undefined {
  const query = parseSupplyQuery(fn, mineral, options, { stage: "refining" }, extraKeys);
  const resolved = resolveBlock(query);
  if (!resolved.block) return undefined;
  const shares = rankedCountries(resolved.block).map((r) => r.share!);
  if (shares.length === 0) return undefined;
  const hhi = herfindahl(shares);
  return deepFreeze({
    hhi,
    lowerBound: hasUnattributedShare(resolved.block),
    cr3: concentrationRatio(shares, 3),
    effectiveSuppliers: effectiveNumber(hhi),
    countries: shares.length,
    resolution: resolved.resolution,
  });
}
