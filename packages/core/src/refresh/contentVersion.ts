// A dataset's version is derived from its content: `<newest edition date>+<12 hex digits of the
// sha256 of every edition, row and registry entry>`, each as canonical JSON, sorted, so neither key
// nor row order matters. The same content always has the same version, and a version names one content.
import { sha256 } from "../_lib/sha256.ts";
import type { Dataset } from "../data/dataset.ts";
import { canonical } from "./canonical.ts";

const PARTS = [
  "editions",
  "supply",
  "demand",
  "indicators",
  "lists",
  "controls",
  "governance",
  "minerals",
  "countries",
] as const;

/** What the version hashes: one line per item, sorted within each part (exported for tests). */
export function contentText(data: Omit<Dataset, "version">): string {
  return PARTS.map((part) => {
    const items: readonly unknown[] = data[part];
    return `${part}\n${items.map(canonical).sort().join("\n")}`;
  }).join("\n");
}

/**
 * The version a dataset with this content has: its newest edition's date, `+`, and the first 12 hex
 * digits of the sha256 of its content (see {@link contentText}).
 */
export function contentVersion(data: Omit<Dataset, "version">): string {
  const newest =
    data.editions
      .map((e) => e.date)
      .sort()
      .at(-1) ?? "0000-00";
  return `${newest}+${sha256(contentText(data)).slice(0, 12)}`;
}
