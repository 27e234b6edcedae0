// A card (issue 17): named fields by section, each read from one core answer, returned as an
// Excel entity value where the host takes data types, else spilled as two columns (Field, Value).
// One model for both, so the entity's properties and the spill's rows can never differ.
import * as core from "@critmin/core";
import type { Answer, EditionId } from "@critmin/core";
import { numberFormatFor } from "../../workbook/numberFormats.ts";
import { whenText } from "../answerText.ts";
import { dataTypesSupported, formattedNumber } from "../dataTypes.ts";
import { excelError } from "../errors.ts";
import type { ExcelValue } from "../results.ts";

type Plain = number | string | boolean;

/** The stages a card reads, and how many of the largest producers it names (TOP_PRODUCERS' n). */
export const STAGES: readonly core.Stage[] = ["mining", "refining"];
export const TOP = 3;

/** One field: a value read from core (with its unit's format), or why there is none. */
export interface CardField {
  /**
   * The property's name: stable across data refreshes, so `=A1.[China refining share]` keeps
   * working when a newer edition or year arrives.
   */
  readonly name: string;
  /** What the figure is for: ", 2024 (iea-cmde-2025, lower bound)"; the card's sublabel, and part of the spilled field. */
  readonly detail?: string | undefined;
  readonly value: Plain | undefined;
  /** Excel number format of a number; `undefined` for plain numbers (indices), text and booleans. */
  readonly format: string | undefined;
  /** The edition the value was read from: its attribution goes with the property. */
  readonly edition: EditionId | undefined;
  /** Why `value` is `undefined`. */
  readonly reason?: string | undefined;
  /** A group of fields shown as one nested entity (top producers), spilled as its own rows. */
  readonly nested?: Card | undefined;
}

export interface CardSection {
  readonly title: string;
  readonly fields: readonly CardField[];
}

export interface Card {
  readonly title: string;
  /** What the cell shows, when not the title (EXPLAIN shows its value). */
  readonly text?: string;
  readonly sections: readonly CardSection[];
}

/** ", 2024", ", 2016–2020 average" or ", 2030 (projected), base case": when an answer's figure is for, in the add-in's words. */
function when(a: Answer<unknown>): string {
  const w = whenText(a);
  const c = a.kind === "projected" && a.case ? `, ${a.case.replaceAll("-", " ")}` : "";
  return w ? `, ${w}${c}` : "";
}

