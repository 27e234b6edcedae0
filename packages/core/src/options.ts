import { z } from "zod";
import { EDITION_IDS, STAGES } from "./schema.ts";

/** Options of the supply lookups (`share`, `production`, `chinaShare`), for callers that validate user input. */
export const SupplyOptions = /* @__PURE__ */ z
  .object({
    /** `mining` or `refining`; default `refining` (where China's position is strongest and most asked about). */
    stage: z.enum(STAGES).optional(),
    /** Data year; default: the latest observed year of the resolved edition. */
    year: z.number().int().min(1900).max(2100).optional(),
    /** Pin an edition; default: see `resolveSource`. */
    source: z.enum(EDITION_IDS).optional(),
  })
  .strict();
export type SupplyOptions = z.input<typeof SupplyOptions>;
