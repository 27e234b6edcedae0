// Invariants over the bundled dataset, as @critmin/core ships it (the generated modules, read
// through the package source): editions and locators, units and their conversion to tonnes, signs
// and ranges, registered ids, block shapes and sums, source checksums, the country alias table, and
// read-only rows. Each test collects every offender before asserting, so a failure lists them all.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COUNTRY_ALIASES, countryCode, countryName } from "../packages/core/pipeline/countries.ts";
import { countryEntries, editions, mineralEntries } from "../packages/core/src/data/index.ts";
import { bundledDataset } from "../packages/core/src/data/dataset.ts";
import type { DemandRow, Edition, IndicatorRow, SupplyRow } from "../packages/core/src/schema/rows.ts";
import { tonnesPerUnit } from "../packages/core/pipeline/units.ts";
import { SOURCE_DIR } from "./support/raw.ts";

const { controls, demand, governance, indicators, lists, supply } = bundledDataset();

type AnyRow = SupplyRow | DemandRow | IndicatorRow;
const TABLES: readonly (readonly [name: "supply" | "demand" | "indicators", rows: readonly AnyRow[]])[] = [
  ["supply", supply],
  ["demand", demand],
  ["indicators", indicators],
];

const editionById = new Map<string, Edition>(editions.map((e) => [e.id, e]));
const isAggregate = (country: string) => country === "WORLD" || country === "ROW";
const where = (r: { edition: string; mineral: string; locator: string }) =>
  `${r.edition} ${r.mineral} ${r.locator === "" ? "(no locator)" : r.locator}`;

/** A supply block: one table of one edition, as the source prints it. */
const blockKey = (r: SupplyRow) => [r.edition, r.mineral, r.stage, r.measure, r.year, r.case ?? ""].join("|");
function supplyBlocks(filter: (r: SupplyRow) => boolean): Map<string, SupplyRow[]> {
  const blocks = new Map<string, SupplyRow[]>();
  for (const r of supply.filter(filter)) blocks.set(blockKey(r), [...(blocks.get(blockKey(r)) ?? []), r]);
  return blocks;
}

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

