import { chinaShare, CritminError, type MineralId, type SupplyRow } from "@critmin/core";

const mineral: MineralId = "cobalt";
const share: number | undefined = chinaShare(mineral, { stage: "refining" });
const rows: readonly SupplyRow[] = [];
// @ts-expect-error: an unknown stage is a type error, not only a runtime one
chinaShare(mineral, { stage: "smelting" });
export const checks = [share, rows.length, CritminError.name];
