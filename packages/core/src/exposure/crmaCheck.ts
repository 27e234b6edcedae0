import { describe } from "../_lib/describe.ts";
import { parseStage } from "../_lib/ids.ts";
import { parseSupplyQuery, resolveBlock, type SupplyQuery } from "../_lib/lookup.ts";
import { readOptions } from "../_lib/options.ts";
import type { CountryCode, MineralId } from "../data/index.ts";
import type { MineralInput } from "../inputs.ts";
import { CritminError } from "../errors.ts";
import { GROUPS } from "../groups.ts";
import { AGGREGATES, STAGES, type EditionId, type Stage, CRMA_BASES } from "../constants.ts";
import type { SupplyRow } from "../records.ts";
import type { CrmaCheckOptions } from "../options.ts";

/** The outcome of {@link crmaCheck} for one stage. */
export interface CrmaCheck {
  readonly mineral: MineralId;
  readonly stage: Stage;
  /** The CRMA ceiling on one third country's share of EU consumption: 0.65. */
  readonly benchmark: 0.65;
  /** The non-EU country with the largest share, `undefined` when the mix lists none. */
  readonly largestThirdCountry: { readonly country: CountryCode; readonly share: number } | undefined;
  /** Share not attributed to a listed country (rest of world, withheld, unlisted), 0–1. */
  readonly unattributed: number;
  /** `true` if no third country can exceed the benchmark, `false` if one does, `undefined` if the unattributed share could hide one. */
  readonly passes: boolean | undefined;
  /** `eu-sourcing`: the EU's sourcing mix (ec-crm-2023); `global-supply`: world production shares, a proxy. */
  readonly basis: (typeof CRMA_BASES)[number];
  readonly edition: EditionId;
  readonly year: number;
  /** Where the largest third country's share was read; without one, the block's first row. */
  readonly locator: string;
}

// The option names as a plain list (why not the zod schema: schema/index.ts).
const KEYS = ["basis", "year", "source"] as const;

const BENCHMARK = 0.65;
// Rounded source shares make "exactly at the benchmark" land a hair above it.
const TOLERANCE = 1e-9;
const EU27: ReadonlySet<string> = /* @__PURE__ */ (() => new Set(GROUPS.find((g) => g.id === "EU27")!.members))();

function check(query: SupplyQuery, basis: CrmaCheck["basis"]): CrmaCheck | undefined {
  const { block, resolution } = resolveBlock(query);
  if (!block) return undefined;
  let largest: (SupplyRow & { share: number }) | undefined;
  let attributed = 0;
  let first: SupplyRow | undefined;
  for (const row of block.rows.values()) {
    first ??= row;
    if ((AGGREGATES as readonly string[]).includes(row.country) || row.share === null) continue;
    attributed += row.share;
    if (EU27.has(row.country)) continue;
    // Ties go to the first code alphabetically, so the answer does not depend on row order.
    if (!largest || row.share > largest.share || (row.share === largest.share && row.country < largest.country)) {
      largest = row as SupplyRow & { share: number };
    }
  }
  if (!first) return undefined;
  const unattributed = Math.max(0, 1 - attributed);
  const passes =
    largest && largest.share > BENCHMARK + TOLERANCE ? false : unattributed <= BENCHMARK + TOLERANCE ? true : undefined;
  return Object.freeze({
    mineral: query.mineral,
    stage: query.stage,
    benchmark: BENCHMARK,
    largestThirdCountry: largest
      ? Object.freeze({ country: largest.country as CountryCode, share: largest.share })
      : undefined,
    unattributed,
    passes,
    basis,
    edition: resolution.edition,
    year: resolution.year,
    locator: (largest ?? first).locator,
  });
}

/** The binding stage: a failing one (largest share first), else an undecided one, else the closest to failing. */
function binding(checks: readonly CrmaCheck[]): CrmaCheck | undefined {
  const score = (c: CrmaCheck) => c.largestThirdCountry?.share ?? -1;
  const pick = (list: readonly CrmaCheck[]) =>
    list.reduce<CrmaCheck | undefined>((best, c) => (!best || score(c) > score(best) ? c : best), undefined);
  return (
    pick(checks.filter((c) => c.passes === false)) ?? pick(checks.filter((c) => c.passes === undefined)) ?? pick(checks)
  );
}

/**
 * Checks a mineral against the EU Critical Raw Materials Act benchmark (Regulation (EU) 2024/1252,
 * Art. 5(1)): no more than 65% of the EU's annual consumption of a strategic raw material, at any
 * relevant stage of processing, should come from a single third country.
 *
 * Basis: the EU's sourcing mix from the EU CRM study 2023 (measure `eu-sourcing`, edition
 * ec-crm-2023; reference-period averages, labelled 2023) where it covers the mineral and stage;
 * otherwise world production shares (measure `production`, resolved by {@link resolveSource}), a
 * proxy for where the EU can buy, stated as `basis: "global-supply"`. EU27 members are not third
 * countries and never count against the benchmark; aggregates (WORLD, ROW) are not countries.
 * `passes` is `false` when a third country is above 0.65, `true` when none is and the share the
 * source does not attribute to a listed country (rest of world, withheld, unlisted) is at most
 * 0.65 too, and `undefined` when that unattributed share is large enough to hide a country above it.
 *
 * Without `stage`, every stage with data is checked and the binding one is returned: a failing stage
 * (the largest share), else an undecided one, else the one closest to the benchmark, so `passes`
 * is then the verdict for all stages with data.
 *
 * @param stage `mining` or `refining`; default: every stage with data, the binding one returned
 * @returns a readonly verdict with its basis, edition, year and locator, or `undefined` when neither
 *   basis has data for the mineral and stage (for that year or source, if given)
 * @throws {@link CritminError} `unknown_id` for an unknown mineral, stage or source (with the nearest
 *   valid one), `invalid_argument` for a malformed option
 * @example
 * crmaCheck("lithium", "refining")?.largestThirdCountry
 * //=> { country: "CHL", share: 0.79 }
 * crmaCheck("lithium", "refining")?.passes
 * //=> false
 * crmaCheck("cobalt", "refining")?.passes
 * //=> true
 */
export function crmaCheck(
  mineral: MineralInput,
  stage?: Stage | (string & {}) | null,
  options?: CrmaCheckOptions,
): CrmaCheck | undefined {
  const fn = "crmaCheck";
  const opts = readOptions(fn, options, KEYS);
  const basis = opts.get("basis", parseBasis);
  const base = parseSupplyQuery(
    fn,
    mineral,
    { year: opts.values.year, source: opts.values.source },
    { stage: "refining" },
  );
  const stages = stage === undefined || stage === null ? STAGES : [parseStage(fn, stage)];
  const checks = stages.flatMap((s) => {
    const euSourcing =
      basis === "global-supply" ? undefined : check({ ...base, stage: s, measure: "eu-sourcing" }, "eu-sourcing");
    const result =
      euSourcing ??
      (basis === "eu-sourcing" ? undefined : check({ ...base, stage: s, measure: "production" }, "global-supply"));
    return result ? [result] : [];
  });
  return binding(checks);
}

function parseBasis(fn: string, basis: unknown): (typeof CRMA_BASES)[number] {
  if ((CRMA_BASES as readonly unknown[]).includes(basis)) return basis as (typeof CRMA_BASES)[number];
  throw new CritminError(
    "invalid_argument",
    `${fn}: basis must be one of ${CRMA_BASES.join(", ")}, got ${describe(basis)}`,
  );
}
