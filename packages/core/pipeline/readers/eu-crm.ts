// EU CRM 2023 (edition `ec-crm-2023`): appendix-7 supply shares and the annex-4 / results indicators.
import type { ReaderOutput } from "../types.ts";
import { readEuIndicators } from "./eu-indicators.ts";
import { readEuSupplyShares } from "./eu-shares.ts";

export { EU_MATERIALS, euMineralId } from "./eu-materials.ts";
export { EU_SHARE_FILES, EU_SHARE_RULES, EU_STAGES, parseEuShare, readEuSupplyShares } from "./eu-shares.ts";
export { EU_ANNEX4_FILE, EU_INDICATOR_RULES, EU_RESULTS_FILE, readEuIndicators } from "./eu-indicators.ts";

/** Both EU readers in one output; each throws its own list of source problems. */
export function readEuCrm(dataDir: string): ReaderOutput {
  const shares = readEuSupplyShares(dataDir);
  const indicators = readEuIndicators(dataDir);
  return { supply: shares.supply, demand: [], indicators: indicators.indicators };
}
