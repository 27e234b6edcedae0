// The sheets the add-in created, so it only ever replaces its own: a user's sheet that happens to be
// called "Sources" is never cleared, and even the add-in's own sheet is replaced only when the person
// confirms (add-in edits cannot be undone with Ctrl+Z). Stored like the edition pin (pin.ts), in the
// workbook's settings, so the record travels with the file. Sheets are recorded by worksheet id,
// which survives a rename: a sheet the person deleted and re-created under the same name is theirs.
import { nthSheetName } from "./freeze.ts";

/** The key in `context.workbook.settings`. */
export const OWNED_SETTING = "critmin.ownedSheets";

export interface SheetRef {
  readonly id: string;
  readonly name: string;
}

/** What to do when the add-in's own sheet of that name exists: ask first (the default), replace it, or write a new one. */
export type OnExisting = "ask" | "replace" | "new";

/** Thrown before anything is written when the add-in's own sheet would be replaced and nobody confirmed. */
export class ReplaceNeeded extends Error {
  constructor(readonly sheet: string) {
    super(`the sheet "${sheet}" was written by CRITMIN earlier: confirm to replace it`);
    this.name = "ReplaceNeeded";
  }
}

/** The recorded ids; anything unreadable is no record (the add-in then owns nothing and only adds sheets). */
export function parseOwned(value: unknown): Set<string> {
  if (typeof value !== "string" || value === "") return new Set();
  try {
    const data = JSON.parse(value) as { v?: unknown; ids?: unknown };
    if (data.v !== 1 || !Array.isArray(data.ids)) return new Set();
    return new Set(data.ids.filter((id): id is string => typeof id === "string"));
  } catch {
    return new Set();
  }
}

/** The settings value: the ids still in the workbook (deleted sheets are dropped), plus `added`. */
export function serialiseOwned(owned: ReadonlySet<string>, present: readonly SheetRef[], added: string): string {
  const ids = present.map((s) => s.id).filter((id) => owned.has(id));
  return JSON.stringify({ v: 1, ids: [...new Set([...ids, added])].sort() });
}

export interface SheetTarget {
  readonly name: string;
  /** The add-in's own sheet of that name is there and will be replaced (or extended). */
  readonly replaces: boolean;
}

/**
 * Where to write a sheet the add-in wants called `wanted`: the first of "Sources", "Sources (2)",
 * "Sources (3)"… that is free or (unless `onExisting` is "new") the add-in's own. A sheet that is
 * not the add-in's is skipped, never replaced.
 */
export function sheetTarget(
  wanted: string,
  sheets: readonly SheetRef[],
  owned: ReadonlySet<string>,
  onExisting: OnExisting = "ask",
): SheetTarget {
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  for (let i = 1; ; i++) {
    const name = nthSheetName(wanted, i);
    const sheet = byName.get(name.toLowerCase());
    if (!sheet) return { name, replaces: false };
    if (onExisting !== "new" && owned.has(sheet.id)) return { name: sheet.name, replaces: true };
  }
}
