// The editions a function's `source` (or a workbook pin) can name: those holding supply, demand or
// indicator data. The policy editions (critical lists, export controls, governance) are read by
// their own functions, never as a source, so the data browser and the pin choices leave them out: a
// policy edition must never become a supply default.
import { dataset, editions, type Dataset, type Edition } from "@critmin/core";

const cache = new WeakMap<Dataset, readonly Edition[]>();

export function sourceEditions(): readonly Edition[] {
  const data = dataset();
  let found = cache.get(data);
  if (!found) {
    const ids = new Set<string>();
    for (const rows of [data.supply, data.demand, data.indicators]) for (const r of rows) ids.add(r.edition);
    found = editions().filter((e) => ids.has(e.id));
    cache.set(data, found);
  }
  return found;
}
