// The shapes the CRITMIN.* wrappers share, so each wrapper in functions.ts is only its core call:
// a function answering per cell of a range, the supply functions' trailing arguments and reasons,
// and the words of an #N/A reason built from the arguments as Excel passed them.
import type { OneSeriesFunction } from "@critmin/core";
import { text } from "./args.ts";
import { formatCell } from "./dataTypes.ts";
import { blockReason, seriesSource, supplyReason, type RawSupplyArgs } from "./queries.ts";
import { broadcast, value, type ExcelValue } from "./results.ts";

type Answer = number | string | boolean | undefined;

/**
 * A supply function over a range of minerals: `compute` gets each mineral as text (and parses the
 * other arguments itself, through calls.ts). `raw` is the trailing `[stage], [year], [source]` the
 * reason quotes. Missing: the reason for one `country`'s figure, or for the whole block.
 */
export function supplyCells(
  fn: string,
  mineral: unknown,
  raw: RawSupplyArgs,
  missing: { readonly country: unknown } | "block",
  compute: (mineral: string) => Answer,
): ExcelValue[][] {
  return broadcast(mineral, (m) =>
    formatCell(
      fn,
      value(
        () => compute(text(fn, "mineral", m)),
        missing === "block" ? blockReason(fn, m, raw) : supplyReason(fn, m, missing.country, raw),
      ),
    ),
  );
}

/**
 * A function over a range of identifiers (`name`: mineral, material or technology): `compute` gets
 * each identifier as text; `missing` says why one has no answer, from the cell as Excel passed it.
 */
export function cells(
  fn: string,
  input: unknown,
  compute: (id: string) => Answer,
  missing: (cell: unknown) => string,
  name: "mineral" | "material" | "technology" | "country" = "mineral",
): ExcelValue[][] {
  return broadcast(input, (cell) =>
    formatCell(
      fn,
      value(
        () => compute(text(fn, name, cell)),
        () => `${fn}: ${missing(cell)}`,
      ),
    ),
  );
}

/**
 * {@link cells} for a function that reads one series (`reads`, the core function: IEA demand and
 * exposure, USGS reserves): a blank `source` passes the pin, and the core reads the pin's edition of
 * that series ({@link seriesArgs}, parsed by `compute` through calls.ts); `missing` gets the source as
 * the reason quotes it (the pin's edition the core read).
 */
export function seriesCells(
  fn: string,
  [reads, source]: readonly [reads: OneSeriesFunction, source: unknown],
  input: unknown,
  compute: (id: string) => Answer,
  missing: (cell: unknown, source: unknown) => string,
  name: "mineral" | "technology" = "mineral",
): ExcelValue[][] {
  return cells(fn, input, compute, (cell) => missing(cell, seriesSource(reads, source)), name);
}

/** " in 2019 (iea-cmde-2024)" for a #N/A message, from the arguments as Excel passed them. */
export function asked(year: unknown, source: unknown): string {
  const given = (arg: unknown) => !(arg === null || arg === undefined || arg === 0 || arg === "");
  const y = given(year) ? ` in ${String(year)}` : "";
  const s = given(source) ? ` (${String(source)})` : "";
  return y || s ? `${y}${s}` : " in the base year";
}
