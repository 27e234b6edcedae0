// A few small field checks, written out rather than taken from zod (see schema/index.ts). Each check
// records the first problem as `<path>: expected …, got …` and counts the rest. checks.test.ts holds
// these to the zod row schemas of schema/rows.ts, so the two cannot drift apart silently.
import { describe } from "../_lib/describe.ts";

export interface Problems {
  first: string | undefined;
  count: number;
}

export type Check = (value: unknown, path: string, problems: Problems) => void;

export function problem(problems: Problems, text: string): void {
  problems.count++;
  problems.first ??= text;
}

const got = (value: unknown) => (value === undefined ? "nothing" : describe(value));

export function text(min = 0): Check {
  return (v, path, p) => {
    if (typeof v !== "string") problem(p, `${path}: expected a string, got ${got(v)}`);
    else if (v.length < min) problem(p, `${path}: expected at least ${min} characters, got ${got(v)}`);
  };
}

export function pattern(re: RegExp, expected: string): Check {
  return (v, path, p) => {
    if (typeof v !== "string") problem(p, `${path}: expected a string, got ${got(v)}`);
    else if (!re.test(v)) problem(p, `${path}: expected ${expected}, got ${got(v)}`);
  };
}

export function number(options: { min?: number; max?: number; int?: boolean; positive?: boolean } = {}): Check {
  return (v, path, p) => {
    if (typeof v !== "number" || !Number.isFinite(v)) problem(p, `${path}: expected a number, got ${got(v)}`);
    else if (options.int && !Number.isInteger(v)) problem(p, `${path}: expected an integer, got ${got(v)}`);
    else if (options.positive && v <= 0) problem(p, `${path}: expected a number > 0, got ${got(v)}`);
    else if (options.min !== undefined && v < options.min)
      problem(p, `${path}: expected a number ≥ ${options.min}, got ${got(v)}`);
    else if (options.max !== undefined && v > options.max)
      problem(p, `${path}: expected a number ≤ ${options.max}, got ${got(v)}`);
  };
}

export function oneOf(values: readonly string[]): Check {
  const allowed = new Set(values);
  const list = values.map((v) => JSON.stringify(v)).join(", ");
  return (v, path, p) => {
    if (typeof v !== "string" || !allowed.has(v))
      problem(p, `${path}: expected ${values.length === 1 ? list : `one of ${list}`}, got ${got(v)}`);
  };
}

export function nullable(check: Check): Check {
  return (v, path, p) => {
    if (v !== null) check(v, path, p);
  };
}

export function listOf(check: Check, min = 0): Check {
  return (v, path, p) => {
    if (!Array.isArray(v)) return problem(p, `${path}: expected a list, got ${got(v)}`);
    if (v.length < min) problem(p, `${path}: expected at least ${min} item${min === 1 ? "" : "s"}, got ${got(v)}`);
    for (let i = 0; i < v.length; i++) check(v[i], `${path}[${i}]`, p);
  };
}

export const boolean: Check = (v, path, p) => {
  if (typeof v !== "boolean") problem(p, `${path}: expected true or false, got ${got(v)}`);
};

/** An object with exactly these fields (those in `optional` may be left out); no others. */
export function object(shape: Readonly<Record<string, Check>>, optional: readonly string[] = []): Check {
  const keys = Object.keys(shape);
  const known = new Set(keys);
  const mayLack = new Set(optional);
  return (v, path, p) => {
    if (v === null || typeof v !== "object" || Array.isArray(v))
      return problem(p, `${path}: expected an object, got ${got(v)}`);
    const record = v as Record<string, unknown>;
    for (const key of keys) {
      const value = Object.hasOwn(record, key) ? record[key] : undefined;
      if (value === undefined && mayLack.has(key)) continue;
      shape[key]!(value, path === "" ? key : `${path}.${key}`, p);
    }
    const unknown = Object.keys(record).filter((k) => !known.has(k));
    if (unknown.length > 0)
      problem(
        p,
        `${path === "" ? "the file" : path}: unknown field${unknown.length === 1 ? "" : "s"} ${unknown.map((k) => JSON.stringify(k)).join(", ")}`,
      );
  };
}

/** Runs `check` over a whole value: the first problem with the count of the others, or undefined. */
export function firstProblem(check: Check, value: unknown, path = ""): string | undefined {
  const problems: Problems = { first: undefined, count: 0 };
  check(value, path, problems);
  if (problems.first === undefined) return undefined;
  const more = problems.count - 1;
  return `${problems.first}${more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"})` : ""}`;
}
