import { describe } from "../_lib/describe.ts";
import { deepFreeze } from "../_lib/deepFreeze.ts";
import { parseCountry, parseMeasure } from "../_lib/ids.ts";
import { lookupRow, parseSupplyQuery } from "../_lib/lookup.ts";
import { coverage } from "../_lib/supplyIndex.ts";
import { editionList } from "../data/tables.ts";
import { CritminError } from "../errors.ts";
import type { Resolution } from "../resolve.ts";
import type { EditionId, Kind, Measure, Stage, Status } from "../constants.ts";
import type { ProvenanceQuery } from "../options.ts";

export interface Provenance {
  readonly found: boolean;
  readonly mineral: string;
  readonly country: string;
  readonly stage: Stage;
  readonly measure: Measure;
  /** Why there is no figure (with the years that do exist); absent when found. */
  readonly reason?: string;
  readonly edition?: EditionId;
  readonly editionTitle?: string;
  readonly publisher?: string;
  readonly licence?: string;
  readonly url?: string;
  readonly citation?: string;
  readonly year?: number;
  readonly kind?: Kind;
  /** Projection case (`base-case`), `null` for observed. */
  readonly case?: string | null;
  /** How the edition was chosen: `pinned`, `newest-observed` or `newest-with-year`. */
  readonly rule?: Resolution["rule"];
  /** Where the figure stands in the source: sheet and cell, file and row, or JSON pointer. */
  readonly locator?: string;
  readonly basis?: string;
  /** The figure as printed, in `unit`. */
  readonly sourceValue?: number | null;
  readonly unit?: string;
  readonly share?: number | null;
  readonly tonnes?: number | null;
  readonly status?: Status;
  /** Named pipeline rules applied to the figure. */
  readonly rules?: readonly string[];
  /** Years with a figure, by edition, newest edition first. */
  readonly available: readonly { readonly edition: EditionId; readonly years: readonly number[] }[];
}

/**
 * Everything behind one supply figure: the edition and why it was chosen, the locator in the
 * source file, the basis and unit, the value as printed, and the named rules applied. For a missing
 * figure, `found: false` with the reason and the years that exist.
 *
 * @example
 * provenance({ mineral: "cobalt", year: 2023, source: "iea-cmde-2024" }).locator
 * //=> "IEA_CM_Data_Explorer_2024-05.xlsx!'2 Total supply for key minerals'!H18"
 */
export function provenance(query: ProvenanceQuery | (string & {})): Provenance {
  const fn = "provenance";
  if (typeof query === "string") return provenance({ mineral: query });
  if (typeof query !== "object" || query === null || Array.isArray(query)) {
    throw new CritminError(
      "invalid_argument",
      `${fn}: query must be an object like { mineral: "cobalt" } or a mineral name, got ${describe(query)}`,
    );
  }
  const { mineral, country = "CHN", measure, ...options } = query;
  const parsed = parseSupplyQuery(fn, mineral, options, {
    stage: "refining",
    measure: measure === undefined || measure === null ? "production" : parseMeasure(fn, measure),
  });
  const code = parseCountry(fn, country);
  const found = lookupRow(parsed, code);
  const available = coverage(parsed.mineral, parsed.stage, parsed.measure).map((c) => ({
    edition: c.edition,
    years: [...c.years.keys()],
  }));
  const base = { mineral: parsed.mineral, country: code, stage: parsed.stage, measure: parsed.measure, available };
  const edition = found.resolution ? editionList().find((e) => e.id === found.resolution!.edition) : undefined;
  const where = found.resolution
    ? {
        edition: found.resolution.edition,
        editionTitle: edition?.title,
        publisher: edition?.publisher,
        licence: edition?.licence,
        url: edition?.url,
        citation: edition?.citation,
        year: found.resolution.year,
        case: found.resolution.case,
        rule: found.resolution.rule,
      }
    : {};
  if (!found.row) return deepFreeze({ found: false, ...base, ...where, reason: found.reason });
  const { row } = found;
  return deepFreeze({
    found: true,
    ...base,
    ...where,
    kind: row.kind,
    locator: row.locator,
    basis: row.basis,
    sourceValue: row.value,
    unit: row.unit,
    share: row.share,
    tonnes: row.tonnes,
    status: row.status,
    rules: row.rules,
  });
}
