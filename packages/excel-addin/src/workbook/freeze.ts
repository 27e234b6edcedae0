// Freeze for sharing: a copy of a sheet in which CRITMIN formulas are replaced by their values
// (for recipients without the add-in); other formulas and constants are kept as they are.
import { isCritminFormula, NAMESPACES } from "./formulas.ts";
import type { Pin } from "./pin.ts";
import { cellValue } from "./text.ts";

export interface FrozenGrid {
  /** What to write into the copy's used range with `range.formulas`. */
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
