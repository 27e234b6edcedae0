// Argument sets shared by many functions, parsed once here so every wrapper stays one line of intent.
import { provenance, type EditionId, type Stage } from "@critmin/core";
import { optionalText, optionalYear } from "./args.ts";

export interface SupplyArgs {
  readonly stage?: Stage;
  readonly year?: number;
  readonly source?: EditionId;
}

/** `[stage], [year], [source]`, the trailing optionals of most supply functions. */
export function supplyArgs(fn: string, stage: unknown, year: unknown, source: unknown): SupplyArgs {
  return {
    stage: optionalText(fn, "stage", stage) as Stage | undefined,
    year: optionalYear(fn, "year", year),
    source: optionalText(fn, "source", source) as EditionId | undefined,
  };
}

/** Why a supply figure is missing, in the words of `provenance` (with the years that exist). */
export function supplyReason(fn: string, mineral: string, country: string, args: SupplyArgs): () => string {
  return () => {
    try {
      const p = provenance({ mineral, country, ...args });
      return `${fn}: ${p.reason ?? "no figure"}`;
    } catch {
      return `${fn}: no figure for ${mineral}`;
    }
  };
}
