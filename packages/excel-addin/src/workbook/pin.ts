// The workbook's edition pin: the set of source editions a workbook is pinned to, stored in the
// workbook's settings (so it travels with the file) and read by the CRITMIN functions.
//
// A pin holds at most one edition per series ("iea-cmde-2024" and "iea-cmde-2025" are two editions
// of the series "iea-cmde"): pinning means "this edition of each source". A function called without
// an explicit `source` passes the pinned editions to the core (`within`, adapter/queries.ts), which
// answers from the newest of them that has the figure; an explicit `source` always wins.
//
// No @critmin/core import here: a pin is edition ids, which callers pass in (makePin's `known`).
// That keeps the module free of the dataset, not the task pane: taskpane.js bundles core anyway.
// The current pin lives on globalThis under a registered symbol, because the task pane and the
// functions are separate bundles that share one JavaScript runtime (Office's shared runtime, or
// the playground page): both copies of this module see the same pin.

/** The key in `context.workbook.settings`. */
export const PIN_SETTING = "critmin.editionPin";

export interface Pin {
  /** Edition ids, sorted. */
  readonly editions: readonly string[];
  /** ISO timestamp of when the pin was set. */
  readonly pinnedAt?: string;
  /** The add-in's dataset version when the pin was set. */
  readonly datasetVersion?: string;
}

export type PinParse =
  { readonly ok: true; readonly pin: Pin | null } | { readonly ok: false; readonly reason: string };

const EDITION_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{4}$/;

/** "iea-cmde-2024" → "iea-cmde". */
export function editionSeries(id: string): string {
  return id.replace(/-\d{4}$/, "");
}

/** Why a set of edition ids cannot be a pin (empty when it can). */
export function pinProblems(editions: readonly string[], known: readonly string[]): string[] {
  const problems: string[] = [];
  if (editions.length === 0) problems.push("a pin needs at least one edition");
  const seen = new Map<string, string>();
  for (const id of editions) {
    if (typeof id !== "string" || !EDITION_ID.test(id)) {
      problems.push(`"${String(id)}" is not an edition id`);
      continue;
    }
    if (!known.includes(id)) problems.push(`${id} is not an edition this add-in carries (it has ${known.join(", ")})`);
    const series = editionSeries(id);
    const other = seen.get(series);
    if (other === id) problems.push(`${id} is listed twice`);
    else if (other) problems.push(`${other} and ${id} are two editions of one source: pin one`);
    seen.set(series, id);
  }
  return problems;
}

/** A pin from edition ids; throws with every problem when they cannot be one. */
export function makePin(
  editions: readonly string[],
  known: readonly string[],
  extra: { pinnedAt?: string; datasetVersion?: string } = {},
): Pin {
  const problems = pinProblems(editions, known);
  if (problems.length > 0) throw new Error(`invalid edition pin: ${problems.join("; ")}`);
  return { editions: [...editions].sort(), ...extra };
}

/** The settings value: JSON with a format version, so a later add-in can read old workbooks. */
export function serialisePin(pin: Pin): string {
  return JSON.stringify({
    v: 1,
    editions: [...pin.editions].sort(),
    pinnedAt: pin.pinnedAt,
    datasetVersion: pin.datasetVersion,
  });
}

/**
 * Reads a settings value. Absent (null, undefined, "") means not pinned. Anything else must be a
 * valid pin of known editions; a workbook pinned to an edition this add-in lacks is reported, never
 * silently unpinned.
 */
export function parsePin(value: unknown, known: readonly string[]): PinParse {
  if (value === null || value === undefined || value === "") return { ok: true, pin: null };
  let data: unknown = value;
  if (typeof value === "string") {
    try {
      data = JSON.parse(value);
    } catch {
      return { ok: false, reason: "the workbook's edition pin is not valid JSON" };
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return { ok: false, reason: "the workbook's edition pin is not an object" };
  const record = data as Record<string, unknown>;
  if (record.v !== 1)
    return {
      ok: false,
      reason: `the workbook's edition pin has format version ${String(record.v)}; this add-in reads version 1`,
    };
  if (!Array.isArray(record.editions)) return { ok: false, reason: "the workbook's edition pin lists no editions" };
  const problems = pinProblems(record.editions as string[], known);
  if (problems.length > 0)
    return { ok: false, reason: `the workbook's edition pin is invalid: ${problems.join("; ")}` };
  const extra: { pinnedAt?: string; datasetVersion?: string } = {};
  if (typeof record.pinnedAt === "string") extra.pinnedAt = record.pinnedAt;
  if (typeof record.datasetVersion === "string") extra.datasetVersion = record.datasetVersion;
  return { ok: true, pin: { editions: [...(record.editions as string[])].sort(), ...extra } };
}

/** "iea-cmde-2024, usgs-mcs-2025", or "not pinned (newest edition with data)". */
export function pinLabel(pin: Pin | null): string {
  return pin ? pin.editions.join(", ") : "not pinned (newest edition with data)";
}

/** The newest edition of each series: what "upgrade to the newest editions" means. */
export function newestPin(editions: readonly { readonly id: string; readonly date: string }[]): Pin {
  const bySeries = new Map<string, { id: string; date: string }>();
  for (const e of editions) {
    const series = editionSeries(e.id);
    const held = bySeries.get(series);
    if (!held || e.date > held.date) bySeries.set(series, e);
  }
  return { editions: [...bySeries.values()].map((e) => e.id).sort() };
}

export function samePin(a: Pin | null, b: Pin | null): boolean {
  if (a === null || b === null) return a === b;
  return a.editions.length === b.editions.length && a.editions.every((e, i) => e === b.editions[i]);
}

// ---------------------------------------------------------------------------------------------
// The current pin, shared by the task pane and the functions.
// ---------------------------------------------------------------------------------------------

const CURRENT = Symbol.for("critmin.workbook.pin");
type Scope = { [CURRENT]?: Pin | null };

export function currentPin(): Pin | null {
  return (globalThis as Scope)[CURRENT] ?? null;
}

/** Set by the task pane when it reads the workbook's settings, or when the user pins. */
export function setCurrentPin(pin: Pin | null): void {
  (globalThis as Scope)[CURRENT] = pin;
}

/** Runs `fn` with `pin` as the current pin and restores the previous one (synchronous only). */
export function withPin<T>(pin: Pin | null, fn: () => T): T {
  const previous = currentPin();
  setCurrentPin(pin);
  try {
    return fn();
  } finally {
    setCurrentPin(previous);
  }
}

/** DATA_VERSION's answer: the dataset version, and the pin when the workbook has one. */
export function versionLabel(datasetVersion: string, pin: Pin | null = currentPin()): string {
  return pin ? `${datasetVersion} (pinned: ${pin.editions.join(", ")})` : datasetVersion;
}
