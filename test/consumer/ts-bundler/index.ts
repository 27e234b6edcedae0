import {
  chinaShare,
  CritminError,
  type MineralId,
  type SupplyOptions as SupplyOptionsType,
  type SupplyRow,
} from "@critmin/core";
import { SupplyOptions } from "@critmin/core/schema";

const mineral: MineralId = "cobalt";
const share: number | undefined = chinaShare(mineral, { stage: "refining" });
const rows: readonly SupplyRow[] = [];
// @ts-expect-error: an unknown stage is a type error, not only a runtime one
chinaShare(mineral, { stage: "smelting" });
// The schema entry's types agree with the main entry's.
const options: SupplyOptionsType = SupplyOptions.parse({ stage: "mining" });
export const checks = [share, rows.length, CritminError.name, options.stage];
