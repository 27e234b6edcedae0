// CRITMIN.EXPLAIN with the stub runtime: the rows it spills, its errors, and (parity) that its value
// row is what the plain function returns for every example and gallery example in traits.ts.
import * as core from "@critmin/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRows, UNSTATED_PERIOD, whenText } from "../src/adapter/answerText.ts";
import { EXPLAINED } from "../src/adapter/explain.ts";
import * as functions from "../src/functions/functions.ts";
import { TRAITS, type ExcelArg } from "../src/functions/traits.ts";
import { generateMetadata } from "../scripts/build.ts";
import { installStubRuntime, isExcelError, type StubError, uninstallStubRuntime } from "./stub-runtime.ts";

type Fn = (...args: unknown[]) => unknown[][];
const excel = functions as unknown as Record<string, Fn>;
let byId: Map<string, { fn: Fn; matrix: boolean[] }>;

beforeAll(async () => {
  installStubRuntime();
  const { json, associate } = await generateMetadata();
  const metas = (JSON.parse(json) as { functions: { id: string; parameters: { dimensionality?: string }[] }[] })
    .functions;
  byId = new Map(
    associate.map((a) => [
      a.id,
      {
        fn: excel[a.functionName]!,
        matrix: metas.find((m) => m.id === a.id)!.parameters.map((p) => p.dimensionality === "matrix"),
      },
    ]),
  );
}, 60_000);
afterAll(() => uninstallStubRuntime());

const field = (rows: unknown[][], name: string) => rows.find((r) => r[0] === name)?.[1];

describe("EXPLAIN", () => {
  it('spills Field/Value rows for CHINA_SHARE("cobalt"), the value being core.chinaShare\'s number', () => {
    const rows = functions.explain("CHINA_SHARE", "cobalt");
    const answer = core.explain(core.chinaShare, "cobalt");
    expect(rows[0]).toEqual(["Field", "Value"]);
    expect(rows.map((r) => r[0])).toEqual([
      "Field",
      "value",
      "unit",
      "edition",
      "citation",
      "year",
      "kind",
      "scenario / case",
      "stage",
      "basis",
      "bound",
      "not listed",
      "reason",
      "rule",
      ...answer.sources.map((_, i) => `source ${i + 1}`),
    ]);
    expect(rows.every((r) => r.length === 2 && r.every((c) => c !== null && c !== undefined))).toBe(true);
    expect(field(rows, "value")).toBe(core.chinaShare("cobalt"));
    expect(typeof field(rows, "value")).toBe("number");
    expect(field(rows, "edition")).toBe(answer.edition);
    expect(field(rows, "citation")).toBe(answer.citation);
    expect(field(rows, "year")).toBe(String(answer.year));
    expect(field(rows, "stage")).toBe("refining");
    expect(field(rows, "bound")).toBe("exact");
    expect(field(rows, "reason")).toBe("");
    expect(field(rows, "source 1")).toContain(answer.sources[0]!.locator);
  });

  it("takes the id in any case, with or without the CRITMIN. prefix", () => {
    const rows = functions.explain("CHINA_SHARE", "rare earths", "mining");
    expect(functions.explain("critmin.china_share", "rare earths", "mining")).toEqual(rows);
    expect(functions.explain("China_Share", "rare earths", "mining")).toEqual(rows);
    expect(field(rows, "value")).toBe(core.chinaShare("rare earths", { stage: "mining" }));
  });

  it("reads the function's arguments as the function does: the same #VALUE! for a bad one", () => {
    const [[own]] = functions.chinaShare([["cobalt"]], "milling" as never) as [[StubError]];
    const [[explained]] = functions.explain("CHINA_SHARE", "cobalt", "milling") as [[StubError]];
    expect(own.code).toBe("#VALUE!");
    expect(explained.code).toBe("#VALUE!");
    expect(explained.message).toBe(own.message);
  });

  it("gives a missing figure as a blank value (never 0) with the reason", () => {
    const rows = functions.explain("CHINA_SHARE", "cobalt", null, 2019);
    expect(field(rows, "value")).toBe("");
    expect(String(field(rows, "reason"))).toMatch(/2019/);
  });

  it('an unknown function is #VALUE! naming the nearest valid one: "CHINA_SHARES"', () => {
    const [[cell]] = functions.explain("CHINA_SHARES", "cobalt") as [[StubError]];
    expect(isExcelError(cell)).toBe(true);
    expect(cell.code).toBe("#VALUE!");
    expect(cell.message).toContain('did you mean "CHINA_SHARE"?');
  });

  it.each(["MINERALS", "EDITIONS", "DATA_VERSION", "SOURCE", "EXPLAIN", "TOP_PRODUCERS", "TECH_EXPOSURE_TABLE"])(
    "%s is not a value function: #VALUE! saying which functions EXPLAIN takes",
    (id) => {
      const [[cell]] = functions.explain(id, "cobalt") as [[StubError]];
      expect(cell.code).toBe("#VALUE!");
      expect(cell.message).toContain(`EXPLAIN: ${id} `);
      expect(cell.message).toContain("EXPLAIN takes CHINA_SHARE,SHARE,");
    },
  );

  it("takes every value function of traits.ts, and no table", () => {
    const values = Object.entries(TRAITS)
      .filter(([id, t]) => t.kind === "value" && id !== "SOURCE" && id !== "DATA_VERSION")
      .map(([id]) => id)
      .sort();
    expect([...EXPLAINED].sort()).toEqual(values);
  });
});

