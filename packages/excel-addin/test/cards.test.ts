// Issue 17, cards: =CRITMIN.MINERAL and =CRITMIN.COUNTRY for every mineral and country id. With data
// types on, one entity value that type-checks as Excel.CellValue and keeps Microsoft's limits
// (property names, layouts naming only real properties, attribution on every property read from an
// edition); without, the same fields spilled as Field and Value. Fields are checked against core
// calls made here, not against the card's own code. EXPLAIN (item 3) returns its answer as a card too.
import * as core from "@critmin/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { forceDataTypes } from "../src/adapter/dataTypes.ts";
import { fieldText } from "../src/adapter/cards/card.ts";
import { countryCard, mineralCard, rowsOf } from "../src/adapter/cards/index.ts";
import { country, explain, mineral } from "../src/functions/functions.ts";
import { formatByUnit } from "../src/workbook/numberFormats.ts";
import { basic, cellValue, PROPERTY_NAME_LIMIT } from "./cellValues.ts";
import { installStubRuntime, isExcelError, type StubError, uninstallStubRuntime } from "./stub-runtime.ts";

beforeAll(() => installStubRuntime());
afterAll(() => uninstallStubRuntime());
afterEach(() => forceDataTypes(undefined));

const MINERAL_IDS = core.minerals().map((m) => m.id);
const COUNTRY_CODES = core.countries().map((c) => c.code);

/** The one entity cell a card function returns with data types on. */
function entity(result: unknown[][], label: string): Excel.EntityCellValue {
  expect([result.length, result[0]!.length], label).toEqual([1, 1]);
  const e = cellValue(result[0]![0], label) as Excel.EntityCellValue;
  expect(e.type, label).toBe("Entity");
  return e;
}

/** A property whose name starts with `prefix`, or undefined. */
const find = (e: Excel.EntityCellValue, prefix: string) =>
  Object.entries(e.properties ?? {}).find(([name]) => name.startsWith(prefix));

function checkEntity(e: Excel.EntityCellValue, fieldNames: readonly string[], label: string): void {
  // Object keys are unique: two fields with one name would silently lose one.
  expect(Object.keys(e.properties!), label).toEqual([...fieldNames]);
  for (const name of fieldNames) expect(name.length, `${label}: ${name}`).toBeLessThanOrEqual(PROPERTY_NAME_LIMIT);
  expect(e.layouts?.card?.title, label).toBe(e.text);
  const used = new Set<string>();
  let figures = 0;
  for (const [name, p] of Object.entries(e.properties!)) {
    const attribution = (p as Excel.CellValueAndPropertyMetadata).propertyMetadata?.attribution ?? [];
    for (const a of attribution) used.add(a.sourceAddress ?? "");
    // Every figure names its edition in its sublabel (the name stays stable for dot access) and
    // carries that edition's attribution.
    if (p.type === "FormattedNumber" || p.type === "Double") {
      figures++;
      const sub = (p as Excel.CellValueAndPropertyMetadata).propertyMetadata?.sublabel ?? "";
      expect(name, `${label}: ${name} has no year in its name`).not.toMatch(/, \d{4}/);
      expect(
        core.editions().filter((ed) => name.includes(ed.id)),
        `${label}: ${name} has no edition in its name`,
      ).toEqual([]);
      const edition = core.editions().find((ed) => sub.includes(`(${ed.id}`));
      expect(edition, `${label}: ${name} names an edition`).toBeDefined();
      expect(attribution, `${label}: ${name}`).toEqual([
        expect.objectContaining({ sourceAddress: edition!.url, licenseText: edition!.licence }),
      ]);
      expect(e.provider?.description, label).toContain(edition!.id);
    }
  }
  if (figures > 0) expect(used.size, `${label}: attribution`).toBeGreaterThan(0);
}

