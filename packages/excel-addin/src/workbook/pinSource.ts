// The workbook's edition pin as DATA_VERSION shows it. The functions pass the pin itself to the core
// (`within`, see adapter/queries.ts), which chooses the edition.
import { currentPin, type Pin } from "./pin.ts";

/** DATA_VERSION's answer: the dataset version, and the pin when the workbook has one. */
export function versionLabel(datasetVersion: string, pin: Pin | null = currentPin()): string {
  return pin ? `${datasetVersion} (pinned: ${pin.editions.join(", ")})` : datasetVersion;
}
