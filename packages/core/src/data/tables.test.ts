// The per-table accessors must answer from the same dataset as dataset(): the bundled tables (the
// very arrays bundledDataset() gives, decoded once) until a refresh installs one, then every table of
// that one at once, and the bundled ones again after useDataset().
import { afterEach, describe, expect, it } from "vitest";
import { bundledFile, withNewEdition, NEW_EDITION } from "../../../../test/support/hosted.ts";
import { perDataset } from "../_lib/perDataset.ts";
import { parseDataset } from "../refresh/parseDataset.ts";
import { bundledDataset, useDataset, type Dataset } from "./dataset.ts";
import { installedDataset } from "./installed.ts";
import {
  controlRows,
  countryList,
  demandRows,
  editionList,
  governanceRows,
  indicatorRows,
  listRows,
  mineralList,
  supplyRows,
  supplyRowsOf,
  versionOf,
} from "./tables.ts";

afterEach(() => useDataset());

const tables = (): Record<keyof Dataset, unknown> => ({
  version: versionOf(),
  editions: editionList(),
  supply: supplyRows(),
  demand: demandRows(),
  indicators: indicatorRows(),
  lists: listRows(),
  controls: controlRows(),
  governance: governanceRows(),
  minerals: mineralList(),
  countries: countryList(),
});

/** Each table of `data`, by identity: an accessor that read another dataset's table fails. */
function expectTablesOf(data: Dataset): void {
  const got = tables();
  for (const key of Object.keys(got) as (keyof Dataset)[]) expect(got[key], key).toBe(data[key]);
}

function refreshed(): Dataset {
  const result = parseDataset(withNewEdition(bundledFile()), bundledDataset());
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

describe("the per-table accessors", () => {
  it("read the bundled tables while no dataset is installed", () => {
    expect(installedDataset()).toBeUndefined();
    expectTablesOf(bundledDataset());
    const cobalt = bundledDataset().supply.filter((r) => r.mineral === "cobalt");
    expect(cobalt.length).toBeGreaterThan(0);
    expect(supplyRowsOf("cobalt")).toEqual(cobalt);
    expect(supplyRowsOf("not-a-mineral")).toEqual([]);
  });

  it("switch every table to an installed dataset at once, and back", () => {
    const next = refreshed();
    useDataset(next);
    expect(installedDataset()).toBe(next);
    expectTablesOf(next);
    const cobalt = next.supply.filter((r) => r.mineral === "cobalt");
    expect(cobalt.some((r) => (r.edition as string) === NEW_EDITION)).toBe(true);
    expect(supplyRowsOf("cobalt")).toEqual(cobalt);
    useDataset();
    expect(installedDataset()).toBeUndefined();
    expectTablesOf(bundledDataset());
  });

  it("installing the bundled dataset is the same as installing none", () => {
    useDataset(bundledDataset());
    expect(installedDataset()).toBeUndefined();
  });
});

describe("perDataset", () => {
  it("builds once per dataset in use, and again after each switch", () => {
    let builds = 0;
    const editionCount = perDataset(() => (builds++, editionList().length));
    const bundled = editionCount();
    expect(editionCount()).toBe(bundled);
    expect(builds).toBe(1);
    useDataset(refreshed());
    expect(editionCount()).toBe(bundled + 1);
    expect(builds).toBe(2);
    useDataset();
    expect(editionCount()).toBe(bundled);
    expect(builds).toBe(3);
  });
});
