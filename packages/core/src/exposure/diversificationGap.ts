import { describe } from "../_lib/describe.ts";
import { parseCountry } from "../_lib/ids.ts";
import { parseSupplyQuery, resolveBlock } from "../_lib/lookup.ts";
import { readOptions } from "../_lib/options.ts";
import { CritminError } from "../errors.ts";
import { AGGREGATES } from "../constants.ts";
import type { DiversificationGapOptions } from "../options.ts";
import type { MineralInput } from "../inputs.ts";

// The option names as a plain list (why not the zod schema: schema/index.ts).
const KEYS = ["stage", "year", "source", "within", "target", "supplier"] as const;

const DEFAULT_TARGET = 0.65;

/**
 * Tonnes of supply from other countries needed so that `supplier`'s share falls to `target`:
 * `max(0, V_supplier ÷ target − V_total)`, with both volumes from the same block.
 *
 * `V_total` is the block's world total (its `WORLD` row) and `V_supplier` the supplier's row, in the
 * edition and year chosen by {@link resolveSource} (stage default `refining`). The supplier's
 * own output is held fixed, so the gap is the new supply that dilutes its share to `target`.
 * Defaults: `target` 0.65 (the EU Critical Raw Materials Act benchmark), `supplier` China.
 *
 * @returns metric tonnes of content, 0 when the supplier's share is already at or below `target`,
 *   or `undefined` when either volume is missing (the supplier is not listed or withheld, there is
 *   no block for that year, or the edition gives shares only, as ec-crm-2023 does)
 * @throws {@link CritminError} `invalid_argument` when `target` is not in (0, 1], `supplier` is an
 *   aggregate or an option is malformed; `unknown_id` for an unknown mineral, supplier, stage or source
 * @example
 * diversificationGap("cobalt", { year: 2023, source: "iea-cmde-2024" })
 * //=> (171.7 / 0.65 - 223.8) * 1000
 * diversificationGap("cobalt", { target: 0.8, year: 2023, source: "iea-cmde-2024" })
 * //=> 0
 */
export function diversificationGap(mineral: MineralInput, options?: DiversificationGapOptions): number | undefined {
  const fn = "diversificationGap";
  const query = parseSupplyQuery(fn, mineral, options, { stage: "refining" }, ["target", "supplier"]);
  const opts = readOptions(fn, options, KEYS);
  const target = opts.get("target", parseTarget, DEFAULT_TARGET);
  // The default goes through the same parsing as a given supplier.
  const supplier = parseSupplier(fn, opts.has("supplier") ? opts.values.supplier : "CHN");
  const { block } = resolveBlock(query);
  const supplierTonnes = block?.rows.get(supplier)?.tonnes;
  const totalTonnes = block?.rows.get("WORLD")?.tonnes;
  if (supplierTonnes === null || supplierTonnes === undefined || totalTonnes === null || totalTonnes === undefined)
    return undefined;
  const gap = supplierTonnes / target - totalTonnes;
  return gap > 0 ? gap : 0;
}

function parseTarget(fn: string, target: unknown): number {
  if (typeof target !== "number" || !Number.isFinite(target) || target <= 0 || target > 1) {
    throw new CritminError(
      "invalid_argument",
      `${fn}: target must be a share greater than 0 and at most 1, got ${describe(target)}`,
    );
  }
  return target;
}

function parseSupplier(fn: string, input: unknown): string {
  if (typeof input !== "string" || input.trim() === "") {
    throw new CritminError("invalid_argument", `${fn}: supplier must be a non-empty string, got ${describe(input)}`);
  }
  const supplier = parseCountry(fn, input);
  if ((AGGREGATES as readonly string[]).includes(supplier)) {
    throw new CritminError("invalid_argument", `${fn}: supplier must be a country, not the aggregate "${supplier}"`);
  }
  return supplier;
}
