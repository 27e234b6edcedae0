import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ExportControlRow } from "../../src/schema/rows.ts";
import { CONTROLS_FILE } from "../editions.ts";
import { isRealDate } from "./dates.ts";
import {
  CONTROL_MINERALS,
  CONTROL_RULES,
  SUSPENSION_TYPE,
  controlDestinations,
  controlMinerals,
  parseSuspends,
  readExportControls,
} from "./export-controls.ts";
import { dataDir, problemsReading, rawCsv } from "./raw-csv.test-support.ts";

// The raw file, read independently with csv-parse, line by line; physical line 1 is the header.
const raw = rawCsv(CONTROLS_FILE);
const rawById = (id: string) => raw.dataLines.find(({ row }) => row.measure_id === id)!.row;

let rows: ExportControlRow[];
beforeAll(() => {
  rows = readExportControls(dataDir);
});
const measure = (id: string) => rows.find((r) => r.id === id)!;

describe("readExportControls", () => {
  it("gives one valid row per measure of the file", () => {
    expect(rows).toHaveLength(raw.dataLines.length);
    expect(rows).toHaveLength(16);
    for (const r of rows) {
      const result = ExportControlRow.safeParse(r);
      expect(result.success, `${r.locator}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      expect(r.edition).toBe("cn-export-controls-2026-01");
    }
  });

  it("copies dates, scope, items, HS codes, sources and note from the line its locator names", () => {
    for (const r of rows) {
      const c = raw.rawRow(raw.locatorParts(r.locator).line);
      const orNull = (cell: string | undefined) => (cell === "" ? null : cell);
      expect(r).toMatchObject({
        id: c.measure_id,
        issuer: c.issuer,
        announced: c.announced,
        effective: c.effective,
        endedOrSuspended: orNull(c.ended_or_suspended),
        suspendedUntil: orNull(c.suspended_until),
        type: c.measure_type,
        destination: c.destination_scope,
        items: c.items_as_written,
        mineralsAsWritten: c.minerals,
        hsCodes: orNull(c.hs_codes_if_stated),
        note: c.note,
      });
      expect(r.sources).toEqual([c.source_url, c.source_2_url].filter((u) => u !== ""));
      expect(r.sources.length).toBeGreaterThan(0);
      for (const d of [r.announced, r.effective, r.endedOrSuspended, r.suspendedUntil])
        if (d !== null) expect(isRealDate(d), `${r.id} ${d}`).toBe(true);
    }
  });

  it("reads the dates of the gallium and germanium controls and of the US-ban suspension as the file has them", () => {
    const gaGe = rawById("MOFCOM-GAC 2023 No. 23");
    expect(measure("MOFCOM-GAC 2023 No. 23")).toMatchObject({
      announced: gaGe.announced,
      effective: gaGe.effective,
      endedOrSuspended: null,
      minerals: ["gallium", "germanium"],
      destinations: [],
    });
    const usBan = rawById("MOFCOM 2024 No. 46");
    expect(measure("MOFCOM 2024 No. 46")).toMatchObject({
      endedOrSuspended: usBan.ended_or_suspended,
      suspendedUntil: usBan.suspended_until,
      destinations: ["USA"],
    });
  });

  it("maps destination scopes: every destination, the United States, Japan", () => {
    expect(controlDestinations("all")).toEqual([]);
    expect(controlDestinations("all (foreign-made and re-exported items)")).toEqual([]);
    expect(controlDestinations("United States")).toEqual(["USA"]);
    expect(controlDestinations("Japan: military users, military uses and any end use")).toEqual(["JPN"]);
    expect(controlDestinations("Mars")).toBeUndefined();
    expect(controlDestinations("Atlantis: everyone")).toBeUndefined();
    for (const r of rows) expect(controlDestinations(r.destination), r.id).toEqual(r.destinations);
    expect(measure("MOFCOM 2026 No. 1").destinations).toEqual(["JPN"]);
  });

  it("maps the file's mineral names through the table, keeping the wording", () => {
    expect(controlMinerals("rare earths (equipment and reagents)")).toEqual({
      ids: ["rare-earths"],
      everyItem: false,
      unknown: [],
    });
    expect(measure("MOFCOM-GAC 2025 No. 56")).toMatchObject({
      minerals: ["rare-earths"],
      mineralsAsWritten: "rare earths (equipment and reagents)",
    });
    // Synthetic diamond has no id in the dataset: no mineral, and not "every item" either.
    expect(measure("MOFCOM-GAC 2025 No. 55")).toMatchObject({
      minerals: [],
      everyItem: false,
      mineralsAsWritten: "synthetic diamond (superhard materials)",
    });
    expect(controlMinerals("gallium; unobtainium").unknown).toEqual(["unobtainium"]);
    // Every name in the file is in the table, and the table holds no name the file lacks.
    const names = new Set(raw.dataLines.flatMap(({ row }) => row.minerals!.split(";").map((n) => n.trim())));
    expect(new Set(Object.keys(CONTROL_MINERALS))).toEqual(names);
  });

  it("marks the measure on every dual-use item as everyItem, not as naming no mineral", () => {
    const japan = measure("MOFCOM 2026 No. 1");
    expect(japan).toMatchObject({ everyItem: true, minerals: [] });
    expect(japan.rules).toContain(CONTROL_RULES.everyItem);
    expect(rows.filter((r) => r.everyItem).map((r) => r.id)).toEqual(["MOFCOM 2026 No. 1"]);
  });

  it("cn-suspension-items: reads which measures a suspension suspends, and the part when only a part", () => {
    expect(
      parseSuspends("Suspends MOFCOM-GAC 2025 Nos. 55, 56, 57 and 58 and MOFCOM 2025 Nos. 61 and 62 until 10 Nov 2026"),
    ).toEqual({
      ids: [
        "MOFCOM-GAC 2025 No. 55",
        "MOFCOM-GAC 2025 No. 56",
        "MOFCOM-GAC 2025 No. 57",
        "MOFCOM-GAC 2025 No. 58",
        "MOFCOM 2025 No. 61",
        "MOFCOM 2025 No. 62",
      ],
      part: null,
    });
    expect(
      parseSuspends(
        "Suspends section 2 of MOFCOM 2024 No. 46 (presumption of denial for gallium, …) until 27 Nov 2026",
      ),
    ).toEqual({ ids: ["MOFCOM 2024 No. 46"], part: "section 2" });
    expect(parseSuspends("Gallium-related items")).toBeUndefined();

    const ids = new Set(raw.dataLines.map(({ row }) => row.measure_id));
    const suspensions = rows.filter((r) => r.type === SUSPENSION_TYPE);
    expect(suspensions.map((r) => r.id)).toEqual(["MOFCOM-GAC 2025 No. 70", "MOFCOM 2025 No. 72"]);
    for (const r of suspensions) {
      expect(r.suspends.length, r.id).toBeGreaterThan(0);
      for (const id of r.suspends) expect(ids.has(id), id).toBe(true);
      expect(r.rules).toContain(CONTROL_RULES.suspends);
    }
    expect(measure("MOFCOM-GAC 2025 No. 70").suspendsPart).toBeNull();
    expect(measure("MOFCOM-GAC 2025 No. 70").suspends).toHaveLength(6);
    expect(rows.filter((r) => r.type !== SUSPENSION_TYPE).every((r) => r.suspends.length === 0)).toBe(true);
  });

  it("a partial suspension never reads as the whole measure suspended", () => {
    expect(measure("MOFCOM 2025 No. 72")).toMatchObject({
      suspends: ["MOFCOM 2024 No. 46"],
      suspendsPart: "section 2",
    });
    expect(measure("MOFCOM 2024 No. 46").rules).toContain(CONTROL_RULES.partlySuspended);
    expect(rows.filter((r) => r.rules.includes(CONTROL_RULES.partlySuspended)).map((r) => r.id)).toEqual([
      "MOFCOM 2024 No. 46",
    ]);
  });

  it("accepts only days that exist", () => {
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2025-02-29")).toBe(false);
    expect(isRealDate("2025-13-01")).toBe(false);
    expect(isRealDate("2025-11-7")).toBe(false);
    expect(isRealDate("")).toBe(false);
  });
});

describe("readExportControls refuses what it cannot place", () => {
  const original = readFileSync(path.join(dataDir, CONTROLS_FILE), "utf8");
  const problemsWith = (edit: (text: string) => string) =>
    problemsReading(CONTROLS_FILE, edit(original), readExportControls);

  it("a bad date, an unknown mineral or scope, a suspension of a measure not in the file", () => {
    expect(problemsWith((t) => t.replace(",2023-07-03,2023-08-01,", ",2023-07-03,2023-08-32,"))).toMatch(
      /row 2: effective: not a real date YYYY-MM-DD: "2023-08-32"/,
    );
    expect(problemsWith((t) => t.replace(",gallium; germanium,", ",gallium; germanium; unobtainium,"))).toMatch(
      /minerals: "unobtainium" is in no table/,
    );
    expect(problemsWith((t) => t.replace(",prohibition,United States,", ",prohibition,Canada,"))).toMatch(
      /destination_scope "Canada" is in no table/,
    );
    expect(problemsWith((t) => t.replace("Nos. 61 and 62", "Nos. 61 and 63"))).toMatch(
      /suspends "MOFCOM 2025 No\. 63", which is not a measure_id/,
    );
  });
});
