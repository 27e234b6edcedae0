import { z } from "zod";
import {
  CRITICAL_LISTS,
  DEMAND_TABLES,
  EDITION_IDS,
  GOVERNANCE_DIMENSIONS,
  INDICATORS,
  KINDS,
  MEASURES,
  SCENARIOS,
  STAGES,
  STATUSES,
} from "../constants.ts";

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
export const CriticalListId = /* @__PURE__ */ z.enum(CRITICAL_LISTS);
export const GovernanceDimension = /* @__PURE__ */ z.enum(GOVERNANCE_DIMENSIONS);

export type EditionId = z.infer<typeof EditionId>;
export type Stage = z.infer<typeof Stage>;
export type Measure = z.infer<typeof Measure>;
export type Kind = z.infer<typeof Kind>;
export type Scenario = z.infer<typeof Scenario>;
export type Status = z.infer<typeof Status>;
export type DemandTable = z.infer<typeof DemandTable>;
export type Indicator = z.infer<typeof Indicator>;
export type CriticalListId = z.infer<typeof CriticalListId>;
export type GovernanceDimension = z.infer<typeof GovernanceDimension>;

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

/** A calendar day, `YYYY-MM-DD` (the pipeline also checks that the day exists). */
const day = /* @__PURE__ */ z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const text = /* @__PURE__ */ z.string().min(1);

/**
 * One item of an official critical-minerals list, as the list writes it, with the dataset's mineral
 * ids it names (mapped by a tested table in the pipeline; empty when it names none of them).
 */
export const ListItemRow = /* @__PURE__ */ strict({
  edition: EditionId,
  list: CriticalListId,
  /** 1-based position in the list. */
  position: z.number().int().min(1),
  /** The item as written in the list's language (`language`). */
  item: text,
  language: z.string().regex(/^[a-z]{2}$/, "expected an ISO 639-1 language code"),
  /** English wording where an English text of the list was opened, else `null`. */
  itemEn: text.nullable(),
  /** A grade or scope the list attaches ("battery grade", "for permanent magnets (Nd, Pr, …)"), else `null`. */
  qualifier: text.nullable(),
  minerals: z.array(id),
  /** Publication date. */
  published: day,
  /** The official document: its title and number. */
  instrument: text,
  /** Where the item stands in the official document, as transcribed. */
  reference: text,
  url: z.string().url(),
  /** Where the row was read: `critical-lists.csv:row 7`. */
  ...traced,
});

/** One export-control measure of China on critical minerals or related items, from its notice. */
export const ExportControlRow = /* @__PURE__ */ strict({
  edition: EditionId,
  /** Announcement number as written (`MOFCOM-GAC 2023 No. 23`). */
  id: text,
  issuer: text,
  announced: day,
  effective: day,
  /** Date the measure ended or was suspended, `null` where the sources show it still in force. */
  endedOrSuspended: day.nullable(),
  /** Last day of a suspension, `null` where none was set. */
  suspendedUntil: day.nullable(),
  /** Measure type as written. */
  type: text,
  /** Destination scope as written. */
  destination: text,
  /** ISO 3166-1 alpha-3 codes the measure is limited to; empty when it applies to every destination. */
  destinations: z.array(z.string().regex(/^[A-Z]{3}$/, "expected ISO 3166-1 alpha-3")),
  items: text,
  /** The file's own mineral wording, as written. */
  mineralsAsWritten: text,
  /** Dataset mineral ids the measure touches; empty for a measure on every item (`everyItem`). */
  minerals: z.array(id),
  /** A measure on every dual-use item, not on named minerals. */
  everyItem: z.boolean(),
  /** For a suspension: the ids of the measures it suspends. */
  suspends: z.array(text),
  /** For a suspension of part of a measure: the part as written (`section 2`), else `null`. */
  suspendsPart: text.nullable(),
  hsCodes: text.nullable(),
  sources: z.array(z.string().url()).min(1),
  note: z.string(),
  ...traced,
});

/** One Worldwide Governance Indicators estimate (−2.5 to 2.5; higher is better governance) with its standard error. */
export const GovernanceRow = /* @__PURE__ */ strict({
  edition: EditionId,
  /** ISO 3166-1 alpha-3, or the World Bank's code where it has no current ISO code (`XKX`, `ANT`). */
  country: z.string().regex(/^[A-Z]{3}$/, "expected a three-letter country code"),
  dimension: GovernanceDimension,
  year,
  estimate: z.number().nullable(),
  standardError: nonNegative.nullable(),
  /** Where the estimate was read: `WGIData.csv:row 12:2022`. */
  locator: Locator,
  /** Where the standard error was read. */
  errorLocator: Locator,
  rules,
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
export type ListItemRow = Readonly<z.infer<typeof ListItemRow>>;
export type ExportControlRow = Readonly<z.infer<typeof ExportControlRow>>;
export type GovernanceRow = Readonly<z.infer<typeof GovernanceRow>>;
