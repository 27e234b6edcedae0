// Dataset invariants that test/dataset.test.ts does not already check. That file covers: a known
// edition and a locator for every row, tonnes ≥ 0 and shares in [0, 1], units pinned per table and
// edition, registered minerals and countries, one row per country per block, IEA blocks summing to
// 1 and EU blocks to ≤ 100 % plus rounding. Added here: every unit is one the converter knows (and
// the tonnes are its conversion), printed values are never negative, indicator values lie in their
// unit's range, and USGS blocks' country shares sum to ≤ 1 plus the rounding the printing admits.
import { describe, expect, it } from "vitest";
import { tonnesPerUnit } from "../../packages/core/pipeline/units.ts";
import { bundledDataset } from "../../packages/core/src/data/dataset.ts";
import type { DemandRow, SupplyRow } from "../../packages/core/src/schema/rows.ts";

const { demand, indicators, supply } = bundledDataset();

const where = (r: { edition: string; mineral: string; locator: string }) => `${r.edition} ${r.mineral} ${r.locator}`;

/** Units that are not masses, with why their rows carry no tonnes. */
const NON_MASS_UNITS: Readonly<Record<string, string>> = {
  percent: "EU sourcing shares (ec-crm-2023): a share of the EU's supply, never a quantity",
};

/** Half a unit in the last significant digit of a number as printed (700 → 50, 1.25 → 0.005). */
function halfUnit(value: number): number {
  const text = String(Math.abs(value));
  if (text.includes("e")) return 0;
  const [whole = "", fraction = ""] = text.split(".");
  if (fraction.length > 0) return 0.5 * 10 ** -fraction.length;
  const trailingZeros = whole.length - whole.replace(/0+$/, "").length;
  return whole === "0" ? 0 : 0.5 * 10 ** trailingZeros;
}

describe("bundled dataset: units, signs and ranges", () => {
  it("every supply and demand unit is a mass the converter knows (tonnes = value × its factor) or a listed share unit", () => {
    const offenders: string[] = [];
    for (const r of [...supply, ...demand] as readonly (SupplyRow | DemandRow)[]) {
      const factor = tonnesPerUnit(r.unit);
      if (factor === undefined) {
        if (!(r.unit in NON_MASS_UNITS)) offenders.push(`${where(r)}: unit "${r.unit}" unknown to pipeline/units.ts`);
        else if (r.tonnes !== null) offenders.push(`${where(r)}: ${r.unit} row with tonnes ${r.tonnes}`);
        continue;
      }
      if (r.value === null) {
        if (r.tonnes !== null) offenders.push(`${where(r)}: tonnes ${r.tonnes} without a value`);
        continue;
      }
      const expected = r.value * factor;
      if (r.tonnes === null) offenders.push(`${where(r)}: ${r.value} ${r.unit} but no tonnes`);
      else if (Math.abs(r.tonnes - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
        offenders.push(`${where(r)}: ${r.value} ${r.unit} is ${expected} t, row says ${r.tonnes}`);
    }
    expect(offenders.slice(0, 20), `${offenders.length} rows`).toEqual([]);
  });

  it("printed supply and demand values are never negative (volumes, shares)", () => {
    const offenders = [...supply, ...demand]
      .filter((r) => r.value !== null && !(Number.isFinite(r.value) && r.value >= 0))
      .map((r) => `${where(r)}: ${r.value} ${r.unit}`);
    expect(offenders.slice(0, 20), `${offenders.length} rows`).toEqual([]);
  });

  it("indicator values lie in their unit's range: fractions in [0, 1], indices ≥ 0", () => {
    const offenders = indicators
      .filter(
        (r) =>
          r.value !== null && !(Number.isFinite(r.value) && r.value >= 0 && (r.unit !== "fraction" || r.value <= 1)),
      )
      .map((r) => `${where(r)}: ${r.indicator} ${r.value} ${r.unit}`);
    expect(offenders).toEqual([]);
  });

  it("USGS blocks: country shares (other countries included) sum to ≤ 1 plus the rounding of the printed figures", () => {
    // USGS prints world totals rounded ("World total (rounded)"), so listed countries can exceed the
    // total: 61 of 139 blocks do, by up to 4.5 %. A block is inconsistent only if even the least its
    // countries can be (each printed value minus half a unit of its last significant digit) exceeds
    // the most the world total can be (printed plus half a unit), as for the EU blocks in dataset.test.ts.
    const blocks = new Map<string, SupplyRow[]>();
    for (const r of supply) {
      if (r.edition !== "usgs-mcs-2025") continue;
      const key = [r.mineral, r.stage, r.measure, r.year, r.case ?? ""].join("|");
      blocks.set(key, [...(blocks.get(key) ?? []), r]);
    }
    const offenders: string[] = [];
    for (const [key, rows] of blocks) {
      const world = rows.find((r) => r.country === "WORLD");
      if (!world || world.value === null || world.value === 0) continue;
      const parts = rows.filter((r) => r.country !== "WORLD" && r.share !== null && r.value !== null);
      const sum = parts.reduce((s, r) => s + r.share!, 0);
      const allowance = (halfUnit(world.value) + parts.reduce((s, r) => s + halfUnit(r.value!), 0)) / world.value;
      if (sum > 1 + allowance + 1e-9)
        offenders.push(`${key}: shares sum to ${sum.toFixed(4)}, rounding allows ${(1 + allowance).toFixed(4)}`);
    }
    expect(blocks.size).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });

  it("the rounding allowance reads printed precision", () => {
    expect([halfUnit(70_000), halfUnit(1_270_000), halfUnit(1.25), halfUnit(0.5), halfUnit(7), halfUnit(0)]).toEqual([
      5_000, 5_000, 0.005, 0.05, 0.5, 0,
    ]);
  });
});

describe("the bundled rows are shared, so they are read-only", () => {
  it("freezes every row, its rules and the arrays", () => {
    for (const rows of [supply, demand, indicators] as const) {
      expect(Object.isFrozen(rows)).toBe(true);
      const thawed = (rows as readonly { rules: readonly string[] }[]).filter(
        (r) => !Object.isFrozen(r) || !Object.isFrozen(r.rules),
      );
      expect(thawed.length).toBe(0);
    }
    expect(() => {
      (supply[0] as { share: number | null }).share = 0;
    }).toThrow(TypeError);
  });
});
