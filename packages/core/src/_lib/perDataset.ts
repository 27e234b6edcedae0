import { dataset, type Dataset } from "../data/dataset.ts";

/**
 * A value built from the active dataset once, and again only after `useDataset` installs another:
 * the indexes' cache. The check is one comparison, so it costs nothing on the hot path.
 */
export function perDataset<T>(build: (data: Dataset) => T): () => T {
  let builtFor: Dataset | undefined;
  let value: T;
  return () => {
    const data = dataset();
    if (data !== builtFor) {
      // Assigned after a successful build: a build that throws is tried again, not cached half-done.
      value = build(data);
      builtFor = data;
    }
    return value;
  };
}
