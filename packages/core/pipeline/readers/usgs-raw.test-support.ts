// Test-only access to the raw USGS CSVs, deliberately not through the readers' code: see
// raw-csv.test-support.ts.
import { dataDir, rawCsv, type RawCsv } from "./raw-csv.test-support.ts";

export { dataDir };
export type RawUsgsCsv = RawCsv;

export function rawUsgsCsv(file: string): RawUsgsCsv {
  return rawCsv(`usgs/${file}`);
}
