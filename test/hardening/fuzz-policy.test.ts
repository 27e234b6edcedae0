// Fuzzing of the policy functions' own arguments (issue 15): dates, list ids and destinations.
// Any text that is not a real YYYY-MM-DD day, any list id not in CRITICAL_LISTS and any unknown
// destination is a CritminError naming the argument (with "did you mean" for a near name) in the
// SDK, and #VALUE! carrying the same message in Excel; every real day answers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as core from "../../packages/core/src/index.ts";
import * as functions from "../../packages/excel-addin/src/functions/functions.ts";
import { installStubRuntime, StubError } from "../../packages/excel-addin/test/stub-runtime.ts";
import { fuzzParameters } from "./hostile.ts";

installStubRuntime();

const RUNS = 300;
const thrown = (call: () => unknown): unknown => {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
};
const cellOf = (grid: unknown[][]) => grid[0]![0];

/** Whether y-m-d is a day of the proleptic Gregorian calendar. */
const isDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

describe("fuzz: policy functions' dates, list ids and destinations", () => {
  it("a YYYY-MM-DD text answers exactly when it names a real day; otherwise the error names asOf", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
          const error = thrown(() => core.underExportControl("gallium", { asOf: text }));
          if (isDay(y, m, d) && m >= 1 && d >= 1) expect(error).toBeUndefined();
          else {
            expect(error).toBeInstanceOf(core.CritminError);
            expect((error as core.CritminError).message).toMatch(/^underExportControl: asOf /);
            const cell = cellOf(functions.underExportControl([["gallium"]], text));
            expect(cell).toBeInstanceOf(StubError);
            expect((cell as StubError).message).toBe((error as Error).message);
          }
        },
      ),
      fuzzParameters(RUNS),
    );
  });

  it("a date cell's serial is its day: 45138 is 2023-07-31, 45139 is 2023-08-01 (Ga/Ge licences take effect)", () => {
    const at = (asOf: unknown) => cellOf(functions.underExportControl([["gallium"]], asOf));
    expect([at(45_138), at(45_139)]).toEqual([
      core.underExportControl("gallium", { asOf: "2023-07-31" }),
      core.underExportControl("gallium", { asOf: "2023-08-01" }),
    ]);
    expect([at(45_138), at(45_139)]).toEqual([false, true]);
    for (const bad of [0.5, -1, 3e6]) expect((at(bad) as StubError).code).toBe("#VALUE!");
  });

  it("any other text or value as a date is invalid_argument naming the argument", () => {
    const notDate = fc.oneof(
      fc.string({ maxLength: 20 }).filter((s) => !/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(s) && s.trim() !== ""),
      fc.constantFrom("tomorrow", "2025-2-3", "05/12/2026", "2025-02-30", "2026-13-01", true, {}, [2025]),
      fc.double(),
    );
    fc.assert(
      fc.property(notDate, (asOf) => {
        const error = thrown(() => core.exportControls({ mineral: "graphite", asOf: asOf as string }));
        expect(error).toBeInstanceOf(core.CritminError);
        expect((error as core.CritminError).code).toBe("invalid_argument");
        expect((error as Error).message).toMatch(/^exportControls: asOf /);
      }),
      fuzzParameters(RUNS),
    );
    expect(thrown(() => core.exportControls({ asOf: new Date(Number.NaN) }))).toBeInstanceOf(core.CritminError);
  });

  it("a list id one edit away from a real one is unknown_id suggesting it, in the SDK and in Excel", () => {
    const edit = fc
      .tuple(fc.constantFrom(...core.CRITICAL_LISTS), fc.nat(), fc.constantFrom("x", "", "-"))
      .map(([id, at, ch]) => {
        const i = at % id.length;
        return id.slice(0, i) + ch + id.slice(i + 1);
      })
      .filter((id) => !(core.CRITICAL_LISTS as readonly string[]).includes(id));
    fc.assert(
      fc.property(edit, (list) => {
        const error = thrown(() => core.isCritical("gallium", list));
        expect(error).toBeInstanceOf(core.CritminError);
        expect((error as core.CritminError).code).toBe("unknown_id");
        expect((error as Error).message).toMatch(/^isCritical: unknown list ".*"; did you mean "[a-z0-9-]+"\?$/);
        const cell = cellOf(functions.isCritical([["gallium"]], list));
        expect((cell as StubError).code).toBe("#VALUE!");
        expect((cell as StubError).message).toBe((error as Error).message);
      }),
      fuzzParameters(RUNS),
    );
  });

  it("an unknown destination is unknown_id naming destination, with the nearest country", () => {
    expect(thrown(() => core.exportControls({ destination: "Untied States" }))).toMatchObject({
      code: "unknown_id",
      message: 'exportControls: unknown destination "Untied States"; did you mean "USA"?',
    });
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (destination) => {
        const error = thrown(() => core.underExportControl("gallium", { destination }));
        if (error === undefined) return;
        expect(error).toBeInstanceOf(core.CritminError);
        expect((error as Error).message).toMatch(/^underExportControl: (unknown )?destination /);
      }),
      fuzzParameters(RUNS),
    );
    expect(thrown(() => core.exportControls({ destination: "World" }))).toMatchObject({ code: "invalid_argument" });
  });
});