describe("bundled dataset", () => {
  it("is not empty", () => {
    expect(supply.length).toBeGreaterThan(5000);
    expect(demand.length).toBeGreaterThan(5000);
    expect(indicators.length).toBeGreaterThan(500);
    expect(lists.length).toBe(161);
    expect(controls.length).toBe(16);
    expect(governance.length).toBeGreaterThan(6000);
    expect(editions.map((e) => e.id).sort()).toEqual([
      "cn-export-controls-2026-01",
      "ec-crm-2023",
      "eu-crma-2024",
      "iea-cmde-2024",
      "iea-cmde-2025",
      "us-cml-2022",
      "us-cml-2025",
      "usgs-mcs-2025",
      "wb-wgi-2023",
    ]);
  });

  it("gives every list, control and governance row its edition and a locator into that edition's file", () => {
    const offenders: string[] = [];
    const policyRows: readonly (readonly [string, readonly { edition: string; locator: string }[]])[] = [
      ["lists", lists],
      ["controls", controls],
      ["governance", governance],
      ["governance (errors)", governance.map((r) => ({ edition: r.edition, locator: r.errorLocator }))],
    ];
    for (const [table, rows] of policyRows)
      for (const r of rows) {
        const edition = editionById.get(r.edition);
        const file = edition?.files.find((f) => r.locator.startsWith(`${path.posix.basename(f.path)}:row `));
        if (!file) offenders.push(`${table} ${r.edition} ${r.locator}: names no file of its edition`);
      }
    expect(offenders).toEqual([]);
  });

  it("gives every row a known edition and a locator into one of that edition's files (or a derivation from them)", () => {
    // `file!'sheet'!B7`, `file:row 268:COLUMN`, `file#/json/pointer` (see pipeline/locators.ts).
    const namesFileOf = (locator: string, edition: Edition) =>
      edition.files.some((f) =>
        ["!", ":row ", "#/"].some((sep) => locator.startsWith(`${path.posix.basename(f.path)}${sep}`)),
      );
    const offenders: string[] = [];
    for (const [table, rows] of TABLES) {
      for (const r of rows) {
        const edition = editionById.get(r.edition);
        if (!edition) {
          offenders.push(`${table} ${where(r)}: unknown edition`);
          continue;
        }
        if (r.locator.trim() === "") {
          offenders.push(`${table} ${where(r)}: empty locator`);
          continue;
        }
        if (r.locator.startsWith("derived:")) {
          // `derived:<rule>(<input> ; <input> …)`: the rule is one the row names, the inputs are located too.
          const m = /^derived:([a-z0-9-]+)\((.+)\)$/.exec(r.locator);
          if (!m) offenders.push(`${table} ${where(r)}: malformed derived locator`);
          else {
            if (!r.rules.includes(m[1] ?? ""))
              offenders.push(`${table} ${where(r)}: rule ${m[1]} not in the row's rules`);
            for (const input of (m[2] ?? "").split(" ; ")) {
              if (!namesFileOf(input, edition))
                offenders.push(`${table} ${where(r)}: input ${input} names no ${r.edition} file`);
            }
          }
        } else if (!namesFileOf(r.locator, edition)) {
          offenders.push(`${table} ${where(r)}: names none of ${edition.files.map((f) => f.path).join(", ")}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("has no negative printed values or tonnes, and shares within [0, 1]", () => {
    const offenders: string[] = [];
    const negative = (n: number | null) => n !== null && !(Number.isFinite(n) && n >= 0);
    for (const r of [...supply, ...demand]) {
      if (negative(r.value)) offenders.push(`${where(r)}: ${r.value} ${r.unit}`);
      if (negative(r.tonnes)) offenders.push(`${where(r)}: tonnes ${r.tonnes}`);
    }
    for (const r of supply) {
      if (r.share !== null && !(Number.isFinite(r.share) && r.share >= 0 && r.share <= 1))
        offenders.push(`${where(r)}: share ${r.share}`);
    }
    expect(offenders.slice(0, 20), `${offenders.length} offenders`).toEqual([]);
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

  it("has a supply value exactly where the status is not withheld or not-available", () => {
    const offenders = supply
      .filter((r) => (r.value === null) !== (r.status === "withheld" || r.status === "not-available"))
      .map((r) => `${where(r)}: value ${r.value}, status ${r.status}`);
    expect(offenders).toEqual([]);
  });

  it("uses only the units pinned here, per table and edition", () => {
    // Read once from the data and pinned: a new unit (or a unit a reader stops emitting) fails
    // here, to be looked at and added to units.ts's conversions where it is a mass.
    const PINNED: Record<string, Record<string, string[]>> = {
      supply: {
        "ec-crm-2023": ["percent"],
        "iea-cmde-2024": ["kt"],
        "iea-cmde-2025": ["kt"],
        "usgs-mcs-2025": ["kilograms", "metric tons", "thousand metric dry tons", "thousand metric tons"],
      },
      demand: { "iea-cmde-2024": ["kt"], "iea-cmde-2025": ["kt"] },
      indicators: { "ec-crm-2023": ["fraction", "index"], "usgs-mcs-2025": ["fraction"] },
    };
    const seen: Record<string, Record<string, string[]>> = {};
    for (const [table, rows] of TABLES) {
      const byEdition: Record<string, Set<string>> = {};
      for (const r of rows) (byEdition[r.edition] ??= new Set()).add(r.unit);
      seen[table] = Object.fromEntries(Object.entries(byEdition).map(([e, units]) => [e, [...units].sort()]));
    }
    expect(seen).toEqual(PINNED);
  });

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

  it("registers every mineral and country the rows use", () => {
    const minerals = new Set(mineralEntries.map((m) => m.id));
    const countries = new Set(countryEntries.map((c) => c.code));
    const offenders: string[] = [];
    for (const [table, rows] of TABLES) {
      for (const r of rows)
        if (!minerals.has(r.mineral))
          offenders.push(`${table} ${where(r)}: mineral ${r.mineral} not in mineralEntries`);
    }
    for (const r of supply) {
      if (!isAggregate(r.country) && !countries.has(r.country))
        offenders.push(`supply ${where(r)}: country ${r.country} not in countryEntries`);
    }
    for (const r of indicators) {
      for (const c of r.sources ?? [])
        if (!countries.has(c)) offenders.push(`indicators ${where(r)}: import source ${c} not in countryEntries`);
    }
    for (const r of [...lists, ...controls])
      for (const m of r.minerals)
        if (!minerals.has(m)) offenders.push(`${r.locator}: mineral ${m} not in mineralEntries`);
    for (const c of [...governance.map((r) => r.country), ...controls.flatMap((r) => r.destinations)])
      if (!countries.has(c)) offenders.push(`country ${c} (governance or controls) not in countryEntries`);
    expect(offenders).toEqual([]);
  });

  it("holds at most one row per country in each supply block (edition, mineral, stage, measure, year, case)", () => {
    const first = new Map<string, string>();
    const offenders: string[] = [];
    for (const r of supply) {
      const key = `${blockKey(r)}|${r.country}`;
      const earlier = first.get(key);
      if (earlier !== undefined) offenders.push(`${key}: ${earlier} and ${r.locator}`);
      else first.set(key, r.locator);
    }
    expect(offenders).toEqual([]);
  });

  it("IEA blocks: a WORLD row, a rest of world, and country shares (ROW included) summing to 1", () => {
    const blocks = supplyBlocks((r) => r.edition.startsWith("iea-"));
    const offenders: string[] = [];
    for (const [key, rows] of blocks) {
      const world = rows.find((r) => r.country === "WORLD");
      if (!world) offenders.push(`${key}: no WORLD row`);
      else if (world.share !== 1) offenders.push(`${key}: WORLD share ${world.share}`);
      if (!rows.some((r) => r.country === "ROW")) offenders.push(`${key}: no ROW row`);
      const parts = rows.filter((r) => r.country !== "WORLD");
      const unshared = parts.filter((r) => r.share === null);
      if (unshared.length > 0) offenders.push(`${key}: no share for ${unshared.map((r) => r.country).join(", ")}`);
      const sum = parts.reduce((s, r) => s + (r.share ?? 0), 0);
      if (Math.abs(sum - 1) > 1e-9) offenders.push(`${key}: shares sum to ${sum}`);
    }
    expect(blocks.size).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });

  it("EU blocks: reported shares sum to no more than 100% plus their printing's rounding", () => {
    // Each share is printed rounded to its last digit (0.1 or 1 percentage point), so the true
    // value is at least printed − half a unit; a "<0.1%" row (upper bound) is at least 0. A block
    // is inconsistent only if even that lowest possible total exceeds 100%. `value` is the number
    // as printed, less any trailing zero ("3.0%" → 3): reading its digits can only overstate the
    // unit, so the allowance is never too small.
    const blocks = supplyBlocks((r) => r.edition === "ec-crm-2023");
    const offenders: string[] = [];
    for (const [key, rows] of blocks) {
      let sum = 0;
      let allowance = 0;
      for (const r of rows) {
        if (r.status === "upper-bound") continue;
        const decimals = /\.(\d+)$/.exec(String(r.value))?.[1]?.length ?? 0;
        sum += r.share ?? 0;
        allowance += (0.5 * 10 ** -decimals) / 100;
      }
      if (sum > 1 + allowance + 1e-9) offenders.push(`${key}: shares sum to ${sum}, allowed up to ${1 + allowance}`);
    }
    expect(blocks.size).toBeGreaterThan(200);
    expect(offenders).toEqual([]);
  });

  it("USGS blocks: no share above 1", () => {
    const offenders = supply
      .filter((r) => r.edition === "usgs-mcs-2025" && r.share !== null && r.share > 1)
      .map((r) => `${blockKey(r)}|${r.country}: share ${r.share} at ${r.locator}`);
    expect(offenders).toEqual([]);
  });

  it("USGS blocks: country shares (other countries included) sum to ≤ 1 plus the rounding of the printed figures", () => {
    // USGS prints world totals rounded ("World total (rounded)"), so listed countries can exceed the
    // total: 61 of 139 blocks do, by up to 4.5 %. A block is inconsistent only if even the least its
    // countries can be (each printed value minus half a unit of its last significant digit) exceeds
    // the most the world total can be (printed plus half a unit), as for the EU blocks above.
    const blocks = supplyBlocks((r) => r.edition === "usgs-mcs-2025");
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
  it("records each source file's sha256 as the file in the data folder has it", () => {
    const offenders: string[] = [];
    for (const edition of editions) {
      for (const f of edition.files) {
        let actual: string;
        try {
          actual = createHash("sha256")
            .update(readFileSync(path.join(SOURCE_DIR, f.path)))
            .digest("hex");
        } catch (error) {
          actual = `unreadable (${(error as Error).message})`;
        }
        if (actual !== f.sha256) offenders.push(`${edition.id} ${f.path}: recorded ${f.sha256}, file ${actual}`);
      }
    }
    // The three list editions each record the one list file.
    expect(editions.flatMap((e) => e.files).length).toBe(13);
    expect(offenders).toEqual([]);
  });
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("country alias table", () => {
  const registryName = (code: string) => countryEntries.find((c) => c.code === code)?.name;

  it("maps every source spelling to a code with a name in the registry or the country library", () => {
    const offenders = Object.entries(COUNTRY_ALIASES)
      .filter(([, code]) => !/^[A-Z]{3}$/.test(code) || (registryName(code) ?? countryName(code)) === undefined)
      .map(([spelling, code]) => `${JSON.stringify(spelling)} → ${code}`);
    expect(offenders).toEqual([]);
  });

  it("maps the damaged (U+FFFD) spelling of Türkiye, and each damaged spelling to the code of its intact name", () => {
    expect(COUNTRY_ALIASES["T\uFFFDrkiye"]).toBe("TUR");
    expect(countryCode("Türkiye")).toBe("TUR");
    // A damaged spelling differs from a name of its code only where the replacement character stands.
    const offenders: string[] = [];
    for (const [spelling, code] of Object.entries(COUNTRY_ALIASES)) {
      if (!spelling.includes("\uFFFD")) continue;
      const entry = countryEntries.find((c) => c.code === code);
      const names = [entry?.name, countryName(code), ...(entry?.aliases ?? [])].filter(
        (n): n is string => n !== undefined,
      );
      const pattern = new RegExp(`^${spelling.split("\uFFFD").map(escapeRegExp).join("[^\\uFFFD]")}$`, "u");
      if (!names.some((n) => pattern.test(n)))
        offenders.push(`${JSON.stringify(spelling)} → ${code}: no intact name (${names.join(", ")}) matches`);
    }
    expect(offenders).toEqual([]);
    // The damaged spelling is for reading the EU file only; the runtime registry never offers it.
    const exposed = countryEntries
      .filter((c) => [c.name, ...c.aliases].some((n) => n.includes("\uFFFD")))
      .map((c) => c.code);
    expect(exposed).toEqual([]);
  });
});

describe("the bundled rows are shared, so they are read-only", () => {
  it("freezes every row, its rules and the arrays", () => {
    for (const rows of [supply, demand, indicators, lists, controls, governance] as const) {
      expect(Object.isFrozen(rows)).toBe(true);
      const thawed = (rows as readonly { rules: readonly string[] }[]).filter(
        (r) => !Object.isFrozen(r) || !Object.isFrozen(r.rules),
      );
      expect(thawed.length).toBe(0);
    }
    expect(() => {
      (supply[0] as { share: number | null }).share = 0;
    }).toThrow(TypeError);
    expect(() => lists[0]!.minerals.push("x")).toThrow(TypeError);
    expect(() => controls[0]!.sources.push("x")).toThrow(TypeError);
  });
});
