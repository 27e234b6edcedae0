import { describe, expect, it } from "vitest";
import { parseMineral } from "./ids.ts";
import { NEAREST_CACHE_SIZE, nearest } from "./nearest.ts";

/** A fixed candidate list that counts the candidates `nearest` visits: the work of a search. */
function counted(names: readonly string[]) {
  const pairs = names.map((n) => [n, n] as const);
  const list = {
    visited: 0,
    *[Symbol.iterator]() {
      for (const pair of pairs) {
        list.visited++;
        yield pair;
      }
    },
  };
  return list;
}

const MINERALS = ["cobalt", "copper", "graphite", "lithium", "nickel", "rare-earths"];

describe("nearest: a range of typos costs one search per distinct typo", () => {
  it("1e5 repeated typos visit at most distinct inputs × candidates", () => {
    const candidates = counted(MINERALS);
    const typos = ["cobalr", "lithum", "nikel", "coper", "graphit", "zzzzzz", "42"];
    const answers = new Set<string>();
    for (let i = 0; i < 100_000; i++) answers.add(String(nearest(typos[i % typos.length]!, candidates)));
    expect([...answers].sort()).toEqual(["cobalt", "copper", "graphite", "lithium", "nickel", "undefined"]);
    expect(candidates.visited).toBeLessThanOrEqual(typos.length * MINERALS.length);
  });

  it("answers a remembered typo as it did the first time, in any case or spacing", () => {
    const candidates = counted(MINERALS);
    expect(nearest("Cobalr", candidates)).toBe("cobalt");
    const visited = candidates.visited;
    expect(nearest(" cobalr ", candidates)).toBe("cobalt");
    expect(nearest("COBALR", candidates)).toBe("cobalt");
    expect(candidates.visited).toBe(visited);
  });

  it("remembers a bounded number of inputs: the oldest is searched again", () => {
    const candidates = counted(MINERALS);
    for (let i = 0; i <= NEAREST_CACHE_SIZE; i++) nearest(`typo${i}`, candidates);
    const visited = candidates.visited;
    nearest(`typo${NEAREST_CACHE_SIZE}`, candidates);
    expect(candidates.visited).toBe(visited);
    nearest("typo0", candidates);
    expect(candidates.visited).toBeGreaterThan(visited);
  });

  it("keeps each candidate list's answers apart", () => {
    expect(nearest("nikel", counted(["nickel"]))).toBe("nickel");
    expect(nearest("nikel", counted(["tin"]))).toBeUndefined();
  });

  it("parseMineral's did-you-mean is the same for the millionth typo as for the first", () => {
    const message = () => {
      try {
        parseMineral("f", "cobalr");
      } catch (error) {
        return (error as Error).message;
      }
    };
    const first = message();
    expect(first).toContain('did you mean "cobalt"');
    for (let i = 0; i < 1_000; i++) message();
    expect(message()).toBe(first);
  });
});
