import { deepFreeze } from "../_lib/deepFreeze.ts";
import { describe } from "../_lib/describe.ts";
import { dataset } from "../data/dataset.ts";
import { CritminError } from "../errors.ts";
import { chinaShare } from "../exposure/chinaShare.ts";
import { concentration } from "../exposure/concentration.ts";
import { coverageWithout, coverageWithoutRows } from "../exposure/coverageWithout.ts";
import { crmaCheck } from "../exposure/crmaCheck.ts";
import { crN } from "../exposure/crN.ts";
import { demand, demandLookup } from "../exposure/demand.ts";
import { diversificationGap } from "../exposure/diversificationGap.ts";
import { economicImportance, economicImportanceLookup } from "../exposure/economicImportance.ts";
import { governance, governanceLookup } from "../exposure/governance.ts";
import { governanceWeightedHhi, weightedHhiLookup } from "../exposure/weightedHhi.ts";
import { effectiveSuppliers } from "../exposure/effectiveSuppliers.ts";
import { groupShare } from "../exposure/groupShare.ts";
import { hhi } from "../exposure/hhi.ts";
import { importReliance, importRelianceLookup } from "../exposure/importReliance.ts";
import { production } from "../exposure/production.ts";
import { reserves, reservesLookup } from "../exposure/reserves.ts";
import { share } from "../exposure/share.ts";
import { shareChange } from "../exposure/shareChange.ts";
import { supplyAtRisk } from "../exposure/supplyAtRisk.ts";
import { supplyRisk, supplyRiskLookup } from "../exposure/supplyRisk.ts";
import { techExposure, techExposureReason } from "../exposure/techExposure.ts";
import { topProducers } from "../exposure/topProducers.ts";
import { underExportControl, underExportControlLookup } from "../policy/controls.ts";
import { isCritical, isCriticalLookup } from "../policy/lists.ts";
import type { Answer, AnswerFields, AnswerUnit } from "./answer.ts";
import { coverageWithoutFields, demandFields, indicatorFields, techExposureFields } from "./demand.ts";
import { governanceFields, weightedHhiFields } from "./governance.ts";
import { groupFields } from "./group.ts";
import { isCriticalFields, underExportControlFields } from "./policy.ts";
import {
  blockFields,
  countryFields,
  crmaCheckFields,
  diversificationGapFields,
  rowFields,
  shareChangeFields,
  supplyAtRiskFields,
} from "./supply.ts";

/** Every function {@link explain} answers for: the core counterpart of each value function of the Excel add-in. */
export type Explainable =
  | typeof share
  | typeof chinaShare
  | typeof production
  | typeof groupShare
  | typeof topProducers
  | typeof shareChange
  | typeof hhi
  | typeof crN
  | typeof effectiveSuppliers
  | typeof concentration
  | typeof supplyAtRisk
  | typeof diversificationGap
  | typeof crmaCheck
  | typeof demand
  | typeof techExposure
  | typeof coverageWithout
  | typeof supplyRisk
  | typeof economicImportance
  | typeof importReliance
  | typeof reserves
  // policy (issue 15): critical lists and export controls
  | typeof isCritical
  | typeof underExportControl
  // governance (issue 15)
  | typeof governance
  | typeof governanceWeightedHhi;

// Each explainer reads what its function read, from the same arguments: the function's own
// lookup where one is exported, else the same parse and resolution. The value always comes from
// the plain call, so an answer can never disagree with it.
interface Explainer {
  readonly name: string;
  readonly unit: AnswerUnit;
  readonly fields: (args: readonly unknown[], value: unknown) => AnswerFields;
}

/** One function's explainer, its arguments typed as the function declares them. */
function entry<F extends Explainable>(
  fn: F,
  name: string,
  unit: AnswerUnit,
  fields: (args: Parameters<F>, value: ReturnType<F>) => AnswerFields,
): [Explainable, Explainer] {
  return [fn, { name, unit, fields: fields as Explainer["fields"] }];
}

