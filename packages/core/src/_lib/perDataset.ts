import { installedDataset } from "../data/installed.ts";

// Stands for the bundled dataset as a cache key, so that checking the key never builds the bundled
// dataset object (which references every table's text, and a bundle would keep all of it).
const BUNDLED: object = {};

/**
 * A value built from the active dataset once, and again only after `useDataset` installs another:
 * the indexes' cache. The check is one comparison, so it costs nothing on the hot path. `build`
 * reads the tables it needs through the accessors of data/tables.ts.
 */
export function perDataset<T>(build: () => T): () => T {
  let builtFor: object | undefined;
  let value: T;
  return () => {
    const key = installedDataset() ?? BUNDLED;
    if (key !== builtFor) {
      // Assigned after a successful build: a build that throws is tried again, not cached half-done.
      value = build();
      builtFor = key;
    }
    return value;
  };
}
