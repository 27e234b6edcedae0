// IEA scenario and sector/technology names as callers type them ("nze", "Stated Policies", "EV",
// "solar PV", "grids"), turned into ids.
import type { Use } from "../data/index.ts";
import { SCENARIOS, type Scenario } from "../constants.ts";
import { requireString } from "./ids.ts";
import { nameKey } from "./normalize.ts";
import { nearest, unknownId } from "./nearest.ts";

const SCENARIO_NAMES: readonly (readonly [string, Scenario])[] = /* @__PURE__ */ SCENARIOS.map(
  (s): readonly [string, Scenario] => [s, s],
).concat([
  ["Stated Policies", "STEPS"],
  ["Stated Policies Scenario", "STEPS"],
  ["Announced Pledges", "APS"],
  ["Announced Pledges Scenario", "APS"],
  ["Net Zero", "NZE"],
  ["Net Zero Emissions", "NZE"],
  ["Net Zero Emissions by 2050", "NZE"],
  ["Net Zero Emissions by 2050 Scenario", "NZE"],
]);
const scenarioByKey = /* @__PURE__ */ new Map(
  /* @__PURE__ */ SCENARIO_NAMES.map(([name, id]) => [nameKey(name), id] as const),
);

/** An IEA scenario from its code or name, case-insensitive ("nze", "Stated Policies"). */
export function parseScenario(fn: string, input: unknown, argument = "scenario"): Scenario {
  const text = requireString(fn, argument, input);
  const id = scenarioByKey.get(nameKey(text));
  if (id) return id;
  throw unknownId(fn, argument, input, nearest(text, SCENARIO_NAMES), SCENARIOS);
}

// What people call the IEA's sectors and technologies; ids themselves match too ("solar-pv" → "solar pv").
const USE_NAMES: readonly (readonly [string, Use])[] = [
  ["solar-pv", "solar-pv"],
  ["solar PV", "solar-pv"],
  ["solar", "solar-pv"],
  ["PV", "solar-pv"],
  ["wind", "wind"],
  ["wind power", "wind"],
  ["electric-vehicles", "electric-vehicles"],
  ["electric vehicles", "electric-vehicles"],
  ["electric vehicle", "electric-vehicles"],
  ["EV", "electric-vehicles"],
  ["EVs", "electric-vehicles"],
  ["grid-battery-storage", "grid-battery-storage"],
  ["grid battery storage", "grid-battery-storage"],
  ["battery storage", "grid-battery-storage"],
  ["storage", "grid-battery-storage"],
  ["electricity-networks", "electricity-networks"],
  ["electricity networks", "electricity-networks"],
  ["networks", "electricity-networks"],
  ["grids", "electricity-networks"],
  ["grid", "electricity-networks"],
  ["transmission and distribution", "electricity-networks"],
  ["hydrogen", "hydrogen"],
  ["hydrogen technologies", "hydrogen"],
  ["electrolysers", "hydrogen"],
  ["electrolyzers", "hydrogen"],
  ["other-low-emissions-power", "other-low-emissions-power"],
  ["other low emissions power", "other-low-emissions-power"],
  ["other low emissions power generation", "other-low-emissions-power"],
  ["low-emissions-power", "low-emissions-power"],
  ["low emissions power", "low-emissions-power"],
  ["low emissions power generation", "low-emissions-power"],
  ["total-clean", "total-clean"],
  ["clean", "total-clean"],
  ["clean technologies", "total-clean"],
  ["clean energy", "total-clean"],
  ["clean energy technologies", "total-clean"],
  ["total clean technologies", "total-clean"],
  ["other-uses", "other-uses"],
  ["other uses", "other-uses"],
  ["other", "other-uses"],
  ["total", "total"],
  ["total demand", "total"],
  ["all", "total"],
];
const useByKey = /* @__PURE__ */ new Map(/* @__PURE__ */ USE_NAMES.map(([name, id]) => [nameKey(name), id] as const));

/**
 * A sector or technology id from an id or a label, case-insensitive ("EV", "solar PV", "clean", "grids").
 * `allowed` limits the answer (technologies only, for instance); `what` names the argument in errors.
 */
export function parseUse<U extends Use>(fn: string, what: string, input: unknown, allowed: readonly U[]): U {
  const text = requireString(fn, what, input);
  const id = useByKey.get(nameKey(text));
  if (id && (allowed as readonly string[]).includes(id)) return id as U;
  const names = USE_NAMES.filter(([, value]) => (allowed as readonly string[]).includes(value));
  throw unknownId(fn, what, input, nearest(text, names), allowed);
}
