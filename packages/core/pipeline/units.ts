/** Factor from a source's unit label to metric tonnes. */
const TONNES_PER_UNIT: Readonly<Record<string, number>> = {
  kt: 1_000,
  "metric tons": 1,
  "metric dry tons": 1,
  "thousand metric tons": 1_000,
  "thousand metric dry tons": 1_000,
  "million metric tons": 1_000_000,
  kilograms: 0.001,
};

/** Tonnes per one `unit`, or `undefined` for a unit that is not a mass (carats, cubic metres). */
export function tonnesPerUnit(unit: string): number | undefined {
  return TONNES_PER_UNIT[unit.trim().toLowerCase()];
}

export function toTonnes(value: number, unit: string): number {
  const factor = tonnesPerUnit(unit);
  if (factor === undefined) throw new Error(`unknown unit "${unit}"`);
  // Multiply integers first where possible so 7826.5 kt becomes exactly 7826500 t.
  return factor >= 1 ? Math.round(value * factor * 1e6) / 1e6 : value * factor;
}
