import { parseUse } from "../_lib/demandTerms.ts";
import { lookupDemand, type DemandLookup } from "../_lib/resolveDemand.ts";
import { readOptions } from "../_lib/options.ts";
import { parseMineral } from "../_lib/ids.ts";
import { USES } from "../data/index.ts";
import type { DemandOptions } from "../options.ts";
import type { MineralInput } from "../inputs.ts";

const KEYS = ["year", "scenario", "sector", "source", "within"] as const;

/**
 * Demand for one mineral, in total or for one sector, in metric tonnes on the IEA's basis for it.
 *
 * Reads the IEA total-demand table (`sector` default `"total"`). The edition is the newest IEA
 * edition with demand for the mineral (and for `year`, when given), unless `source` pins one or
 * `within` lists the editions allowed (a workbook's pin: only its IEA editions answer, and a list
 * naming no IEA edition does not narrow the choice); the
 * year defaults to that edition's observed base year (2024 in iea-cmde-2025). The base year is
 * observed and the same in every scenario, so `scenario` is not used for it; a projection year
 * (2030–2050) is read under `scenario`, default `"STEPS"`. Minerals without a total-demand table
 * (gallium and the other clean-tech-only minerals) answer only `sector: "total-clean"`, from the
 * clean-technology demand table.
 *
 * @returns tonnes, or `undefined` when the edition has no figure (no such mineral, sector, year or
 *   scenario in the IEA tables): never 0 for missing data
 * @throws {@link CritminError} `unknown_id` for an unknown mineral, sector, scenario or source (with the
 *   nearest valid one), `invalid_argument` for a malformed option
 * @example
 * demand("lithium", { year: 2030, scenario: "NZE", source: "iea-cmde-2024" })
 * //=> 705.391 * 1000
 * @example
 * demand("cobalt", { sector: "EV", year: 2023, source: "iea-cmde-2024" })
 * //=> 61.8409 * 1000
 * @example
 * demand("lithium", { within: ["iea-cmde-2024", "usgs-mcs-2025"] }) === demand("lithium", { source: "iea-cmde-2024" })
 * //=> true
 */
export function demand(mineral: MineralInput, options?: DemandOptions): number | undefined {
  return demandLookup(mineral, options).row?.tonnes;
}

/** The demand row {@link demand} answers with (its edition, year and scenario), or why there is none. */
export function demandLookup(mineral: MineralInput, options?: DemandOptions): DemandLookup {
  const fn = "demand";
  const opts = readOptions(fn, options, KEYS);
  return lookupDemand({
    fn,
    mineral: parseMineral(fn, mineral),
    use: opts.get("sector", (f, input) => parseUse(f, "sector", input, USES), "total"),
    year: opts.year(),
    scenario: opts.scenario(),
    source: opts.source(),
    within: opts.within(),
  });
}
