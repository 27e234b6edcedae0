// Parity suites of the card functions (issue 17): MINERAL's China refining share and COUNTRY's WGI
// mean, for every mineral and country, read from the card (the entity's property with data types,
// the Field/Value spill without; the first field so named, the headline before the projections)
// and held to the plain core call.
import * as core from "../../packages/core/src/index.ts";
import { StubError } from "../../packages/excel-addin/test/stub-runtime.ts";
import { excel, str, type Suite } from "./compare.ts";

/** The value of the card's first field whose name starts with `prefix`, in either form, as a 1×1 result. */
function field(result: unknown[][], prefix: string): unknown[][] {
  const only = result[0]?.[0];
  if (result.length === 1 && result[0]!.length === 1 && only instanceof StubError) return result;
  if (typeof only === "object" && only !== null && (only as { type?: string }).type === "Entity") {
    const e = only as Excel.EntityCellValue;
    const hit = Object.entries(e.properties ?? {}).find(([n]) => n.startsWith(prefix));
    if (!hit) return [[`no property ${prefix}`]];
    const p = hit[1];
    // A missing figure is a text property saying why: read it as #N/A with that reason.
    if (p.type === "String") return [[new StubError("#N/A", p.basicValue)]];
    return [[p.type === "Double" ? p.basicValue : p]];
  }
  const row = result.find((r) => typeof r[0] === "string" && r[0].startsWith(prefix));
  return [[row ? row[1] : `no row ${prefix}`]];
}

export const cardSuites: Suite[] = [
  {
    fn: "MINERAL",
    cases: core.minerals().map((m) => [m.id]),
    excel: ([m]) => field(excel.mineral(m), "China refining share"),
    core: ([m]) => core.chinaShare(str(m)),
    atLeast: 100,
    exercises: { missing: true, throws: false },
  },
  {
    fn: "COUNTRY",
    cases: core.countries().map((c) => [c.code]),
    excel: ([c]) => field(excel.country(c), "WGI mean"),
    core: ([c]) => core.governance(str(c), "mean"),
    atLeast: 200,
    exercises: { missing: true, throws: false },
  },
];
