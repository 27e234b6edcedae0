import { parseMineral } from "../_lib/ids.ts";
import { lookupIndicator, type Economy, type IndicatorLookup } from "../_lib/indicatorIndex.ts";
import { describe } from "../_lib/describe.ts";
import { readOptions } from "../_lib/options.ts";
import { nameKey } from "../_lib/normalize.ts";
import { nearest } from "../_lib/nearest.ts";
import { CritminError } from "../errors.ts";
import type { Stage } from "../constants.ts";
import type { ImportRelianceOptions } from "../options.ts";
import type { MineralInput } from "../inputs.ts";

// The option names as a plain list (why not the zod schema: schema/index.ts).
const KEYS = ["stage", "year"] as const;

const ECONOMIES: readonly (readonly [string, Economy])[] = [
  ["EU", "EU"],
  ["EU27", "EU"],
  ["European Union", "EU"],
  ["USA", "USA"],
  ["US", "USA"],
  ["United States", "USA"],
  ["United States of America", "USA"],
];
const BY_KEY: ReadonlyMap<string, Economy> = /* @__PURE__ */ new Map(
  /* @__PURE__ */ ECONOMIES.map(([name, economy]) => [nameKey(name), economy]),
);

function parseEconomy(fn: string, input: unknown): Economy {
  if (typeof input !== "string" || input.trim() === "") {
    throw new CritminError(
      "invalid_argument",
      `${fn}: economy must be a non-empty string ("EU" or "USA"), got ${describe(input)}`,
    );
  }
  const economy = BY_KEY.get(nameKey(input));
  if (economy) return economy;
  const suggestion = nearest(input, ECONOMIES);
  throw new CritminError(
    "unknown_id",
    `${fn}: unknown economy ${describe(input)}; ${suggestion ? `did you mean "${suggestion}"?` : "expected EU or USA"}`,
  );
}

/**
 * A published import reliance: the share of an economy's consumption met by net imports.
 *
 * - `"EU"`: the EU CRM study 2023 (import reliance = (imports − exports) ÷ (domestic production +
 *   imports − exports)), given per stage. `stage` defaults to `refining` (refined material,
 *   the processing stage), the default stage of every critmin supply function; pass
 *   `stage: "mining"` for the extraction-stage (primary) figure, which is the study's headline
 *   for materials it assessed at extraction (cobalt: 0.81 primary, 0.01 refined). A stage the
 *   study did not assess is `undefined`, never the other stage's figure.
 * - `"USA"` (or `"US"`): USGS net import reliance for 2024 (MCS 2025, Figure 2), which has no stage.
 *   USGS prints some figures as bounds: ">50" is returned as 0.5 (a lower bound), "<25" as 0.25
 *   (an upper bound).
 *
 * @param economy `"EU"` or `"USA"`/`"US"`, case-insensitive
 * @returns a fraction 0–1, or `undefined` when the source gives no figure for that material
 *   (and stage, for the EU)
 * @throws {@link CritminError} `unknown_id` for an unknown material, economy or stage (with the
 *   nearest valid one); `invalid_argument` for a malformed option or a `stage` with `"USA"`
 * @example
 * importReliance("cobalt", "USA")
 * //=> 76 / 100
 * importReliance("cobalt", "EU", { stage: "mining" })
 * //=> 81 / 100
 * importReliance("lithium", "eu")
 * //=> 1
 */
export function importReliance(
  mineral: MineralInput,
  economy: "EU" | "USA" | "US" | (string & {}),
  options?: ImportRelianceOptions,
): number | undefined {
  return importRelianceLookup(mineral, economy, options).value;
}

/** The indicator row {@link importReliance} answers with, or why there is none. */
export function importRelianceLookup(
  mineral: MineralInput,
  economy: "EU" | "USA" | "US" | (string & {}),
  options?: ImportRelianceOptions,
): IndicatorLookup {
  const fn = "importReliance";
  const opts = readOptions(fn, options, KEYS);
  const id = parseMineral(fn, mineral);
  const who = parseEconomy(fn, economy);
  const year = opts.year();
  const askedStage = opts.stage(undefined);
  if (who === "USA") {
    if (askedStage)
      throw new CritminError(
        "invalid_argument",
        `${fn}: stage applies to the EU only; USGS net import reliance has no stage`,
      );
    return lookupIndicator({ fn, indicator: "net-import-reliance", economy: "USA", mineral: id, stage: null, year });
  }
  const stage: Stage = askedStage ?? "refining";
  return lookupIndicator({ fn, indicator: "import-reliance", economy: "EU", mineral: id, stage, year });
}
