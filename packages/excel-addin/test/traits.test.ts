// The traits table (src/functions/traits.ts) against functions.json as the build generates it:
// one entry per function and none left over; `kind` agrees with the metadata and with what each
// function returns for its examples; the gallery's example names only real parameters; the
// methodology anchors exist in the methodology page.
import { readFileSync } from "node:fs";
import path from "node:path";
import * as core from "@critmin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addinDir, generateMetadata } from "../scripts/build.ts";
import { TRAITS, traitsOf, type ExcelArg } from "../src/functions/traits.ts";
import { installStubRuntime, isExcelError, uninstallStubRuntime } from "./stub-runtime.ts";

interface Meta {
  readonly id: string;
  readonly parameters: readonly { readonly name: string; readonly dimensionality?: string }[];
  readonly result?: { readonly dimensionality?: string };
}

let metas: readonly Meta[];
let wrappers: Map<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  installStubRuntime();
  const functions = (await import("../src/functions/functions.ts")) as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  const { json, associate } = await generateMetadata();
  metas = (JSON.parse(json) as { functions: Meta[] }).functions;
  wrappers = new Map(associate.map((a) => [a.id, functions[a.functionName]!]));
}, 60_000);

afterAll(() => uninstallStubRuntime());

/** Calls as Excel does: every declared parameter, a matrix parameter given as a 2-D array. */
function call(meta: Meta, args: readonly ExcelArg[]): unknown[][] {
  const values = meta.parameters.map((p, i) => {
    const arg = i < args.length ? args[i]! : null;
    return p.dimensionality === "matrix" && !Array.isArray(arg) ? [[arg]] : arg;
  });
  return wrappers.get(meta.id)!(...values) as unknown[][];
}

describe("function traits", () => {
  it("has an entry for every function in functions.json, and none for a function it lacks", () => {
    const ids = metas.map((m) => m.id).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect(Object.keys(TRAITS).sort()).toEqual(ids);
    expect(traitsOf("NOT_A_FUNCTION")).toBeUndefined();
    expect(traitsOf("constructor")).toBeUndefined();
  });

  it("names a @critmin/core function that exists for every entry", () => {
    for (const [id, t] of Object.entries(TRAITS)) expect(typeof core[t.core], `${id}: ${t.core}`).toBe("function");
  });

  it("gives a table kind only to functions that spill a 2-D result from single-value arguments", () => {
    for (const meta of metas) {
      const t = TRAITS[meta.id]!;
      if (t.kind !== "table") continue;
      expect(meta.result?.dimensionality, meta.id).toBe("matrix");
      // One call makes one table: no argument spills one result per cell.
      expect(
        meta.parameters.filter((p) => p.dimensionality === "matrix").map((p) => p.name),
        meta.id,
      ).toEqual([]);
    }
  });

  it("matches what each example returns: a table spills a text header row, a value is one cell", () => {
    for (const meta of metas) {
      const t = TRAITS[meta.id]!;
      expect(t.examples.length, `${meta.id} has no example`).toBeGreaterThan(0);
      for (const example of t.examples) {
        const rows = call(meta, example.args);
        const label = `${meta.id}(${JSON.stringify(example.args)})`;
        if (rows.flat().some(isExcelError)) continue;
        if (t.kind === "table") {
          expect(rows.length, label).toBeGreaterThan(1);
          expect(
            rows[0]!.every((c) => typeof c === "string"),
            label,
          ).toBe(true);
        } else {
          const range = example.args.find(Array.isArray);
          expect(rows.length, label).toBe(range ? range.length : 1);
          expect(
            rows.every((r) => r.length === 1),
            label,
          ).toBe(true);
        }
      }
    }
  });

  it("gives each value the type its unit says", () => {
    const expected = {
      percent: "number",
      fraction: "number",
      tonnes: "number",
      index: "number",
      boolean: "boolean",
      text: "string",
    } as const;
    for (const meta of metas) {
      const t = TRAITS[meta.id]!;
      if (t.kind !== "value") continue;
      const values = t.examples.flatMap((e) => call(meta, e.args).flat()).filter((v) => !isExcelError(v));
      expect(values.length, meta.id).toBeGreaterThan(0);
      for (const v of values) expect(typeof v, meta.id).toBe(expected[t.unit]);
      if (t.unit === "percent") for (const v of values) expect(v as number, meta.id).toBeLessThanOrEqual(1);
    }
  });

  it("fills only real parameters in the gallery's example", () => {
    for (const meta of metas) {
      const names = meta.parameters.map((p) => p.name);
      for (const name of Object.keys(TRAITS[meta.id]!.gallery)) expect(names, `${meta.id}.${name}`).toContain(name);
    }
  });

  it("links only to methodology sections that exist", () => {
    const page = readFileSync(path.join(addinDir, "../sdk-docs/docs/methodology.md"), "utf8");
    for (const [id, t] of Object.entries(TRAITS))
      if (t.method) expect(page, `${id}: #${t.method}`).toContain(`{#${t.method}}`);
  });
});
