/**
 * The slot that holds the dataset a refresh installed. It references no bundled table, so reading it
 * keeps a bundle free of the tables a function never asks for.
 */
import type { Dataset } from "./dataset.ts";

// The installed dataset, and the datasets parseDataset admitted, live on a global under a registered
// symbol, not in module variables: several copies of this package can share one page or process —
// the add-in's function bundle and its task pane (a shared runtime), or the published entries
// `@critmin/core` and `@critmin/core/schema`, each built with its own copy — and a dataset checked by
// one copy must be the one every copy answers from.
const SLOT = /* @__PURE__ */ Symbol.for("@critmin/core/active-dataset@1");
type Slot = { dataset: Dataset | undefined; readonly admitted: WeakSet<Dataset> };
// Made on first use rather than at import: loading the module writes nothing, so bundlers may drop it.
let shared: Slot | undefined;
export const slot = (): Slot =>
  (shared ??= (globalThis as { [SLOT]?: Slot })[SLOT] ??= { dataset: undefined, admitted: new WeakSet() });

/** The dataset `useDataset` installed, or `undefined` while the bundled one answers. */
export function installedDataset(): Dataset | undefined {
  return slot().dataset;
}
