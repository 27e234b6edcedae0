import type { CritminError } from "../../packages/core/src/errors.ts";

/** What `f` throws (by default typed as core's error, which most tests expect); fails the test if `f` returns. */
export function thrown<E = CritminError>(f: () => unknown): E {
  try {
    f();
  } catch (error) {
    return error as E;
  }
  throw new Error("did not throw");
}
