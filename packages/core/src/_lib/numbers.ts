import { CritminError } from "../errors.ts";
import { describe } from "./describe.ts";

/** A number argument of a maths kernel: any number but NaN (±Infinity is a number the maths can take). */
export function requireNumber(fn: string, argument: string, input: unknown): number {
  if (typeof input !== "number" || Number.isNaN(input)) {
    throw new CritminError("invalid_argument", `${fn}: ${argument} must be a number, got ${describe(input)}`);
  }
  return input;
}

/** A list of numbers (an array or any other iterable of numbers, none NaN), copied. */
export function requireNumbers(fn: string, argument: string, input: unknown): number[] {
  const iterable =
    typeof input === "object" &&
    input !== null &&
    typeof (input as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function";
  if (!iterable)
    throw new CritminError(
      "invalid_argument",
      `${fn}: ${argument} must be an array of numbers, got ${describe(input)}`,
    );
  const list = Array.from(input as Iterable<unknown>);
  list.forEach((value, i) => {
    if (typeof value !== "number" || Number.isNaN(value)) {
      throw new CritminError(
        "invalid_argument",
        `${fn}: ${argument} must be an array of numbers, got ${describe(value)} at index ${i}`,
      );
    }
  });
  return list as number[];
}
