import { CritminError } from "../errors.ts";
import { GROUPS, type Group, type GroupId } from "../groups.ts";
import { describe } from "./describe.ts";
import { parseCountry } from "./ids.ts";
import { nameKey } from "./normalize.ts";
import { nearest, unknownId } from "./nearest.ts";

// A Map, not an object literal: "__proto__" or "constructor" typed as a group must not find Object's own properties.
const GROUP_ALIASES: ReadonlyMap<string, GroupId> = /* @__PURE__ */ new Map([
  ["eu", "EU27"],
  ["european union", "EU27"],
  ["g7 plus", "G7_PLUS"],
  ["g7+", "G7_PLUS"],
  ["quadrilateral security dialogue", "QUAD"],
]);

/** A group from its id ("G7_PLUS"), an alias ("G7+", "EU") or a list of countries. */
export function parseGroup(fn: string, input: unknown): { readonly id: string; readonly members: readonly string[] } {
  if (Array.isArray(input)) {
    if (input.length === 0) throw new CritminError("invalid_argument", `${fn}: group must list at least one country`);
    const members = [...new Set(input.map((c) => parseCountry(fn, c)))];
    return { id: members.join("+"), members };
  }
  if (typeof input !== "string" || input.trim() === "") {
    throw new CritminError(
      "invalid_argument",
      `${fn}: group must be a group id or a list of countries, got ${describe(input)}`,
    );
  }
  const raw = input.trim().toLowerCase();
  const key = nameKey(input);
  // The raw alias first: "G7+" and "G7" are one key apart once punctuation is dropped.
  const id = GROUP_ALIASES.get(raw) ?? GROUPS.find((g) => nameKey(g.id) === key)?.id ?? GROUP_ALIASES.get(key);
  const group: Group | undefined = GROUPS.find((g) => g.id === id);
  if (group) return group;
  const suggestion = nearest(input, [...GROUPS.map((g) => [g.id, g.id] as const), ...GROUP_ALIASES]);
  throw unknownId(
    fn,
    "group",
    input,
    suggestion,
    GROUPS.map((g) => g.id),
  );
}
