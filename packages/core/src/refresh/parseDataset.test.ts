import { afterEach, describe, expect, it } from "vitest";
import { bundledDataset, dataset, useDataset, type Dataset } from "../data/dataset.ts";
import { chinaShare } from "../exposure/chinaShare.ts";
import { toDatasetFile } from "./format.ts";
import { parseDataset } from "./parseDataset.ts";
import {
  NEW_VERSION,
  cobaltRowIndex,
  patchedSupply,
  withNewEdition,
  type HostedFile,
  type HostedRow,
} from "../../../../test/support/hosted.ts";

const hosted = (): HostedFile => JSON.parse(JSON.stringify(toDatasetFile(bundledDataset()))) as HostedFile;
const base = hosted();
const bundled = bundledDataset();
const cobaltIndex = cobaltRowIndex(base);

const replaceSupply = (i: number, patch: Record<string, unknown>): HostedFile => ({
  ...base,
  supply: patchedSupply(base, i, patch),
});

function message(file: unknown, current: Dataset = bundled): string {
  const result = parseDataset(file, current);
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.message;
}

afterEach(() => useDataset());

describe("parseDataset: accepted files", () => {
  it("accepts the bundled dataset as hosted JSON, adding no edition", () => {
    const result = parseDataset(base, bundled);
    expect(result.ok && result.added).toEqual([]);
    expect(result.ok && result.dataset.supply.length).toBe(bundled.supply.length);
  });

  it("returns frozen rows, rule lists and arrays", () => {
    const result = parseDataset(base, bundled);
    if (!result.ok) throw new Error(result.message);
    const row = result.dataset.supply[cobaltIndex]!;
    expect(Object.isFrozen(result.dataset)).toBe(true);
    expect(Object.isFrozen(result.dataset.supply)).toBe(true);
    expect(Object.isFrozen(row)).toBe(true);
    expect(Object.isFrozen(row.rules)).toBe(true);
    expect(Object.isFrozen(result.dataset.minerals[0]!.aliases)).toBe(true);
    expect(() => ((row as { share: number | null }).share = 0)).toThrow(TypeError);
  });

  it("accepts a new edition and names it; useDataset then answers from it", () => {
    const result = parseDataset(withNewEdition(base), bundled);
    if (!result.ok) throw new Error(result.message);
    expect(result.added).toEqual(["test-edition-2099"]);
    useDataset(result.dataset);
    expect(dataset()).toBe(result.dataset);
    expect(dataset().version).toBe(NEW_VERSION);
    expect(dataset().version).toMatch(/^2026-06\+[0-9a-f]{12}$/);
  });

  it("ignores the order of rows and of the keys in a row", () => {
    const reordered = {
      ...base,
      supply: [...base.supply].reverse().map((r) => Object.fromEntries(Object.entries(r).reverse()) as HostedRow),
    };
    expect(parseDataset(reordered, bundled).ok).toBe(true);
  });

  it("leaves the input untouched and installs nothing", () => {
    const before = dataset();
    const answer = chinaShare("cobalt");
    parseDataset(withNewEdition(base), bundled);
    expect(dataset()).toBe(before);
    expect(chinaShare("cobalt")).toBe(answer);
    expect(Object.isFrozen(base.supply[0])).toBe(false);
  });
});

describe("parseDataset: schema problems name the field", () => {
  it("a share above 1", () => {
    expect(message(replaceSupply(cobaltIndex, { share: 1.5 }))).toBe(
      `supply[${cobaltIndex}].share: expected a number ≤ 1, got 1.5`,
    );
  });

  it("a value given as text", () => {
    expect(message(replaceSupply(7, { value: "12" }))).toBe('supply[7].value: expected a number, got "12"');
  });

  it("a missing field", () => {
    const { locator: _, ...row } = base.demand[3]!;
    expect(message({ ...base, demand: base.demand.map((r, i) => (i === 3 ? row : r)) })).toBe(
      "demand[3].locator: expected a string, got nothing",
    );
  });

  it("an unknown field", () => {
    expect(message(replaceSupply(0, { extra: 1 }))).toBe('supply[0]: unknown field "extra"');
  });

  it("a stage outside the vocabulary", () => {
    expect(message(replaceSupply(2, { stage: "smelting" }))).toBe(
      'supply[2].stage: expected one of "mining", "refining", got "smelting"',
    );
  });

  it("counts the other problems", () => {
    const file = { ...base, supply: base.supply.map((r, i) => (i < 3 ? { ...r, year: 1800 } : r)) };
    expect(message(file)).toBe("supply[0].year: expected a number ≥ 1900, got 1800 (and 2 more problems)");
  });

  it("another format, or not an object at all", () => {
    expect(message({ ...base, format: "critmin-dataset/2" })).toMatch(
      /^format: expected "critmin-dataset\/1", got "critmin-dataset\/2"/,
    );
    expect(message([1, 2])).toBe("the file: expected a critmin dataset (a JSON object), got [1,2]");
    expect(message(null)).toBe("the file: expected a critmin dataset (a JSON object), got null");
  });
});

