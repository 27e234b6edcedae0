import { describe, expect, it } from "vitest";
import { EDITION_IDS } from "./constants.ts";
import { bundledDataset, useDataset } from "./data/dataset.ts";
import { crmaCheck } from "./exposure/crmaCheck.ts";
import { toDatasetFile } from "./refresh/format.ts";
import { parseDataset } from "./refresh/parseDataset.ts";
import { resolveSource, withinEditions } from "./resolve.ts";
import { sealed, withNewEdition, type HostedFile } from "../../../test/support/hosted.ts";
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

describe("resolveSource: period averages (ec-crm-2023)", () => {
  const production = supply.filter((r) => r.measure === "production" && r.value !== null);
  const series = (edition: string) =>
    new Set(production.filter((r) => r.edition === edition).map((r) => `${r.mineral}|${r.stage}`));
  const eu = series("ec-crm-2023");
  const singleYear = new Set(production.filter((r) => r.kind === "observed").map((r) => `${r.mineral}|${r.stage}`));
  const asked = [...eu].map((key) => key.split("|") as [string, "mining" | "refining"]);

  it("no year: an edition with a single-year observation answers wherever one exists, the period average only where none does", () => {
    const wrong: string[] = [];
    for (const [mineral, stage] of asked) {
      const resolved = resolveSource({ mineral, stage });
      const edition = resolved.ok ? resolved.resolution.edition : resolved.reason;
      const expected = singleYear.has(`${mineral}|${stage}`) ? "not ec-crm-2023" : "ec-crm-2023";
      if ((edition === "ec-crm-2023") !== (expected === "ec-crm-2023")) wrong.push(`${mineral} ${stage}: ${edition}`);
    }
    expect(asked.filter(([m, s]) => singleYear.has(`${m}|${s}`)).length).toBeGreaterThan(10);
    expect(asked.filter(([m, s]) => !singleYear.has(`${m}|${s}`)).length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });

  it("no year, no single-year edition: the period average answers at the assessment year, rule newest-observed", () => {
    const [mineral, stage] = asked.find(([m, s]) => !singleYear.has(`${m}|${s}`))!;
    expect(resolveSource({ mineral, stage })).toEqual({
      ok: true,
      resolution: { edition: "ec-crm-2023", year: 2023, case: null, rule: "newest-observed" },
    });
  });

  it("a year without source is never answered by a period average, and the reason says why", () => {
    const wrong: string[] = [];
    for (const [mineral, stage] of asked) {
      const resolved = resolveSource({ mineral, stage, year: 2023 });
      if (resolved.ok && resolved.resolution.edition === "ec-crm-2023") wrong.push(`${mineral} ${stage}`);
      if (!resolved.ok && !resolved.reason.includes("ec-crm-2023 gives a period average labelled 2023"))
        wrong.push(`${mineral} ${stage}: ${resolved.reason}`);
    }
    expect(wrong).toEqual([]);
  });

  it("year 2023 with ec-crm-2023 pinned (source or within) answers from it, as before", () => {
    for (const [mineral, stage] of asked) {
      const pinned = { edition: "ec-crm-2023", year: 2023, case: null, rule: "pinned" };
      expect(resolveSource({ mineral, stage, year: 2023, source: "ec-crm-2023" })).toEqual({
        ok: true,
        resolution: pinned,
      });
      expect(resolveSource({ mineral, stage, year: 2023, within: ["ec-crm-2023"] })).toEqual({
        ok: true,
        resolution: pinned,
      });
    }
  });

  it("a newer period-average edition still loses to an older single-year one", () => {
    const hosted = JSON.parse(JSON.stringify(toDatasetFile(bundledDataset()))) as HostedFile;
    const added = withNewEdition(hosted);
    // The new edition as one year of period averages; sealed, so its version is its content's.
    const file = sealed({
      ...added,
      supply: added.supply
        .filter((r) => r.edition !== "test-edition-2099" || r.year === 2023)
        .map((r) => (r.edition === "test-edition-2099" ? { ...r, kind: "period-average", case: null } : r)),
    });
    const parsed = parseDataset(file, bundledDataset());
    if (!parsed.ok) throw new Error(parsed.message);
    useDataset(parsed.dataset);
    try {
      const resolved = resolveSource({ mineral: "cobalt", stage: "refining" });
      expect(resolved.ok && resolved.resolution.edition).toBe("iea-cmde-2025");
      expect(
        resolveSource({ mineral: "cobalt", stage: "refining", year: 2023, source: "test-edition-2099" as never }),
      ).toEqual({
        ok: true,
        resolution: { edition: "test-edition-2099", year: 2023, case: null, rule: "pinned" },
      });
    } finally {
      useDataset();
    }
  });

  it("crmaCheck still reads the EU sourcing mix (measure eu-sourcing) without a year", () => {
    expect(crmaCheck("lithium", "refining")).toMatchObject({
      basis: "eu-sourcing",
      edition: "ec-crm-2023",
      year: 2023,
    });
  });
});
