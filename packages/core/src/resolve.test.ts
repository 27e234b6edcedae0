import { describe, expect, it } from "vitest";
import { EDITION_IDS } from "./constants.ts";
import { bundledDataset } from "./data/dataset.ts";
import { withinEditions } from "./resolve.ts";
import { thrown } from "../../../test/support/thrown.ts";

// The series each function reads, from the rows themselves: demand rows for the IEA functions,
// reserves rows for reserves.
const { supply, demand } = bundledDataset();
const demandEditions = new Set(demand.map((r) => r.edition));
const reservesEditions = new Set(supply.filter((r) => r.measure === "reserves").map((r) => r.edition));

describe("withinEditions", () => {
  it("keeps, of a one-edition-per-series pin, the edition of the series the function reads", () => {
    for (const pin of [
      ["ec-crm-2023", "iea-cmde-2024", "usgs-mcs-2025"],
      ["ec-crm-2023", "iea-cmde-2025", "usgs-mcs-2025"],
    ] as const) {
      for (const fn of ["demand", "techExposure", "coverageWithout"] as const)
        expect(withinEditions(fn, pin), fn).toEqual(pin.filter((id) => demandEditions.has(id)));
      expect(withinEditions("reserves", pin)).toEqual(pin.filter((id) => reservesEditions.has(id)));
    }
  });

  it("keeps every listed edition of the series, and none when the list names none", () => {
    expect(withinEditions("demand", ["iea-cmde-2024", "iea-cmde-2025"])).toEqual(["iea-cmde-2024", "iea-cmde-2025"]);
    expect(withinEditions("demand", ["usgs-mcs-2025", "ec-crm-2023"])).toEqual([]);
    expect(withinEditions("reserves", ["iea-cmde-2024", "ec-crm-2023"])).toEqual(
      (["iea-cmde-2024", "ec-crm-2023"] as const).filter((id) => reservesEditions.has(id)),
    );
    expect(EDITION_IDS.filter((id) => withinEditions("reserves", [id]).length > 0)).toEqual([...reservesEditions]);
  });

  it("rejects another function, an empty or malformed list, and unknown editions", () => {
    expect(thrown(() => withinEditions("share" as never, ["iea-cmde-2024"]))).toMatchObject({
      code: "invalid_argument",
      message: 'withinEditions: fn must be one of demand, techExposure, coverageWithout, reserves, got "share"',
    });
    expect(thrown(() => withinEditions("demand", []))).toMatchObject({ code: "invalid_argument" });
    expect(thrown(() => withinEditions("demand", "iea-cmde-2024" as never))).toMatchObject({
      code: "invalid_argument",
    });
    expect(thrown(() => withinEditions("demand", ["iea-cmde-2030" as never]))).toMatchObject({ code: "unknown_id" });
  });
});
