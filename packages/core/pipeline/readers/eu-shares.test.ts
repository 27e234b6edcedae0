import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dataset } from "../../src/index.ts";
import { SupplyRow } from "../../src/schema/rows.ts";
import { countryCode } from "../countries.ts";
import { euMineralId } from "./eu-materials.ts";
import { EU_SHARE_FILES, parseEuShare, readEuSupplyShares } from "./eu-shares.ts";
import { cellAt, dataDir, exactPercentFraction, rawBytes, rawRecords, recordOf } from "./eu-raw.test-support.ts";

const GLOBAL = "ec-crm-2023-appendix7-global-supply-shares.csv";
const SOURCING = "ec-crm-2023-appendix7-eu-sourcing-shares.csv";
const rows = readEuSupplyShares(dataDir).supply;
const fileOf = (row: SupplyRow) => row.locator.split(":row ")[0];

describe("readEuSupplyShares", () => {
  it("emits one row per data record of both files", () => {
    expect(rows.filter((r) => fileOf(r) === GLOBAL)).toHaveLength(rawRecords(GLOBAL).length);
    expect(rows.filter((r) => fileOf(r) === SOURCING)).toHaveLength(rawRecords(SOURCING).length);
    expect(rawRecords(GLOBAL).length).toBeGreaterThan(2000);
  });

  it("ships every ec-crm-2023 supply row as a period average, one per raw record of both files", () => {
    const shipped = dataset().supply.filter((r) => r.edition === "ec-crm-2023");
    expect(shipped).toHaveLength(rawRecords(GLOBAL).length + rawRecords(SOURCING).length);
    expect(shipped.filter((r) => r.kind !== "period-average").map((r) => r.locator)).toEqual([]);
    expect(shipped.filter((r) => !r.rules.includes("eu-reference-period-average")).map((r) => r.locator)).toEqual([]);
  });

  it("validates every row against the schema", () => {
    for (const row of rows) expect(SupplyRow.safeParse(row).success, row.locator).toBe(true);
  });

  it("keeps edition, year (the assessment year), kind period-average, unit and the reference-period rule on every row", () => {
    for (const row of rows) {
      expect(row).toMatchObject({
        edition: "ec-crm-2023",
        year: 2023,
        kind: "period-average",
        case: null,
        unit: "percent",
        tonnes: null,
      });
      expect(row.rules).toContain("eu-reference-period-average");
      expect(row.measure).toBe(fileOf(row) === GLOBAL ? "production" : "eu-sourcing");
    }
  });

  it("maps material, stage and country as the raw record at the locator says", () => {
    for (const row of rows) {
      const raw = recordOf(row.locator);
      expect(row.mineral, row.locator).toBe(euMineralId(raw.Material ?? ""));
      expect(row.stage, row.locator).toBe(raw.Stage === "E" ? "mining" : raw.Stage === "P" ? "refining" : "?");
      expect(row.country, row.locator).toBe(countryCode(raw.Country ?? ""));
      expect(row.basis, row.locator).toContain(`(${raw.Stage})`);
      expect(row.basis, row.locator).toContain(`"${raw.Material}"`);
    }
  });

  it("maps every material and country name in both files", () => {
    for (const file of [GLOBAL, SOURCING]) {
      for (const { line, cells } of rawRecords(file)) {
        expect(euMineralId(cells.Material ?? ""), `${file}:${line} ${cells.Material}`).toBeDefined();
        expect(countryCode(cells.Country ?? ""), `${file}:${line} ${cells.Country}`).toMatch(/^[A-Z]{3}$/);
      }
    }
  });

  it("parses percent text exactly: value as printed, share as the nearest double to the decimal", () => {
    for (const row of rows) {
      const digits = /^<?(\d+(?:\.\d+)?)%?$/.exec(cellAt(row.locator))?.[1];
      expect(digits, row.locator).toBeDefined();
      expect(row.value, row.locator).toBe(Number(digits));
      expect(row.share, row.locator).toBe(exactPercentFraction(digits ?? ""));
    }
    // Naive division drifts for these; the reader must not.
    expect(0.7 / 100).not.toBe(0.007);
    expect(parseEuShare("0.7%")?.share).toBe(0.007);
    expect(parseEuShare("1.5%")?.share).toBe(0.015);
    expect(parseEuShare("28.4%")?.share).toBe(0.284);
    expect(parseEuShare("0.01%")?.share).toBe(0.0001);
    expect(parseEuShare("100%")?.share).toBe(1);
    expect(parseEuShare("4%")).toEqual({ value: 4, share: 0.04, status: "reported", rules: [] });
    expect(parseEuShare("n/a")).toBeUndefined();
    expect(parseEuShare("<0.1")).toBeUndefined();
  });

  it('keeps "<0.1%" as an upper bound of 0.1 percent, never zero', () => {
    const below = rows.filter((r) => cellAt(r.locator).startsWith("<"));
    expect(below.length).toBeGreaterThan(500);
    for (const row of below) {
      expect(cellAt(row.locator)).toBe("<0.1%");
      expect(row).toMatchObject({ value: 0.1, share: 0.001, status: "upper-bound" });
      expect(row.rules).toContain("eu-below-threshold");
    }
    expect(rows.filter((r) => r.status === "upper-bound")).toHaveLength(below.length);
    expect(rows.filter((r) => r.status !== "upper-bound" && r.status !== "reported")).toEqual([]);
  });

  it("reads the one Share without a percent sign as a percent, under its rule", () => {
    const bare = rows.filter((r) => !cellAt(r.locator).endsWith("%"));
    expect(bare.map((r) => r.locator)).toEqual(["ec-crm-2023-appendix7-eu-sourcing-shares.csv:row 712:Share"]);
    expect(recordOf(bare[0]?.locator ?? "")).toMatchObject({
      Material: "Silicon metal",
      Country: "Germany",
      Share: "6",
    });
    expect(bare[0]).toMatchObject({ value: 6, share: 0.06, status: "reported" });
    expect(bare[0]?.rules).toContain("eu-share-missing-percent-sign");
    expect(rows.filter((r) => r.rules.includes("eu-share-missing-percent-sign"))).toHaveLength(1);
  });

  it("maps the damaged Türkiye spelling (Latin-1 byte 0xFC) to TUR", () => {
    for (const file of [GLOBAL, SOURCING]) {
      const damagedLines = rawBytes(file)
        .toString("latin1")
        .split(/\r?\n/)
        .flatMap((text, i) => (text.includes(",T\u00FCrkiye,") ? [i + 1] : []));
      expect(damagedLines.length, file).toBeGreaterThan(10);
      const tagged = rows.filter((r) => fileOf(r) === file && r.rules.includes("eu-damaged-turkiye"));
      expect(tagged.map((r) => Number(/:row (\d+):/.exec(r.locator)?.[1])).sort((a, b) => a - b)).toEqual(damagedLines);
      for (const row of tagged) expect(row.country).toBe("TUR");
    }
    expect(countryCode("T\uFFFDrkiye")).toBe("TUR");
  });

  it("holds one row per country in each block (no duplicate spellings)", () => {
    const seen = new Set<string>();
    for (const row of rows) {
      const key = [row.edition, row.measure, row.mineral, row.stage, row.country].join("|");
      expect(seen.has(key), `${key} at ${row.locator}`).toBe(false);
      seen.add(key);
    }
  });

  it("keeps each block's reported shares within 100% plus the printed rounding", () => {
    // Each reported share is rounded to its last printed digit (0.1 point globally, 1 point for
    // EU sourcing), so the true block total can exceed the printed sum by at most half a unit per
    // row; "<0.1%" rows are at least 0. A block is inconsistent only if even the lowest possible
    // true total, Σ(printed − half unit), exceeds 100%.
    const blocks = new Map<string, { sum: number; slack: number; upperBounds: number }>();
    for (const row of rows) {
      const key = [row.edition, row.mineral, row.stage, row.measure].join("|");
      const block = blocks.get(key) ?? { sum: 0, slack: 0, upperBounds: 0 };
      if (row.status === "upper-bound") block.upperBounds += row.share ?? 0;
      else {
        const decimals = /\.(\d+)/.exec(cellAt(row.locator))?.[1]?.length ?? 0;
        block.sum += row.share ?? 0;
        block.slack += (0.5 * 10 ** -decimals) / 100;
      }
      blocks.set(key, block);
    }
    const exceeding = [...blocks].filter(([, b]) => b.sum - b.slack > 1 + 1e-9).map(([key]) => key);
    expect(exceeding).toEqual([]);
    expect(blocks.size).toBeGreaterThan(200);
  });
});