describe("MINERAL", () => {
  it(`every one of ${MINERAL_IDS.length} minerals is an entity within Excel's limits, its figures core's`, () => {
    forceDataTypes(true);
    let checkedShares = 0;
    for (const id of MINERAL_IDS) {
      const e = entity(mineral(id), id);
      expect(e.text).toBe(core.minerals().find((m) => m.id === id)!.name);
      const names = mineralCard(id).sections.flatMap((s) => s.fields.map((f) => f.name));
      checkEntity(e, names, id);
      for (const stage of ["mining", "refining"] as const) {
        const expected = core.chinaShare(id, { stage });
        const shown = find(e, `China ${stage} share,`) ?? find(e, `China ${stage} share`);
        if (expected === undefined) {
          expect(shown === undefined || shown[1].type === "String", `${id} ${stage}`).toBe(true);
          continue;
        }
        expect(shown, `${id} ${stage}`).toBeDefined();
        expect(shown![1]).toMatchObject({ type: "FormattedNumber", basicValue: expected, numberFormat: "0.0%" });
        checkedShares++;
        const hhi = core.hhi(id, { stage });
        if (hhi !== undefined) expect(find(e, `HHI ${stage}`)![1]).toMatchObject({ type: "Double", basicValue: hhi });
      }
      const lists = core.listsNaming(id).map((n) => n.list);
      for (const list of new Set(lists)) expect(find(e, `${list} (`), `${id} on ${list}`).toBeDefined();
    }
    expect(checkedShares).toBeGreaterThan(50);
  });

  it("cobalt's card: China's refining share, top producers as a nested entity, EU and US figures", () => {
    forceDataTypes(true);
    const e = entity(mineral("cobalt"), "cobalt");
    const top = find(e, "Top refining producers")![1] as Excel.EntityCellValue;
    expect(top.type).toBe("Entity");
    const producers = core.topProducers("cobalt", { n: 3 })!.filter((p) => p.rank !== null);
    expect(Object.values(top.properties!).map(basic)).toEqual(producers.map((p) => p.share));
    expect(basic(find(e, "EU supply risk")![1])).toBe(core.supplyRisk("cobalt"));
    expect(basic(find(e, "US net import reliance")![1])).toBe(core.importReliance("cobalt", "USA"));
    expect(e.layouts!.card!.sections!.map((s) => s.title)).toEqual([
      "China's share",
      "Top producers",
      "Concentration",
      "IEA projections",
      "EU assessment",
      "US",
      "Critical lists",
    ]);
  });

  it("without data types spills Field and Value: the same fields, a missing figure #N/A with its reason", () => {
    forceDataTypes(false);
    for (const id of MINERAL_IDS) {
      const rows = mineral(id);
      expect(rows[0]).toEqual(["Field", "Value"]);
      expect(rows.every((r) => r.length === 2)).toBe(true);
      const card = mineralCard(id);
      expect(rows.slice(2)).toEqual(rowsOf(card));
      for (const s of card.sections)
        for (const f of s.fields)
          expect(
            rows.some((r) => r[0] === fieldText(f)),
            `${id}: ${f.name}`,
          ).toBe(true);
      for (const r of rows.filter((r) => isExcelError(r[1]))) expect((r[1] as StubError).message).toBeTruthy();
    }
    const cobalt = mineral("cobalt");
    const refining = cobalt.find((r) => String(r[0]).startsWith("China refining share"))!;
    expect(refining[1]).toBe(core.chinaShare("cobalt"));
  });

  it("a misspelt mineral is #VALUE! with core's did-you-mean; a boolean names the argument", () => {
    for (const mode of [true, false]) {
      forceDataTypes(mode);
      const [[typo]] = mineral("cobat") as [[StubError]];
      expect([typo.code, typo.message]).toEqual([
        "#VALUE!",
        expect.stringMatching(/^MINERAL: .*did you mean "cobalt"/),
      ]);
      const [[bad]] = mineral(true) as [[StubError]];
      expect([bad.code, bad.message]).toEqual(["#VALUE!", expect.stringContaining("mineral")]);
    }
  });
});

