// China's export-control measures on critical minerals and related items (edition
// cn-export-controls-2026-01), one file transcribed by hand: one ExportControlRow per line. The
// file's destination scopes and mineral names map through the tables below; anything they do not
// know fails the build naming it.
import path from "node:path";
import { ExportControlRow, type EditionId } from "../../src/schema/rows.ts";
import { CONTROLS_FILE } from "../editions.ts";
import { SourceProblems, validRow } from "../problems.ts";
import { readCsv, type CsvRecord } from "./csv.ts";
import { isRealDate } from "./dates.ts";

export const CONTROLS_EDITION: EditionId = "cn-export-controls-2026-01";
export const CONTROLS_FILE_NAME = path.basename(CONTROLS_FILE);

const COLUMNS = [
  "measure_id",
  "issuer",
  "announced",
  "effective",
  "ended_or_suspended",
  "suspended_until",
  "measure_type",
  "destination_scope",
  "items_as_written",
  "minerals",
  "hs_codes_if_stated",
  "source_url",
  "source_2_url",
  "note",
] as const;
type Column = (typeof COLUMNS)[number];

export const CONTROL_RULES = {
  // The measures a suspension suspends, read from its items text ("Suspends MOFCOM-GAC 2025 Nos.
  // 55, 56, 57 and 58 and MOFCOM 2025 Nos. 61 and 62 …"): parseSuspends.
  suspends: "cn-suspension-items",
  // A measure only part of which a later notice suspends (2024 No. 46, section 2): its
  // ended_or_suspended date is that partial suspension's; the rest of it stays in force.
  partlySuspended: "cn-partly-suspended",
  // "all dual-use items (not mineral-specific)": `everyItem`, not an empty mineral list.
  everyItem: "cn-every-dual-use-item",
} as const;

export const SUSPENSION_TYPE = "suspension of a prior measure";

/**
 * destination_scope → the ISO codes the measure is limited to ([] = every destination). Matched
 * exactly, or by the prefix before a colon ("Japan: military users, …" → JPN).
 */
export const CONTROL_DESTINATIONS: Readonly<Record<string, readonly string[]>> = {
  all: [],
  "all (foreign-made and re-exported items)": [],
  "United States": ["USA"],
  "Japan:": ["JPN"],
};

export function controlDestinations(scope: string): readonly string[] | undefined {
  if (Object.hasOwn(CONTROL_DESTINATIONS, scope)) return CONTROL_DESTINATIONS[scope];
  const colon = scope.indexOf(":");
  const prefix = colon > 0 ? scope.slice(0, colon + 1) : undefined;
  return prefix !== undefined && Object.hasOwn(CONTROL_DESTINATIONS, prefix) ? CONTROL_DESTINATIONS[prefix] : undefined;
}

/** What the file's `minerals` wording names in the dataset: ids, or every item. */
export type ControlMineral = { readonly ids: readonly string[] } | { readonly everyItem: true };

/**
 * The file's `minerals` names (split on "; ") → dataset ids. Elements map to their own id; "rare
 * earths", with or without "(equipment and reagents)", to the dataset's rare-earths (the measures
 * name the group, not elements); synthetic diamond has no id in the dataset, so it maps to none (the
 * wording stays in `mineralsAsWritten`).
 */
export const CONTROL_MINERALS: Readonly<Record<string, ControlMineral>> = {
  antimony: { ids: ["antimony"] },
  bismuth: { ids: ["bismuth"] },
  dysprosium: { ids: ["dysprosium"] },
  erbium: { ids: ["erbium"] },
  europium: { ids: ["europium"] },
  gadolinium: { ids: ["gadolinium"] },
  gallium: { ids: ["gallium"] },
  germanium: { ids: ["germanium"] },
  graphite: { ids: ["graphite"] },
  holmium: { ids: ["holmium"] },
  indium: { ids: ["indium"] },
  lithium: { ids: ["lithium"] },
  lutetium: { ids: ["lutetium"] },
  molybdenum: { ids: ["molybdenum"] },
  samarium: { ids: ["samarium"] },
  scandium: { ids: ["scandium"] },
  tellurium: { ids: ["tellurium"] },
  terbium: { ids: ["terbium"] },
  thulium: { ids: ["thulium"] },
  tungsten: { ids: ["tungsten"] },
  ytterbium: { ids: ["ytterbium"] },
  yttrium: { ids: ["yttrium"] },
  "rare earths": { ids: ["rare-earths"] },
  "rare earths (equipment and reagents)": { ids: ["rare-earths"] },
  "synthetic diamond (superhard materials)": { ids: [] },
  "all dual-use items (not mineral-specific)": { everyItem: true },
};

