import { z } from "zod";
import { DEMAND_TABLES, EDITION_IDS, INDICATORS, KINDS, MEASURES, SCENARIOS, STAGES, STATUSES } from "../constants.ts";

export * from "../constants.ts";

// The closed vocabularies, as schemas and as the types they accept.
export const EditionId = /* @__PURE__ */ z.enum(EDITION_IDS);
export const Stage = /* @__PURE__ */ z.enum(STAGES);
export const Measure = /* @__PURE__ */ z.enum(MEASURES);
export const Kind = /* @__PURE__ */ z.enum(KINDS);
export const Scenario = /* @__PURE__ */ z.enum(SCENARIOS);
export const Status = /* @__PURE__ */ z.enum(STATUSES);
export const DemandTable = /* @__PURE__ */ z.enum(DEMAND_TABLES);
export const Indicator = /* @__PURE__ */ z.enum(INDICATORS);

export type EditionId = z.infer<typeof EditionId>;
export type Stage = z.infer<typeof Stage>;
export type Measure = z.infer<typeof Measure>;
export type Kind = z.infer<typeof Kind>;
export type Scenario = z.infer<typeof Scenario>;
export type Status = z.infer<typeof Status>;
export type DemandTable = z.infer<typeof DemandTable>;
export type Indicator = z.infer<typeof Indicator>;

const id = /* @__PURE__ */ z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id");
const countryOrAggregate = /* @__PURE__ */ z
  .string()
  .regex(/^([A-Z]{3}|WORLD|ROW)$/, "expected ISO 3166-1 alpha-3, WORLD or ROW");
const fraction = /* @__PURE__ */ z.number().min(0).max(1);
const nonNegative = /* @__PURE__ */ z.number().min(0);
const year = /* @__PURE__ */ z.number().int().min(1900).max(2100);
/** A unit or basis label, as the source prints it. */
const label = /* @__PURE__ */ z.string().min(1);
const rules = /* @__PURE__ */ z.array(id);

/** A record: exactly the keys given. */
const strict = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

/** Where a value was read: `file!'sheet'!B7`, `file:row 268:COLUMN` or `file#/json/pointer`. */
export const Locator = /* @__PURE__ */ z.string().min(3);

// Fields supply and demand rows share, spread where they stand so the parsed rows keep their key order.
/** The year of a figure and whether it is observed or projected. */
const dated = { year, kind: Kind };
/** The last fields of a row: where it was read and what touched it. */
const traced = {
  locator: Locator,
  /** Named pipeline rules that touched this row. */
  rules,
};

/** One country's figure (or a block's world total) for a mineral, stage, measure, edition and year. */
export const SupplyRow = /* @__PURE__ */ strict({
  edition: EditionId,
  mineral: id,
  stage: Stage,
  measure: Measure,
  country: countryOrAggregate,
  ...dated,
  /** Projection case (`base-case`), `null` for observed values. */
  case: id.nullable(),
  /** The number as printed in the source, in `unit`. */
  value: z.number().nullable(),
  /** The source's unit label after any named correction rule. */
  unit: label,
  /** `value` converted to metric tonnes of content on `basis`. */
  tonnes: nonNegative.nullable(),
  /** Share of the block's world total (the source's own total), 0–1. */
  share: fraction.nullable(),
  basis: label,
  status: Status,
  ...traced,
});

/** One published indicator (EU supply risk, economic importance, import reliance; USGS net import reliance) of a material. */
export const IndicatorRow = /* @__PURE__ */ strict({
  edition: EditionId,
  indicator: Indicator,
  mineral: id,
  /** Whose indicator: the EU's or the United States'. */
  economy: z.enum(["EU", "USA"]),
  /** Stage the indicator was assessed at, `null` where the source gives one value per material. */
  stage: Stage.nullable(),
  year,
  value: z.number().nullable(),
  /** `index` for EU scores, `fraction` for rates and reliances (the source's percent ÷ 100). */
  unit: z.enum(["index", "fraction"]),
  status: Status,
  locator: Locator,
  /** For import reliance: main import sources, ranked, as ISO alpha-3 codes. */
  sources: z.array(z.string().regex(/^[A-Z]{3}$/)).optional(),
  rules,
});

/**
 * One demand figure of an IEA table: a mineral's demand from one sector or technology (or a total),
 * in one edition, year and scenario.
 */
export const DemandRow = /* @__PURE__ */ strict({
  edition: EditionId,
  table: DemandTable,
  mineral: id,
  /** Sector or technology (`electric-vehicles`, `solar-pv`, …) or a total (`total-clean`, `other-uses`, `total`). */
  use: id,
  /** Technology sensitivity case in the per-technology sheets; `base-case` elsewhere. */
  variant: id,
  /** `null` for the observed base year. */
  scenario: Scenario.nullable(),
  ...dated,
  value: z.number(),
  unit: label,
  tonnes: nonNegative,
  basis: label,
  ...traced,
});

export const Edition = /* @__PURE__ */ strict({
  id: EditionId,
  title: z.string(),
  publisher: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  url: z.string().url(),
  licence: z.string(),
  citation: z.string(),
  files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});

// The record types, read-only: nothing changes a row or an edition once the pipeline has built it.
export type SupplyRow = Readonly<z.infer<typeof SupplyRow>>;
export type IndicatorRow = Readonly<z.infer<typeof IndicatorRow>>;
export type DemandRow = Readonly<z.infer<typeof DemandRow>>;
export type Edition = Readonly<z.infer<typeof Edition>>;
