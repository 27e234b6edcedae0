// The data browser's "Insert as table": a block of producers (from TOP_PRODUCERS) becomes an
// Excel table with a header row, number formats and the editions to list on the Sources sheet.
import type { Scalar } from "./evaluate.ts";

export interface BrowserSelection {
  readonly mineral: string;
  readonly stage: string;
  /** Blank: the edition's latest observed year. */
  readonly year?: number;
  readonly edition: string;
}

export interface TableBlock {
  /** An Excel table name: letters, digits and underscores, starting with a letter. */
  readonly name: string;
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Scalar[])[];
  /** One number format per column ("0.0%" for shares, "#,##0" for tonnes, "@"/General otherwise). */
  readonly numberFormats: readonly string[];
  readonly editions: readonly string[];
}

const FORMATS: Record<string, string> = { Rank: "0", Share: "0.0%", Tonnes: "#,##0" };

/** "critmin_cobalt_refining_2023_iea_cmde_2025" (≤ 255 characters, a valid table name). */
export function tableName(selection: BrowserSelection): string {
  const parts = [
    "critmin",
    selection.mineral,
    selection.stage,
    selection.year === undefined ? "latest" : String(selection.year),
    selection.edition,
  ];
  return parts
    .join("_")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .slice(0, 255);
}

/**
 * From TOP_PRODUCERS's spilled result (header row first) to a table block. A result that is an
 * Excel error (no data) throws with the error's text, for the pane to show.
 */
export function producersTable(selection: BrowserSelection, result: readonly (readonly unknown[])[]): TableBlock {
  const [header, ...body] = result;
  if (!header || header.length < 2 || body.length === 0) {
    const only = result[0]?.[0] as { code?: string; message?: string } | undefined;
    throw new Error(
      only && typeof only === "object" && only.code
        ? `${only.code} ${only.message ?? ""}`.trim()
        : "no producers for this choice",
    );
  }
  const names = header.map(String);
  const rows = body.map((row) => row.map((v) => (v === undefined ? null : (v as Scalar))));
  const year = selection.year === undefined ? "latest observed year" : String(selection.year);
  return {
    name: tableName(selection),
    title: `${selection.mineral}, ${selection.stage}, ${year}, ${selection.edition}`,
    header: names,
    rows,
    numberFormats: names.map((h) => FORMATS[h] ?? "General"),
    editions: [selection.edition],
  };
}

/** The table's cells, header first, every row as wide as the header. */
export function tableValues(block: TableBlock): Scalar[][] {
  return [[...block.header], ...block.rows.map((r) => block.header.map((_, i) => r[i] ?? null))];
}
