// The examples of each Excel function page, by function id. They live with the function's other
// traits in packages/excel-addin/src/functions/traits.ts; this view is what test/docs reads.
import { TRAITS, type ExcelExample } from "../../../excel-addin/src/functions/traits.ts";

export type { ExcelArg, ExcelExample } from "../../../excel-addin/src/functions/traits.ts";

export const EXCEL_EXAMPLES: Readonly<Record<string, readonly ExcelExample[]>> = Object.fromEntries(
  Object.entries(TRAITS).map(([id, t]) => [id, t.examples]),
);