describe("an answer's rows", () => {
  const base = core.explain(core.chinaShare, "cobalt");
  it(`a period average without a period reads "${UNSTATED_PERIOD}", never a bare year`, () => {
    const answer = { ...base, kind: "period-average" as const, year: undefined, period: undefined };
    expect(whenText(answer)).toBe(UNSTATED_PERIOD);
    expect(answerRows(answer, 0.2).find((r) => r[0] === "period")?.[1]).toBe(UNSTATED_PERIOD);
  });
  it("a period average with a period reads 2016–2020 average", () => {
    const answer = { ...base, kind: "period-average" as const, year: undefined, period: { from: 2016, to: 2020 } };
    expect(whenText(answer)).toBe("2016–2020 average");
  });
  it("a lower bound says at least", () => {
    const rows = functions.explain("GROUP_SHARE", "nickel", "G7");
    const answer = core.explain(core.groupShare, "nickel", "G7");
    expect(answer.bound).toBe("lower");
    expect(field(rows, "bound")).toBe("lower (at least this value)");
    expect(field(rows, "not listed")).toBe(answer.notListed.join(", "));
  });
});

describe("parity: EXPLAIN's value row is the plain function's result", () => {
  /** As Excel calls the function: every declared parameter, a matrix parameter as a 2-D array. */
  const plain = (id: string, args: readonly ExcelArg[]) => {
    const { fn, matrix } = byId.get(id)!;
    return fn(
      ...matrix.map((m, i) => (m && i < args.length && !Array.isArray(args[i]) ? [[args[i]]] : (args[i] ?? null))),
    );
  };
  const examples = Object.entries(TRAITS)
    .filter(([id]) => EXPLAINED.includes(id))
    .flatMap(([id, t]) => [
      ...t.examples.map((e) => [id, e.args] as const),
      ...[[id, Object.values(t.gallery).map((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v))] as const].filter(
        ([, args]) => args.length > 0,
      ),
    ])
    // EXPLAIN explains one cell: a range example is checked cell by cell below.
    .flatMap(([id, args]) =>
      Array.isArray(args[0])
        ? (args[0] as string[][]).flat().map((cell) => [id, [cell, ...args.slice(1)]] as const)
        : [[id, args] as const],
    );

  it("covers every explained function", () => {
    expect(new Set(examples.map(([id]) => id))).toEqual(new Set(EXPLAINED));
  });

  it.each(examples.map(([id, args]) => [`${id}(${JSON.stringify(args)})`, id, args] as const))("%s", (_, id, args) => {
    const own = plain(id, args)[0]![0];
    const rows = (functions.explain as Fn)(id, ...args);
    if (isExcelError(own) && own.code === "#VALUE!") {
      expect((rows[0]![0] as StubError).message).toBe(own.message);
    } else if (isExcelError(own)) {
      expect(field(rows, "value")).toBe("");
      expect(field(rows, "reason")).not.toBe("");
    } else {
      expect(field(rows, "value")).toBe(own);
    }
  });
});