describe("parseDataset: consistency", () => {
  it("a row of an edition the file does not list", () => {
    expect(message(replaceSupply(5, { edition: "iea-cmde-2099" }))).toBe(
      'supply[5].edition: "iea-cmde-2099" is not among the file\'s editions (iea-cmde-2024, iea-cmde-2025, usgs-mcs-2025, ec-crm-2023, wb-wgi-2023, us-cml-2022, us-cml-2025, eu-crma-2024, cn-export-controls-2026-01)',
    );
  });

  it("a version that does not start with the newest edition's date", () => {
    expect(message({ ...withNewEdition(base), version: base.version })).toBe(
      `version: expected it to start with the newest edition's date "2026-06+", got "${base.version}"`,
    );
    expect(message({ ...base, version: "latest" })).toBe('version: expected <yyyy-mm>+<12 hex digits>, got "latest"');
  });

  it("an edition listed twice", () => {
    expect(message({ ...base, editions: [...base.editions, base.editions[0]!] })).toBe(
      "editions: iea-cmde-2024 is listed twice",
    );
  });

  it("a mineral id that callers use is gone", () => {
    expect(
      message({
        ...base,
        minerals: base.minerals.filter((m) => m.id !== "aggregates"),
        supply: base.supply.filter((r) => r.mineral !== "aggregates"),
        indicators: base.indicators.filter((r) => r.mineral !== "aggregates"),
      }),
    ).toBe("minerals: aggregates missing: ids in use are never removed");
  });
});

describe("parseDataset: released editions are immutable", () => {
  it("one changed supply value of iea-cmde-2024 is rejected, naming the edition, table and mineral", () => {
    const row = base.supply[cobaltIndex]!;
    const msg = message(replaceSupply(cobaltIndex, { value: (row.value as number) + 0.1 }));
    expect(msg).toBe(
      "edition iea-cmde-2024 is released and may not change: its supply rows for cobalt differ (1 row changed, added or removed); new data needs a new edition id",
    );
  });

  it("an extra row in a released edition is rejected", () => {
    const row = base.demand.find((r) => r.edition === "iea-cmde-2025" && r.mineral === "lithium")!;
    const msg = message({ ...base, demand: [...base.demand, { ...row, year: 2099 }] });
    expect(msg).toBe(
      "edition iea-cmde-2025 is released and may not change: its demand rows for lithium differ (1 row changed, added or removed); new data needs a new edition id",
    );
  });

  it("a removed edition is rejected", () => {
    const gone = "usgs-mcs-2025";
    const keep = (r: HostedRow) => r.edition !== gone;
    const file = {
      ...base,
      editions: base.editions.filter((e) => e.id !== gone),
      supply: base.supply.filter(keep),
      demand: base.demand.filter(keep),
      indicators: base.indicators.filter(keep),
      minerals: base.minerals.map((m) => ({
        ...m,
        coverage: (m.coverage as { edition: string }[]).filter((c) => c.edition !== gone),
      })),
    };
    expect(message(file)).toBe("edition usgs-mcs-2025 is missing: released editions are never removed");
  });

  it("changed metadata of a released edition is rejected", () => {
    const file = {
      ...base,
      editions: base.editions.map((e) => (e.id === "ec-crm-2023" ? { ...e, citation: "someone else" } : e)),
    };
    expect(message(file)).toBe(
      "edition ec-crm-2023 is released and may not change: its title, date, citation or source files differ",
    );
  });

  it("compares with the dataset in use, not only the bundled one", () => {
    const first = parseDataset(withNewEdition(base), bundled);
    if (!first.ok) throw new Error(first.message);
    // The bundled file lacks test-edition-2099, which the dataset in use has: it may not come back without it.
    expect(message(base, first.dataset)).toBe(
      "edition test-edition-2099 is missing: released editions are never removed",
    );
  });
});

describe("useDataset admits only checked datasets", () => {
  it("throws for a dataset that did not come from parseDataset", () => {
    expect(() => useDataset({ ...bundled })).toThrow(/useDataset: pass a dataset returned by parseDataset/);
    expect(dataset()).toBe(bundled);
  });
});
