import { editionList } from "../data/tables.ts";
import type { Edition } from "../records.ts";

/**
 * The source editions: id, title, publisher, date, URL, licence, citation and file checksums.
 *
 * @example
 * editions().map((e) => e.id)
 * //=> ["iea-cmde-2024", "iea-cmde-2025", "usgs-mcs-2025", "ec-crm-2023", "wb-wgi-2023", "us-cml-2022", "us-cml-2025", "eu-crma-2024", "cn-export-controls-2026-01"]
 */
export function editions(): readonly Edition[] {
  return editionList();
}
