// explain() against the plain functions, over every question the dataset can answer: the answer's
// value is the plain call's value; every value comes with at least one located source figure, every
// missing value with a reason; and each source figure is what the raw file holds at its locator,
// read here without the pipeline.
import { describe, expect, it } from "vitest";
import * as core from "../packages/core/src/index.ts";
import type { Answer, AnswerSource, Explainable } from "../packages/core/src/index.ts";
import { cellNumber, readJson, readWorkbook, SOURCE_DIR } from "./support/index.ts";
import { parse } from "csv-parse/sync";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";

const data = core.bundledDataset();
const STAGES = ["mining", "refining"] as const;

interface Case {
  readonly label: string;
  readonly fn: Explainable;
  readonly args: readonly unknown[];
}

/** Every (mineral, stage) with production rows, and the countries any of its blocks lists. */
function supplySeries(): Map<string, { mineral: string; stage: (typeof STAGES)[number]; countries: Set<string> }> {
  const series = new Map<string, { mineral: string; stage: (typeof STAGES)[number]; countries: Set<string> }>();
  for (const r of data.supply) {
    if (r.measure !== "production") continue;
    const key = `${r.mineral}|${r.stage}`;
    const entry = series.get(key) ?? { mineral: r.mineral, stage: r.stage, countries: new Set<string>() };
    series.set(key, entry);
    if (r.country !== "WORLD" && r.country !== "ROW") entry.countries.add(r.country);
  }
  return series;
}

function cases(): Case[] {
  const out: Case[] = [];
  const add = (fn: Explainable, ...args: unknown[]) =>
    out.push({ label: `${(fn as { name: string }).name}(${JSON.stringify(args).slice(1, -1)})`, fn, args });
  for (const { mineral, stage, countries } of supplySeries().values()) {
    const editions = [
      ...new Set(data.supply.filter((r) => r.mineral === mineral && r.stage === stage).map((r) => r.edition)),
    ];
    for (const options of [{ stage }, ...editions.map((source) => ({ stage, source }))]) {
      for (const country of countries) add(core.share, mineral, country, options);
      add(core.chinaShare, mineral, options);
      add(core.production, mineral, "CHN", options);
      add(core.hhi, mineral, options);
      add(core.crN, mineral, 3, options);
      add(core.effectiveSuppliers, mineral, options);
      add(core.concentration, mineral, options);
      add(core.topProducers, mineral, options);
      for (const group of core.GROUPS) add(core.groupShare, mineral, group.id, options);
      add(core.supplyAtRisk, mineral, "CHN", 0.5, options);
      add(core.diversificationGap, mineral, options);
      add(core.coverageWithout, mineral, options);
      add(core.governanceWeightedHhi, mineral, options);
    }
    add(core.crmaCheck, mineral, stage);
    const years = [
      ...new Set(data.supply.filter((r) => r.mineral === mineral && r.stage === stage).map((r) => r.year)),
    ];
    if (years.length > 1)
      add(core.shareChange, mineral, "CHN", { from: Math.min(...years), to: Math.max(...years), stage });
  }
  const demandKeys = new Set(
    data.demand
      .filter((r) => r.table === "total-demand" && r.use === "total")
      .map((r) => `${r.mineral}|${r.year}|${r.scenario ?? ""}`),
  );
  for (const key of demandKeys) {
    const [mineral, year, scenario] = key.split("|");
    add(core.demand, mineral, { year: Number(year), ...(scenario ? { scenario } : {}) });
  }
  for (const technology of core.TECHNOLOGIES) for (const stage of STAGES) add(core.techExposure, technology, { stage });
  // governance (issue 15): scored economies, one the WGI do not score (NCL), an empty cell (AIA), a year not bundled
  for (const country of ["CHN", "USA", "COD", "COG", "AUS", "NCL", "AIA"])
    for (const dimension of core.GOVERNANCE_MEASURES) add(core.governance, country, dimension);
  add(core.governance, "CHN", "political-stability", { year: 2015 });
  const materials = new Set(data.indicators.map((r) => r.mineral));
  for (const mineral of materials) {
    add(core.supplyRisk, mineral);
    add(core.economicImportance, mineral);
    add(core.importReliance, mineral, "EU");
    add(core.importReliance, mineral, "USA");
  }
  for (const r of data.supply)
    if (r.measure === "reserves" && r.country !== "WORLD" && r.country !== "ROW")
      add(core.reserves, r.mineral, r.country);
  // policy (issue 15): every mineral in every list; export-control status around each date of the file
  const dates = [...new Set(data.controls.flatMap((r) => [r.effective, r.suspendedUntil ?? r.effective]))];
  for (const m of data.minerals) {
    for (const list of core.CRITICAL_LISTS) add(core.isCritical, m.id, list);
    for (const asOf of ["2026-12-05", ...dates]) add(core.underExportControl, m.id, { asOf });
    add(core.underExportControl, m.id, { asOf: "2026-12-05", destination: "USA" });
  }
  return out;
}

