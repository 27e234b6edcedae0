import { mineralList } from "../data/tables.ts";
import type { MineralEntry } from "../data/index.ts";

/**
 * Every mineral in the dataset with its name, aliases and which editions cover which stage and years.
 *
 * @example
 * minerals().find((m) => m.id === "cobalt")?.aliases
 * //=> ["Co"]
 */
export function minerals(): readonly MineralEntry[] {
  return mineralList();
}
