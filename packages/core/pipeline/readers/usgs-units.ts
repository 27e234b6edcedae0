// Unit labels the USGS world data gets wrong, corrected by named rules.
import { USGS_RULES, cleanLabel } from "./usgs-rules.ts";

export const TITANIUM_CONCENTRATES = "Titanium Mineral Concentrates";

/**
 * usgs-titanium-concentrates-unit: the Titanium Mineral Concentrates series are labelled
 * "metric tons" but hold thousand metric tons (world ilmenite 8,840 = 8.84 Mt TiO2); one rutile
 * row (Sierra Leone) has an empty unit and takes the series' unit. Other labels are left alone.
 */
export function correctedUnit(commodity: string, rawUnit: string): { unit: string; rules: string[] } {
  const unit = cleanLabel(rawUnit);
  if (cleanLabel(commodity) === TITANIUM_CONCENTRATES && (unit === "metric tons" || unit === "")) {
    return { unit: "thousand metric tons", rules: [USGS_RULES.titaniumUnit] };
  }
  return { unit, rules: [] };
}

/**
 * usgs-vanadium-reserves-unit, usgs-molybdenum-reserves-unit: their reserves columns are in
 * thousand metric tons while UNIT_MEAS says metric tons; RESERVE_NOTES say "(Reserve data is
 * thousand metric tons)". Keyed by mineral, with the label the rule expects to correct.
 */
export const RESERVES_UNIT_RULES: Readonly<Record<string, { from: string; unit: string; rule: string }>> = {
  vanadium: { from: "metric tons", unit: "thousand metric tons", rule: USGS_RULES.vanadiumReservesUnit },
  molybdenum: { from: "metric tons", unit: "thousand metric tons", rule: USGS_RULES.molybdenumReservesUnit },
};

/** The file's own flag for a reserves column in thousand metric tons, checked against RESERVES_UNIT_RULES. */
export function notesSayReservesInThousands(notes: string): boolean {
  return /reserve data is thousand metric tons/i.test(notes);
}
