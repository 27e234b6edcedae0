// What the package shares with every caller cannot be changed by one of them: each write below
// throws (test modules are strict), and the answers that read the structure are the same after.
import { describe, expect, it } from "vitest";
import * as core from "../index.ts";
import { deepFreeze } from "./deepFreeze.ts";

describe("deepFreeze", () => {
  it("freezes nested objects and arrays and returns its argument", () => {
    const value = { list: [{ a: 1 }], inner: { b: [2] } };
    expect(deepFreeze(value)).toBe(value);
    expect([value, value.list, value.list[0], value.inner, value.inner.b].every(Object.isFrozen)).toBe(true);
  });
});

describe("shared exports are immutable", () => {
  const answers = () => [
    core.groupShare("cobalt", "G7"),
    core.share("cobalt", "DRC", { stage: "mining" }),
    core.cite({ mineral: "cobalt" }),
    core.editions().map((e) => e.title),
  ];
  const lists: [string, readonly unknown[]][] = [
    ["GROUPS", core.GROUPS],
    ["GROUPS[0].members", core.GROUPS[0].members],
    ["countryEntries", core.countryEntries],
    ["countryEntries[0].aliases", core.countryEntries[0]!.aliases],
    ["mineralEntries", core.mineralEntries],
    ["mineralEntries[0].coverage", core.mineralEntries[0]!.coverage],
    ["editions()", core.editions()],
    ["MINERALS", core.MINERALS],
    ["COUNTRIES", core.COUNTRIES],
    ["STAGES", core.STAGES],
    ["EDITION_IDS", core.EDITION_IDS],
    ["SCENARIOS", core.SCENARIOS],
    ["TECHNOLOGIES", core.TECHNOLOGIES],
  ];

  it.each(lists)("%s cannot be pushed to", (_, list) => {
    expect(() => (list as unknown[]).push("CHN")).toThrow(TypeError);
  });

  it("entries cannot be edited, and every answer that reads them is unchanged", () => {
    const before = answers();
    const writes = [
      () => ((core.GROUPS[0] as { name: string }).name = "x"),
      () => ((core.countryEntries[0] as { name: string }).name = "x"),
      () => ((core.mineralEntries[0] as { name: string }).name = "x"),
      () => ((core.editions()[0] as { title: string }).title = "x"),
    ];
    for (const write of writes) expect(write).toThrow(TypeError);
    expect(answers()).toEqual(before);
  });
});
