// The records of the dataset as plain read-only types, for the main entry (why not z.infer of the
// schemas: options.ts); schema/types.test.ts holds them equal to the zod schemas of schema/rows.ts.
import type {
  CriticalListId,
  DemandTable,
  EditionId,
  GovernanceDimension,
  Indicator,
  Kind,
  Measure,
  Scenario,
  Stage,
  Status,
} from "./constants.ts";

/** One country's figure (or a block's world total) for a mineral, stage, measure, edition and year. */
export interface SupplyRow {
  readonly edition: EditionId;
  readonly mineral: string;
  readonly stage: Stage;
  readonly measure: Measure;
  /** ISO 3166-1 alpha-3, `WORLD` or `ROW`. */
  readonly country: string;
  readonly year: number;
  readonly kind: Kind;
  /** Projection case (`base-case`), `null` for observed values. */
  readonly case: string | null;
  /** The number as printed in the source, in `unit`. */
  readonly value: number | null;
  /** The source's unit label after any named correction rule. */
  readonly unit: string;
  /** `value` converted to metric tonnes of content on `basis`. */
  readonly tonnes: number | null;
  /** Share of the block's world total (the source's own total), 0–1. */
  readonly share: number | null;
  readonly basis: string;
  readonly status: Status;
  /** Where the value was read: `file!'sheet'!B7`, `file:row 268:COLUMN` or `file#/json/pointer`. */
  readonly locator: string;
  /** Named pipeline rules that touched this row. */
  readonly rules: string[];
}

/** One published indicator (EU supply risk, economic importance, import reliance; USGS net import reliance) of a material. */
export interface IndicatorRow {
  readonly edition: EditionId;
  readonly indicator: Indicator;
  readonly mineral: string;
  /** Whose indicator: the EU's or the United States'. */
  readonly economy: "EU" | "USA";
  /** Stage the indicator was assessed at, `null` where the source gives one value per material. */
  readonly stage: Stage | null;
  readonly year: number;
  readonly value: number | null;
  /** `index` for EU scores, `fraction` for rates and reliances (the source's percent ÷ 100). */
  readonly unit: "index" | "fraction";
  readonly status: Status;
  readonly locator: string;
  /** For import reliance: main import sources, ranked, as ISO alpha-3 codes. */
  readonly sources?: string[] | undefined;
  readonly rules: string[];
}

/**
 * One demand figure of an IEA table: a mineral's demand from one sector or technology (or a total),
 * in one edition, year and scenario.
 */
export interface DemandRow {
  readonly edition: EditionId;
  readonly table: DemandTable;
  readonly mineral: string;
  /** Sector or technology (`electric-vehicles`, `solar-pv`, …) or a total (`total-clean`, `other-uses`, `total`). */
  readonly use: string;
  /** Technology sensitivity case in the per-technology sheets; `base-case` elsewhere. */
  readonly variant: string;
  /** `null` for the observed base year. */
  readonly scenario: Scenario | null;
  readonly year: number;
  readonly kind: Kind;
  readonly value: number;
  readonly unit: string;
  readonly tonnes: number;
  readonly basis: string;
  readonly locator: string;
  readonly rules: string[];
}

/** A source edition: what was read, from where, under which licence, and how to cite it. */
export interface Edition {
  readonly id: EditionId;
  readonly title: string;
  readonly publisher: string;
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  readonly date: string;
  readonly url: string;
  readonly licence: string;
  readonly citation: string;
  /** The source files read, with their SHA-256. */
  readonly files: { path: string; sha256: string }[];
}

/**
 * One item of an official critical-minerals list, as the list writes it, with the dataset's mineral
 * ids it names (mapped by a tested table in the pipeline; empty when it names none of them).
 */
export interface ListItemRow {
  readonly edition: EditionId;
  readonly list: CriticalListId;
  /** 1-based position in the list. */
  readonly position: number;
  /** The item as written in the list's language (`language`). */
  readonly item: string;
  readonly language: string;
  /** English wording where an English text of the list was opened, else `null`. */
  readonly itemEn: string | null;
  /** A grade or scope the list attaches ("battery grade", "for permanent magnets (Nd, Pr, …)"), else `null`. */
  readonly qualifier: string | null;
  readonly minerals: string[];
  /** Publication date, `YYYY-MM-DD`. */
  readonly published: string;
  /** The official document: its title and number. */
  readonly instrument: string;
  /** Where the item stands in the official document, as transcribed. */
  readonly reference: string;
  readonly url: string;
  /** Where the row was read: `critical-lists.csv:row 7`. */
  readonly locator: string;
  readonly rules: string[];
}

/** One export-control measure of China on critical minerals or related items, from its notice. */
export interface ExportControlRow {
  readonly edition: EditionId;
  /** Announcement number as written (`MOFCOM-GAC 2023 No. 23`). */
  readonly id: string;
  readonly issuer: string;
  /** `YYYY-MM-DD`. */
  readonly announced: string;
  readonly effective: string;
  /** Date the measure ended or was suspended, `null` where the sources show it still in force. */
  readonly endedOrSuspended: string | null;
  /** Last day of a suspension, `null` where none was set. */
  readonly suspendedUntil: string | null;
  /** Measure type as written (`licence requirement`, `prohibition`, `suspension of a prior measure`, …). */
  readonly type: string;
  /** Destination scope as written (`all`, `United States`, …). */
  readonly destination: string;
  /** ISO 3166-1 alpha-3 codes the measure is limited to; empty when it applies to every destination. */
  readonly destinations: string[];
  readonly items: string;
  /** The file's own mineral wording, as written. */
  readonly mineralsAsWritten: string;
  /** Dataset mineral ids the measure touches (a tested pipeline table); empty for a measure on every item. */
  readonly minerals: string[];
  /**
   * `true` for a measure on every dual-use item, not on named minerals (then `minerals` is empty
   * because the measure is not mineral-specific, not because it touches none).
   */
  readonly everyItem: boolean;
  /** For a suspension: the ids of the measures it suspends. */
  readonly suspends: string[];
  /**
   * For a suspension of part of a measure: the part as written (`section 2`), `null` when the whole
   * of each measure in `suspends` is suspended. The rest of the measure stays in force.
   */
  readonly suspendsPart: string | null;
  readonly hsCodes: string | null;
  readonly sources: string[];
  readonly note: string;
  readonly locator: string;
  readonly rules: string[];
}

/** One Worldwide Governance Indicators estimate (−2.5 to 2.5; higher is better governance) with its standard error. */
export interface GovernanceRow {
  readonly edition: EditionId;
  /** ISO 3166-1 alpha-3, or the World Bank's code where it has no current ISO code (`XKX`, `ANT`). */
  readonly country: string;
  readonly dimension: GovernanceDimension;
  readonly year: number;
  readonly estimate: number | null;
  readonly standardError: number | null;
  /** Where the estimate was read: `WGIData.csv:row 12:2022`. */
  readonly locator: string;
  /** Where the standard error was read. */
  readonly errorLocator: string;
  readonly rules: string[];
}