const CASES = cases();
const answers = CASES.map((c) => ({
  ...c,
  plain: (c.fn as (...a: readonly unknown[]) => unknown)(...c.args),
  answer: (core.explain as (fn: Explainable, ...a: readonly unknown[]) => Answer<unknown>)(c.fn, ...c.args),
}));

describe("explain() over every question the dataset answers", () => {
  it("covers every function it names, in thousands of cases", () => {
    const names = new Set(answers.map((a) => a.answer.function));
    expect([...names].sort()).toEqual([...core.EXPLAINABLE].sort());
    expect(answers.length).toBeGreaterThan(2000);
  });

  it("answers with exactly the plain call's value", () => {
    const wrong = answers.filter(
      (a) => !Object.is(a.answer.value, a.plain) && JSON.stringify(a.answer.value) !== JSON.stringify(a.plain),
    );
    expect(wrong.map((a) => a.label)).toEqual([]);
  });

  it("gives every value at least one source figure with a locator, and an edition", () => {
    const bare = answers.filter(
      (a) =>
        a.answer.value !== undefined &&
        (a.answer.sources.length === 0 || !a.answer.edition || a.answer.sources.some((s) => s.locator.length < 3)),
    );
    expect(bare.map((a) => a.label)).toEqual([]);
  });

  it("gives every missing value a reason, and a present value none", () => {
    const unexplained = answers.filter(
      (a) => (a.answer.value === undefined) !== (typeof a.answer.reason === "string" && a.answer.reason.length > 0),
    );
    expect(unexplained.map((a) => `${a.label}: ${a.answer.reason}`)).toEqual([]);
  });

  it("never answers with an empty list: no rows is a missing value, with its reason", () => {
    const empty = answers.filter((a) => Array.isArray(a.answer.value) && a.answer.value.length === 0);
    expect(empty.map((a) => a.label)).toEqual([]);
  });

  it("answers the same when the function is named instead of passed", () => {
    const byName = (fn: string, args: readonly unknown[]) =>
      (core.explain as (fn: string, ...a: readonly unknown[]) => Answer<unknown>)(fn, ...args);
    const differ = answers.filter(
      (a, i) => i % 5 === 0 && JSON.stringify(byName(a.answer.function, a.args)) !== JSON.stringify(a.answer),
    );
    expect(differ.map((a) => a.label)).toEqual([]);
  });

  it("never labels a period average with a single year", () => {
    const labelled = answers.filter((a) => a.answer.kind === "period-average" && a.answer.year !== undefined);
    expect(labelled.map((a) => a.label)).toEqual([]);
  });

  it("flags a group with members outside the listed countries as a lower bound, naming them", () => {
    const groups = answers.filter((a) => a.answer.function === "groupShare" && a.answer.value !== undefined);
    const unflagged = groups.filter((a) => a.answer.bound === "lower" && a.answer.notListed.length === 0);
    expect(unflagged.map((a) => a.label)).toEqual([]);
    expect(groups.some((a) => a.answer.bound === "lower")).toBe(true);
  });

  it("is frozen, so a caller cannot change what the next caller reads", () => {
    const { answer } = answers.find((a) => a.answer.sources.length > 1)!;
    expect(Object.isFrozen(answer)).toBe(true);
    expect(Object.isFrozen(answer.sources)).toBe(true);
    expect(Object.isFrozen(answer.sources[0])).toBe(true);
  });
});

const csvLines = new Map<string, Map<number, Record<string, string>>>();

/** A CSV's records by the physical line they start on (a locator's "row"), the header being line 1. */
function csvByLine(file: string): Map<number, Record<string, string>> {
  let byLine = csvLines.get(file);
  if (!byLine) {
    const parsed: { record: Record<string, string>; info: { lines: number } }[] = parse(
      readFileSync(path.join(SOURCE_DIR, file)),
      { columns: true, info: true, bom: true },
    );
    byLine = new Map();
    // csv-parse reports the line a record ends on; a record starts on the line after the previous one ends.
    let ended = 1;
    for (const { record, info } of parsed) {
      byLine.set(ended + 1, record);
      ended = info.lines;
    }
    csvLines.set(file, byLine);
  }
  return byLine;
}

