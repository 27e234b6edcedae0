/**
 * The one table of mass units: the pipeline converts source figures to tonnes with it
 * (pipeline/units.ts), and the shipped reader recomputes the tonnes a data module leaves out with
 * it (./rows.ts), so both give the very same double.
 */
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

/** `value` in tonnes, `factor` being {@link tonnesPerUnit} of its unit. */
export function scaleToTonnes(value: number, factor: number): number {
  // Multiply integers first where possible so 7826.5 kt becomes exactly 7826500 t.
  return factor >= 1 ? Math.round(value * factor * 1e6) / 1e6 : value * factor;
}
