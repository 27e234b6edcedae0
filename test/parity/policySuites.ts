// Parity suites of the policy functions (issue 15): critical lists and China's export controls.
// Dates are the transitions of the raw file (each day before, at and after), today, date serials
// and bad dates; destinations every-destination, the US, Japan and a misspelt one.
import * as core from "../../packages/core/src/index.ts";
import { addDays } from "../../packages/core/src/policy/dates.ts";
import {
  CONTROL_HEADER,
  controlRows,
  LIST_HEADER,
  listRows,
} from "../../packages/excel-addin/src/adapter/policyTables.ts";
import { rawControls } from "../support/policy.ts";
import { excel, opts, str, type Suite } from "./compare.ts";
import { ALL_MINERALS, product, uniq } from "./grid.ts";

export const policySuites: Suite[] = [];

// A date cell's serial as the day it is (serial 1 is 1900-01-01, hence the 1899-12-30 epoch).
const serialDay = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
const asDay = (v: unknown) => (typeof v === "number" ? serialDay(v) : v);

const transitions = uniq(
  rawControls().flatMap((r) =>
    [r.announced, r.effective, r.ended_or_suspended, r.suspended_until].filter((d): d is string => !!d),
  ),
).sort();
const DATES: readonly unknown[] = [
  null,
  ...transitions.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]),
  45_658, // 2025-01-01 as a date cell
  "2025-02-30",
  "tomorrow",
];
const DESTINATIONS: readonly unknown[] = [null, "US", "United States", "Japan", "Untied States"];
const POLICY_MINERALS = uniq(core.dataset().controls.flatMap((r) => r.minerals)).concat([
  "dysprosium",
  "lanthanum",
  "copper",
]);

policySuites.push({
  fn: "IS_CRITICAL",
  exercises: { missing: false, throws: true },
  cases: [
    ...product<unknown>(ALL_MINERALS, core.CRITICAL_LISTS),
    ["gallium", "eu-crma-2024-strategc"],
    ["gallium", "EU-CRMA-2024-STRATEGIC"],
    ["gallum", "us-cml-2025"],
  ],
  excel: ([m, list]) => excel.isCritical([[m]], list),
  core: ([m, list]) => core.isCritical(str(m), str(list)),
  atLeast: 300,
});

policySuites.push({
  fn: "CRITICAL_LISTS",
  exercises: { missing: false, throws: true },
  cases: [...ALL_MINERALS.map((m) => [m]), ["coper"]],
  excel: ([m]) => excel.criticalLists(m),
  core: ([m]) => core.listsNaming(str(m)),
  table: {
    // The table's layout is the adapter's (one mapping); what parity checks is that the spilled
    // rows come from the same core record the SDK returns for the same arguments.
    header: [...LIST_HEADER],
    rows: (v) => listRows(v as readonly core.ListNaming[]),
  },
  atLeast: 90,
});

policySuites.push({
  fn: "UNDER_EXPORT_CONTROL",
  cases: [...product<unknown>(ALL_MINERALS, DATES, DESTINATIONS), ["galium", null, null]],
  excel: ([m, asOf, destination]) => excel.underExportControl([[m]], asOf, destination),
  core: ([m, asOf, destination]) => core.underExportControl(str(m), opts({ asOf: asDay(asOf), destination })),
  atLeast: 10_000,
});

policySuites.push({
  fn: "EXPORT_CONTROLS",
  exercises: { missing: false, throws: true },
  cases: [...product<unknown>(POLICY_MINERALS, DATES, DESTINATIONS), ["graphte", null, null]],
  excel: ([m, asOf, destination]) => excel.exportControls(m, asOf, destination),
  core: ([m, asOf, destination]) =>
    core.exportControls(opts({ mineral: str(m), asOf: asDay(asOf), destination }) ?? {}),
  table: {
    header: [...CONTROL_HEADER],
    rows: (v) => controlRows(v as core.ExportControls),
  },
  atLeast: 2_000,
});
