// Argument sets shared by many functions, and the reasons given with #N/A.
import {
  provenance,
  topProducersReason,
  withinEditions,
  type EditionId,
  type OneSeriesFunction,
  type Stage,
} from "@critmin/core";
import { currentPin, type Pin } from "../workbook/pin.ts";
import { describe, editionArg, isBlank, optionalYear, stageArg } from "./args.ts";

export interface SupplyArgs {
  readonly stage?: Stage;
  readonly year?: number;
  readonly source?: EditionId;
  readonly within?: readonly EditionId[];
}

/**
 * `[stage], [year], [source]`, the trailing optionals of most supply functions. Throws on a bad
 * argument. A blank `source` in a pinned workbook passes the pin as `within`: the core chooses
 * among the pinned editions; an explicit `source` always wins.
 */
export function supplyArgs(
  fn: string,
  stage: unknown,
  year: unknown,
  source: unknown,
  pin: Pin | null = currentPin(),
): SupplyArgs {
  // Parsed in argument order, so the first bad argument is the one reported.
  return { stage: stageArg(fn, stage), year: optionalYear(fn, "year", year), ...seriesArgs(fn, source, pin) };
}

/** `[source]` of a function that reads one series (IEA demand and exposure, USGS reserves). */
export interface SeriesArgs {
  readonly source?: EditionId;
  readonly within?: readonly EditionId[];
}

/**
 * {@link SeriesArgs} from the argument as Excel passed it: a blank `source` in a pinned workbook
 * passes the pin as `within`, and the core reads the pin's edition of its series (any edition when
 * the pin names none of that series); an explicit `source` always wins.
 */
export function seriesArgs(fn: string, source: unknown, pin: Pin | null = currentPin()): SeriesArgs {
  const named = editionArg(fn, source);
  const pinned = named === undefined && pin !== null && pin.editions.length > 0;
  return pinned ? { within: pin.editions as readonly EditionId[] } : { source: named };
}

/**
 * The source a one-series function's #N/A reason quotes: the argument as Excel passed it, or when it
 * is blank the pin's edition the core read (`withinEditions`). Called only after the core accepted
 * the pin, so it does not throw.
 */
export function seriesSource(reads: OneSeriesFunction, source: unknown, pin: Pin | null = currentPin()): unknown {
  if (!isBlank(source) || pin === null || pin.editions.length === 0) return source;
  const read = withinEditions(reads, pin.editions as readonly EditionId[]);
  return read.length > 0 ? read.join(", ") : source;
}

export type RawSupplyArgs = readonly [stage: unknown, year: unknown, source: unknown];

/**
 * Why one country's supply figure is missing, in the words of `provenance` (naming the edition and
 * the years that exist). Built only when Excel needs it, and never throws: it runs after the
 * computation has already failed to find a figure.
 */
export function supplyReason(fn: string, mineral: unknown, country: unknown, raw: RawSupplyArgs): () => string {
  return () => {
    try {
      const p = provenance({ mineral: String(mineral), country: String(country), ...supplyArgs(fn, ...raw) });
      if (!p.found) return `${fn}: ${p.reason ?? "no figure"}`;
      if (p.share === null)
        return `${fn}: ${p.edition} gives ${p.country} ${p.tonnes ?? "no"} t of ${p.mineral} in ${p.year} but no world total to take a share of (${p.locator})`;
      return `${fn}: ${p.edition} has ${p.mineral} ${p.stage} figures for ${p.year}, but not the ones this function needs (tonnes or enough countries)`;
    } catch {
      return `${fn}: no figure for ${describe(mineral)}`;
    }
  };
}

/**
 * Why a whole block (all countries of a mineral and stage) gives no answer, in core's words
 * (`topProducersReason`: the edition, year and what it lacks, such as a world total). The same
 * reason holds for every function that ranks or squares the block's shares.
 */
export function blockReason(fn: string, mineral: unknown, raw: RawSupplyArgs): () => string {
  return () => {
    try {
      const why = topProducersReason(String(mineral), supplyArgs(fn, ...raw));
      if (why !== undefined) return `${fn}: ${why}`;
      const p = provenance({ mineral: String(mineral), ...supplyArgs(fn, ...raw) });
      if (p.edition === undefined) return `${fn}: ${p.reason ?? "no figure"}`;
      return `${fn}: ${p.edition} has no country figures with shares for ${p.mineral} ${p.stage} in ${p.year}`;
    } catch {
      return `${fn}: no figure for ${describe(mineral)}`;
    }
  };
}
