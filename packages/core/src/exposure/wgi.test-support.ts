// Test-only access to the raw WGI file (wb/WGIData.csv), read with csv-parse here and not through
// the pipeline, so expected values come from the file itself.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { SOURCE_DIR } from "../../pipeline/sourceDir.ts";
import type { GovernanceDimension } from "../constants.ts";

export const WGI_FILE = "WGIData.csv";

const CODES: Readonly<Record<string, GovernanceDimension>> = {
  VA: "voice-accountability",
  PV: "political-stability",
  GE: "government-effectiveness",
  RQ: "regulatory-quality",
  RL: "rule-of-law",
  CC: "control-of-corruption",
};

interface RawCell {
  readonly value: number | null;
  /** 1-based line of the record in the file (the header is line 1). */
  readonly line: number;
}

let table: Map<string, RawCell> | undefined;

/** Every cell by `country|series code|year` (`CHN|PV.EST|2022`). */
function cells(): Map<string, RawCell> {
  if (table) return table;
  const text = readFileSync(path.join(SOURCE_DIR, "wb", WGI_FILE), "utf8").replace(/^\uFEFF/, "");
  const records: string[][] = parse(text);
  const header = records[0]!;
  table = new Map();
  records.slice(1).forEach((record, i) => {
    const [, code, , series] = record;
    header.forEach((year, column) => {
      if (!/^\d{4}$/.test(year)) return;
      const cell = record[column] ?? "";
      table!.set(`${code}|${series}|${year}`, { value: cell === "" ? null : Number(cell), line: i + 2 });
    });
  });
  return table;
}

/** One raw cell: `rawWgi("CHN", "PV.EST", 2022)`; `undefined` when the file has no such row or year. */
export function rawWgi(country: string, series: string, year: number): RawCell | undefined {
  return cells().get(`${country}|${series}|${year}`);
}

/** The economies of the file. */
export function rawWgiCountries(): string[] {
  return [...new Set([...cells().keys()].map((k) => k.split("|")[0]!))];
}

/** The dimension a WGI code prefix names (`PV` → `political-stability`). */
export const dimensionOf = (code: string): GovernanceDimension => CODES[code]!;
export const codeOf = (dimension: GovernanceDimension): string =>
  Object.entries(CODES).find(([, d]) => d === dimension)![0];
