/**
 * Freezes an object and every array and object inside it. What the package shares with every caller
 * (the bundled rows, the registry, the groups, a refreshed dataset) is frozen so that a caller's
 * write fails in strict mode instead of changing everyone's later answers.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
