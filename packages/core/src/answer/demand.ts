// Answers of the demand and technology functions, and of the published indicators.
import type { DemandLookup } from "../_lib/resolveDemand.ts";
import type { IndicatorLookup } from "../_lib/indicatorIndex.ts";
import { block as blockOf, coverage } from "../_lib/supplyIndex.ts";
import { technologyRows } from "../_lib/demandIndex.ts";
import type { CoverageWithoutRows } from "../exposure/coverageWithout.ts";
import type { TechExposure } from "../exposure/techExposure.ts";
import type { DemandRow, IndicatorRow } from "../records.ts";
import { boundOf, datedBy, kindOf, supplySource, type AnswerFields, type AnswerSource } from "./answer.ts";

/** A demand row as an answer's source figure. */
export function demandSource(row: DemandRow): AnswerSource {
  const when = row.scenario ? `${row.year} ${row.scenario}` : String(row.year);
  return Object.freeze({
    edition: row.edition,
    locator: row.locator,
    what: `${row.mineral} demand, ${row.use}${row.variant === "base-case" ? "" : ` (${row.variant})`}, ${when}`,
    value: row.value,
    unit: row.unit,
    status: "reported" as const,
  });
}

/** `demand`: the row the lookup answered with. */
export function demandFields(found: DemandLookup): AnswerFields {
  const { resolution, row } = found;
  const base: AnswerFields = resolution
    ? {
        edition: resolution.edition,
        year: resolution.year,
        kind: resolution.scenario === null ? "observed" : "projected",
        scenario: resolution.scenario ?? undefined,
        rule: resolution.rule,
      }
    : {};
  if (!row) return { ...base, reason: found.reason };
  return { ...base, kind: kindOf(row.kind), basis: row.basis, sources: [demandSource(row)] };
}

/** An indicator row as an answer's source figure. */
function indicatorSource(row: IndicatorRow): AnswerSource {
  return Object.freeze({
    edition: row.edition,
    locator: row.locator,
    what: `${row.economy} ${row.indicator}, ${row.mineral}${row.stage ? ` ${row.stage}` : ""}, ${row.year}`,
    value: row.value,
    unit: row.unit,
    status: row.status,
  });
}

/** `supplyRisk`, `economicImportance`, `importReliance`: the published figure, with its assessment year. */
export function indicatorFields(found: IndicatorLookup, reason?: string): AnswerFields {
  const { row } = found;
  const base: AnswerFields = {
    year: found.year,
    stage: found.query.stage ?? undefined,
    rule: found.query.year === undefined ? "latest-assessment" : "pinned",
  };
  if (!row) return { ...base, reason: reason ?? found.reason };
  return {
    ...base,
    edition: row.edition,
    kind: "observed",
    bound: boundOf(row.status),
    sources: [indicatorSource(row)],
    reason: row.value === null ? (reason ?? found.reason) : undefined,
  };
}

/** `techExposure`: China's row and the world total of each mineral in the breakdown, and the technology's demand rows. */
export function techExposureFields(value: TechExposure | undefined, reason: string): AnswerFields {
  if (!value) return { reason };
  const { edition, year, stage, scenario } = value;
  const supply = value.breakdown.flatMap(({ mineral }) => {
    const series = coverage(mineral, stage, "production").find((c) => c.edition === edition);
    const rows = blockOf(edition, mineral, stage, "production", year, series?.years.get(year) ?? null)?.rows;
    return ["CHN", "WORLD"].flatMap((code) => rows?.get(code) ?? []);
  });
  const demand = technologyRows(edition, value.technology, year, scenario);
  return {
    edition,
    year,
    stage,
    scenario: scenario ?? undefined,
    kind: scenario === null ? "observed" : "projected",
    basis: `demand-weighted China share of ${value.breakdown.length} minerals; not counted: ${value.excluded.join(", ") || "none"}`,
    notListed: value.excluded,
    bound: "exact",
    sources: [...supply.map(supplySource), ...demand.map(demandSource)],
  };
}

/** `coverageWithout`: world supply, the removed supplier and total demand of one edition and year. */
export function coverageWithoutFields(read: CoverageWithoutRows, mineral: unknown): AnswerFields {
  const supply = [read.world, read.removed].filter((r) => r !== undefined);
  const sources = [...supply.map(supplySource), ...(read.demanded ? [demandSource(read.demanded)] : [])];
  const missing = !read.edition
    ? `no edition has both supply and total demand for ${String(mineral)} ${read.stage}`
    : !read.world || !read.removed
      ? `${read.edition} lacks the world total or the removed supplier's tonnage for ${String(mineral)} ${read.year}`
      : !read.demanded
        ? `${read.edition} has no total demand for ${String(mineral)} in ${read.year}`
        : `${read.edition}'s supply and demand figures are not on the same material basis, or demand is 0`;
  return {
    edition: read.edition,
    year: read.year,
    stage: read.stage,
    case: read.case ?? undefined,
    scenario: read.scenario ?? undefined,
    ...(read.world ? { kind: datedBy(read.world).kind, basis: read.world.basis } : {}),
    sources,
    reason: missing,
  };
}
