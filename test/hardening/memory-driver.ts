// Child process of memory.test.ts (run with node --expose-gc): calls @critmin/core and the CRITMIN.*
// functions a million times with varied inputs and prints heap measurements as one JSON line.
//   node --expose-gc --conditions=@critmin/source --import tsx test/hardening/memory-driver.ts [calls]
import * as core from "../../packages/core/src/index.ts";
import { installStubRuntime } from "../../packages/excel-addin/test/stub-runtime.ts";

installStubRuntime();
// Excel passes null for omitted arguments, which the declared parameter types do not admit.
const functions = (await import("../../packages/excel-addin/src/functions/functions.ts")) as unknown as Record<
  string,
  (...args: unknown[]) => unknown
>;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

const CALLS = Number(process.argv[2] ?? 1_000_000);
const WARM_UP = Math.min(100_000, Math.ceil(CALLS / 10));
const CHECKPOINTS = 10;

// A small deterministic PRNG (mulberry32), so runs are comparable.
let state = 0x2f6b_1c3d;
function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const minerals = core.minerals().flatMap((m) => [m.id, m.name, ...m.aliases]);
const countries = core.countries().flatMap((c) => [c.code, c.name, ...c.aliases]);
const uses = [...core.USES, "EV", "solar PV", "grids", "clean"];
const years = [undefined, 2011, 2020, 2023, 2024, 2030, 2035, 2040, 2050, 1999];
const letters = "abcdefghijklmnopqrstuvwxyzé -";

/** A string never seen before: an unbounded memo keyed by what callers type would grow with every one. */
function randomText(): string {
  let s = "";
  const n = 3 + Math.floor(random() * 12);
  for (let i = 0; i < n; i++) s += letters[Math.floor(random() * letters.length)];
  return s;
}
/** A valid name, an alias in another case or spacing, a typo, a fresh random string, or junk. */
function name(pool: readonly string[]): unknown {
  const r = random();
  if (r < 0.45) return pick(pool);
  if (r < 0.6) return `  ${pick(pool).toUpperCase()} `;
  if (r < 0.7) {
    const n = pick(pool);
    const at = Math.floor(random() * n.length);
    return n.slice(0, at) + "x" + n.slice(at + 1);
  }
  if (r < 0.95) return randomText();
  return pick([null, undefined, 42, "", {}, [], NaN]);
}
const options = () => ({
  stage: pick(["mining", "refining", undefined] as const),
  year: pick(years),
  source: pick([undefined, ...core.EDITION_IDS]),
});

const SDK: readonly (() => unknown)[] = [
  () => core.share(name(minerals) as string, name(countries) as string, options()),
  () => core.chinaShare(name(minerals) as string, options()),
  () => core.production(name(minerals) as string, name(countries) as string, options()),
  () => core.hhi(name(minerals) as string, options()),
  () => core.concentration(name(minerals) as string, options()),
  () => core.topProducers(name(minerals) as string, { ...options(), n: 1 + Math.floor(random() * 8) }),
  () =>
    core.groupShare(
      name(minerals) as string,
      pick(["G7", "EU", "QUAD", "G7+", randomText(), [name(countries)]]) as string,
      options(),
    ),
  () => core.supplyAtRisk(name(minerals) as string, name(countries) as string, random(), options()),
  () => core.diversificationGap(name(minerals) as string, { ...options(), target: random() }),
  () =>
    core.shareChange(name(minerals) as string, name(countries) as string, { from: 2023, to: pick([2024, 2030, 2040]) }),
  () => core.demand(name(minerals) as string, { year: pick(years), sector: name(uses) as string }),
  () =>
    core.coverageWithout(name(minerals) as string, {
      year: pick(years),
      supplier: pick(["largest", name(countries)]) as string,
    }),
  () => core.techExposure(name(uses) as string, { year: pick(years) }),
  () => core.supplyRisk(name(minerals) as string, { year: pick([undefined, 2011, 2014, 2017, 2020, 2023]) }),
  () => core.importReliance(name(minerals) as string, pick(["EU", "USA", randomText()])),
  () => core.reserves(name(minerals) as string, name(countries) as string),
  () => core.crmaCheck(name(minerals) as string, pick([undefined, "mining", "refining", randomText()])),
  () => core.provenance({ mineral: name(minerals) as string, country: name(countries) as string }),
  () => core.cite(name(minerals) as string),
  () => core.countries(pick([undefined, "G7", "OECD", randomText()])),
  () => core.herfindahl([random(), random(), random()]),
];
const EXCEL: readonly (() => unknown)[] = [
  () => functions.chinaShare!([[name(minerals)], [name(minerals)]], pick([null, "mining"]), pick([null, 2023, 0])),
  () => functions.share!([[name(minerals)]], name(countries), null, pick([null, 2023]), null),
  () => functions.demand!([[name(minerals)]], pick([null, 2030]), pick([null, "NZE"]), name(uses), null),
  () => functions.techExposure!([[name(uses)]], null, null, null, null),
  () => functions.topProducers!(name(minerals), null, 3, null, null),
];

// The test's control run (CRITMIN_MEMORY_LEAK=1): a memo keyed by every input, as a careless cache
// would be, to show that the measurement sees one.
const leak = process.env.CRITMIN_MEMORY_LEAK === "1" ? new Map<string, string>() : undefined;

let errors = 0;
function call(i: number): void {
  if (leak) {
    const key = randomText();
    leak.set(`${key}|${i}`, key);
  }
  try {
    pick(i % 4 === 3 ? EXCEL : SDK)();
  } catch (error) {
    if (!(error instanceof core.CritminError)) throw error;
    errors++;
  }
}

function heap(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

const started = Date.now();
for (let i = 0; i < WARM_UP; i++) call(i);
const base = heap();
const checkpoints: number[] = [];
for (let i = 0; i < CALLS; i++) {
  call(i);
  if ((i + 1) % Math.ceil(CALLS / CHECKPOINTS) === 0) checkpoints.push(heap() - base);
}
const growth = heap() - base;
console.log(
  JSON.stringify({
    leak: leak?.size ?? 0,
    calls: CALLS,
    warmUp: WARM_UP,
    errors,
    baseHeap: base,
    growth,
    checkpoints,
    seconds: (Date.now() - started) / 1000,
  }),
);
