import { demandCoverage, demandRow } from "../_lib/demandIndex.ts";
import { materialOf } from "../_lib/materials.ts";
import { scenarioFor } from "../_lib/resolveDemand.ts";
import { describe } from "../_lib/describe.ts";
import { readOptions } from "../_lib/options.ts";
import { allowedEditions } from "../_lib/within.ts";
import { parseCountry, parseMineral } from "../_lib/ids.ts";
import { block, coverage } from "../_lib/supplyIndex.ts";
import type { CountryCode } from "../data/index.ts";
import type { MineralInput } from "../inputs.ts";
import { CritminError } from "../errors.ts";
import { AGGREGATES, type EditionId, type Scenario, type Stage, SUPPLY_CASES } from "../constants.ts";
import type { DemandRow, SupplyRow } from "../records.ts";
import type { CoverageWithoutOptions } from "../options.ts";

const KEYS = ["supplier", "year", "supplyCase", "demandScenario", "stage", "source", "within"] as const;

function largest(rows: ReadonlyMap<string, SupplyRow>): SupplyRow | undefined {
  let best: SupplyRow | undefined;
  for (const row of rows.values()) {
    if ((AGGREGATES as readonly string[]).includes(row.country) || row.tonnes === null) continue;
    if (!best || row.tonnes > best.tonnes!) best = row;
  }
  return best;
}

/**
 * How much of demand the rest of the world's supply covers if one supplier is removed:
 * (world supply − the supplier's supply) ÷ total demand, the IEA's "largest supplier removed" test.
 *
 * Supply and total demand come from one IEA edition and the same year, never from two editions: the
 * edition is the newest with both for the mineral (and `year`, when given) unless `source` pins one
 * (or `within` lists the editions allowed, as {@link demand} reads it),
 * and the year defaults to its observed base year. A projection year (2030, 2035, 2040) reads supply
 * under the `"base-case"` and demand under `demandScenario` (default `"STEPS"`); the base year reads
 * observed supply and demand. `"largest"` is the country (never `ROW` or `WORLD`) with the most
 * supply in the block, the first listed on a tie.
 *
 * @returns a ratio (1 means the rest of the world's supply equals demand; it can exceed 1), or
 *   `undefined` when the edition lacks the supply block, the supplier's figure or demand for that
 *   year, when the supply and demand figures measure different materials (IEA graphite: supply is
 *   natural or battery-grade, demand all grades), or for a non-IEA source
 * @throws {@link CritminError} `unknown_id` for an unknown mineral, country, stage, scenario, case or
 *   source (with the nearest valid one), `invalid_argument` for a malformed option or an aggregate supplier
 * @example
 * coverageWithout("cobalt", { year: 2023, source: "iea-cmde-2024" })
 * //=> (223.8 - 171.7) / 214.7903
 * @example
 * coverageWithout("lithium", { supplier: "Australia", stage: "mining", year: 2023, source: "iea-cmde-2024" })
 * //=> (193.8 - 84.1) / 165.3723
 * @example
 * coverageWithout("cobalt", { within: ["iea-cmde-2024", "ec-crm-2023"] })
 * //=> (223.8 - 171.7) / 214.7903
 */
export function coverageWithout(mineralInput: MineralInput, options?: CoverageWithoutOptions): number | undefined {
  return coverageWithoutRows(mineralInput, options).value;
}

/** What {@link coverageWithout} reads: the edition, year, scenario and the three rows of its ratio. */
export interface CoverageWithoutRows {
  readonly edition?: EditionId;
  readonly year?: number;
  readonly case?: string | null;
  readonly scenario?: Scenario | null;
  readonly stage: Stage;
  readonly world?: SupplyRow;
  readonly removed?: SupplyRow;
  readonly demanded?: DemandRow;
  readonly value: number | undefined;
}

/** {@link coverageWithout} with the rows it read. */
export function coverageWithoutRows(mineralInput: MineralInput, options?: CoverageWithoutOptions): CoverageWithoutRows {
  const fn = "coverageWithout";
  const opts = readOptions(fn, options, KEYS);
  const mineral = parseMineral(fn, mineralInput);
  const stage = opts.stage("refining");
  const year = opts.year();
  const allowed = allowedEditions(opts.source(), opts.within(), "demand");
  const scenario = opts.scenario("demandScenario");
  const supplyCase = opts.get("supplyCase", parseSupplyCase);
  const supplier = opts.get("supplier", parseSupplier, "largest");

  // Only editions with total demand for the mineral can answer; among them, the newest with supply for the year.
  const demandEditions = demandCoverage("total-demand", mineral, "total");
  const supplyEditions = coverage(mineral, stage, "production");
  const candidates = demandEditions
    .filter((d) => allowed === undefined || allowed.includes(d.edition))
    .flatMap((d) => {
      const s = supplyEditions.find((c) => c.edition === d.edition);
      return s ? [{ demand: d, supply: s }] : [];
    });
  const chosen =
    year === undefined
      ? candidates.find((c) => c.supply.observedYears.length > 0)
      : candidates.find((c) => c.supply.years.has(year));
  if (!chosen) return { stage, value: undefined };
  const edition: EditionId = chosen.supply.edition;
  const resolvedYear = year ?? chosen.supply.observedYears.at(-1)!;
  const kase = chosen.supply.years.get(resolvedYear) ?? null;
  const where = { edition, year: resolvedYear, case: kase, stage };
  if (kase !== null && supplyCase !== undefined && supplyCase !== kase) return { ...where, value: undefined };

  const rows = block(edition, mineral, stage, "production", resolvedYear, kase)?.rows;
  const world = rows?.get("WORLD");
  const removed = rows && (supplier === "largest" ? largest(rows) : rows.get(supplier));
  const demandScenario = scenarioFor(chosen.demand, resolvedYear, scenario);
  const demanded = demandRow(edition, "total-demand", mineral, "total", demandScenario, resolvedYear);
  const read = { ...where, scenario: demandScenario, world, removed, demanded };
  if (world?.tonnes == null || removed?.tonnes == null || !demanded || demanded.tonnes === 0)
    return { ...read, value: undefined };
  const material = materialOf(world.basis);
  if (material === undefined || material !== materialOf(demanded.basis)) return { ...read, value: undefined };
  return { ...read, value: (world.tonnes - removed.tonnes) / demanded.tonnes };
}

function parseSupplyCase(fn: string, input: unknown): (typeof SUPPLY_CASES)[number] {
  const text = typeof input === "string" ? input.trim().toLowerCase().replace(/\s+/g, "-") : input;
  if ((SUPPLY_CASES as readonly unknown[]).includes(text)) return text as (typeof SUPPLY_CASES)[number];
  if (typeof input !== "string" || input.trim() === "") {
    throw new CritminError("invalid_argument", `${fn}: supplyCase must be a non-empty string, got ${describe(input)}`);
  }
  throw new CritminError(
    "unknown_id",
    `${fn}: unknown supplyCase ${describe(input)}; expected one of ${SUPPLY_CASES.join(", ")}`,
  );
}

function parseSupplier(fn: string, input: unknown): CountryCode | "largest" {
  if (typeof input !== "string" || input.trim() === "") {
    throw new CritminError("invalid_argument", `${fn}: supplier must be a non-empty string, got ${describe(input)}`);
  }
  if (input.trim().toLowerCase() === "largest") return "largest";
  const code = parseCountry(fn, input);
  if ((AGGREGATES as readonly string[]).includes(code)) {
    throw new CritminError(
      "invalid_argument",
      `${fn}: supplier must be a country or "largest", got ${describe(input)}`,
    );
  }
  return code as CountryCode;
}
