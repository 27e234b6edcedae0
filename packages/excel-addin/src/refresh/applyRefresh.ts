// The task pane's refresh and revert actions without the page: run the refresh, keep the accepted
// file, recalculate the workbook so its CRITMIN cells answer from the new data, and say what
// happened in one sentence. The workbook itself is never written: its pin and its formulas stay as
// they are (a pinned edition's figures cannot change, since released editions are immutable).
import { dataset, useDataset } from "@critmin/core";
import * as excel from "../workbook/excel.ts";
import { refreshDataset, type RefreshOptions, type RefreshResult } from "./refreshDataset.ts";
import { keptRecord, type DatasetStore } from "./store.ts";

export interface RefreshActionOptions extends Omit<RefreshOptions, "install" | "current"> {
  /** Where an accepted dataset is kept for the next start; none keeps nothing. */
  readonly store?: DatasetStore;
  /** In Excel the workbook is recalculated after the data changed. */
  readonly inExcel: boolean;
  /** Recalculates the workbook (one sync); excel.recalculate by default. */
  readonly recalculate?: () => Promise<void>;
}

export interface ActionOutcome {
  readonly ok: boolean;
  /** The sentence the pane shows. */
  readonly text: string;
  readonly result?: RefreshResult;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** After the data changed: keep it (or forget it) and recalculate; problems become notes, not failures. */
async function follow(options: RefreshActionOptions, keep: (store: DatasetStore) => Promise<void>): Promise<string[]> {
  const notes: string[] = [];
  if (options.store)
    await keep(options.store).catch((error: unknown) =>
      notes.push(`It could not be kept for next time (${reason(error)}).`),
    );
  if (options.inExcel) {
    try {
      await (options.recalculate ?? excel.recalculate)();
      notes.push("The workbook was recalculated.");
    } catch (error) {
      notes.push(`Recalculate the workbook (Ctrl+Alt+F9): it could not be done from here (${reason(error)}).`);
    }
  }
  return notes;
}

/** Refresh from the manifest at `url`; on failure nothing changes, in the data or the workbook. */
export async function runRefresh(url: string, options: RefreshActionOptions): Promise<ActionOutcome> {
  const result = await refreshDataset(url, options);
  if (!result.ok) {
    const text =
      result.code === "cancelled"
        ? `Refresh cancelled. Still using dataset ${dataset().version}.`
        : `Refresh failed: ${result.message}. Still using dataset ${dataset().version}; nothing was changed.`;
    return { ok: false, text, result };
  }
  if (result.status !== "installed")
    return { ok: true, text: `Already up to date: dataset ${result.version}.`, result };
  const added =
    result.added.length > 0 ? ` New edition${result.added.length === 1 ? "" : "s"}: ${result.added.join(", ")}.` : "";
  const notes = await follow(options, (store) => store.save(keptRecord({ ...result.proof, dataset: result.text })));
  return {
    ok: true,
    text: [`Now using dataset ${result.version} (was ${result.previousVersion}).${added}`, ...notes].join(" "),
    result,
  };
}

/** Back to the data bundled with the add-in, and forget the kept file. */
export async function useBundled(
  options: Pick<RefreshActionOptions, "store" | "inExcel" | "recalculate">,
): Promise<ActionOutcome> {
  const before = dataset().version;
  useDataset();
  const now = dataset().version;
  if (before === now) {
    await options.store?.clear().catch(() => undefined);
    return { ok: true, text: `Already using the bundled data (dataset ${now}).` };
  }
  const notes = await follow(options, (store) => store.clear());
  return { ok: true, text: [`Using the bundled data again: dataset ${now} (was ${before}).`, ...notes].join(" ") };
}
