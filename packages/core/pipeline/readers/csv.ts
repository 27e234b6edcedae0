// Reading a CSV into records that know their physical line, shared by the USGS, WGI and policy readers.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { SourceError, type SourceProblems } from "../problems.ts";
import { readSourceText } from "../sourceText.ts";

export interface CsvRecord<C extends string> {
  /** Physical line the record is on, the header being line 1. */
  readonly line: number;
  readonly cells: Readonly<Record<C, string>>;
}

/**
 * Reads a CSV as strict UTF-8 (the USGS world data holds "Côte d’Ivoire", the EU list German
 * names; a mis-encoded file should fail, not turn into replacement characters) and checks its header.
 */
export function readCsv<C extends string>(
  file: string,
  columns: readonly C[],
  problems: SourceProblems,
): CsvRecord<C>[] {
  const name = path.basename(file);
  // Empty, UTF-16 or malformed files throw their one message here, before ~50 "series not found".
  const text = readSourceText(file, true);
  const parsed = parse(text, { info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...body] = parsed;
  const names = header?.record ?? [];
  if (names.length !== columns.length || columns.some((c, i) => names[i] !== c)) {
    // A wrong header makes every later lookup fail too: one message rather than a list of misses.
    throw new SourceError(name, [`${name}:row 1: expected columns ${columns.join(",")}, got ${names.join(",")}`]);
  }
  return body.flatMap(({ record, info }) => {
    // csv-parse reports the line a record ends on; locators need the line it is on, so a
    // record spanning lines (none today) is refused rather than given an ambiguous locator.
    if (record.some((field) => /[\r\n]/.test(field))) {
      problems.add(`${name}:row ${info.lines}`, "record spans several lines; locators would be ambiguous");
      return [];
    }
    const cells = Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ""])) as Record<C, string>;
    return [{ line: info.lines, cells }];
  });
}
