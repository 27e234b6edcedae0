// Each CRITMIN value or table function as one core call: which core function, and how the Excel
// arguments after the identifier become its arguments. The wrappers in functions.ts, EXPLAIN and
// the task pane's answer line all read this table, so the three can never parse the same formula
// differently.
import * as core from "@critmin/core";
import type { Answer, Explainable } from "@critmin/core";
import { ArgumentError } from "./errors.ts";
import {
  optionalDate,
  optionalNumber,
  optionalText,
  optionalYear,
  requiredNumber,
  requiredYear,
  scenarioArg,
  stageArg,
  text,
} from "./args.ts";
import { seriesArgs, supplyArgs } from "./queries.ts";

type Plain = number | string | boolean | undefined;

/** Any core function: a table function (listsNaming, exportControls) need not be explainable. */
type CoreFunction = (...args: never[]) => unknown;

export interface CoreCall {
  /** The core function the Excel function calls; every `value` one is {@link Explainable}. */
  readonly fn: Explainable | CoreFunction;
  /** What the first (range) argument names. */
  readonly identifier: "mineral" | "material" | "technology" | "country";
  /** `value`: one value per cell; `table`: the wrapper spills rows built from a record. */
  readonly kind: "value" | "table";
  /** The core arguments, parsed in parameter order so the first bad argument is the one reported. */
  readonly args: (excelId: string, id: string, rest: readonly unknown[]) => readonly unknown[];
  /** The Excel value of a core result (a record's headline field); the result itself by default. */
  readonly excel: (result: unknown) => unknown;
}

function entry<F extends Explainable | CoreFunction>(
  fn: F,
  args: (excelId: string, id: string, rest: readonly unknown[]) => Parameters<F>,
  options: { identifier?: CoreCall["identifier"]; kind?: CoreCall["kind"]; excel?: (r: ReturnType<F>) => Plain } = {},
): CoreCall {
  return {
    fn,
    identifier: options.identifier ?? "mineral",
    kind: options.kind ?? "value",
    args,
    excel: (options.excel ?? ((r: unknown) => r)) as CoreCall["excel"],
  };
}

const supply = (f: string, [stage, year, source]: readonly unknown[]) => supplyArgs(f, stage, year, source);

const techOptions = (f: string, [year, scenario, stage, source]: readonly unknown[]) => ({
  year: optionalYear(f, "year", year),
  scenario: scenarioArg(f, scenario),
  stage: stageArg(f, stage),
  ...seriesArgs(f, source),
});

const controlOptions = (f: string, [asOf, destination]: readonly unknown[]) => ({
  asOf: optionalDate(f, "as_of", asOf),
  destination: optionalText(f, "destination", destination),
});

