// DEMAND's #N/A says which years exist, as CHINA_SHARE's does (issue 16): the years are read here
// from the raw IEA 2025 file, without the pipeline.
import { describe, expect, it } from "vitest";
import { RAW, readJson } from "../../../test/support/raw.ts";
import * as functions from "../src/functions/functions.ts";
import { installStubRuntime, StubError } from "./stub-runtime.ts";

installStubRuntime();
const iea2025 = readJson(RAW.ieaParsed2025);

describe("DEMAND without a figure", () => {
  it("lists the years each IEA edition has", () => {
    const total = iea2025.totalDemand.Lithium.totalDemand;
    const years = [
      ...Object.keys(total).filter((k) => /^\d{4}$/.test(k)),
      ...Object.keys(total.STEPS as Record<string, number>),
    ];
    const cell = functions.demand([["lithium"]], 2019)[0]![0];
    expect(cell).toBeInstanceOf(StubError);
    const { code, message } = cell as StubError;
    expect(code).toBe("#N/A");
    expect(message).toMatch(/^DEMAND: no 2019 lithium total demand figure; years available: iea-cmde-2025: /);
    expect(message).toContain(`iea-cmde-2025: ${years.join(", ")}`);
  });
});
