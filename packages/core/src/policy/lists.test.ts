import { describe, expect, it } from "vitest";
import { CritminError } from "../errors.ts";
import { explain } from "../answer/explain.ts";
import { dataset } from "../data/dataset.ts";
import { CRITICAL_LISTS, type CriticalListId } from "../constants.ts";
import type { ListItemRow } from "../records.ts";
import { LIST_ID, rawListRows, rawLists } from "../../../../test/support/policy.ts";
import { thrown } from "../../../../test/support/thrown.ts";
import { criticalLists, isCritical, listMatchIn, listsNaming } from "./lists.ts";

// Expected values come from policy/critical-lists.csv, read here without the pipeline.
const raw = rawLists();
const names = (list: string) => rawListRows(list).map((r) => r.item_as_written);

describe("criticalLists", () => {
  it("is the four lists with the raw file's item counts and publication dates", () => {
    const expected = CRITICAL_LISTS.map((id) => {
      const rows = rawListRows(id);
      return { id, items: rows.length, published: rows[0]!.published };
    });
    expect(criticalLists().map((l) => ({ id: l.id, items: l.items, published: l.published }))).toEqual(expected);
    expect(criticalLists().find((l) => l.id === "us-cml-2025")?.items).toBe(60);
    expect(Object.isFrozen(criticalLists()[0])).toBe(true);
  });
});

describe("isCritical", () => {
  it("reads US 2025 with copper and US 2022 without it", () => {
    expect(names("us-cml-2025")).toContain("Copper");
    expect(names("us-cml-2022")).not.toContain("Copper");
    expect(isCritical("copper", "us-cml-2025")).toBe(true);
    expect(isCritical("copper", "us-cml-2022")).toBe(false);
  });

  it("reads gallium in the EU's strategic list (Annex I)", () => {
    const row = rawListRows("eu-crma-2024-strategic").find((r) => r.item_as_written === "Gallium")!;
    expect(row.locator).toMatch(/^Annex I, Section 1/);
    expect(isCritical("gallium", "eu-crma-2024-strategic")).toBe(true);
    expect(isCritical("Ga", "EU-CRMA-2024-STRATEGIC")).toBe(true);
  });

  it("names every single-element item of the US lists under its own name", () => {
    const wrong: string[] = [];
    for (const r of raw.filter((x) => x.list_id!.startsWith("us-"))) {
      const list = LIST_ID[r.list_id!]!;
      let answer: boolean | undefined;
      try {
        answer = isCritical(r.item_as_written!, list);
      } catch {
        continue; // a commodity name without a dataset mineral of that name ("Metallurgical Coal")
      }
      if (answer !== true) wrong.push(`${list}: ${r.item_as_written}`);
    }
    expect(wrong).toEqual([]);
  });

  it("makes every strategic material critical too (rule eu-crma-strategic-is-critical)", () => {
    const strategic = dataset().minerals.filter((m) => isCritical(m.id, "eu-crma-2024-strategic"));
    expect(strategic.length).toBeGreaterThan(10);
    expect(strategic.filter((m) => !isCritical(m.id, "eu-crma-2024-critical")).map((m) => m.id)).toEqual([]);
    // The rule on its own: Annex II without gallium still makes gallium critical, through Annex I.
    const rows = (list: CriticalListId): ListItemRow[] =>
      dataset().lists.filter(
        (r) => r.list === list && !(list === "eu-crma-2024-critical" && r.minerals.includes("gallium")),
      );
    const byList = new Map(CRITICAL_LISTS.map((id) => [id, rows(id)] as const));
    const found = listMatchIn(byList, "eu-crma-2024-critical", "gallium");
    expect(found).toMatchObject({ named: true, rule: "eu-crma-strategic-is-critical", list: "eu-crma-2024-critical" });
    expect(found.rows.map((r) => r.list)).toEqual(["eu-crma-2024-strategic"]);
  });

  it("names a group's members through a group item, and a group through its members", () => {
    // US 2022 lists the five platinum-group metals one by one.
    for (const name of ["Iridium", "Palladium", "Platinum", "Rhodium", "Ruthenium"])
      expect(names("us-cml-2022")).toContain(name);
    expect(isCritical("pgms", "us-cml-2022")).toBe(true);
    // The EU names "Metalle der Platingruppe" as one item.
    expect(names("eu-crma-2024-strategic")).toContain("Metalle der Platingruppe");
    expect(isCritical("platinum", "eu-crma-2024-strategic")).toBe(true);
    expect(isCritical("pgms", "eu-crma-2024-strategic")).toBe(true);
    expect(isCritical("dysprosium", "eu-crma-2024-strategic")).toBe(true);
  });

  it("explains which items (and annex) named the mineral, or the whole list when none did", () => {
    const yes = explain(isCritical, "gallium", "eu-crma-2024-strategic");
    expect(yes).toMatchObject({ value: true, unit: "boolean", edition: "eu-crma-2024", date: "2024-05-03" });
    expect(yes.sources.map((s) => s.what)).toEqual([expect.stringMatching(/Gallium.*Annex I, Section 1, point \(f\)/)]);
    const no = explain(isCritical, "copper", "us-cml-2022");
    expect(no).toMatchObject({ value: false, edition: "us-cml-2022", date: "2022-02-24", reason: undefined });
    expect(no.sources[0]!.what).toMatch(/50 items, none naming copper/);
  });

  it("suggests the nearest list id and mineral; names the argument on a wrong type", () => {
    expect(() => isCritical("gallium", "eu-crma-2024-strategc")).toThrowError(
      new CritminError(
        "unknown_id",
        'isCritical: unknown list "eu-crma-2024-strategc"; did you mean "eu-crma-2024-strategic"?',
      ),
    );
    expect(thrown(() => isCritical("galium", "us-cml-2025")).message).toMatch(/did you mean "gallium"\?$/);
    expect(thrown(() => isCritical("gallium", 3 as never)).message).toMatch(
      /^isCritical: list must be a non-empty string/,
    );
  });
});

describe("listsNaming", () => {
  it("gives each item naming copper as written, with its English wording and date, from the raw rows", () => {
    const expected = raw
      .filter((r) => ["Copper", "Kupfer"].includes(r.item_as_written!))
      .map((r) => ({
        list: LIST_ID[r.list_id!],
        item: r.item_as_written,
        itemEn: r.item_en || null,
        published: r.published,
      }));
    const got = listsNaming("copper").map((n) => ({
      list: n.list,
      item: n.item,
      itemEn: n.itemEn,
      published: n.published,
    }));
    expect(got).toEqual(expect.arrayContaining(expected));
    expect(got).toHaveLength(expected.length);
    expect(Object.isFrozen(listsNaming("copper"))).toBe(true);
  });

  it("keeps a qualifier (lithium, battery grade, in Annex I)", () => {
    const annexI = listsNaming("lithium").find((n) => n.list === "eu-crma-2024-strategic")!;
    const rawRow = rawListRows("eu-crma-2024-strategic").find((r) => r.item_as_written === annexI.item)!;
    expect(annexI.qualifier).toBe(rawRow.qualifier);
    expect(annexI.qualifier).toBe("battery grade");
  });
});