/** Excel id → its core call. Arguments are those after the identifier, as Excel passes them. */
export const CALLS: Readonly<Record<string, CoreCall>> = Object.freeze({
  CHINA_SHARE: entry(core.chinaShare, (f, m, rest) => [m, supply(f, rest)]),
  SHARE: entry(core.share, (f, m, [country, ...rest]) => [m, text(f, "country", country), supply(f, rest)]),
  PRODUCTION: entry(core.production, (f, m, [country, ...rest]) => [m, text(f, "country", country), supply(f, rest)]),
  TOP_PRODUCERS: entry(
    core.topProducers,
    (f, m, [stage, n, year, source]) => {
      const count = optionalNumber(f, "n", n);
      return [m, { ...supplyArgs(f, stage, year, source), n: count === 0 ? undefined : count }];
    },
    { kind: "table" },
  ),
  HHI: entry(core.hhi, (f, m, rest) => [m, supply(f, rest)]),
  CONCENTRATION_RATIO: entry(core.crN, (f, m, [n, ...rest]) => [m, requiredNumber(f, "n", n), supply(f, rest)]),
  EFFECTIVE_SUPPLIERS: entry(core.effectiveSuppliers, (f, m, rest) => [m, supply(f, rest)]),
  GROUP_SHARE: entry(core.groupShare, (f, m, [group, ...rest]) => [m, text(f, "group", group), supply(f, rest)]),
  SHARE_CHANGE: entry(core.shareChange, (f, m, [country, fromYear, toYear, stage, source]) => {
    const c = text(f, "country", country);
    const [from, to] = [requiredYear(f, "fromYear", fromYear), requiredYear(f, "toYear", toYear)];
    const { stage: s, source: e, within } = supplyArgs(f, stage, null, source);
    return [m, c, { from, to, stage: s, source: e, within }];
  }),
  SUPPLY_AT_RISK: entry(core.supplyAtRisk, (f, m, [supplier, cut, ...rest]) => [
    m,
    text(f, "supplier", supplier),
    requiredNumber(f, "cut", cut),
    supply(f, rest),
  ]),
  COVERAGE_WITHOUT: entry(core.coverageWithout, (f, m, [supplier, year, scenario, stage, source]) => [
    m,
    {
      supplier: optionalText(f, "supplier", supplier),
      year: optionalYear(f, "year", year),
      demandScenario: scenarioArg(f, scenario),
      stage: stageArg(f, stage),
      ...seriesArgs(f, source),
    },
  ]),
  DIVERSIFICATION_GAP: entry(core.diversificationGap, (f, m, [target, supplier, ...rest]) => [
    m,
    {
      target: optionalNumber(f, "target", target === 0 ? null : target),
      supplier: optionalText(f, "supplier", supplier) ?? "CHN",
      ...supply(f, rest),
    },
  ]),
  CRMA_CHECK: entry(core.crmaCheck, (f, m, [stage]) => [m, optionalText(f, "stage", stage)], {
    excel: (r) => r?.passes,
  }),
  DEMAND: entry(core.demand, (f, m, [year, scenario, sector, source]) => [
    m,
    {
      year: optionalYear(f, "year", year),
      scenario: scenarioArg(f, scenario),
      sector: optionalText(f, "sector", sector),
      ...seriesArgs(f, source),
    },
  ]),
  TECH_EXPOSURE: entry(core.techExposure, (f, t, rest) => [t, techOptions(f, rest)], {
    identifier: "technology",
    excel: (r) => r?.exposure,
  }),
  TECH_EXPOSURE_TABLE: entry(core.techExposure, (f, t, rest) => [t, techOptions(f, rest)], {
    identifier: "technology",
    kind: "table",
  }),
  SUPPLY_RISK: entry(
    core.supplyRisk,
    (f, m, [year, stage]) => [m, { year: optionalYear(f, "year", year), stage: stageArg(f, stage) }],
    { identifier: "material" },
  ),
  ECONOMIC_IMPORTANCE: entry(core.economicImportance, (f, m, [year]) => [m, { year: optionalYear(f, "year", year) }], {
    identifier: "material",
  }),
  IMPORT_RELIANCE: entry(core.importReliance, (f, m, [economy, stage]) => [
    m,
    text(f, "economy", economy),
    { stage: stageArg(f, stage) },
  ]),
  RESERVES: entry(core.reserves, (f, m, [country, source]) => [m, text(f, "country", country), seriesArgs(f, source)]),
  // Issue 16: one country's figures across editions.
  SERIES: entry(
    core.series,
    (f, m, [country, stage, measure]) => [
      m,
      text(f, "country", country),
      { stage: stageArg(f, stage), measure: optionalText(f, "measure", measure) as core.Measure | undefined },
    ],
    { kind: "table" },
  ),
  // policy (issue 15): critical lists and China's export controls
  IS_CRITICAL: entry(core.isCritical, (f, m, [list]) => [m, text(f, "list", list)]),
  CRITICAL_LISTS: entry(core.listsNaming, (_f, m) => [m], { kind: "table" }),
  EXPORT_CONTROLS: entry(core.exportControls, (f, m, rest) => [{ mineral: m, ...controlOptions(f, rest) }], {
    kind: "table",
  }),
  UNDER_EXPORT_CONTROL: entry(core.underExportControl, (f, m, rest) => [m, controlOptions(f, rest)]),
  // governance (issue 15)
  GOVERNANCE: entry(
    core.governance,
    (f, c, [dimension, year]) => [c, text(f, "dimension", dimension), { year: optionalYear(f, "year", year) }],
    { identifier: "country" },
  ),
  WEIGHTED_HHI: entry(core.governanceWeightedHhi, (f, m, [stage, year, source, dimension, scale]) => [
    m,
    {
      ...supplyArgs(f, stage, year, source),
      // The core parses both, so an unknown id gets its "did you mean" there.
      dimension: optionalText(f, "dimension", dimension) as core.GovernanceMeasure | undefined,
      scale: optionalText(f, "scale", scale) as core.GovernanceScale | undefined,
    },
  ]),
});

function callOf(excelId: string): CoreCall {
  const c = Object.prototype.hasOwnProperty.call(CALLS, excelId) ? CALLS[excelId] : undefined;
  if (!c) throw new ArgumentError(`${excelId} has no core call`);
  return c;
}

/** The core result of an Excel function for one identifier (already text) and its other arguments. */
export function coreResult(excelId: string, id: string, rest: readonly unknown[]): unknown {
  const c = callOf(excelId);
  return (c.fn as (...a: readonly unknown[]) => unknown)(...c.args(excelId, id, rest));
}

/** What the Excel function returns in one cell: the core result, or its headline field. */
export function excelResult(excelId: string, id: string, rest: readonly unknown[]): Plain {
  return callOf(excelId).excel(coreResult(excelId, id, rest)) as Plain;
}

/**
 * The core answer for the same call: `explain(fn, ...args)` with the arguments the function parses.
 * `caller` names the function in argument errors (SOURCE explains SHARE's call as its own).
 */
export function explainCall(
  excelId: string,
  identifier: unknown,
  rest: readonly unknown[],
  caller = excelId,
): Answer<unknown> {
  const c = callOf(excelId);
  const id = text(caller, c.identifier, identifier);
  // A table-only function reaches explain, which rejects it with its own message.
  return (core.explain as (fn: unknown, ...args: readonly unknown[]) => Answer<unknown>)(
    c.fn,
    ...c.args(caller, id, rest),
  );
}

/** Why the same call has no value, in core's words (the years that exist); `undefined` when core gives none. */
export function answerReason(excelId: string, identifier: unknown, rest: readonly unknown[]): string | undefined {
  try {
    return explainCall(excelId, identifier, rest).reason;
  } catch {
    return undefined;
  }
}