/** The number a raw file holds at a locator, read without the pipeline. */
async function rawValue(locator: string, workbooks: Map<string, ExcelJS.Workbook>): Promise<number | undefined> {
  const find = (file: string) =>
    ["iea", "usgs", "eu", "wb"].map((dir) => path.join(dir, file)).find((p) => existsSync(path.join(SOURCE_DIR, p)))!;
  const printed = (text: string) => Number(text.replace(/[%,<>\s]/g, ""));
  const json = /^(.+\.json)#\/(.+)$/.exec(locator);
  if (json) {
    let node: unknown = readJson(find(json[1]!));
    for (const key of json[2]!.split("/"))
      node = (node as Record<string, unknown>)[key.replaceAll("~1", "/").replaceAll("~0", "~")];
    return typeof node === "number" ? node : typeof node === "string" ? printed(node) : undefined;
  }
  const csv = /^(.+\.csv):row (\d+):(.+)$/.exec(locator);
  if (csv) {
    const text = csvByLine(find(csv[1]!)).get(Number(csv[2]))?.[csv[3]!];
    return text === undefined ? undefined : printed(text);
  }
  const cell = /^(.+\.xlsx)!'(.+)'!([A-Z]+\d+)$/.exec(locator);
  if (cell) {
    const file = find(cell[1]!);
    let book = workbooks.get(file);
    if (!book) workbooks.set(file, (book = await readWorkbook(file)));
    return cellNumber(book.getWorksheet(cell[2])!.getCell(cell[3]!).value);
  }
  return undefined;
}

describe("explain()'s source figures", () => {
  it("are the numbers the raw files hold at their locators", async () => {
    const sources = new Map<string, AnswerSource>();
    for (const { answer } of answers) for (const s of answer.sources) if (s.value !== null) sources.set(s.locator, s);
    const workbooks = new Map<string, ExcelJS.Workbook>();
    const wrong: string[] = [];
    let checked = 0;
    for (const [locator, source] of sources) {
      if (locator.startsWith("derived:")) continue;
      const raw = await rawValue(locator, workbooks);
      // Rates the source prints as percent are stored as fractions (percent ÷ 100).
      const matches = (v: number) => raw !== undefined && Math.abs(v - raw) <= 1e-9 * Math.max(1, Math.abs(raw));
      if (!matches(source.value!) && !(source.unit === "fraction" && matches(source.value! * 100)))
        wrong.push(`${locator}: answer ${source.value}, raw ${raw}`);
      checked++;
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  }, 120_000);
});

describe("explain() itself", () => {
  it("rejects a function it does not explain, naming those it does", () => {
    const call = () => (core.explain as (fn: unknown) => unknown)(core.minerals);
    expect(call).toThrow(core.CritminError);
    expect(call).toThrow(/chinaShare/);
    expect(call).toThrow(/got the function minerals, which it does not explain$/);
  });

  it("takes every name its message lists, and a misspelt name gets the nearest", () => {
    let message = "";
    try {
      (core.explain as (fn: unknown) => unknown)(42);
    } catch (error) {
      message = (error as Error).message;
    }
    const listed = /\(([^)]+)\)/.exec(message)![1]!.split(", ");
    expect([...listed].sort()).toEqual([...core.EXPLAINABLE].sort());
    const cases = answers.filter((a) => listed.includes(a.answer.function));
    for (const name of listed) {
      const { args } = cases.find((a) => a.answer.function === name)!;
      expect(() => (core.explain as (fn: string, ...a: readonly unknown[]) => unknown)(name, ...args)).not.toThrow();
    }
    expect(() => core.explain("topProducers", "boron", { stage: "mining", source: "usgs-mcs-2025" })).not.toThrow();
    expect(() => (core.explain as (fn: string) => unknown)("topProducer")).toThrow(
      /^explain: unknown function "topProducer"; did you mean "topProducers"\?$/,
    );
  });

  it("throws what the plain call throws", () => {
    expect(() => core.explain(core.chinaShare, "cobalts")).toThrow(/did you mean "cobalt"/);
  });

  it("accepts only the function's own arguments (checked by tsc)", () => {
    const typeChecks = () => {
      // @ts-expect-error -- chinaShare takes a mineral, not a number
      core.explain(core.chinaShare, 5);
      // @ts-expect-error -- share needs a country
      core.explain(core.share, "cobalt", { stage: "mining" }, 1);
      core.explain(core.share, "cobalt", "COD", { stage: "mining" });
      // @ts-expect-error -- by name too: share needs a country
      core.explain("share", "cobalt", { stage: "mining" }, 1);
      // @ts-expect-error -- series returns a table with its own reason; explain does not take it
      core.explain("series", "cobalt", "CHN");
      core.explain("share", "cobalt", "COD", { stage: "mining" });
    };
    expect(typeof typeChecks).toBe("function");
  });
});
