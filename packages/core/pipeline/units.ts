import { scaleToTonnes, tonnesPerUnit } from "../src/data/units.ts";

export { tonnesPerUnit };

/** `value` in `unit` as tonnes; a unit that is not a mass is a bug in the reader, so it throws. */
export function toTonnes(value: number, unit: string): number {
  const factor = tonnesPerUnit(unit);
  if (factor === undefined) throw new Error(`unknown unit "${unit}"`);
  return scaleToTonnes(value, factor);
}
