// Arguments near a known-good call, for the fuzz tests (values from hostile.ts).
import * as core from "../../packages/core/src/index.ts";
import fc from "fast-check";
import { OPTION_KEYS, TECHNOLOGIES, anyArgument, hostileLeaf, optionValue } from "./hostile.ts";

// Random arguments rarely get past the first parse, so most cases also start from a known-good call
// and vary each argument within its kind (another mineral, another year, another option value) or
// swap in a hostile value: these reach resolution, lookups and the maths.

const variants = (pool: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.constantFrom(...pool).map((n) => n.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(...pool).map((n) => ` ${n.toLowerCase()}\t`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...pool), fc.nat(), fc.string({ minLength: 1, maxLength: 2 }))
        .map(([n, i, s]) => {
          const at = i % (n.length + 1);
          return n.slice(0, at) + s + n.slice(at + 1);
        }),
    },
  );

const uniq = (list: readonly unknown[]) => [
  ...new Set(list.filter((v): v is string => typeof v === "string" && v !== "")),
];
export const POOLS = {
  mineral: uniq(core.minerals().flatMap((m) => [m.id, m.name, ...m.aliases])),
  country: uniq([
    ...core.countries().flatMap((c) => [c.code, c.alpha2, c.name, ...c.aliases]),
    "World",
    "WORLD",
    "ROW",
    "rest of world",
  ]),
  group: uniq([...core.groups().map((g) => g.id), "G7+", "EU", "european union"]),
  use: uniq([...core.USES, ...(TECHNOLOGIES ?? []), "EV", "solar PV", "grids", "clean", "total"]),
  economy: ["EU", "USA", "US", "eu", "United States"],
  stage: uniq([...core.STAGES, "Mining", "REFINING"]),
  source: uniq([...core.EDITION_IDS]),
  scenario: uniq([...core.SCENARIOS, "nze", "Net Zero", "Stated Policies"]),
  measure: uniq([...core.MEASURES]),
} as const;

const years = fc.oneof(
  fc.constantFrom(1899, 1900, 2011, 2014, 2017, 2020, 2022, 2023, 2024, 2025, 2030, 2035, 2040, 2045, 2050, 2100, 2101),
  fc.integer({ min: 1890, max: 2110 }),
);
const VALUES_BY_KEY: Record<string, fc.Arbitrary<unknown>> = {
  year: years,
  from: years,
  to: years,
  stage: variants(POOLS.stage),
  source: variants(POOLS.source),
  scenario: variants(POOLS.scenario),
  demandScenario: variants(POOLS.scenario),
  sector: variants(POOLS.use),
  supplier: fc.oneof(variants(POOLS.country), fc.constant("largest")),
  target: fc.oneof(fc.double({ min: 0, max: 1.2, noNaN: true }), fc.constantFrom(0, 0.65, 1)),
  n: fc.integer({ min: -1, max: 12 }),
  basis: fc.constantFrom("eu-sourcing", "global-supply", "EU-sourcing"),
  mineral: variants(POOLS.mineral),
  country: variants(POOLS.country),
  measure: variants(POOLS.measure),
  supplyCase: fc.constantFrom("base-case", "Base case", "high-case"),
};

/** A value of the same kind as a known-good one: the pool it comes from, or numbers near it. */
function sameKind(seed: unknown): fc.Arbitrary<unknown> {
  if (typeof seed === "string") {
    const pool = Object.values(POOLS).find((p) => (p as readonly string[]).includes(seed));
    return pool ? variants(pool) : fc.constant(seed);
  }
  if (typeof seed === "number") {
    if (Number.isInteger(seed) && seed >= 1900) return years;
    if (seed >= 0 && seed <= 1)
      return fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 1.5, -0.1));
    return fc.oneof(fc.integer({ min: -2, max: 20 }), fc.double({ min: 0, max: 20_000, noNaN: true }));
  }
  if (Array.isArray(seed)) {
    if (seed.every((v) => typeof v === "number"))
      return fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });
    return fc.array(variants(POOLS.country), { minLength: 0, maxLength: 6 });
  }
  if (typeof seed === "object" && seed !== null) {
    const own = Object.keys(seed);
    const valueFor = (k: string) =>
      fc.oneof({ weight: 8, arbitrary: VALUES_BY_KEY[k] ?? optionValue }, { weight: 1, arbitrary: hostileLeaf });
    const anyKey = fc.constantFrom(...OPTION_KEYS, "bogus", "__proto__", "constructor");
    return fc
      .tuple(
        // each of the seed's keys present or not, with a value of its kind (rarely a hostile one) …
        fc.record(Object.fromEntries(own.map((k) => [k, valueFor(k)])), { requiredKeys: [] }),
        // … and now and then one more key, known to some function or not, with any value
        fc.option(fc.tuple(anyKey, fc.oneof(optionValue, hostileLeaf)), { freq: 6 }),
      )
      .map(([base, extra]) => {
        const out: Record<string, unknown> = { ...base };
        if (extra)
          Object.defineProperty(out, extra[0], {
            value: extra[1],
            enumerable: true,
            configurable: true,
            writable: true,
          });
        return out;
      });
  }
  return fc.constant(seed);
}

/**
 * Calls near a known-good `seed`: each argument kept, varied within its kind, made hostile or
 * dropped; sometimes one more argument than the seed has.
 */
export function argumentsNear(seed: readonly unknown[], arity: number): fc.Arbitrary<unknown[]> {
  const length = Math.max(arity, seed.length, 1) + 1;
  const position = (i: number) =>
    i < seed.length
      ? fc.oneof(
          { weight: 4, arbitrary: sameKind(seed[i]) },
          { weight: 2, arbitrary: fc.constant(seed[i]) },
          { weight: 1, arbitrary: hostileLeaf },
          { weight: 1, arbitrary: fc.constant(undefined) },
        )
      : fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyArgument });
  return fc.tuple(...Array.from({ length }, (_, i) => position(i)));
}
