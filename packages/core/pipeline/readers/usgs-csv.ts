// The USGS readers read their CSVs with the shared reader (./csv.ts).
export { readCsv as readUsgsCsv, type CsvRecord } from "./csv.ts";
