// Applies the workbook's edition pin to a supply function called without an explicit `source`.
// Used by functions.ts only (it needs @critmin/core's provenance, which the task pane must not bundle).
import { provenance, type EditionId, type Stage } from "@critmin/core";
import { isBlank, optionalText, optionalYear } from "../adapter/args.ts";
import { currentPin, type Pin } from "./pin.ts";

/**
 * The `source` argument to use: the one given when given; with no pin, the one given (blank, so
 * the core picks the newest edition with data); with a pin, the newest pinned edition that has the
 * mineral and stage (and the year, when one is asked). When no pinned edition has them, the newest
 * pinned edition all the same, so the function answers #N/A naming it rather than quietly
 * reaching outside the pin. Arguments the core would reject are passed through untouched, for the
 * function to report.
 */
export function pinnedSource(
  mineral: unknown,
  stage: unknown,
  year: unknown,
  source: unknown,
  pin: Pin | null = currentPin(),
): unknown {
  if (pin === null || pin.editions.length === 0 || !isBlank(source)) return source;
  try {
    const asked = optionalYear("PIN", "year", year);
    const p = provenance({
      mineral: String(mineral),
      stage: (optionalText("PIN", "stage", stage) ?? "refining") as Stage,
    });
    // `available` lists editions newest first, with every year each has for the mineral and stage.
    const hit = p.available.find(
      (a) => pin.editions.includes(a.edition) && (asked === undefined ? a.years.length > 0 : a.years.includes(asked)),
    );
    if (hit) return hit.edition;
    const pinnedWithData = p.available.find((a) => pin.editions.includes(a.edition));
    return (pinnedWithData?.edition ?? pin.editions[0]) as EditionId;
  } catch {
    return source;
  }
}

/**
 * For functions that read one series only (IEA demand and exposure: "iea-cmde"; USGS reserves:
 * "usgs-mcs"): the pinned edition of that series when `source` is blank and the pin has one.
 */
export function pinnedSeriesSource(series: string, source: unknown, pin: Pin | null = currentPin()): unknown {
  if (pin === null || !isBlank(source)) return source;
  return pin.editions.find((id) => id.replace(/-\d{4}$/, "") === series) ?? source;
}

/** DATA_VERSION's answer: the dataset version, and the pin when the workbook has one. */
export function versionLabel(datasetVersion: string, pin: Pin | null = currentPin()): string {
  return pin ? `${datasetVersion} (pinned: ${pin.editions.join(", ")})` : datasetVersion;
}
