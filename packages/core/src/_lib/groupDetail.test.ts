import { describe, expect, it } from "vitest";
import { GROUPS } from "../groups.ts";
import { groupShare } from "../exposure/groupShare.ts";
import { groupDetail } from "./groupDetail.ts";
import { parseSupplyQuery } from "./lookup.ts";
import { RAW, readJson } from "../../../../test/support/raw.ts";

// Expected values come from the raw IEA May 2025 JSON, read here without the pipeline.
const raw = readJson(RAW.ieaParsed2025);
const G7 = GROUPS.find((g) => g.id === "G7")!.members;
const query = (mineral: string, stage: "mining" | "refining") =>
  parseSupplyQuery("groupDetail", mineral, { stage }, { stage: "refining" });

describe("groupDetail", () => {
  it("G7 in nickel refining: Canada counted, the other six not listed, a lower bound (the block has a rest of world)", () => {
    const block = raw.supply.Nickel.refining;
    const names = Object.keys(block.countries);
    expect(names).toContain("Canada");
    expect(names).toContain("Rest of world");
    for (const name of ["France", "Germany", "Italy", "Japan", "United Kingdom", "United States"])
      expect(names).not.toContain(name);
    const detail = groupDetail(query("nickel", "refining"), G7);
    expect(detail.resolution).toMatchObject({ edition: "iea-cmde-2025", year: 2024 });
    expect(detail.counted.map((r) => r.country)).toEqual(["CAN"]);
    expect(detail.notListed).toEqual(G7.filter((c) => c !== "CAN"));
    expect(detail.bound).toBe("lower");
    expect(detail.value).toBeCloseTo(block.countries.Canada["2024"] / block.total["2024"], 12);
    expect(detail.reason).toBeUndefined();
    expect(groupShare("nickel", "G7")).toBe(detail.value);
  });

  it("G7 in lithium mining: no member listed, so no value, with the reason and the rest of world they may sit in", () => {
    const block = raw.supply.Lithium.mining;
    const rest = block.countries["Rest of world"]["2024"] / block.total["2024"];
    const detail = groupDetail(query("lithium", "mining"), G7);
    expect(detail.value).toBeUndefined();
    expect(detail.counted).toEqual([]);
    expect(detail.notListed).toEqual([...G7]);
    expect(detail.bound).toBe("lower");
    expect(detail.reason).toBe(
      `none of the 7 members (${G7.join(", ")}) is listed with a share in iea-cmde-2025 lithium mining 2024 ` +
        `(they may sit in its rest of world, ${Number((rest * 100).toFixed(1))}%)`,
    );
  });

  it("is exact when every member is listed with a share", () => {
    const detail = groupDetail(query("nickel", "refining"), ["CHN", "IDN"]);
    expect(detail.bound).toBe("exact");
    expect(detail.notListed).toEqual([]);
  });

  it("has no value and the resolver's reason when there is no block", () => {
    const detail = groupDetail(parseSupplyQuery("groupDetail", "cobalt", { year: 1999 }, { stage: "refining" }), G7);
    expect(detail).toMatchObject({ value: undefined, block: undefined, resolution: undefined });
    expect(detail.reason).toMatch(/no cobalt refining figure for 1999/);
  });
});
