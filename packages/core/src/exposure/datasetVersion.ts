import { versionOf } from "../data/tables.ts";

/**
 * The release id of the bundled dataset: newest edition date (a month, or a day where the edition is
 * dated to the day) plus a hash of every row.
 *
 * @example
 * /^\d{4}-\d{2}(-\d{2})?\+[0-9a-f]{12}$/.test(datasetVersion())
 * //=> true
 */
export function datasetVersion(): string {
  return versionOf();
}