/** The `minerals` cell as ids (first-seen order, no repeats), or the names no table knows. */
export function controlMinerals(cell: string): { ids: string[]; everyItem: boolean; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  let everyItem = false;
  for (const name of cell.split(";").map((n) => n.trim())) {
    const mapped = Object.hasOwn(CONTROL_MINERALS, name) ? CONTROL_MINERALS[name] : undefined;
    if (!mapped) unknown.push(name);
    else if ("everyItem" in mapped) everyItem = true;
    else for (const id of mapped.ids) if (!ids.includes(id)) ids.push(id);
  }
  return { ids, everyItem, unknown };
}

/**
 * Rule cn-suspension-items: the measures a suspension's items text names, as their measure ids, and
 * the part suspended when it names one. "Suspends MOFCOM-GAC 2025 Nos. 55, 56, 57 and 58 and MOFCOM
 * 2025 Nos. 61 and 62 until …" → six ids; "Suspends section 2 of MOFCOM 2024 No. 46 (…)" → one id,
 * part "section 2". `undefined` when the text does not start "Suspends".
 */
export function parseSuspends(items: string): { ids: string[]; part: string | null } | undefined {
  const m = /^Suspends (?:(section \d+) of )?(.*)$/.exec(items);
  if (!m) return undefined;
  // The notices named, up to "until …" or a parenthesis.
  const named = m[2]!.split(/ until | \(/)[0]!;
  const ids: string[] = [];
  for (const group of named.matchAll(/([A-Z]+(?:-[A-Z]+)*) (\d{4}) Nos?\. (\d+(?:(?:, | and )\d+)*)/g)) {
    for (const number of group[3]!.split(/, | and /)) ids.push(`${group[1]} ${group[2]} No. ${number}`);
  }
  return { ids, part: m[1] ?? null };
}

export function readExportControls(dataDir: string): ExportControlRow[] {
  const problems = new SourceProblems();
  const records = readCsv(path.join(dataDir, CONTROLS_FILE), COLUMNS, problems);
  const rows = records.flatMap((r) => controlRow(r, problems) ?? []);
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (byId.size !== rows.length) problems.add(CONTROLS_FILE_NAME, "a measure_id is listed twice");
  // Every measure a suspension names must be in the file; a partly suspended one is marked.
  const partly = new Set<string>();
  for (const row of rows) {
    for (const id of row.suspends) {
      if (!byId.has(id)) problems.add(row.locator, `suspends "${id}", which is not a measure_id of the file`);
      else if (row.suspendsPart !== null) partly.add(id);
    }
  }
  problems.throwIfAny(CONTROLS_FILE_NAME);
  return rows.map((r) => (partly.has(r.id) ? { ...r, rules: [...r.rules, CONTROL_RULES.partlySuspended] } : r));
}

function controlRow(record: CsvRecord<Column>, problems: SourceProblems): ExportControlRow | undefined {
  const c = record.cells;
  const locator = `${CONTROLS_FILE_NAME}:row ${record.line}`;
  const date = (column: "announced" | "effective" | "ended_or_suspended" | "suspended_until", optional: boolean) => {
    const value = c[column];
    if (optional && value === "") return null;
    if (!isRealDate(value)) problems.add(locator, `${column}: not a real date YYYY-MM-DD: "${value}"`);
    return value;
  };
  const rules: string[] = [];
  const destinations = controlDestinations(c.destination_scope);
  if (!destinations)
    problems.add(locator, `destination_scope "${c.destination_scope}" is in no table (CONTROL_DESTINATIONS)`);
  const minerals = controlMinerals(c.minerals);
  for (const name of minerals.unknown)
    problems.add(locator, `minerals: "${name}" is in no table (CONTROL_MINERALS): map it there`);
  if (minerals.everyItem) rules.push(CONTROL_RULES.everyItem);
  let suspends: { ids: string[]; part: string | null } = { ids: [], part: null };
  if (c.measure_type === SUSPENSION_TYPE) {
    const parsed = parseSuspends(c.items_as_written);
    if (!parsed || parsed.ids.length === 0)
      problems.add(locator, `a suspension whose items text names no measure: "${c.items_as_written}"`);
    else suspends = parsed;
    rules.push(CONTROL_RULES.suspends);
  }
  const row: ExportControlRow = {
    edition: CONTROLS_EDITION,
    id: c.measure_id,
    issuer: c.issuer,
    announced: date("announced", false)!,
    effective: date("effective", false)!,
    endedOrSuspended: date("ended_or_suspended", true),
    suspendedUntil: date("suspended_until", true),
    type: c.measure_type,
    destination: c.destination_scope,
    destinations: [...(destinations ?? [])],
    items: c.items_as_written,
    mineralsAsWritten: c.minerals,
    minerals: minerals.ids,
    everyItem: minerals.everyItem,
    suspends: suspends.ids,
    suspendsPart: suspends.part,
    hsCodes: c.hs_codes_if_stated === "" ? null : c.hs_codes_if_stated,
    sources: [c.source_url, c.source_2_url].filter((s) => s !== ""),
    note: c.note,
    locator,
    rules,
  };
  return validRow(ExportControlRow, row, locator, problems);
}
