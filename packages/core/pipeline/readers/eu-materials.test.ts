import { describe, expect, it } from "vitest";
import { EU_MATERIALS, euMineralId } from "./eu-materials.ts";
import { rawRecords } from "./eu-raw.test-support.ts";

const FILES = {
  "ec-crm-2023-appendix7-global-supply-shares.csv": "Material",
  "ec-crm-2023-appendix7-eu-sourcing-shares.csv": "Material",
  "ec-crm-annex4-sr-ei-2011-2023.csv": "Material",
  "ec-crm-2023-results.transcribed.csv": "material_name",
} as const;

const namesByFile = Object.fromEntries(
  Object.entries(FILES).map(([file, column]) => [file, new Set(rawRecords(file).map((r) => r.cells[column] ?? ""))]),
);
const allNames = new Set(Object.values(namesByFile).flatMap((s) => [...s].map((n) => n.replace(/\s+/g, " ").trim())));

describe("EU_MATERIALS", () => {
  it("maps every material name in all four EU files", () => {
    const unmapped = Object.entries(namesByFile).flatMap(([file, names]) =>
      [...names].filter((n) => euMineralId(n) === undefined).map((n) => `${file}: ${n}`),
    );
    expect(unmapped).toEqual([]);
  });

  it("lists no spelling that no file uses", () => {
    expect(Object.keys(EU_MATERIALS).filter((name) => !allNames.has(name))).toEqual([]);
  });

  it("uses kebab-case ids", () => {
    for (const id of Object.values(EU_MATERIALS)) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("joins the spellings that name one material", () => {
    expect(euMineralId("Natural Graphite")).toBe("graphite");
    expect(euMineralId("Natural graphite")).toBe("graphite");
    expect(euMineralId("Natural rubber")).toBe(euMineralId("Natural Rubber"));
    expect(euMineralId("Phosphorous")).toBe("phosphorus");
    expect(euMineralId("Barytes")).toBe(euMineralId("Baryte"));
    expect(euMineralId("HREEs")).toBe(euMineralId("Heavy Rare earths Elements"));
    expect(euMineralId("Natural Teak\nwood")).toBe("natural-teak-wood");
    expect(euMineralId("Silicon metal")).toBe("silicon");
    expect(euMineralId("Titanium metal")).toBe("titanium");
  });

  it('treats "Titanium ores" as the extraction stage shared by "Titanium" and "Titanium metal"', () => {
    // Justifies one id for "Titanium" and "Titanium ores": the global file's two titanium
    // extraction blocks are the same ores, country for country.
    const block = (material: string) =>
      rawRecords("ec-crm-2023-appendix7-global-supply-shares.csv")
        .filter((r) => r.cells.Material === material && r.cells.Stage === "E")
        .map((r) => `${r.cells.Country}=${r.cells.Share}`)
        .sort();
    expect(block("Titanium").length).toBeGreaterThan(10);
    expect(block("Titanium")).toEqual(block("Titanium metal"));
    expect(euMineralId("Titanium ores")).toBe(euMineralId("Titanium"));
  });
});
