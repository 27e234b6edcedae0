// The ids the governance functions take, as plain constants: the schema entry imports them without
// the dataset (why: schema/index.ts).
import { GOVERNANCE_DIMENSIONS, type GovernanceDimension } from "../constants.ts";

/** A WGI dimension, or `mean`: the mean of a country's six estimates of one year. */
export const GOVERNANCE_MEASURES = /* @__PURE__ */ Object.freeze([...GOVERNANCE_DIMENSIONS, "mean"] as const);
export type GovernanceMeasure = GovernanceDimension | "mean";

/**
 * How a WGI estimate (−2.5 … 2.5, higher is better governance) becomes a weight (higher is riskier).
 * `eu`: the EU criticality methodology's 0–10 scale, WGI_scaled = (2.5 − WGI) × 2 (Blengini et al.
 * 2017, EUR 28654 EN, doi:10.2760/73303; the same transformation as meyerdata/CritMAT's
 * `(mean − 2.5) × −2`). An estimate outside ±2.5 is not clamped: the methodology states none.
 */
export const GOVERNANCE_SCALES = /* @__PURE__ */ Object.freeze(["eu"] as const);
export type GovernanceScale = (typeof GOVERNANCE_SCALES)[number];