describe("readEuSupplyShares on broken input", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  function withLines(extra: Record<string, string[]>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "critmin-eu-"));
    dirs.push(dir);
    cpSync(path.join(dataDir, "eu"), path.join(dir, "eu"), { recursive: true });
    for (const [file, lines] of Object.entries(extra)) {
      const target = path.join(dir, "eu", file);
      writeFileSync(target, Buffer.concat([readFileSync(target), Buffer.from(lines.map((l) => `${l}\r\n`).join(""))]));
    }
    return dir;
  }

  it("fails on a second spelling of a country already in the block, naming both lines", () => {
    const dir = withLines({ [SOURCING]: ["Silicon metal,P,Brasil,1%,1"] });
    expect(() => readEuSupplyShares(dir)).toThrow(/duplicate BRA in silicon\/refining, first at .*row 709/);
  });

  it("lists every unmapped country, material and share at once", () => {
    const dir = withLines({
      [GLOBAL]: ["Copper,E,Atlantis,1%,1.0", "Unobtainium,E,Chile,1%,1.0", "Copper,E,Peru,about 3,1.0"],
    });
    let message = "";
    try {
      readEuSupplyShares(dir);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/unmapped country "Atlantis"/);
    expect(message).toMatch(/unknown eu material "Unobtainium"/);
    expect(message).toMatch(/got "about 3"/);
  });

  it("names its files as they appear in the data folder", () => {
    expect(EU_SHARE_FILES.map((f) => f.file).sort()).toEqual([SOURCING, GLOBAL]);
  });
});
