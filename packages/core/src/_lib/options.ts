import type { EditionId, Scenario, Stage } from "../constants.ts";
import { CritminError } from "../errors.ts";
import { parseScenario } from "./demandTerms.ts";
import { describe } from "./describe.ts";
import { parseEdition, parseStage, parseYear } from "./ids.ts";

/** Checks an options argument is a plain object with only the expected keys. */
export function checkOptions(fn: string, options: unknown, keys: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new CritminError("invalid_argument", `${fn}: options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!keys.includes(key))
      throw new CritminError("invalid_argument", `${fn}: unknown option ${describe(key)}; expected ${keys.join(", ")}`);
  }
  return options as Record<string, unknown>;
}

/**
 * One call's options, checked, read one at a time. An option is absent when `undefined` or `null`
 * (Excel passes `null` for an omitted argument): it then takes the caller's default, and is never
 * parsed. Each read parses when called, so a function's errors come in the order it reads.
 */
export class Options<K extends string> {
  constructor(
    readonly fn: string,
    readonly values: Readonly<Record<string, unknown>>,
  ) {}

  /** Whether the option was given: neither `undefined` nor `null`. */
  has(key: K): boolean {
    const value = this.values[key];
    return value !== undefined && value !== null;
  }

  /** `parse(fn, value)` when the option is given, else `fallback`. */
  get<T, D = undefined>(key: K, parse: (fn: string, input: unknown) => T, fallback?: D): T | D {
    return this.has(key) ? parse(this.fn, this.values[key]) : (fallback as D);
  }

  year(): number | undefined {
    return this.get("year" as K, parseYear);
  }

  stage<D>(fallback: D): Stage | D {
    return this.get("stage" as K, parseStage, fallback);
  }

  source(): EditionId | undefined {
    return this.get("source" as K, parseEdition);
  }

  /** The within option: a non-empty array of edition ids. */
  within(): EditionId[] | undefined {
    return this.get("within" as K, parseWithin);
  }

  /** An IEA scenario; `key` also names it in errors (`scenario`, `demandScenario`). */
  scenario(key: K = "scenario" as K): Scenario | undefined {
    return this.get(key, (fn, input) => parseScenario(fn, input, key));
  }
}

/** {@link checkOptions}, then the options to read with the parsers every function shares. */
export function readOptions<K extends string>(fn: string, options: unknown, keys: readonly K[]): Options<K> {
  return new Options(fn, checkOptions(fn, options, keys));
}

/** A `within` list: a non-empty array of edition ids. */
export function parseWithin(fn: string, input: unknown): EditionId[] {
  if (!Array.isArray(input) || input.length === 0)
    throw new CritminError(
      "invalid_argument",
      `${fn}: within must be a non-empty array of edition ids, got ${describe(input)}`,
    );
  return input.map((id: unknown) => parseEdition(fn, id));
}
