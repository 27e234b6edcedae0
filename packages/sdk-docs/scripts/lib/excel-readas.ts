// What an example's number is, read from the add-in's own EXPLAIN: edition, year (or period, or the
// date a status is on), kind, stage, unit and bound, so that no figure on a function page stands
// without them.
import { callAsExcel, type ComputedExample, type ExcelContext } from "./excel.ts";

/** Kinds not worth printing: an observed figure is the default reading. */
const SKIP_KIND = new Set(["", "observed"]);

/** A function from an example to its "Read as" text, `undefined` where EXPLAIN does not cover it. */
export function readAsFor(ctx: ExcelContext): (e: ComputedExample) => string | undefined {
  const meta = ctx.metadata.functions.find((f) => f.id === "EXPLAIN");
  const explain = ctx.wrappers.get("EXPLAIN");
  return (e) => {
    const cell = e.cells.length === 1 && e.cells[0]!.length === 1 ? e.cells[0]![0]! : undefined;
    if (!meta || !explain || !cell || (cell.kind !== "number" && cell.kind !== "boolean")) return undefined;
    // EXPLAIN takes the function's own arguments, one value each, after its name.
    if (e.args.some(Array.isArray) || e.args.length >= meta.parameters.length) return undefined;
    const rows = callAsExcel(meta, explain, [e.id, ...e.args]);
    if (rows[0]?.[0]?.kind === "error") return undefined;
    const field = new Map(rows.slice(1).map((r) => [r[0]?.value ?? "", r[1]?.value ?? ""]));
    // The explanation must be of the value shown, or it would describe another number.
    if (field.get("value") !== cell.value) return undefined;
    const when = field.get("date") || field.get("year") || field.get("period") || "";
    const kind = field.get("kind") ?? "";
    const bound = field.get("bound") ?? "";
    // "index (index)": the unit's gloss repeats it.
    const unit = (field.get("unit") ?? "").replace(/^(.+) \(\1\)$/, "$1");
    const wgi = field.get("wgiEdition")
      ? `weighted with ${field.get("wgiEdition")} ${field.get("wgiYear") ?? ""}`.trim()
      : "";
    return [
      field.get("edition"),
      when,
      SKIP_KIND.has(kind) || when.includes(kind) ? "" : kind,
      field.get("stage"),
      cell.kind === "boolean" ? "" : unit,
      wgi,
      bound && bound !== "exact" ? `bound: ${bound}` : "",
    ]
      .filter(Boolean)
      .join(", ");
  };
}
