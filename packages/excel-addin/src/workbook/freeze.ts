// Freeze for sharing: a copy of a sheet in which CRITMIN formulas are replaced by their values
// (for recipients without the add-in); other formulas and constants are kept as they are.
// freezePlan.ts picks which of these cells are written into the copy.
import { cellFormat } from "../adapter/dataTypes.ts";
import { callPattern, isCritminFormula, NAMESPACES, withoutStrings } from "./formulas.ts";
import type { Pin } from "./pin.ts";
import { cellValue } from "./text.ts";

export interface FrozenGrid {
  /** The used range as it reads once frozen (freezePlan.ts writes only the add-in's cells of it). */
  readonly grid: unknown[][];
  /** How many CRITMIN formulas became values. */
  readonly frozen: number;
  /** The CRITMIN formulas that became values (for the editions they cite). */
  readonly formulas: readonly string[];
}

/**
 * `formulas` and `values` are the same used range's `range.formulas` and `range.values`. A CRITMIN
 * formula cell takes its value. The other cells of a spilled CRITMIN result hold no formula (their
 * `formulas` entry is already the value), so they come out as constants too and the whole spilled
 * table survives without its formula.
 */
export function freezeGrid(
  formulas: readonly (readonly unknown[])[],
  values: readonly (readonly unknown[])[],
  namespaces: readonly string[] = NAMESPACES,
): FrozenGrid {
  const frozenFormulas: string[] = [];
  const grid = formulas.map((row, r) =>
    row.map((formula, c) => {
      // Text that only looks like a formula ("=x" typed as text) reads back as its own value: keep it text.
      if (!isCritminFormula(formula, namespaces)) return formula === values[r]?.[c] ? cellValue(formula) : formula;
      frozenFormulas.push(formula);
      const value = values[r]?.[c];
      return cellValue(value ?? "");
    }),
  );
  return { grid, frozen: frozenFormulas.length, formulas: frozenFormulas };
}

/** How the frozen cells keep their citations: number formats for the whole range, entities by cell. */
export interface FrozenFormats {
  /** What to write with `range.numberFormat` (the read formats, frozen cells' replaced); `undefined` if none changed. */
  readonly numberFormat: string[][] | undefined;
  /** Entity values (cards) to write cell by cell with `range.valuesAsJson`, 0-based in the range. */
  readonly entities: readonly { readonly row: number; readonly column: number; readonly value: Excel.CellValue }[];
}

/**
 * The function a formula is nothing but a call of (`=CRITMIN.CHINA_SHARE("cobalt")`), upper case;
 * `undefined` when it computes more (`…*100` is no longer a share, so it keeps no share format).
 */
export function soleCall(formula: string, namespaces: readonly string[] = NAMESPACES): string | undefined {
  const bare = withoutStrings(formula);
  const match = callPattern(namespaces).exec(bare);
  if (!match || bare.slice(1, match.index).trim() !== "") return undefined;
  let depth = 0;
  for (let i = match.index + match[0].length - 1; i < bare.length; i++) {
    if (bare[i] === "(") depth++;
    else if (bare[i] === ")" && --depth === 0)
      return bare.slice(i + 1).trim() === "" ? match[2]!.toUpperCase() : undefined;
  }
  return undefined;
}

const isCellValue = <T extends Excel.CellValue>(v: unknown, type: T["type"]): v is T =>
  typeof v === "object" && v !== null && (v as { type?: unknown }).type === type;

/**
 * What keeps a frozen copy's units and sources, for a recipient without the add-in. A number format
 * the person chose (anything but General) stays. A number takes the format its value carried (a
 * formatted number value, read with `valuesAsJson` where the host has data types: writing the plain
 * number would drop it, in a spilled range too), else, in a CRITMIN formula's cell, its function's
 * (`cellFormat`); a cell's number format shows in any Excel. A card (entity value) in a CRITMIN
 * formula's cell is written back as the entity, with its attribution.
 */
export function freezeFormats(
  formulas: readonly (readonly unknown[])[],
  values: readonly (readonly unknown[])[],
  numberFormat: readonly (readonly unknown[])[],
  valuesAsJson: readonly (readonly unknown[])[] | undefined,
  namespaces: readonly string[] = NAMESPACES,
): FrozenFormats {
  let changed = false;
  const entities: { row: number; column: number; value: Excel.CellValue }[] = [];
  const grid = formulas.map((row, r) =>
    row.map((formula, c) => {
      const read = numberFormat[r]?.[c];
      const own = typeof read === "string" ? read : "General";
      const json = valuesAsJson?.[r]?.[c];
      const critmin = isCritminFormula(formula, namespaces);
      if (critmin && isCellValue<Excel.EntityCellValue>(json, "Entity"))
        entities.push({ row: r, column: c, value: json });
      if (own !== "General" || typeof values[r]?.[c] !== "number") return own;
      const fn = critmin ? soleCall(formula, namespaces) : undefined;
      const carried = isCellValue<Excel.FormattedNumberCellValue>(json, "FormattedNumber")
        ? json.numberFormat
        : undefined;
      const format = carried ?? (fn && cellFormat(fn));
      if (!format) return own;
      changed = true;
      return format;
    }),
  );
  return { numberFormat: changed ? grid : undefined, entities };
}

export interface CitedEditions {
  readonly editions: readonly string[];
  /** Why the list is wider than the formulas name (formulas that follow no pin). */
  readonly note?: string;
}

/**
 * The editions a set of CRITMIN formulas draw on: every edition id written in them; for a formula
 * that names none, the workbook's pin; with no pin, every edition the add-in carries (the function
 * picked the newest with data, which cannot be told from the formula alone), said so in a note.
 */
export function editionsCited(formulas: readonly string[], pin: Pin | null, known: readonly string[]): CitedEditions {
  const cited = new Set<string>();
  let unnamed = 0;
  for (const formula of formulas) {
    const named = known.filter((id) => formula.toLowerCase().includes(`"${id}"`));
    if (named.length > 0) named.forEach((id) => cited.add(id));
    else unnamed++;
  }
  if (unnamed > 0 && pin) pin.editions.forEach((id) => cited.add(id));
  if (unnamed > 0 && !pin) {
    known.forEach((id) => cited.add(id));
    return {
      editions: [...cited].sort(),
      note: `${unnamed} formula${unnamed === 1 ? "" : "s"} name no edition and the workbook is not pinned: each used the newest edition with data, so every edition the add-in carries is listed.`,
    };
  }
  return { editions: [...cited].sort() };
}

/** The `i`th choice of a sheet name: "Sources", "Sources (2)", …; ≤ 31 characters, without : \ / ? * [ ]. */
export function nthSheetName(wanted: string, i: number): string {
  const clean =
    wanted
      .replace(/[:\\/?*[\]]/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet";
  const suffix = i === 1 ? "" : ` (${i})`;
  return clean.slice(0, 31 - suffix.length).trimEnd() + suffix;
}

/** Sheet names are unique (case-insensitive): the first of {@link nthSheetName}'s choices not taken. */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = nthSheetName(wanted, i);
    if (!used.has(name.toLowerCase())) return name;
  }
}
