// The workbook's edition pin as the functions apply it. The supply functions pass the pin itself to
// the core (`within`, see adapter/queries.ts), which chooses the edition; the one-series functions
// (IEA demand and exposure, USGS reserves) take the pinned edition of their series.
import { isBlank } from "../adapter/args.ts";
import { currentPin, editionSeries, type Pin } from "./pin.ts";

/**
 * For functions that read one series only (IEA demand and exposure: "iea-cmde"; USGS reserves:
 * "usgs-mcs"): the pinned edition of that series when `source` is blank and the pin has one.
 */
export function pinnedSeriesSource(series: string, source: unknown, pin: Pin | null = currentPin()): unknown {
  if (pin === null || !isBlank(source)) return source;
  return pin.editions.find((id) => editionSeries(id) === series) ?? source;
}

/** DATA_VERSION's answer: the dataset version, and the pin when the workbook has one. */
export function versionLabel(datasetVersion: string, pin: Pin | null = currentPin()): string {
  return pin ? `${datasetVersion} (pinned: ${pin.editions.join(", ")})` : datasetVersion;
}
