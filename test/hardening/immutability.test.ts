// Immutability of everything @critmin/core shares, enumerated from the module so a new export is
// covered without editing this file. For every exported object or array, and for the answer of every
// exported function's known-good call (SEEDS), each nested array and object is attacked — push, an
// element or member assigned, a member deleted or added, a Map or Set changed — in strict mode (this
// is an ES module); each attempt must throw a TypeError or change nothing. Then the function is asked
// again and must answer as before the attack, and a few headline answers must not have moved.
import * as core from "../../packages/core/src/index.ts";
import type { CritminError } from "../../packages/core/src/index.ts";
import { describe, expect, it } from "vitest";
import { SEEDS, SUPPLY } from "./seeds.ts";

type Fn = (...args: unknown[]) => unknown;
const isClass = (f: Fn) => /^class[\s{]/.test(Function.prototype.toString.call(f));

const EXPORTS = Object.entries(core as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
const OBJECTS = EXPORTS.filter(([, v]) => v !== null && typeof v === "object");
const FUNCTIONS = EXPORTS.filter((e): e is [string, Fn] => typeof e[1] === "function" && !isClass(e[1] as Fn));

/** Known-good calls for the exports the fuzzing seeds leave at ["cobalt"]. */
const CALLS: Record<string, readonly unknown[]> = {
  ...SEEDS,
  explain: [core.chinaShare, "cobalt", SUPPLY],
  didYouMean: ["cobalr", ["cobalt", "copper"]],
  techExposureReason: ["EV"],
  supplyRiskReason: ["cobalt"],
  economicImportanceReason: ["cobalt"],
  governanceReason: ["China in 2015"],
  groups: [],
  minerals: [],
  editions: [],
  dataset: [],
  bundledDataset: [],
  datasetVersion: [],
  countryEntries: [],
  mineralEntries: [],
};
/** Exports with nothing to ask: useDataset replaces the active dataset and returns nothing. */
const NOT_CALLED = new Set(["useDataset"]);

// The headline answers, taken before any attack.
const headlines = () => {
  let unknownStage = "";
  try {
    core.chinaShare("cobalt", { stage: "x" as never });
  } catch (error) {
    unknownStage = `${(error as Error).name} ${(error as CritminError).code}: ${(error as Error).message}`;
  }
  return {
    groupShare: core.groupShare("cobalt", "G7"),
    cite: core.cite({ mineral: "cobalt", year: 2023, source: "iea-cmde-2024" }),
    citeDefault: core.cite({ mineral: "cobalt" }),
    unknownStage,
  };
};
const HEADLINES = headlines();

const SENTINEL = "__critmin_mutated__";

/**
 * Attacks `value` and everything inside it (children first, so a parent's replaced member does not
 * hide its old contents); returns the attempts that threw something other than a TypeError.
 * `seen` stops cycles and repeats; a large array is attacked at its first and last elements.
 */
function attack(value: unknown, where: string, seen = new Set<object>()): string[] {
  if (value === null || typeof value !== "object" || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  const attempt = (what: string, op: () => unknown) => {
    try {
      op();
    } catch (error) {
      if (!(error instanceof TypeError)) out.push(`${where} ${what}: threw ${String(error)}`);
    }
  };
  const target = value as Record<PropertyKey, unknown>;
  if (Array.isArray(value)) {
    const picks = value.length > 2 ? [0, value.length - 1] : value.map((_, i) => i);
    for (const i of picks) out.push(...attack(value[i], `${where}[${i}]`, seen));
    attempt("push", () => (value as unknown[]).push(SENTINEL));
    attempt("[0] =", () => ((value as unknown[])[0] = SENTINEL));
    // Deleting an element is the attack here, so the lint rule against it does not apply.
    // eslint-disable-next-line @typescript-eslint/no-array-delete
    attempt("delete [0]", () => delete (value as unknown[])[0]);
    attempt("sort", () => (value as unknown[]).sort());
  } else if (value instanceof Map) {
    for (const [k, v] of value) out.push(...attack(v, `${where}.get(${String(k)})`, seen));
    attempt("Map.set", () => value.set(SENTINEL, SENTINEL));
  } else if (value instanceof Set) {
    attempt("Set.add", () => value.add(SENTINEL));
  } else {
    const keys = Object.keys(value);
    for (const key of keys) out.push(...attack(target[key], `${where}.${key}`, seen));
    const first = keys[0];
    if (first !== undefined) {
      attempt(`.${first} =`, () => (target[first] = SENTINEL));
      attempt(`delete .${first}`, () => delete target[first]);
    }
    attempt("add a member", () => (target[SENTINEL] = SENTINEL));
  }
  return out;
}

const clone = (value: unknown) => (typeof value === "function" ? value : structuredClone(value));

/** The check each function gets: attack its answer, ask again, compare with a copy from before. */
function reasked(
  fn: Fn,
  args: readonly unknown[],
  name: string,
): { attempts: string[]; again: unknown; before: unknown } {
  const first = fn(...args);
  const before = clone(first);
  const attempts = attack(first, `${name}()`);
  return { attempts, again: fn(...args), before };
}

describe("every export of @critmin/core is immutable", () => {
  it("enumerates objects and functions", () => {
    expect(OBJECTS.length).toBeGreaterThan(5);
    expect(FUNCTIONS.length).toBeGreaterThan(30);
  });

  it.each(OBJECTS)("%s: every mutation throws a TypeError or changes nothing", (name, value) => {
    const before = clone(value);
    expect(attack(value, name)).toEqual([]);
    expect(value).toEqual(before);
  });

  it.each(FUNCTIONS.filter(([name]) => !NOT_CALLED.has(name)))(
    "%s: its answer, attacked, is the same when asked again",
    (name, fn) => {
      const { attempts, again, before } = reasked(fn, CALLS[name] ?? ["cobalt"], name);
      expect(attempts).toEqual([]);
      expect(again).toEqual(before);
    },
  );

  it("the check catches a shared answer left mutable, deep inside or at the top", () => {
    const shallow = [{ mineral: "cobalt", years: [2023] }];
    const deep = Object.freeze([Object.freeze({ mineral: "cobalt", years: [2023] })]);
    const frozen = Object.freeze([Object.freeze({ mineral: "cobalt", years: Object.freeze([2023]) })]);
    for (const shared of [shallow, deep]) {
      const { again, before } = reasked(() => shared, [], "leaky");
      expect(again).not.toEqual(before);
    }
    const { attempts, again, before } = reasked(() => frozen, [], "frozen");
    expect(attempts).toEqual([]);
    expect(again).toEqual(before);
    const fresh = reasked(() => [{ years: [2023] }], [], "fresh");
    expect(fresh.again).toEqual(fresh.before);
  });

  it("the headline answers are unchanged after every attack", () => {
    expect(HEADLINES.groupShare).toBeTypeOf("number");
    expect(HEADLINES.cite).toMatch(/^IEA \(2024\), Critical Minerals Data Explorer/);
    expect(HEADLINES.unknownStage).toMatch(/^CritminError unknown_id: .*"x"/);
    expect(headlines()).toEqual(HEADLINES);
  });
});
