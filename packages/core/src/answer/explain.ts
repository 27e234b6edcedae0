import { deepFreeze } from "../_lib/deepFreeze.ts";
import { describe } from "../_lib/describe.ts";
import { editionList } from "../data/tables.ts";
import { didYouMean } from "../didYouMean.ts";
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

/**
 * Every function {@link explain} answers for, under the name it also takes: the core counterpart
 * of each value function of the Excel add-in.
 */
export interface ExplainableFunctions {
  share: typeof share;
  chinaShare: typeof chinaShare;
  production: typeof production;
  groupShare: typeof groupShare;
  topProducers: typeof topProducers;
  shareChange: typeof shareChange;
  hhi: typeof hhi;
  crN: typeof crN;
  effectiveSuppliers: typeof effectiveSuppliers;
  concentration: typeof concentration;
  supplyAtRisk: typeof supplyAtRisk;
  diversificationGap: typeof diversificationGap;
  crmaCheck: typeof crmaCheck;
  demand: typeof demand;
  techExposure: typeof techExposure;
  coverageWithout: typeof coverageWithout;
  supplyRisk: typeof supplyRisk;
  economicImportance: typeof economicImportance;
  importReliance: typeof importReliance;
  reserves: typeof reserves;
  // policy (issue 15): critical lists and export controls
  isCritical: typeof isCritical;
  underExportControl: typeof underExportControl;
  // governance (issue 15)
  governance: typeof governance;
  governanceWeightedHhi: typeof governanceWeightedHhi;
}

/** The name of a function {@link explain} answers for, which it takes in place of the function. */
export type ExplainableName = keyof ExplainableFunctions;

/** The function an {@link explain} argument `F` stands for: the function itself, or the one it names. */
type Named<F> = F extends ExplainableName ? ExplainableFunctions[F] : F extends Explainable ? F : never;
/** The arguments {@link explain} passes on after `fn`: those of the function `F` is or names. */
export type ExplainArgs<F> = Parameters<Named<F>>;
/** The value of {@link explain}'s answer: what the function `F` is or names returns. */
export type ExplainValue<F> = ReturnType<Named<F>>;

/** Every function {@link explain} answers for. */
export type Explainable = ExplainableFunctions[ExplainableName];

// Each explainer reads what its function read, from the same arguments: the function's own
// lookup where one is exported, else the same parse and resolution. The value always comes from
// the plain call, so an answer can never disagree with it.
interface Explainer {
  readonly fn: Explainable;
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
  return [fn, { fn, name, unit, fields: fields as Explainer["fields"] }];
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

/** The explainers by function name, for a caller that names the function. */
let byName: Map<string, Explainer> | undefined;
const named = (): Map<string, Explainer> => (byName ??= new Map([...table().values()].map((e) => [e.name, e])));

/** The names of the functions {@link explain} takes, each in place of its function (the test holds them equal to the table's). */
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
 * call throws it. `fn` is the function itself or its name ({@link EXPLAINABLE}).
 *
 * Where `value` is `undefined`, `reason` says why (for {@link topProducers}, what the edition lacks:
 * "reports no world total"); where there is a value, `reason` is `undefined`.
 *
 * @throws {@link CritminError} `invalid_argument` when `fn` is neither one of critmin's value
 *   functions nor the name of one (a misspelt name gets the nearest)
 * @example
 * explain(chinaShare, "cobalt", { year: 2023, source: "iea-cmde-2024" }).sources.map((s) => s.locator)
 * //=> ["IEA_CM_Data_Explorer_2024-05.xlsx!'2 Total supply for key minerals'!H18", "IEA_CM_Data_Explorer_2024-05.xlsx!'2 Total supply for key minerals'!H24"]
 * explain("topProducers", "boron", { stage: "mining", source: "usgs-mcs-2025" }).reason?.startsWith("usgs-mcs-2025 reports no world total for boron mining 2024")
 * //=> true
 */
export function explain<F extends Explainable | ExplainableName>(
  fn: F,
  ...args: ExplainArgs<F>
): Answer<ExplainValue<F>> {
  const explainer = typeof fn === "string" ? named().get(fn) : table().get(fn);
  if (explainer === undefined) throw notExplainable(fn);
  const value = (explainer.fn as (...a: readonly unknown[]) => unknown)(...args) as ExplainValue<F>;
  const fields = explainer.fields(args, value);
  const edition = fields.edition;
  const reason =
    value !== undefined ? undefined : (fields.reason ?? `${explainer.name} has no figure for these arguments`);
  return Object.freeze({
    function: explainer.name,
    value,
    unit: explainer.unit,
    edition,
    citation: edition ? editionList().find((e) => e.id === edition)?.citation : undefined,
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

/** Why `fn` is not explained: a misspelt name gets the nearest; a table function is named as one. */
function notExplainable(fn: unknown): CritminError {
  const takes = `one of critmin's value functions or its name (${EXPLAINABLE.join(", ")})`;
  if (typeof fn === "string") {
    const near = didYouMean(fn, EXPLAINABLE);
    const hint = near ? `; did you mean "${near}"?` : `; fn must be ${takes}`;
    return new CritminError("invalid_argument", `explain: unknown function ${describe(fn)}${hint}`);
  }
  // A named function that is not a value function (series, listsNaming, exportControls return tables, each with its own reason field).
  const got = typeof fn === "function" && fn.name ? `the function ${fn.name}, which it does not explain` : describe(fn);
  return new CritminError("invalid_argument", `explain: fn must be ${takes}, got ${got}`);
}
