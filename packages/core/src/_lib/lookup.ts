import { CritminError } from "../errors.ts";
import type { SupplyOptions } from "../options.ts";
import { resolveSource, type Resolution } from "../resolve.ts";
import type { Measure, Stage, SupplyRow } from "../schema.ts";
import { parseCountry, parseEdition, parseMineral, parseStage, parseYear } from "./ids.ts";
import { block } from "./supplyIndex.ts";

export type SupplyLookup =
  | { readonly row: SupplyRow; readonly resolution: Resolution }
  | { readonly row?: undefined; readonly resolution?: Resolution; readonly reason: string };

const OPTION_KEYS = new Set(["stage", "year", "source"]);

/** Parses a supply query as typed by a caller and finds its row, or says why there is none. */
export function lookupSupply(
  fn: string,
  mineralInput: unknown,
  countryInput: unknown,
  options: SupplyOptions | undefined,
  defaults: { stage: Stage; measure?: Measure },
): SupplyLookup {
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) {
    throw new CritminError("invalid_argument", `${fn}: options must be an object, got ${JSON.stringify(options)}`);
  }
  for (const key of Object.keys(options ?? {})) {
    if (!OPTION_KEYS.has(key)) throw new CritminError("invalid_argument", `${fn}: unknown option "${key}"; expected ${[...OPTION_KEYS].join(", ")}`);
  }
  const mineral = parseMineral(fn, mineralInput);
  const country = parseCountry(fn, countryInput);
  const stage = options?.stage === undefined ? defaults.stage : parseStage(fn, options.stage);
  const year = options?.year === undefined ? undefined : parseYear(fn, options.year);
  const source = options?.source === undefined ? undefined : parseEdition(fn, options.source);
  const measure = defaults.measure ?? "production";

  const resolved = resolveSource({ mineral, stage, measure, year, source });
  if (!resolved.ok) return { reason: resolved.reason };
  const { resolution } = resolved;
  const row = block(resolution.edition, mineral, stage, measure, resolution.year, resolution.case)?.rows.get(country);
  if (!row) {
    return { resolution, reason: `${resolution.edition} lists no ${stage} figure for ${country} in ${mineral} ${resolution.year}` };
  }
  if (row.value === null) {
    return { resolution, reason: `${resolution.edition} gives no value for ${country} (${row.status}) at ${row.locator}` };
  }
  return { row, resolution };
}
