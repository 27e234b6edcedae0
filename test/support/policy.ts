// The policy files read without the pipeline: raw records, and export-control rows built from them
// by rules of this file's own (not the pipeline's), so the status logic is tested on the raw dates.
import type { ControlRow } from "../../packages/core/src/policy/status.ts";
import { readCsv } from "./raw.ts";

export const POLICY_RAW = {
  lists: "policy/critical-lists.csv",
  controls: "policy/china-export-controls.csv",
} as const;

export const rawControls = (): Record<string, string>[] => readCsv(POLICY_RAW.controls);
export const rawLists = (): Record<string, string>[] => readCsv(POLICY_RAW.lists);

/** The raw record of one measure by its `measure_id`. */
export function rawMeasure(id: string): Record<string, string> {
  const found = rawControls().find((r) => r.measure_id === id);
  if (!found) throw new Error(`no measure ${id} in the raw file`);
  return found;
}

const orNull = (text: string | undefined) => (text ? text : null);

/**
 * Rows for the status logic. A suspension notice suspends the measures whose `ended_or_suspended`
 * is its effective date and whose number its items text names; "section N" in its items is the
 * part it suspends. Minerals are the file's names, "rare earths …" read as the group id.
 */
export function controlRowsFromRaw(): ControlRow[] {
  const raw = rawControls();
  return raw.map((r, i) => {
    const suspension = r.measure_type === "suspension of a prior measure";
    const numbers: readonly string[] = r.items_as_written!.match(/\d+/g) ?? [];
    const suspends = suspension
      ? raw
          .filter(
            (m) => m.ended_or_suspended === r.effective && numbers.includes(/No\. (\d+)$/.exec(m.measure_id!)![1]!),
          )
          .map((m) => m.measure_id!)
      : [];
    const everyItem = r.minerals!.startsWith("all dual-use items");
    return {
      edition: "cn-export-controls-2026-01",
      id: r.measure_id!,
      issuer: r.issuer!,
      announced: r.announced!,
      effective: r.effective!,
      endedOrSuspended: orNull(r.ended_or_suspended),
      suspendedUntil: orNull(r.suspended_until),
      type: r.measure_type!,
      destination: r.destination_scope!,
      destinations:
        r.destination_scope === "United States" ? ["USA"] : r.destination_scope!.startsWith("Japan") ? ["JPN"] : [],
      items: r.items_as_written!,
      mineralsAsWritten: r.minerals!,
      minerals: everyItem
        ? []
        : r.minerals!.split("; ").map((m) => (m.startsWith("rare earths") ? "rare-earths" : m.replace(/ \(.*\)$/, ""))),
      suspends,
      suspendsPart: suspension ? (/section \d+/.exec(r.items_as_written!)?.[0] ?? null) : null,
      everyItem,
      hsCodes: orNull(r.hs_codes_if_stated),
      sources: [r.source_url!, r.source_2_url!].filter(Boolean),
      note: r.note!,
      locator: `china-export-controls.csv:row ${i + 2}`,
      rules: [],
    };
  });
}

/** The raw list ids as the dataset names them. */
export const LIST_ID: Readonly<Record<string, string>> = {
  "us-2022-final": "us-cml-2022",
  "us-2025-final": "us-cml-2025",
  "eu-crma-2024-strategic": "eu-crma-2024-strategic",
  "eu-crma-2024-critical": "eu-crma-2024-critical",
};

/** The raw rows of one list (by the dataset's list id), in file order. */
export const rawListRows = (list: string): Record<string, string>[] =>
  rawLists().filter((r) => LIST_ID[r.list_id!] === list);