// Built on first use: a module-level table of every function would keep every function and the
// data behind them in a bundle that imports only a kernel.
let explainers: Map<Explainable, Explainer> | undefined;
const table = (): Map<Explainable, Explainer> =>
  (explainers ??= new Map<Explainable, Explainer>([
    entry(share, "share", "fraction", ([m, c, o], v) => countryFields("share", m, c, o, "share", v)),
    entry(chinaShare, "chinaShare", "fraction", ([m, o], v) => countryFields("chinaShare", m, "CHN", o, "share", v)),
    entry(production, "production", "t", ([m, c, o], v) => countryFields("production", m, c, o, "tonnes", v)),
    entry(groupShare, "groupShare", "fraction", ([m, g, o]) => groupFields(m, g, o)),
    entry(topProducers, "topProducers", "record", ([m, o]) => blockFields("topProducers", m, o, ["n"], "exact")),
    entry(shareChange, "shareChange", "fraction-difference", ([m, c, o]) => shareChangeFields(m, c, o)),
    entry(hhi, "hhi", "index", ([m, o]) => blockFields("hhi", m, o, [], "lower")),
    entry(crN, "crN", "fraction", ([m, , o]) => blockFields("crN", m, o, [], "lower")),
    entry(effectiveSuppliers, "effectiveSuppliers", "count", ([m, o]) =>
      blockFields("effectiveSuppliers", m, o, [], "upper"),
    ),
    entry(concentration, "concentration", "record", ([m, o]) => blockFields("concentration", m, o, [], "lower")),
    entry(supplyAtRisk, "supplyAtRisk", "fraction", ([m, s, , o], v) => supplyAtRiskFields(m, s, o, v)),
    entry(diversificationGap, "diversificationGap", "t", ([m, o]) => diversificationGapFields(m, o)),
    entry(crmaCheck, "crmaCheck", "record", ([m], v) => crmaCheckFields(v, m)),
    entry(demand, "demand", "t", ([m, o]) => demandFields(demandLookup(m, o))),
    entry(techExposure, "techExposure", "record", ([t], v) => techExposureFields(v, techExposureReason(String(t)))),
    entry(coverageWithout, "coverageWithout", "ratio", ([m, o]) => coverageWithoutFields(coverageWithoutRows(m, o), m)),
    entry(supplyRisk, "supplyRisk", "index", ([m, o]) => indicatorFields(supplyRiskLookup(m, o))),
    entry(economicImportance, "economicImportance", "index", ([m, o]) =>
      indicatorFields(economicImportanceLookup(m, o)),
    ),
    entry(importReliance, "importReliance", "fraction", ([m, e, o]) => indicatorFields(importRelianceLookup(m, e, o))),
    entry(reserves, "reserves", "t", ([m, c, o], v) => rowFields(reservesLookup(m, c, o), "tonnes", v)),
    // policy (issue 15): critical lists and export controls
    entry(isCritical, "isCritical", "boolean", ([m, l]) => isCriticalFields(isCriticalLookup(m, l), String(l))),
    entry(underExportControl, "underExportControl", "boolean", ([m, o]) =>
      underExportControlFields(underExportControlLookup(m, o)),
    ),
    // governance (issue 15)
    entry(governance, "governance", "index", ([c, d, o]) => governanceFields(governanceLookup(c, d, o))),
    entry(governanceWeightedHhi, "governanceWeightedHhi", "index", ([m, o]) =>
      weightedHhiFields(weightedHhiLookup(m, o)),
    ),
  ]));

/** The names of the functions {@link explain} takes (the test holds them equal to the table's). */
export const EXPLAINABLE: readonly string[] = /* @__PURE__ */ Object.freeze([
  "share",
  "chinaShare",
  "production",
  "groupShare",
  "topProducers",
  "shareChange",
  "hhi",
  "crN",
  "effectiveSuppliers",
  "concentration",
  "supplyAtRisk",
  "diversificationGap",
  "crmaCheck",
  "demand",
  "techExposure",
  "coverageWithout",
  "supplyRisk",
  "economicImportance",
  "importReliance",
  "reserves",
  // policy (issue 15)
  "isCritical",
  "underExportControl",
  // governance (issue 15)
  "governance",
  "governanceWeightedHhi",
]);

/**
 * Calls `fn` with `args` and returns its value with what it is: unit, edition, year or period,
 * kind, scenario and case, stage, the source's basis, whether it is a bound, what the edition does
 * not list, why the value is missing, how the edition was chosen, and the source figures (each
 * with its locator). `value` is exactly what `fn(...args)` returns; an error is thrown as the plain
 * call throws it.
 *
 * @throws {@link CritminError} `invalid_argument` when `fn` is not one of critmin's value functions
 * @example
 * explain(chinaShare, "cobalt", { year: 2023, source: "iea-cmde-2024" }).sources.map((s) => s.locator)
 * //=> ["IEA_CM_Data_Explorer_2024-05.xlsx!'2 Total supply for key minerals'!H18", "IEA_CM_Data_Explorer_2024-05.xlsx!'2 Total supply for key minerals'!H24"]
 */
export function explain<F extends Explainable>(fn: F, ...args: Parameters<F>): Answer<ReturnType<F>> {
  const explainer = table().get(fn);
  if (explainer === undefined)
    throw new CritminError(
      "invalid_argument",
      `explain: fn must be one of critmin's value functions (${EXPLAINABLE.join(", ")}), got ${describe(fn)}`,
    );
  const value = (fn as (...a: readonly unknown[]) => unknown)(...args) as ReturnType<F>;
  const fields = explainer.fields(args, value);
  const edition = fields.edition;
  const reason =
    value !== undefined ? undefined : (fields.reason ?? `${explainer.name} has no figure for these arguments`);
  return Object.freeze({
    function: explainer.name,
    value,
    unit: explainer.unit,
    edition,
    citation: edition ? dataset().editions.find((e) => e.id === edition)?.citation : undefined,
    year: fields.year,
    period: fields.period ? Object.freeze({ ...fields.period }) : undefined,
    date: fields.date,
    kind: fields.kind,
    case: fields.case,
    scenario: fields.scenario,
    stage: fields.stage,
    basis: fields.basis,
    bound: fields.bound ?? "exact",
    notListed: Object.freeze([...(fields.notListed ?? [])]),
    reason,
    rule: fields.rule,
    sources: Object.freeze([...(fields.sources ?? [])]),
    extra: fields.extra === undefined ? undefined : deepFreeze(structuredClone(fields.extra)),
  });
}
