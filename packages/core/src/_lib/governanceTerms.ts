// Parsing the words of the governance functions, the scales' formulas and the named rules of the
// governance-weighted HHI.
import type { GovernanceDimension } from "../constants.ts";
import {
  GOVERNANCE_MEASURES,
  GOVERNANCE_SCALES,
  type GovernanceMeasure,
  type GovernanceScale,
} from "./governanceConstants.ts";
import { requireString } from "./ids.ts";
import { nearest, unknownId } from "./nearest.ts";

interface ScaleDefinition {
  /** The formula, as the answer and the docs state it. */
  readonly formula: string;
  readonly rescale: (estimate: number) => number;
  /** The weight of a country without a WGI value (rule {@link WEIGHTED_HHI_RULES}.missing). */
  readonly midpoint: number;
}

export const SCALE_DEFINITIONS: Readonly<Record<GovernanceScale, ScaleDefinition>> = /* @__PURE__ */ Object.freeze({
  eu: Object.freeze({
    formula: "(2.5 - WGI) * 2, 0 (best) to 10 (worst)",
    rescale: (e: number) => (2.5 - e) * 2,
    midpoint: 5,
  }),
});

/** The named rules a governance-weighted HHI reports when it applies them. */
export const WEIGHTED_HHI_RULES = Object.freeze({
  // Rest of world has no governance score. It is left out, as hhi leaves it out, so where the source
  // lumps countries into it the value is a lower bound (every left-out term is ≥ 0).
  restOfWorld: "wgi-row-excluded",
  // A country the WGI give no value for weighs the scale's midpoint (WGI 0; 5 on the EU scale), as
  // geopolrisk-py gives 0.5 on its 0–1 scale to a partner without a value (akoyamp/geopolrisk-py,
  // src/geopolrisk/assessment/utils.py, aggregateTrade). Never 0, which would read as best governance.
  missing: "wgi-missing-midpoint",
  // Supply year after the newest bundled WGI year: the newest WGI year weights it, and the answer says so.
  newestYear: "wgi-newest-year",
} as const);

/** The World Bank's own series codes, accepted for the dimension they name. */
const WB_CODES: Readonly<Record<string, GovernanceDimension>> = /* @__PURE__ */ Object.freeze({
  va: "voice-accountability",
  pv: "political-stability",
  ge: "government-effectiveness",
  rq: "regulatory-quality",
  rl: "rule-of-law",
  cc: "control-of-corruption",
});

const MEASURE_CANDIDATES = /* @__PURE__ */ GOVERNANCE_MEASURES.map((id) => [id, id] as const);
const SCALE_CANDIDATES = /* @__PURE__ */ GOVERNANCE_SCALES.map((id) => [id, id] as const);

/** A dimension id (`political-stability`) or `mean`, case-insensitive; an unknown one throws with the nearest. */
export function parseGovernanceMeasure(fn: string, input: unknown): GovernanceMeasure {
  // "Political stability" and "political_stability" name the id "political-stability".
  const text = requireString(fn, "dimension", input)
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  if ((GOVERNANCE_MEASURES as readonly string[]).includes(text)) return text as GovernanceMeasure;
  const code = Object.hasOwn(WB_CODES, text) ? WB_CODES[text] : undefined;
  if (code) return code;
  throw unknownId(fn, "dimension", input, nearest(text, MEASURE_CANDIDATES), GOVERNANCE_MEASURES);
}

export function parseGovernanceScale(fn: string, input: unknown): GovernanceScale {
  const text = requireString(fn, "scale", input).trim().toLowerCase();
  if ((GOVERNANCE_SCALES as readonly string[]).includes(text)) return text as GovernanceScale;
  throw unknownId(fn, "scale", input, nearest(text, SCALE_CANDIDATES), GOVERNANCE_SCALES);
}
