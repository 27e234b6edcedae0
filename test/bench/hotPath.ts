// 1. SDK hot path: chinaShare / share with typed ids, against a bare Map.get over the same rows, in
// one interleaved run. Goal: ≤ 5× a bare Map.get (the ratio of medians).
import type { CountryCode, MineralId, Stage } from "../../packages/core/src/index.ts";
import type { Core } from "./builds.ts";
import { interleaved, round, summarize, type MicroCase, type Mode, type Samples } from "./lib.ts";

export interface HotPathResult {
  readonly unit: "ns/op";
  readonly queries: { readonly chinaShare: readonly string[]; readonly share: readonly string[] };
  readonly mapGet: Samples;
  readonly chinaShare: Samples;
  readonly share: Samples;
  /** median(fn) ÷ median(Map.get), per function; `worst` is the larger. */
  readonly ratios: { readonly chinaShare: number; readonly share: number; readonly worst: number };
  /** `explain(chinaShare, m)` over the same eight minerals, timed beside `chinaShare(m)`: what an answer costs. */
  readonly explain: { readonly chinaShare: Samples; readonly explain: Samples; readonly vsChinaShare: number };
}

/** Every supply row by edition|mineral|stage|measure|country|year: what a hand-written cache would hold. */
export function rowKey(
  edition: string,
  mineral: string,
  stage: string,
  measure: string,
  country: string,
  year: number,
): string {
  return `${edition}|${mineral}|${stage}|${measure}|${country}|${year}`;
}

export function shareMap(core: Core): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of core.dataset().supply)
    if (r.share !== null) map.set(rowKey(r.edition, r.mineral, r.stage, r.measure, r.country, r.year), r.share);
  return map;
}

/** The Map key of the row `share(mineral, country, { stage })` answers with its default resolution. */
export function resolvedKey(core: Core, mineral: MineralId, country: string, stage: Stage): string {
  const resolved = core.resolveSource({ mineral, stage });
  if (!resolved.ok) throw new Error(`bench query ${mineral} ${stage} does not resolve: ${resolved.reason}`);
  return rowKey(resolved.resolution.edition, mineral, stage, "production", country, resolved.resolution.year);
}

// Eight of each (a power of two, indexed by i & 7), all with an answer.
const CHINA: readonly MineralId[] = [
  "cobalt",
  "lithium",
  "nickel",
  "graphite",
  "rare-earths",
  "copper",
  "manganese",
  "gallium",
];
const SHARE: readonly (readonly [MineralId, CountryCode, Stage])[] = [
  ["cobalt", "COD", "mining"],
  ["lithium", "AUS", "mining"],
  ["lithium", "CHL", "mining"],
  ["nickel", "IDN", "mining"],
  ["copper", "CHL", "mining"],
  ["rare-earths", "CHN", "refining"],
  ["cobalt", "CHN", "refining"],
  ["graphite", "CHN", "refining"],
];

/** `core` is the SDK under test: the built bundle in a benchmark run. */
export function measureHotPath(core: Core, mode: Mode): HotPathResult {
  const { chinaShare, share } = core;
  const map = shareMap(core);
  const mapKeys = [
    ...CHINA.map((m) => resolvedKey(core, m, "CHN", "refining")),
    ...SHARE.map(([m, c, s]) => resolvedKey(core, m, c, s)),
  ];
  for (const key of mapKeys) if (!map.has(key)) throw new Error(`bench: no share for ${key}`);
  // The same answers three ways, checked once before timing.
  CHINA.forEach((m, i) => {
    if (chinaShare(m) !== map.get(mapKeys[i]!)) throw new Error(`bench: chinaShare(${m}) differs from the row`);
  });
  const shareOptions = SHARE.map(([, , stage]) => ({ stage }));
  SHARE.forEach(([m, c], i) => {
    if (share(m, c, shareOptions[i]) !== map.get(mapKeys[8 + i]!))
      throw new Error(`bench: share(${m}, ${c}) differs from the row`);
  });
  const timed = timeLookups(core, mode, map, mapKeys, {
    china: CHINA,
    shareMinerals: SHARE.map(([m]) => m),
    shareCountries: SHARE.map(([, c]) => c),
    shareOptions,
  });
  const ratios = {
    chinaShare: round(timed.chinaShare.median / timed.mapGet.median),
    share: round(timed.share.median / timed.mapGet.median),
  };
  return {
    unit: "ns/op",
    queries: { chinaShare: [...CHINA], share: SHARE.map(([m, c, s]) => `${m}, ${c}, { stage: "${s}" }`) },
    ...timed,
    ratios: { ...ratios, worst: Math.max(ratios.chinaShare, ratios.share) },
    explain: timeExplain(core, mode),
  };
}

/** explain(chinaShare, m) against chinaShare(m), interleaved: an answer's cost as a multiple of the plain call. */
function timeExplain(core: Core, mode: Mode): HotPathResult["explain"] {
  const { chinaShare, explain } = core;
  const cases: MicroCase[] = [
    {
      name: "chinaShare",
      run(n) {
        let s = 0;
        for (let i = 0; i < n; i++) s += chinaShare(CHINA[i & 7]!) ?? 0;
        return s;
      },
    },
    {
      name: "explain",
      run(n) {
        let s = 0;
        for (let i = 0; i < n; i++) s += explain(chinaShare, CHINA[i & 7]!).sources.length;
        return s;
      },
    },
  ];
  const samples = interleaved(cases, mode === "quick" ? { rounds: 9, batchNs: 2e5 } : { rounds: 60, batchNs: 2e6 });
  const plain = summarize(samples.get("chinaShare")!, "ns/op");
  const answered = summarize(samples.get("explain")!, "ns/op");
  return { chinaShare: plain, explain: answered, vsChinaShare: round(answered.median / plain.median) };
}

/** Eight chinaShare and eight share questions, in the form the timed loops pass them. */
export interface LookupQueries {
  readonly china: readonly string[];
  readonly shareMinerals: readonly string[];
  readonly shareCountries: readonly string[];
  readonly shareOptions: readonly { readonly stage: Stage }[];
}

/**
 * chinaShare and share over their eight questions each, and Map.get cycling through the sixteen
 * `keys` of the same answers, interleaved in the same rounds: ns/op of each.
 */
export function timeLookups(
  core: Core,
  mode: Mode,
  map: ReadonlyMap<string, number>,
  keys: readonly string[],
  queries: LookupQueries,
): { readonly mapGet: Samples; readonly chinaShare: Samples; readonly share: Samples } {
  const { chinaShare, share } = core;
  const { china, shareMinerals, shareCountries, shareOptions } = queries;
  const cases: MicroCase[] = [
    {
      name: "mapGet",
      run(n) {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const v = map.get(keys[i & 15]!);
          if (v !== undefined) s += v;
        }
        return s;
      },
    },
    {
      name: "chinaShare",
      run(n) {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const v = chinaShare(china[i & 7]!);
          if (v !== undefined) s += v;
        }
        return s;
      },
    },
    {
      name: "share",
      run(n) {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const k = i & 7;
          const v = share(shareMinerals[k]!, shareCountries[k]!, shareOptions[k]);
          if (v !== undefined) s += v;
        }
        return s;
      },
    },
  ];
  const samples = interleaved(cases, mode === "quick" ? { rounds: 15, batchNs: 2e5 } : { rounds: 200, batchNs: 2e6 });
  return {
    mapGet: summarize(samples.get("mapGet")!, "ns/op"),
    chinaShare: summarize(samples.get("chinaShare")!, "ns/op"),
    share: summarize(samples.get("share")!, "ns/op"),
  };
}
