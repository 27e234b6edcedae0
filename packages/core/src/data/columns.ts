/**
 * The column format of the generated data modules (written by pipeline/columns.ts).
 *
 * A table is stored column by column, because its rows repeat themselves: one mineral, edition and
 * unit for dozens of rows in a row, locators that differ only in a row number. The text is ~10×
 * smaller than one JSON object per row, and the size of the module is what a cold start pays for
 * (the engine reads and compiles every byte before the first answer). The text is one JSON value:
 *
 *   { "rows": n, "columns": { name: column, … } }
 *
 * with a column one of
 *
 * - `["d", dict, runs, absent?]`: values from `dict`, by runs of `[index, length, index, length, …]`;
 *   the index `absent`, when given, means the row has no such key.
 * - `["v", values]`: one value per row.
 * - `["t", mark, patterns, runs, slots]`: strings from templates: each row's pattern (by runs, as
 *   above) with its k-th `mark` replaced by the next number of `slots[k]` ("file.csv:row #:Share").
 *   A slot's numbers are stored as `[first, step, count, step, count, …]`: runs of equal steps, so
 *   a row number counting up or a year that never changes costs a few characters.
 * - `["x", overrides]`: a column the reader recomputes (tonnes, share): `[row, value, row, value, …]`
 *   holds the rows whose stored figure is not what the reader would compute; other rows are `undefined`.
 * - `["f", base64, overrides]`: numbers a source printed as 32-bit floats to 15 significant digits
 *   (the World Bank's WGI): each row's float32, little-endian, in base64 (NaN for `null`), read back
 *   as `Number(f.toPrecision(15))`, the very double the printed text parses to; `overrides` holds
 *   `[row, value, …]` for the rows where that would not give the stored double. 4 bytes a number
 *   instead of ~17 digits: the governance table is most of the bundled data's weight.
 */

export type Column =
  | readonly ["d", readonly unknown[], readonly number[], number?]
  | readonly ["v", readonly unknown[]]
  | readonly ["t", string, readonly string[], readonly number[], readonly (readonly number[])[]]
  | readonly ["x", readonly unknown[]]
  | readonly ["f", string, readonly unknown[]];

export interface ColumnsText {
  readonly rows: number;
  readonly columns: Readonly<Record<string, Column>>;
}

/** Marks a key the row leaves out (an optional column); never a value in the data. */
export const ABSENT: unique symbol = /* @__PURE__ */ Symbol("absent");

/** One value per row. */
export function expand(column: Column, rows: number): unknown[] {
  const out = new Array<unknown>(rows);
  switch (column[0]) {
    case "v":
      if (column[1].length !== rows)
        throw new Error(`critmin data: a column holds ${column[1].length} values for ${rows} rows`);
      return [...column[1]];
    case "d": {
      const [, dict, runs, absent] = column;
      let row = 0;
      for (let r = 0; r < runs.length; r += 2) {
        const index = runs[r]!;
        const value = index === absent ? ABSENT : dict[index];
        for (let end = row + runs[r + 1]!; row < end; row++) out[row] = value;
      }
      if (row !== rows) throw new Error(`critmin data: a column's runs cover ${row} rows, not ${rows}`);
      return out;
    }
    case "t": {
      const [, mark, patterns, runs, slots] = column;
      const parts = patterns.map((p) => p.split(mark));
      const numbers = slots.map(steps);
      const next = numbers.map(() => 0);
      let row = 0;
      for (let r = 0; r < runs.length; r += 2) {
        const pieces = parts[runs[r]!]!;
        for (let end = row + runs[r + 1]!; row < end; row++) {
          let text = pieces[0]!;
          for (let p = 1; p < pieces.length; p++) text += String(numbers[p - 1]![next[p - 1]!++]) + pieces[p]!;
          out[row] = text;
        }
      }
      if (row !== rows || next.some((n, k) => n !== numbers[k]!.length))
        throw new Error(`critmin data: a template column does not cover ${rows} rows exactly`);
      return out;
    }
    case "x": {
      const overrides = column[1];
      for (let k = 0; k < overrides.length; k += 2) out[overrides[k] as number] = overrides[k + 1];
      return out;
    }
    case "f": {
      const [, base64, overrides] = column;
      const binary = atob(base64);
      if (binary.length !== rows * 4)
        throw new Error(`critmin data: a float column holds ${binary.length / 4} values for ${rows} rows`);
      const view = new DataView(new ArrayBuffer(binary.length));
      for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
      for (let row = 0; row < rows; row++) {
        const f = view.getFloat32(row * 4, true);
        out[row] = Number.isNaN(f) ? null : Number(f.toPrecision(15));
      }
      for (let k = 0; k < overrides.length; k += 2) out[overrides[k] as number] = overrides[k + 1];
      return out;
    }
  }
}

/** What a float column gives back for `value` (see {@link expand}): the encoder stores the rest as overrides. */
export function viaFloat32(value: number | null): number | null {
  if (value === null) return null;
  const f = Math.fround(value);
  return Number.isNaN(f) ? null : Number(f.toPrecision(15));
}

/** A slot's numbers from `[first, step, count, step, count, …]`. */
function steps(encoded: readonly number[]): number[] {
  if (encoded.length === 0) return [];
  const out = [encoded[0]!];
  let value = encoded[0]!;
  for (let k = 1; k < encoded.length; k += 2) {
    const step = encoded[k]!;
    for (let n = encoded[k + 1]!; n > 0; n--) out.push((value += step));
  }
  return out;
}

/** Every column of the text, expanded to one value per row; `names` in the order the text stores them. */
export function readColumns(text: string): { rows: number; names: readonly string[]; get(name: string): unknown[] } {
  const parsed = JSON.parse(text) as ColumnsText;
  return {
    rows: parsed.rows,
    names: Object.keys(parsed.columns),
    get(name) {
      const column = parsed.columns[name];
      if (!column) throw new Error(`critmin data: no column "${name}"`);
      return expand(column, parsed.rows);
    },
  };
}
