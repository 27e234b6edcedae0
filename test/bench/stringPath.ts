// 2. String path: the hot path's questions as users type them — names, codes in other cases,
// aliases ("Cobalt", "DRC", "Co", "rare earths") — timed per call. Goal: ≤ 1 µs median.
// Map.get runs in the same interleaved rounds, so the absolute figure has a same-run reference.
import type { MineralId, Stage } from "../../packages/core/src/index.ts";
import type { Core } from "./builds.ts";
import { resolvedKey, shareMap, timeLookups } from "./hotPath.ts";
import { round, type Mode, type Samples } from "./lib.ts";

export interface StringPathResult {
  readonly queries: { readonly chinaShare: readonly string[]; readonly share: readonly string[] };
  readonly mapGet: Samples;
  readonly chinaShare: Samples;
  readonly share: Samples;
  /** The larger of the two medians, in µs: the figure the goal is about. */
  readonly worstMedianUs: number;
  readonly ratiosVsMapGet: { readonly chinaShare: number; readonly share: number };
}

// What a user types, and the id it means (checked against the typed answer before timing).
const CHINA: readonly (readonly [string, string])[] = [
  ["Cobalt", "cobalt"],
  ["Li", "lithium"],
  ["NICKEL", "nickel"],
  ["Graphite", "graphite"],
  ["rare earths", "rare-earths"],
  ["Copper", "copper"],
  ["Mn", "manganese"],
  ["Gallium", "gallium"],
];
const SHARE: readonly (readonly [string, string, Stage, string, string])[] = [
  ["Cobalt", "DRC", "mining", "cobalt", "COD"],
  ["Lithium", "Australia", "mining", "lithium", "AUS"],
  ["lithium", "Chile", "mining", "lithium", "CHL"],
  ["Nickel", "Indonesia", "mining", "nickel", "IDN"],
  ["Cu", "chile", "mining", "copper", "CHL"],
  ["Rare Earths", "China", "refining", "rare-earths", "CHN"],
  ["Co", "CN", "refining", "cobalt", "CHN"],
  ["graphite", "People's Republic of China", "refining", "graphite", "CHN"],
];

export function measureStringPath(core: Core, mode: Mode): StringPathResult {
  const { chinaShare, share } = core;
  const map = shareMap(core);
  const keys = [
    ...CHINA.map(([, id]) => resolvedKey(core, id as MineralId, "CHN", "refining")),
    ...SHARE.map(([, , s, m, c]) => resolvedKey(core, m as MineralId, c, s)),
  ];
  const chinaInputs = CHINA.map(([typed]) => typed);
  const shareMinerals = SHARE.map(([m]) => m);
  const shareCountries = SHARE.map(([, c]) => c);
  const shareOptions = SHARE.map(([, , stage]) => ({ stage }));
  chinaInputs.forEach((m, i) => {
    if (chinaShare(m) !== map.get(keys[i]!))
      throw new Error(`bench: chinaShare("${m}") is not the ${CHINA[i]![1]} row`);
  });
  shareMinerals.forEach((m, i) => {
    if (share(m, shareCountries[i]!, shareOptions[i]) !== map.get(keys[8 + i]!))
      throw new Error(`bench: share("${m}", "${shareCountries[i]}") is not its row`);
  });

  const {
    mapGet,
    chinaShare: china,
    share: shareS,
  } = timeLookups(core, mode, map, keys, {
    china: chinaInputs,
    shareMinerals,
    shareCountries,
    shareOptions,
  });
  return {
    queries: { chinaShare: chinaInputs, share: SHARE.map(([m, c, s]) => `"${m}", "${c}", { stage: "${s}" }`) },
    mapGet,
    chinaShare: china,
    share: shareS,
    worstMedianUs: round(Math.max(china.median, shareS.median) / 1000),
    ratiosVsMapGet: { chinaShare: round(china.median / mapGet.median), share: round(shareS.median / mapGet.median) },
  };
}
