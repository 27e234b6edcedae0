// Hostile and plausible values for the property-based fuzz tests (fuzz-sdk, fuzz-excel, memory); calls
// near a known-good one are in near.ts, failure descriptions in report.ts.
// Plausible values come from the SDK's own exports (ids, aliases, option keys), so a new mineral,
// option or function is fuzzed without editing this file.
import * as core from "../../packages/core/src/index.ts";
import * as schemas from "../../packages/core/src/schema/index.ts";
import fc from "fast-check";

/** Cases per property: small by default for CI, `CRITMIN_FUZZ_RUNS=100000` (pnpm fuzz) for the long mode. */
export const FUZZ_RUNS = (() => {
  const raw = process.env.CRITMIN_FUZZ_RUNS;
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`CRITMIN_FUZZ_RUNS must be a positive whole number, got ${JSON.stringify(raw)}`);
  return n;
})();

/** A fixed seed unless CRITMIN_FUZZ_SEED is set, so CI failures reproduce; the long mode draws a fresh one. */
export const FUZZ_SEED =
  process.env.CRITMIN_FUZZ_SEED !== undefined
    ? Number(process.env.CRITMIN_FUZZ_SEED)
    : FUZZ_RUNS === undefined
      ? 20_260_101
      : undefined;

export function fuzzParameters(defaultRuns: number): fc.Parameters<unknown> {
  return {
    numRuns: FUZZ_RUNS ?? defaultRuns,
    ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }),
    endOnFailure: false,
  };
}

/** A per-test timeout that grows with the number of cases (the long mode runs for minutes). */
export function fuzzTimeout(defaultRuns: number, msPerCase: number): number {
  return Math.min(2 ** 31 - 1, Math.max(60_000, (FUZZ_RUNS ?? defaultRuns) * msPerCase * 3));
}

// ---- hostile leaves ------------------------------------------------------------------------------

const HUGE = {
  letters: "cobalt".repeat(200_000), // 1.2 M characters of a real name repeated
  junk: "x".repeat(1_000_000),
  digits: "7".repeat(100_000),
  spaces: " ".repeat(100_000),
  unicode: "\u{1F4A5}é\u0301".repeat(50_000),
};

export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\t\n\r",
  "\u00a0",
  "\u200b",
  "\ufeff",
  "\u3000",
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "prototype",
  "__defineGetter__",
  "then",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "2023",
  "2023.5",
  "-2023",
  "1e308",
  "50%",
  "#N/A",
  "#VALUE!",
  "=1+1",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%s%n%x",
  "${process.exit()}",
  "../../etc/passwd",
  // unicode look-alikes of real names
  "\u0441\u043ebalt", // Cyrillic "со" + "balt"
  "\u03f2obalt", // Greek lunate sigma
  "\uff43\uff4f\uff42\uff41\uff4c\uff54", // fullwidth "cobalt"
  "co\u0301balt",
  "cobalt\u200b",
  "\u202ecobalt",
  "cobalt\u0000",
  "CH\u0399NA", // Greek capital iota
  "\u0421HN", // Cyrillic С
  "\u0130stanbul",
  "T\uFFFDrkiye",
  "\ud800",
  "\udfff",
  "a\ud800b",
  "\u{1F4A5}",
  "x".repeat(300),
  ...Object.values(HUGE),
];

class Weird {
  readonly kind = "weird";
}

function circular(): object {
  const o: Record<string, unknown> = { mineral: "cobalt" };
  o.self = o;
  return o;
}

/** Values no caller should pass, but some will. Built once: the huge strings are shared. */
export const HOSTILE_OTHER: readonly unknown[] = [
  null,
  undefined,
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  -1,
  0.5,
  -2023,
  2023.5,
  1899,
  2101,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  45_107, // a date serial (2023-06-30)
  true,
  false,
  10n,
  Symbol("hostile"),
  () => "cobalt",
  new Date(Number.NaN),
  new Map([["stage", "mining"]]),
  new Set(["cobalt"]),
  /cobalt/,
  new Weird(),
  Object.create(null),
  Object.assign(Object.create(null), { mineral: "cobalt" }),
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  { toString: () => "cobalt" },
  { valueOf: () => 2023 },
  circular(),
  Object.freeze({}),
  [],
  [[]],
  [[[]]],
  [null],
  [undefined],
  // eslint-disable-next-line no-sparse-arrays
  [, , "cobalt"],
  [["cobalt", "lithium"], ["nickel"]],
  [[["cobalt"]]],
  [NaN, Infinity],
  ["CHN", "CHN", "USA"],
  new Array(10_000).fill("CHN"),
  new Error("boom"),
  new TypeError("not a mineral"),
  new RangeError("range"),
  new core.CritminError("unknown_id", "a foreign critmin error"),
  { code: "#N/A", message: "an error-like object" },
  { type: "Entity", text: "Cobalt", properties: {} },
  new Uint8Array(4),
];

// ---- plausible values, from the SDK's own exports -----------------------------------------------

