import { describe, expect, it } from "vitest";
import { bundledDataset } from "../data/dataset.ts";
import { contentVersion } from "./contentVersion.ts";

describe("contentVersion", () => {
  const bundled = bundledDataset();
  it("gives the bundled dataset the version the pipeline wrote (one rule, both sides)", () =>
    expect(contentVersion(bundled)).toBe(bundled.version));
  it("ignores row order and key order", () => {
    const supply = [...bundled.supply].reverse().map((r) => Object.fromEntries(Object.entries(r).reverse()));
    expect(contentVersion({ ...bundled, supply: supply as unknown as typeof bundled.supply })).toBe(bundled.version);
  });
  it("changes with any value", () => {
    const supply = bundled.supply.map((r, i) => (i === 0 ? { ...r, value: (r.value ?? 0) + 1 } : r));
    expect(contentVersion({ ...bundled, supply })).not.toBe(bundled.version);
  });
});