describe("COUNTRY", () => {
  it(`every one of ${COUNTRY_CODES.length} countries is an entity within Excel's limits, its figures core's`, () => {
    forceDataTypes(true);
    for (const code of COUNTRY_CODES) {
      const e = entity(country(code), code);
      checkEntity(
        e,
        countryCard(code).sections.flatMap((s) => s.fields.map((f) => f.name)),
        code,
      );
      const mean = core.governance(code, "mean");
      const shown = find(e, "WGI mean")![1];
      if (mean === undefined) expect(shown.type).toBe("String");
      else expect(shown).toEqual(expect.objectContaining({ type: "Double", basicValue: mean }));
    }
  });

  it("Chile: each mineral where it ranks in the top three, with its share", () => {
    forceDataTypes(true);
    const e = entity(country("Chile"), "Chile");
    const expected: string[] = [];
    for (const m of core.minerals())
      for (const stage of ["mining", "refining"] as const) {
        let top: readonly core.Producer[] | undefined;
        try {
          top = core.topProducers(m.id, { stage, n: 3 });
        } catch {
          continue;
        }
        const p = top?.find((x) => x.country === "CHL" && x.rank !== null);
        if (p) {
          expected.push(`${m.name} ${stage}`);
          const [, value] = Object.entries(e.properties!).find(([n]) => n === `${m.name} ${stage} share`)!;
          expect(basic(value)).toBe(p.share);
          const sub = (value as Excel.CellValueAndPropertyMetadata).propertyMetadata?.sublabel ?? "";
          expect(sub.startsWith(`#${p.rank}`), sub).toBe(true);
        }
      }
    expect(expected).toContain("Copper mining");
    const shown = Object.keys(e.properties!).filter((n) => / (mining|refining) share$/.test(n));
    expect(shown.length).toBe(expected.length);
  });

  it("World is not a country; a typo gets did-you-mean", () => {
    forceDataTypes(false);
    expect((country("World")[0]![0] as StubError).code).toBe("#VALUE!");
    expect((country("Chlie")[0]![0] as StubError).message).toMatch(/^COUNTRY: .*did you mean/);
  });
});

describe("EXPLAIN as a card", () => {
  it("with data types: one entity, the value as its text, every row a property, sources attributed", () => {
    forceDataTypes(true);
    const cell = explain("CHINA_SHARE", "cobalt")[0]![0];
    const e = cellValue(cell, "EXPLAIN") as Excel.EntityCellValue;
    const answer = core.explain(core.chinaShare, "cobalt");
    expect(e.type).toBe("Entity");
    expect(e.text).toBe(formatByUnit(answer.value!, "fraction"));
    expect(e.properties!.value).toMatchObject({
      type: "FormattedNumber",
      basicValue: answer.value,
      numberFormat: "0.0%",
    });
    expect(e.properties!.edition).toMatchObject({ type: "String", basicValue: answer.edition });
    forceDataTypes(false);
    const rows = explain("CHINA_SHARE", "cobalt");
    // The same fields as the spill, blanks left out.
    expect(Object.keys(e.properties!)).toEqual(
      rows
        .slice(1)
        .filter((r) => r[1] !== "")
        .map((r) => r[0]),
    );
    const sources = Object.entries(e.properties!).filter(([n]) => n.startsWith("source "));
    expect(sources.length).toBe(answer.sources.length);
    for (const [, p] of sources)
      expect((p as Excel.CellValueAndPropertyMetadata).propertyMetadata?.attribution?.[0]?.sourceAddress).toBeTruthy();
  });

  it("a bound keeps its sign in the card's text, as the pane shows it", () => {
    forceDataTypes(true);
    const options = { stage: "mining", source: "iea-cmde-2024" } as const;
    const answer = core.explain(core.hhi, "rare-earths", options);
    expect(answer.bound).toBe("lower");
    const e = cellValue(
      explain("HHI", "rare-earths", "mining", null, "iea-cmde-2024")[0]![0],
      "EXPLAIN HHI",
    ) as Excel.EntityCellValue;
    expect(e.text?.startsWith("≥ ")).toBe(true);
    expect(e.properties!.value).toMatchObject({ basicValue: answer.value });
  });

  it("a missing value: #N/A as the text and the reason on the card; a bad question stays #VALUE!", () => {
    forceDataTypes(true);
    const cell = explain("CHINA_SHARE", "cobalt", null, 2019)[0]![0];
    const e = cellValue(cell, "EXPLAIN 2019") as Excel.EntityCellValue;
    expect(e.text).toBe("#N/A");
    expect(e.properties!.reason).toMatchObject({
      basicValue: core.explain(core.chinaShare, "cobalt", { year: 2019 }).reason,
    });
    expect((explain("CHINA_SHARE", "cobat")[0]![0] as StubError).code).toBe("#VALUE!");
  });
});
