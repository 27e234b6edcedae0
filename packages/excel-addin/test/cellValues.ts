// A typed check that what a function returns is a cell value Excel takes (@types/office-js's
// Excel.CellValue), with Microsoft's documented limits on entities: the test helper for issue 17.
import { expect } from "vitest";
import { StubError } from "./stub-runtime.ts";

/** The longest entity property name we allow: Excel's 255-character limit on names and messages (not confirmed for entity properties without a real Excel). */
export const PROPERTY_NAME_LIMIT = 255;

/** Excel's documented limit on the characters of a cell's text (Excel specifications and limits). */
export const CELL_TEXT_LIMIT = 32_767;

type Returned = Excel.CellValue | number | string | boolean | StubError;

/**
 * `cell` as the type Excel reads, after checking at run time what the type only promises: a
 * formatted number has a finite number and a format; an entity has a text, properties whose names
 * fit and whose values are cell values in turn, and a card layout naming only its own properties.
 */
export function cellValue(cell: unknown, where = "cell"): Returned {
  if (cell instanceof StubError) return cell;
  if (typeof cell === "string" || typeof cell === "boolean") return cell;
  if (typeof cell === "number") {
    expect(Number.isFinite(cell), `${where}: finite number`).toBe(true);
    return cell;
  }
  expect(typeof cell, `${where}: an object`).toBe("object");
  expect(Object.isFrozen(cell), `${where}: frozen`).toBe(true);
  const v = cell as Excel.CellValue;
  switch (v.type) {
    case "FormattedNumber": {
      const f: Excel.FormattedNumberCellValue = v;
      expect(Number.isFinite(f.basicValue), `${where}: basicValue`).toBe(true);
      expect(typeof f.numberFormat === "string" && f.numberFormat.length > 0, `${where}: numberFormat`).toBe(true);
      return f;
    }
    case "String":
      expect((v as Excel.StringCellValue).basicValue.length, `${where}: text`).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
      return v;
    case "Boolean":
    case "Double":
      return v;
    case "Entity": {
      const e: Excel.EntityCellValue = v;
      expect(typeof e.text === "string" && e.text.length > 0, `${where}: entity text`).toBe(true);
      expect(e.text!.length, `${where}: entity text`).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
      const names = Object.keys(e.properties ?? {});
      for (const name of names) {
        expect(name.length, `${where}: property name "${name}"`).toBeLessThanOrEqual(PROPERTY_NAME_LIMIT);
        expect(name.length, `${where}: empty property name`).toBeGreaterThan(0);
        const property = e.properties![name]!;
        cellValue(property, `${where}.[${name}]`);
        for (const a of (property as Excel.CellValueAndPropertyMetadata).propertyMetadata?.attribution ?? []) {
          expect(a.sourceText, `${where}.[${name}] attribution source`).toBeTruthy();
          expect(a.licenseText, `${where}.[${name}] attribution licence`).toBeTruthy();
        }
      }
      const card = e.layouts?.card;
      if (card) {
        for (const section of card.sections ?? [])
          for (const p of section.properties)
            expect(names, `${where}: card section "${section.title}" names ${p}`).toContain(p);
      }
      return e;
    }
    default:
      throw new Error(`${where}: ${JSON.stringify(v).slice(0, 200)} is not a cell value this add-in returns`);
  }
}

/** A cell's number for comparing with core: a formatted number's or a double's basic value, anything else as it is. */
export function basic(cell: unknown): unknown {
  const type = typeof cell === "object" && cell !== null ? (cell as { type?: string }).type : undefined;
  return type === "FormattedNumber" || type === "Double" ? (cell as Excel.DoubleCellValue).basicValue : cell;
}
