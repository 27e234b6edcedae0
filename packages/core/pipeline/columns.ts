// Writes a table in the column format read by src/data/columns.ts (see there for the format).
import { ABSENT, viaFloat32, type Column, type ColumnsText } from "../src/data/columns.ts";

/** How each column is stored. Columns not named are dictionary columns. */
export interface ColumnPlan {
  readonly columns: readonly string[];
  /** Strings that differ mostly in their numbers (locators, bases). */
  readonly templates?: readonly string[];
  /** Recomputed by the reader: only the rows where `derive` gives another figure are stored. */
  readonly derived?: readonly string[];
  /** Keys a row may lack. */
  readonly optional?: readonly string[];
  /** Numbers (or `null`) a source printed as float32 to 15 significant digits: stored as float32. */
  readonly float32?: readonly string[];
}

/** Equal as rows are compared: the same double (Object.is), the same string, the same list. */
export function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return Object.is(a, b);
}

/** Runs of equal consecutive indexes: `[index, length, …]`. */
function runs(indexes: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < indexes.length;) {
    let j = i + 1;
    while (j < indexes.length && indexes[j] === indexes[i]) j++;
    out.push(indexes[i]!, j - i);
    i = j;
  }
  return out;
}

function dictionaryColumn(values: readonly unknown[]): Column {
  const dict: unknown[] = [];
  const byJson = new Map<string, number>();
  let absent: number | undefined;
  const indexes = values.map((v) => {
    if (v === ABSENT) return (absent ??= -1);
    const json = JSON.stringify(v);
    let index = byJson.get(json);
    if (index === undefined) byJson.set(json, (index = dict.push(v) - 1));
    return index;
  });
  return absent === undefined ? ["d", dict, runs(indexes)] : ["d", dict, runs(indexes), absent];
}

// A digit run is stored as a number only where String(Number(run)) gives the run back ("07" does not).
const DIGITS = /\d+/g;
const isCanonical = (run: string) => run.length <= 15 && String(Number(run)) === run;
const MARKS = ["#", "~", "^", "|", "\u0001"];

function templateColumn(name: string, values: readonly unknown[]): Column {
  if (!values.every((v) => typeof v === "string")) return dictionaryColumn(values);
  const mark = MARKS.find((m) => values.every((s) => !s.includes(m)));
  if (!mark) throw new Error(`column ${name}: every template mark occurs in the values`);
  const patterns: string[] = [];
  const byPattern = new Map<string, number>();
  const slots: number[][] = [];
  const indexes = values.map((s) => {
    let slot = 0;
    const pattern = s.replace(DIGITS, (run) => {
      if (!isCanonical(run)) return run;
      (slots[slot++] ??= []).push(Number(run));
      return mark;
    });
    let index = byPattern.get(pattern);
    if (index === undefined) byPattern.set(pattern, (index = patterns.push(pattern) - 1));
    return index;
  });
  return ["t", mark, patterns, runs(indexes), slots.map(stepRuns)];
}

/** `[first, step, count, step, count, …]`: runs of equal differences between consecutive numbers. */
function stepRuns(numbers: readonly number[]): number[] {
  const out = [numbers[0]!];
  for (let i = 1; i < numbers.length;) {
    const step = numbers[i]! - numbers[i - 1]!;
    let j = i + 1;
    while (j < numbers.length && numbers[j]! - numbers[j - 1]! === step) j++;
    out.push(step, j - i);
    i = j;
  }
  return out;
}

/** A float column (src/data/columns.ts): each value as float32, and the ones that do not read back exactly. */
function float32Column(name: string, values: readonly unknown[]): Column {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  const overrides: unknown[] = [];
  values.forEach((v, i) => {
    if (v !== null && typeof v !== "number") throw new Error(`column ${name}: row ${i} is not a number or null`);
    view.setFloat32(i * 4, v === null ? Number.NaN : v, true);
    if (!same(viaFloat32(v), v)) overrides.push(i, v);
  });
  return ["f", Buffer.from(bytes).toString("base64"), overrides];
}

/**
 * The table as column text. `derive(i)` gives what the reader computes for row `i`'s derived
 * columns; a row's own figure is stored only where it differs.
 */
export function encodeColumns(
  rows: readonly Record<string, unknown>[],
  plan: ColumnPlan,
  derive: (i: number) => Record<string, unknown>,
): string {
  const columns: Record<string, Column> = {};
  const derivedValues = plan.derived?.length ? rows.map((_, i) => derive(i)) : [];
  for (const name of plan.columns) {
    const values = rows.map((r) => (r[name] === undefined && plan.optional?.includes(name) ? ABSENT : r[name]));
    if (plan.derived?.includes(name)) {
      const overrides: unknown[] = [];
      values.forEach((v, i) => {
        if (!same(derivedValues[i]![name], v)) overrides.push(i, v);
      });
      columns[name] = ["x", overrides];
    } else if (plan.float32?.includes(name)) {
      columns[name] = float32Column(name, values);
    } else if (plan.templates?.includes(name)) {
      columns[name] = templateColumn(name, values);
    } else {
      // A dictionary unless one value per row is shorter (figures, years that change every row).
      const dictionary = dictionaryColumn(values);
      const plain: Column = ["v", values];
      columns[name] =
        values.includes(ABSENT) || JSON.stringify(dictionary).length <= JSON.stringify(plain).length
          ? dictionary
          : plain;
    }
  }
  const text: ColumnsText = { rows: rows.length, columns };
  return JSON.stringify(text);
}
