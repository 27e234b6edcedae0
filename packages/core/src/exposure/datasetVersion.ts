import { dataset } from "../data/dataset.ts";

/**
 * The release id of the bundled dataset: newest edition date plus a hash of every row.
 *
 * @example
 * /^\d{4}-\d{2}\+[0-9a-f]{12}$/.test(datasetVersion())
 * //=> true
 */
export function datasetVersion(): string {
  return dataset().version;
}