/** The edition in parentheses, with a bound flagged: " (iea-cmde-2025, lower bound)". */
function provenance(a: Pick<Answer<unknown>, "edition" | "bound">): string {
  const parts = [a.edition, a.bound === "exact" ? undefined : `${a.bound} bound`].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/**
 * A field from one core answer: the label as the property's name, and the year or period, the
 * edition and any bound as its detail (the card's sublabel), so the card still says what each number
 * is while a formula's dot access does not break when the data moves on; the format from the unit table.
 */
export function answerField(label: string, a: Answer<unknown>): CardField {
  const value = a.value;
  const plain =
    typeof value === "number" && Number.isFinite(value) ? value : typeof value === "boolean" ? value : undefined;
  return {
    name: label,
    detail: `${when(a)}${provenance(a)}` || undefined,
    value: plain,
    format: typeof plain === "number" ? formatOf(a.unit) : undefined,
    edition: a.edition,
    reason: plain === undefined ? (a.reason ?? "no figure") : undefined,
  };
}

/** A field as a spilled row names it: its name with its detail (", 2024 (iea-cmde-2025)"). */
export const fieldText = (f: CardField): string => `${f.name}${f.detail ?? ""}`;

/** The sublabel a card shows under a property: its detail without the leading comma. */
const sublabel = (f: CardField): string | undefined => f.detail?.replace(/^, /, "").trim() || undefined;

/** The number format of a figure of `unit` from the unit table; `undefined` for plain (indices). */
export const formatOf = (unit: core.AnswerUnit) => {
  const f = numberFormatFor(unit);
  return f === "General" ? undefined : f;
};

/** A field from a core call that may throw (a material the EU study does not assess): the error is the reason. */
export function tryField(label: string, read: () => CardField): CardField {
  try {
    return read();
  } catch (error) {
    return { name: label, value: undefined, format: undefined, edition: undefined, reason: (error as Error).message };
  }
}

// ---------------------------------------------------------------------------------------------
// As an entity value.

/** Attribution of one edition, from `editions()`: publisher and title, its address, its licence. */
function attribution(edition: EditionId): Excel.CellValueAttributionAttributes {
  const e = core.editions().find((x) => x.id === edition);
  if (!e) return { sourceText: edition };
  return {
    sourceText: `${e.publisher}, ${e.title} (${e.id})`,
    sourceAddress: e.url,
    licenseText: e.licence,
    ...licenceAddress(e.licence),
  };
}

// Only a licence with a canonical deed has an address; the others (public domain, EU reuse) are their text.
function licenceAddress(licence: string): { licenseAddress?: string } {
  return /^CC BY 4\.0\b/.test(licence) ? { licenseAddress: "https://creativecommons.org/licenses/by/4.0/" } : {};
}

function property(field: CardField): Excel.CellValue & Excel.EntityPropertyExtraProperties {
  const sub = sublabel(field);
  const meta: Excel.CellValuePropertyMetadata | undefined =
    field.edition || sub
      ? {
          ...(field.edition ? { attribution: [attribution(field.edition)] } : {}),
          ...(sub ? { sublabel: sub } : {}),
        }
      : undefined;
  const withMeta = <T extends object>(v: T) => Object.freeze(meta ? { ...v, propertyMetadata: meta } : v);
  if (field.nested) return withMeta(entityOf(field.nested));
  const v = field.value;
  if (v === undefined) return withMeta({ type: "String" as const, basicValue: `not available: ${field.reason ?? ""}` });
  if (typeof v === "boolean") return withMeta({ type: "Boolean" as const, basicValue: v });
  if (typeof v === "string") return withMeta({ type: "String" as const, basicValue: v });
  return withMeta(field.format ? { ...formattedNumber(v, field.format) } : { type: "Double" as const, basicValue: v });
}

/** Every edition a card reads, nested cards included, in first-use order. */
function editionsOf(card: Card): EditionId[] {
  const seen = new Set<EditionId>();
  for (const s of card.sections)
    for (const f of s.fields) {
      if (f.edition) seen.add(f.edition);
      if (f.nested) editionsOf(f.nested).forEach((e) => seen.add(e));
    }
  return [...seen];
}

/** The card as an Excel entity: properties with attribution, a card layout by section, the provider. */
export function entityOf(card: Card): Excel.EntityCellValue {
  const properties: Record<string, Excel.EntityPropertyType> = {};
  for (const s of card.sections) for (const f of s.fields) properties[f.name] = property(f);
  const used = editionsOf(card)
    .map((id) => core.editions().find((e) => e.id === id))
    .filter((e): e is core.Edition => e !== undefined);
  return deepFreeze({
    type: "Entity" as const,
    text: card.text ?? card.title,
    properties,
    layouts: {
      card: {
        title: card.title,
        sections: card.sections
          .filter((s) => s.fields.length > 0)
          .map((s) => ({ layout: "List" as const, title: s.title, properties: s.fields.map((f) => f.name) })),
      },
    },
    provider: {
      description: `critmin: ${used.map((e) => `${e.publisher} (${e.id}, ${e.licence})`).join("; ")}`,
    },
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// As two columns, where entity values are not supported.

/**
 * Field, Value rows: a section's title as a row of its own, a nested card's fields under its row
 * (not indented: a spreadsheet cell, like the docs page, drops leading spaces), `#N/A` with the reason.
 */
export function rowsOf(card: Card): ExcelValue[][] {
  const rows: ExcelValue[][] = [];
  for (const s of card.sections) {
    if (s.fields.length === 0) continue;
    rows.push([s.title, ""]);
    for (const f of s.fields) {
      if (f.nested) {
        rows.push([fieldText(f), f.nested.title]);
        for (const r of rowsOf(f.nested).filter((r) => r[1] !== "")) rows.push(r);
      } else rows.push([fieldText(f), f.value ?? excelError("#N/A", `${fieldText(f)}: ${f.reason ?? "no figure"}`)]);
    }
  }
  return rows;
}

/** What a card function returns: one entity cell where the host takes data types, else the two-column spill. */
export function cardResult(card: Card): ExcelValue[][] {
  return dataTypesSupported() ? [[entityOf(card)]] : [["Field", "Value"], ["Name", card.title], ...rowsOf(card)];
}
