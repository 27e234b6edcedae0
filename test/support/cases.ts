// Checking many cases against values read from the raw files, and loading those files once per test file.
import { beforeAll } from "vitest";

/**
 * The cases whose `actual` is not `expected` (compared with `!==`), each as `check` describes it:
 * `expect(mismatches(...)).toEqual([])` then fails listing every wrong case, not only the first.
 */
export function mismatches<T, C extends { readonly expected: unknown; readonly actual: unknown }>(
  rows: readonly T[],
  check: (row: T) => C,
): C[] {
  return rows.map(check).filter((c) => c.actual !== c.expected);
}

/** Loads a value in a `beforeAll` of the calling test file; the function returned gives it inside a test. */
export function loadedBeforeAll<T>(load: () => Promise<T>): () => T {
  let value: T | undefined;
  let loaded = false;
  beforeAll(async () => {
    value = await load();
    loaded = true;
  });
  return () => {
    if (!loaded) throw new Error("read before beforeAll loaded it");
    return value as T;
  };
}
