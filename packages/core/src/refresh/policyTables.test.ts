// The policy tables (lists, export controls, governance) in a hosted dataset: required, checked field
// by field, consistent with the file's registries, part of the version, and immutable per edition.
import { describe, expect, it } from "vitest";
import { bundledDataset } from "../data/dataset.ts";
import { parseDataset } from "./parseDataset.ts";
import { bundledFile, sealed, type HostedFile } from "../../../../test/support/hosted.ts";

const base = bundledFile();
const bundled = bundledDataset();

function message(file: unknown): string {
  const result = parseDataset(file, bundled);
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.message;
}

type Table = "lists" | "controls" | "governance";
const patched = (table: Table, find: (r: Record<string, unknown>) => boolean, patch: Record<string, unknown>) => {
  const i = base[table].findIndex(find);
  if (i < 0) throw new Error(`no such ${table} row`);
  return { i, file: sealed({ ...base, [table]: base[table].map((r, j) => (j === i ? { ...r, ...patch } : r)) }) };
};

describe("parseDataset: the policy tables", () => {
  it("accepts the bundled tables and returns them frozen", () => {
    const result = parseDataset(base, bundled);
    if (!result.ok) throw new Error(result.message);
    expect(result.dataset.lists).toHaveLength(bundled.lists.length);
    expect(result.dataset.controls).toHaveLength(bundled.controls.length);
    expect(result.dataset.governance).toHaveLength(bundled.governance.length);
    expect(Object.isFrozen(result.dataset.controls[0]!.sources)).toBe(true);
  });

  it("requires each table", () => {
    for (const table of ["lists", "controls", "governance"] as const) {
      const { [table]: _gone, ...rest } = base;
      expect(message(rest)).toBe(`${table}: expected a list, got nothing`);
    }
  });

  it("checks their fields", () => {
    const { i } = patched("controls", (r) => r.everyItem === true, {});
    const controls = base.controls.map((r, j) => (j === i ? { ...r, everyItem: "yes" } : r));
    expect(message({ ...base, controls })).toBe(`controls[${i}].everyItem: expected true or false, got "yes"`);
    const noSources = base.controls.map((r, j) => (j === 0 ? { ...r, sources: [] } : r));
    expect(message({ ...base, controls: noSources })).toBe("controls[0].sources: expected at least 1 item, got []");
  });

  it("their references resolve in the file", () => {
    const { i, file } = patched("governance", (r) => r.country === "CHN", { country: "ZZZ" });
    expect(message(file)).toBe(`governance[${i}].country: "ZZZ" is not in the file's countries`);
    const list = patched("lists", (r) => r.list === "us-cml-2025", { minerals: ["unobtainium"] });
    expect(message(list.file)).toBe(`lists[${list.i}].minerals: "unobtainium" is not in the file's minerals`);
  });

  it("an export control in force before it was announced is refused", () => {
    const { i, file } = patched("controls", (r) => r.id === "MOFCOM-GAC 2023 No. 23", { effective: "2023-07-01" });
    expect(message(file)).toBe(
      `controls[${i}] (cn-export-controls-2026-01, MOFCOM-GAC 2023 No. 23): in force 2023-07-01, before it was announced 2023-07-03`,
    );
  });

  it("a changed row of a released policy edition is refused, naming the table and the country, list or measure", () => {
    const wgi = patched("governance", (r) => r.country === "CHN" && r.estimate !== null, { estimate: 2.5 });
    expect(wgi.file.version).not.toBe(base.version);
    expect(message(wgi.file)).toBe(
      "edition wb-wgi-2023 is released and may not change: its governance rows for CHN differ (1 row changed, added or removed); new data needs a new edition id",
    );
    const list = patched("lists", (r) => r.list === "us-cml-2025" && r.item === "Uranium", { qualifier: "enriched" });
    expect(message(list.file)).toBe(
      "edition us-cml-2025 is released and may not change: its lists rows for us-cml-2025 differ (1 row changed, added or removed); new data needs a new edition id",
    );
    const gone: HostedFile = sealed({ ...base, controls: base.controls.filter((r) => r.id !== "MOFCOM 2026 No. 1") });
    expect(message(gone)).toBe(
      "edition cn-export-controls-2026-01 is released and may not change: its controls rows for MOFCOM 2026 No. 1 differ (1 row changed, added or removed); new data needs a new edition id",
    );
  });
});