export const TECHNOLOGIES = (core as Record<string, unknown>).TECHNOLOGIES as readonly string[] | undefined;
const names = [
  ...core.minerals().flatMap((m) => [m.id, m.name, ...m.aliases]),
  ...core.countries().flatMap((c) => [c.code, c.alpha2, c.name, ...c.aliases]),
  ...core.groups().map((g) => g.id),
  "G7+",
  "EU",
  "World",
  "ROW",
  "largest",
  "USA",
  "US",
  ...core.EDITION_IDS,
  ...core.STAGES,
  ...core.MEASURES,
  ...core.SCENARIOS,
  "Net Zero",
  ...core.USES,
  ...(TECHNOLOGIES ?? []),
  "EV",
  "solar PV",
  "grids",
  "base-case",
  "eu-sourcing",
  "global-supply",
].filter((n) => typeof n === "string" && n !== "");
export const PLAUSIBLE_NAMES: readonly string[] = [...new Set(names)];

/** Option keys of every exported zod object schema (SupplyOptions, DemandOptions, ProvenanceQuery …). */
export const OPTION_KEYS: readonly string[] = [
  ...new Set(
    Object.values(schemas).flatMap((v) => {
      const shape = (v as { shape?: unknown } | null)?.shape;
      return typeof v === "object" && v !== null && shape && typeof shape === "object" ? Object.keys(shape) : [];
    }),
  ),
].sort();

export const PLAUSIBLE_NUMBERS: readonly number[] = [
  1, 2, 3, 5, 10, 0.3, 0.5, 0.65, 0.8, 1, 2011, 2014, 2017, 2020, 2022, 2023, 2024, 2025, 2030, 2035, 2040, 2050, 100,
  2500, 10_000,
];

const plausibleName = fc.constantFrom(...PLAUSIBLE_NAMES);
const plausibleNumber = fc.constantFrom(...PLAUSIBLE_NUMBERS);

// ---- arbitraries ---------------------------------------------------------------------------------

const randomString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  // a real name with a typo-like edit, so "did you mean" paths run
  fc.tuple(plausibleName, fc.nat(), fc.string({ minLength: 1, maxLength: 2 })).map(([n, i, s]) => {
    const at = i % (n.length + 1);
    return n.slice(0, at) + s + n.slice(at + 1);
  }),
  plausibleName.map((n) => n.toUpperCase()),
  plausibleName.map((n) => `  ${n.toLowerCase()}  `),
);

/** A single hostile value (never a plausible one). */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_OTHER) },
  { weight: 2, arbitrary: randomString },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -3000, max: 3000 }), fc.double({ min: -3000, max: 3000 })) },
);

/** Nested and ragged arrays of anything. */
export const hostileArray: fc.Arbitrary<unknown[]> = fc.array(
  fc.oneof(hostileLeaf, plausibleName, fc.array(fc.oneof(hostileLeaf, plausibleName), { maxLength: 4 })),
  { maxLength: 6 },
);

/** A plausible or hostile value for any key of an options object. */
export const optionValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: plausibleName },
  { weight: 2, arbitrary: plausibleNumber },
  { weight: 3, arbitrary: hostileLeaf },
);

/** Options objects: known keys (plausible or hostile values), sometimes an unknown or prototype-ish key. */
export const optionsObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...OPTION_KEYS), optionValue, { maxKeys: 4 }),
    fc.option(
      fc.tuple(fc.constantFrom("__proto__", "constructor", "toString", "bogus", "Stage", "year "), optionValue),
      { freq: 5 },
    ),
    fc.boolean(),
  )
  .map(([known, extra, nullPrototype]) => {
    const out: Record<string, unknown> = nullPrototype ? Object.create(null) : {};
    for (const [k, v] of Object.entries(known)) out[k] = v;
    // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it
    if (extra)
      Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
    return out;
  });

/** Any argument: mostly plausible (so calls reach past argument parsing), often hostile. */
export const anyArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: plausibleName },
  { weight: 2, arbitrary: plausibleNumber },
  { weight: 3, arbitrary: optionsObject },
  { weight: 1, arbitrary: fc.array(plausibleName, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.double({ min: 0, max: 1 }), plausibleNumber), { maxLength: 8 }) },
  { weight: 5, arbitrary: hostileLeaf },
  { weight: 1, arbitrary: hostileArray },
);

/** The arguments of one call: up to `arity + 2` values (missing trailing ones stay undefined). */
export function argumentsFor(arity: number): fc.Arbitrary<unknown[]> {
  return fc.array(anyArgument, { maxLength: Math.max(arity, 1) + 2 });
}

/**
 * Each fixed hostile value in each argument position (and one past the last), the other positions
 * from the known-good `seed`: the deterministic sweep run before the random cases.
 */
export function* hostileSweep(
  seed: readonly unknown[],
  arity: number,
): Generator<{ hostile: unknown; position: number; args: unknown[] }> {
  const positions = Math.max(arity, seed.length, 1) + 1;
  for (const hostile of [...HOSTILE_STRINGS, ...HOSTILE_OTHER])
    for (let position = 0; position < positions; position++)
      yield {
        hostile,
        position,
        args: Array.from({ length: positions }, (_, j) => (j === position ? hostile : seed[j])),
      };
}
