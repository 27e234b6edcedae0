import { dataset } from "../data/dataset.ts";
import type { Edition } from "../records.ts";

/**
 * The source editions: id, title, publisher, date, URL, licence, citation and file checksums.
 *
 * @example
 * editions().map((e) => e.id)
 * //=> ["iea-cmde-2024", "iea-cmde-2025", "usgs-mcs-2025", "ec-crm-2023"]
 */
export function editions(): readonly Edition[] {
  return dataset().editions;
}
