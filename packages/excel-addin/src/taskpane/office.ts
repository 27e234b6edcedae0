// Office, when present: wait for Office.onReady and, in Excel, ask Excel to load the add-in with the
// workbook. Every Office call is guarded: without Office.js (offline, or an ordinary browser) the
// page works as a playground.
import { replayAssociations } from "./runtime.ts";

/** Calls `onExcel` once Office says the host is Excel. */
export function connectOffice(onExcel: () => void): void {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return;
  try {
    office.onReady().then(
      (info) => {
        replayAssociations();
        if (info.host !== office.HostType.Excel) return;
        onExcel();
        try {
          // Shared runtime: load with the workbook, so the functions are there before anyone recalculates.
          const result = office.addin?.setStartupBehavior?.(office.StartupBehavior.load) as Promise<void> | undefined;
          result?.catch(() => undefined);
        } catch {
          // Requirement set SharedRuntime 1.1 missing: nothing to do.
        }
      },
      () => undefined,
    );
  } catch {
    // A broken Office.js must not break the page.
  }
}
