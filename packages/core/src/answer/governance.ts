// Answers of the governance functions: the WGI cells read (estimate and standard error, each with
// its locator) and, for the weighted HHI, the supply rows, both editions and the rules applied.
import { SCALE_DEFINITIONS } from "../_lib/governanceTerms.ts";
import { editionList } from "../data/tables.ts";
import type { GovernanceRow } from "../records.ts";
import type { GovernanceLookup } from "../exposure/governance.ts";
import type { WeightedHhiLookup } from "../exposure/weightedHhi.ts";
import { datedBy, supplySource, type AnswerFields, type AnswerSource } from "./answer.ts";

const WGI_UNIT = "WGI estimate (-2.5 to 2.5)";

/** A WGI row as the answer's source figures: its estimate and its standard error. */
function wgiSources(row: GovernanceRow): AnswerSource[] {
  const what = `${row.country} ${row.dimension}, ${row.year}`;
  const figure = (kind: string, value: number | null, locator: string): AnswerSource =>
    Object.freeze({
      edition: row.edition,
      locator,
      what: `${what} ${kind}`,
      value,
      unit: WGI_UNIT,
      status: value === null ? "not-available" : "reported",
    });
  return [figure("estimate", row.estimate, row.locator), figure("standard error", row.standardError, row.errorLocator)];
}

/** `governance`: the estimate (or the six of a mean) with standard errors. */
export function governanceFields(found: GovernanceLookup): AnswerFields {
  const rows = found.rows;
  const single = found.dimension === "mean" ? undefined : rows[0];
  return {
    edition: rows[0]?.edition,
    year: found.year,
    kind: "observed",
    basis: `Worldwide Governance Indicators, ${found.dimension === "mean" ? "mean of the six dimensions" : found.dimension} estimate, on −2.5 (weak) to 2.5 (strong governance)`,
    sources: rows.flatMap(wgiSources),
    reason: found.reason,
    extra: {
      country: found.country,
      dimension: found.dimension,
      // A mean has no standard error of its own: each dimension's is among the sources.
      standardError: single?.standardError ?? undefined,
      standardErrorLocator: single?.errorLocator,
    },
  };
}

/** `governanceWeightedHhi`: the supply block's rows, each country's WGI cells, both editions and the rules. */
export function weightedHhiFields(found: WeightedHhiLookup): AnswerFields {
  const { resolution, block } = found;
  const first = found.terms[0]?.row;
  const rowOf = (code: string) => block?.rows.get(code);
  const aggregates = ["ROW", "WORLD"].flatMap((code) => rowOf(code) ?? []);
  return {
    stage: found.query.stage,
    ...(resolution
      ? {
          edition: resolution.edition,
          year: resolution.year,
          case: resolution.case ?? undefined,
          kind: resolution.case === null ? "observed" : "projected",
          rule: resolution.rule,
        }
      : {}),
    ...(first ? { ...datedBy(first), basis: first.basis } : {}),
    bound: found.lowerBound ? "lower" : "exact",
    sources: [
      ...found.terms.map((t) => supplySource(t.row)),
      ...aggregates.map(supplySource),
      ...found.terms.flatMap((t) => t.wgiRows.flatMap((r) => wgiSources(r).slice(0, 1))),
    ],
    reason: found.reason,
    extra: {
      supplyEdition: resolution?.edition,
      wgiEdition: found.wgiEdition,
      wgiCitation: editionList().find((e) => e.id === found.wgiEdition)?.citation,
      wgiYear: found.wgiYear,
      dimension: found.dimension,
      scale: found.scale,
      formula: `sum of share^2 * g, g = ${SCALE_DEFINITIONS[found.scale].formula}`,
      rules: found.rules,
      notes: found.notes,
      terms: found.terms.map((t) => ({ country: t.row.country, share: t.share, wgi: t.estimate, weight: t.weight })),
    },
  };
}
