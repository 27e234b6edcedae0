import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CRITICAL_LISTS } from "../../src/constants.ts";
import { ListItemRow } from "../../src/schema/rows.ts";
import { LISTS_FILE } from "../editions.ts";
import { EU_ITEMS, LIST_GROUPS, LIST_RULES, US_COMMODITY_NAMES, US_ITEMS, listItemMapping } from "../listItems.ts";
import { mineralAliases } from "../minerals.ts";
import { LIST_IDS, readCriticalLists, statedPosition } from "./critical-lists.ts";
import { EU_MATERIALS } from "./eu-materials.ts";
import { dataDir, problemsReading, rawCsv } from "./raw-csv.test-support.ts";

// The raw file, read independently with csv-parse, line by line; physical line 1 is the header.
const raw = rawCsv(LISTS_FILE);

let rows: ListItemRow[];
beforeAll(() => {
  rows = readCriticalLists(dataDir);
});
const item = (list: string, name: string) => rows.find((r) => r.list === list && r.item === name);

describe("readCriticalLists", () => {
  it("gives one valid row per line of the file, in four lists of 60, 50, 17 and 34 items", () => {
    expect(rows).toHaveLength(raw.dataLines.length);
    for (const r of rows) {
      const result = ListItemRow.safeParse(r);
      expect(result.success, `${r.locator}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
    const counts = (rowsOf: (id: string) => number) => Object.fromEntries(CRITICAL_LISTS.map((l) => [l, rowsOf(l)]));
    const rawCount = (list: string) => raw.dataLines.filter(({ row }) => LIST_IDS[row.list_id!]?.list === list).length;
    expect(counts((l) => rows.filter((r) => r.list === l).length)).toEqual(counts(rawCount));
    expect(counts(rawCount)).toEqual({
      "us-cml-2022": 50,
      "us-cml-2025": 60,
      "eu-crma-2024-critical": 34,
      "eu-crma-2024-strategic": 17,
    });
  });

  it("copies each field from the line its locator names", () => {
    for (const r of rows) {
      const { line, column } = raw.locatorParts(r.locator);
      expect(column).toBe("");
      const c = raw.rawRow(line);
      expect(LIST_IDS[c.list_id!], r.locator).toEqual({ list: r.list, edition: r.edition });
      expect(r.item).toBe(c.item_as_written);
      expect(r.language).toBe(c.language);
      expect(r.itemEn).toBe(c.item_en === "" ? null : c.item_en);
      expect(r.qualifier).toBe(c.qualifier === "" ? null : c.qualifier);
      expect(r.published).toBe(c.published);
      expect(r.instrument).toBe(c.instrument);
      expect(r.reference).toBe(c.locator);
      expect(r.url).toBe(c.source_url);
    }
  });

  it("numbers each list by its order in the file, which is the position its locator states", () => {
    for (const list of CRITICAL_LISTS) {
      const own = raw.dataLines.filter(({ row }) => LIST_IDS[row.list_id!]?.list === list);
      own.forEach(({ row }, i) => {
        const r = item(list, row.item_as_written!);
        expect(r?.position, `${list} ${row.item_as_written}`).toBe(i + 1);
        expect(statedPosition(row.locator!)).toBe(i + 1);
      });
    }
    expect(statedPosition('list position 7 of 60 (alphabetical order of the Federal Register sentence "…")')).toBe(7);
    expect(statedPosition("Annex II, Section 1, point (a)")).toBe(1);
    expect(statedPosition("Annex II, Section 1, point (z)")).toBe(26);
    expect(statedPosition("Annex II, Section 1, point (aa)")).toBe(27);
    expect(statedPosition("Annex II, Section 1, point (ah)")).toBe(34);
    expect(statedPosition("somewhere")).toBeUndefined();
  });

  it("maps US commodity names to the dataset's commodity ids (cml-commodity-name)", () => {
    expect(item("us-cml-2025", "Metallurgical Coal")).toMatchObject({
      minerals: ["coking-coal"],
      rules: [LIST_RULES.commodityName],
    });
    expect(item("us-cml-2025", "Phosphate")?.minerals).toEqual(["phosphate-rock"]);
    expect(item("us-cml-2025", "Potash")?.minerals).toEqual(["potash"]);
    expect(item("us-cml-2025", "Aluminum")).toMatchObject({ minerals: ["aluminium"], rules: [] });
    expect(item("us-cml-2025", "Uranium")?.minerals).toEqual(["uranium"]);
    expect(item("us-cml-2022", "Uranium")).toBeUndefined();
    for (const name of US_COMMODITY_NAMES)
      expect(listItemMapping(name, "en")?.rules).toEqual([LIST_RULES.commodityName]);
  });

  it("maps every German item through the documented table, the grade kept as the qualifier", () => {
    const eu = rows.filter((r) => r.language === "de");
    expect(eu).toHaveLength(51);
    expect(eu.every((r) => r.rules[0] === LIST_RULES.germanName)).toBe(true);
    expect(item("eu-crma-2024-strategic", "Lithium — Batteriequalität")).toMatchObject({
      minerals: ["lithium"],
      qualifier: "battery grade",
    });
    expect(item("eu-crma-2024-critical", "Kokskohle")?.minerals).toEqual(["coking-coal"]);
    expect(item("eu-crma-2024-critical", "Grafit")?.minerals).toEqual(["graphite"]);
    expect(item("eu-crma-2024-critical", "Bauxit/Aluminiumoxid/Aluminium")?.minerals).toEqual([
      "bauxite",
      "alumina",
      "aluminium",
    ]);
  });

  it("maps groups to the group and its members, by the stated definition (list-group-members)", () => {
    expect(item("eu-crma-2024-critical", "Schwere seltene Erden")?.minerals).toEqual([
      "heavy-rare-earths",
      ...LIST_GROUPS["heavy-rare-earths"],
    ]);
    expect(item("eu-crma-2024-critical", "Leichte seltene Erden")?.minerals).toEqual([
      "light-rare-earths",
      ...LIST_GROUPS["light-rare-earths"],
    ]);
    expect(item("eu-crma-2024-strategic", "Metalle der Platingruppe")).toMatchObject({
      minerals: ["pgms", ...LIST_GROUPS.pgms],
      rules: [LIST_RULES.germanName, LIST_RULES.groupMembers],
    });
    // The magnet rare earths are the seven the item itself names, in its order.
    const magnets = item(
      "eu-crma-2024-strategic",
      "Seltenerdmetalle für Dauermagnete (Nd, Pr, Tb, Dy, Gd, Sm und Ce)",
    )!;
    const symbols = /\(([^)]*)\)/.exec(magnets.item)![1]!.split(/, | und /);
    expect(symbols.map((symbol) => magnets.minerals.find((m) => mineralAliases(m).includes(symbol)))).toEqual(
      magnets.minerals,
    );
    expect(magnets.qualifier).toBe("for permanent magnets (Nd, Pr, Tb, Dy, Gd, Sm, Ce)");
    // Every member is an individual material the EU 2023 study assesses (the ec-crm-2023 reader's table);
    // the groups do not overlap and together hold the study's fifteen rare earths.
    const euIds = new Set(Object.values(EU_MATERIALS));
    for (const members of Object.values(LIST_GROUPS)) for (const m of members) expect(euIds.has(m), m).toBe(true);
    const rareEarths = [...LIST_GROUPS["heavy-rare-earths"], ...LIST_GROUPS["light-rare-earths"]];
    expect(new Set(rareEarths).size).toBe(15);
  });

  it("the mapping tables hold exactly the items of the file: none missing, none stale", () => {
    const german = new Set(
      raw.dataLines.filter(({ row }) => row.language === "de").map(({ row }) => row.item_as_written),
    );
    const english = new Set(
      raw.dataLines.filter(({ row }) => row.language === "en").map(({ row }) => row.item_as_written),
    );
    expect(new Set(EU_ITEMS.map((m) => m.item))).toEqual(german);
    expect(new Set(Object.keys(US_ITEMS))).toEqual(english);
    expect(EU_ITEMS.every((m) => m.english !== "" && m.why !== "")).toBe(true);
    expect(listItemMapping("Unobtainium", "en")).toBeUndefined();
    expect(listItemMapping("Gallium", "fr")).toBeUndefined();
  });
});

describe("readCriticalLists refuses what it cannot map", () => {
  const original = readFileSync(path.join(dataDir, LISTS_FILE), "utf8");
  const problemsWith = (edit: (text: string) => string) =>
    problemsReading(LISTS_FILE, edit(original), readCriticalLists);

  it("an item no table maps fails the build naming it", () => {
    expect(problemsWith((t) => t.replace(",critical,Tin,", ",critical,Tinn,"))).toMatch(
      /critical-lists\.csv:row \d+: item "Tinn" \(en\) is in no mapping table/,
    );
  });

  it("a day that does not exist, and a list out of order", () => {
    expect(problemsWith((t) => t.replaceAll(",2022-02-24,", ",2022-02-30,"))).toMatch(/published: not a real date/);
    expect(problemsWith((t) => t.replace("list position 2 of 60", "list position 3 of 60"))).toMatch(
      /row 2 of us-2025-final, but its locator says "list position 3 of 60/,
    );
  });
});
