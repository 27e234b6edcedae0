import { describe, expect, it } from "vitest";
import { explain } from "../answer/explain.ts";
import { chinaShare } from "../exposure/chinaShare.ts";
import { rawControls, rawMeasure } from "../../../../test/support/policy.ts";
import { thrown } from "../../../../test/support/thrown.ts";
import { controlledSupply } from "./controlledSupply.ts";
import { exportControls, underExportControl } from "./controls.ts";
import { addDays, today } from "./dates.ts";

// Expected dates come from policy/china-export-controls.csv, read here without the pipeline.
const TODAY = "2026-12-05";
const ids = (query: Parameters<typeof exportControls>[0]) => exportControls(query).measures.map((m) => m.id);
const statusOf = (id: string, asOf: string, mineral?: string) =>
  exportControls({ asOf, ...(mineral ? { mineral } : {}) }).measures.find((m) => m.id === id)?.status;

describe("exportControls", () => {
  it("lists every measure of the raw file with its dates, once announced", () => {
    const raw = rawControls();
    const all = exportControls({ asOf: TODAY });
    expect(all.asOf).toBe(TODAY);
    const byId = (a: readonly unknown[], b: readonly unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(
      all.measures.map((m) => [m.id, m.announced, m.effective, m.endedOrSuspended, m.suspendedUntil]).sort(byId),
    ).toEqual(
      raw
        .map((r) => [r.measure_id, r.announced, r.effective, r.ended_or_suspended || null, r.suspended_until || null])
        .sort(byId),
    );
    const first = raw[0]!;
    expect(ids({ asOf: addDays(first.announced!, -1) })).toEqual([]);
    expect(ids({ asOf: first.announced! })).toEqual([first.measure_id]);
  });

  it("defaults to the caller's today and says so; takes a Date", () => {
    expect(exportControls().asOf).toBe(today());
    expect(exportControls({ asOf: new Date(2024, 0, 1) }).asOf).toBe("2024-01-01");
  });

  it("gives graphite's measures today with their statuses: unknown after the lapsed suspensions", () => {
    const graphite = exportControls({ mineral: "graphite", asOf: TODAY }).measures;
    const by = Object.fromEntries(graphite.map((m) => [m.id, m]));
    expect(by["MOFCOM-GAC 2023 No. 39"]?.status).toBe("in-force");
    expect(by["MOFCOM-GAC 2025 No. 58"]?.status).toBe("unknown");
    expect(by["MOFCOM-GAC 2025 No. 58"]?.rules).toContain("suspension-lapsed-unknown");
    // Partial suspension: section 1 stands, section 2's suspension has lapsed.
    expect(by["MOFCOM 2024 No. 46"]).toMatchObject({
      status: "in-force",
      part: { part: "section 2", status: "unknown", by: "MOFCOM 2025 No. 72" },
    });
    // Suspension notices are shown as what they are, linked to what they suspend.
    expect(by["MOFCOM 2025 No. 72"]).toMatchObject({
      type: rawMeasure("MOFCOM 2025 No. 72").measure_type,
      suspends: ["MOFCOM 2024 No. 46"],
    });
    expect(by["MOFCOM 2024 No. 46"]?.suspendedBy).toEqual(["MOFCOM 2025 No. 72"]);
    // The Japan ban on all dual-use items touches graphite for Japan: a named rule.
    expect(by["MOFCOM 2026 No. 1"]?.rules).toContain("every-dual-use-item");
    expect(by["MOFCOM 2026 No. 1"]?.statusNote).toMatch(/all dual-use items/);
  });

  it("reports Nos. 55–58 suspended before they took effect", () => {
    for (const n of [55, 56, 57, 58]) {
      const id = `MOFCOM-GAC 2025 No. ${n}`;
      const raw = rawMeasure(id);
      expect(statusOf(id, addDays(raw.ended_or_suspended!, -1)), id).toBe("announced");
      expect(statusOf(id, raw.ended_or_suspended!), id).toBe("suspended");
      expect(statusOf(id, raw.effective!), id).toBe("suspended");
      expect(statusOf(id, addDays(raw.suspended_until!, 1)), id).toBe("unknown");
    }
  });

  it("filters by destination: the US measure for 'US' and 'United States', not for Japan", () => {
    const us = ids({ mineral: "gallium", asOf: TODAY, destination: "US" });
    expect(us).toContain("MOFCOM 2024 No. 46");
    expect(us).toContain("MOFCOM-GAC 2023 No. 23");
    expect(us).not.toContain("MOFCOM 2026 No. 1");
    expect(ids({ mineral: "gallium", asOf: TODAY, destination: "United States" })).toEqual(us);
    const japan = ids({ mineral: "gallium", asOf: TODAY, destination: "Japan" });
    expect(japan).not.toContain("MOFCOM 2024 No. 46");
    expect(japan).toContain("MOFCOM 2026 No. 1");
  });

  it("matches an individual rare earth to measures on rare earths (rule rare-earth-family)", () => {
    const dy = exportControls({ mineral: "dysprosium", asOf: TODAY }).measures;
    const catalogue = dy.find((m) => m.id.startsWith("MOFCOM-MOST Catalogue"));
    expect(rawMeasure(catalogue!.id).minerals).toBe("rare earths");
    expect(catalogue!.rules).toContain("rare-earth-family");
    expect(dy.find((m) => m.id === "MOFCOM-GAC 2025 No. 18")?.rules).not.toContain("rare-earth-family");
    // Never member to member: No. 57 names holmium, erbium, thulium, europium and ytterbium.
    expect(rawMeasure("MOFCOM-GAC 2025 No. 57").minerals).not.toMatch(/dysprosium|rare earths/);
    expect(dy.map((m) => m.id)).not.toContain("MOFCOM-GAC 2025 No. 57");
    expect(ids({ mineral: "rare earths", asOf: TODAY })).toContain("MOFCOM-GAC 2025 No. 18");
  });

  it("rejects a bad date naming asOf, and an unknown destination with the nearest", () => {
    expect(thrown(() => exportControls({ asOf: "2025-02-30" })).message).toMatch(/^exportControls: asOf "2025-02-30"/);
    expect(thrown(() => exportControls({ asOf: "tomorrow" })).code).toBe("invalid_argument");
    expect(thrown(() => exportControls({ destination: "Japn" })).message).toMatch(
      /unknown destination "Japn"; did you mean/,
    );
    expect(Object.isFrozen(exportControls().measures[0])).toBe(true);
  });
});

describe("underExportControl", () => {
  it("turns true on the effective day of the 2023 gallium licence requirement", () => {
    const raw = rawMeasure("MOFCOM-GAC 2023 No. 23");
    expect(underExportControl("gallium", { asOf: addDays(raw.effective!, -1) })).toBe(false);
    expect(underExportControl("gallium", { asOf: raw.effective! })).toBe(true);
  });

  it("is undefined with the reason when the only measures have lapsed suspensions (lithium today)", () => {
    expect(rawMeasure("MOFCOM-GAC 2025 No. 58").minerals).toMatch(/lithium/);
    expect(underExportControl("lithium", { asOf: "2025-11-06" })).toBe(false);
    expect(underExportControl("lithium", { asOf: TODAY })).toBeUndefined();
    const answer = explain(underExportControl, "lithium", { asOf: TODAY });
    expect(answer.reason).toMatch(/MOFCOM-GAC 2025 No\. 58 \(suspended until 2026-11-10\)/);
    expect(answer).toMatchObject({ unit: "boolean", date: TODAY, edition: "cn-export-controls-2026-01" });
  });

  it("counts the Japan dual-use ban for every mineral only with destination Japan", () => {
    expect(underExportControl("copper", { asOf: TODAY })).toBe(false);
    expect(underExportControl("copper", { asOf: TODAY, destination: "JPN" })).toBe(true);
    expect(underExportControl("copper", { asOf: "2026-01-05", destination: "Japan" })).toBe(false);
  });
});

describe("controlledSupply", () => {
  it("sets chinaShare's own value beside the measures in force, or says why there is none", () => {
    const result = controlledSupply({ stage: "refining", asOf: TODAY });
    expect(result.asOf).toBe(TODAY);
    expect(result.rows.length).toBeGreaterThan(5);
    for (const row of result.rows) {
      expect(row.chinaShare, row.mineral).toBe(chinaShare(row.mineral, { stage: "refining" }));
      if (row.chinaShare === undefined) expect(row.reason, row.mineral).toMatch(/\w/);
      else expect(row.edition, row.mineral).toBeDefined();
      expect(row.inForce.length + row.unknown.length, row.mineral).toBeGreaterThan(0);
    }
    const gallium = result.rows.find((r) => r.mineral === "gallium")!;
    expect(gallium.inForce.map((m) => m.id)).toContain("MOFCOM-GAC 2023 No. 23");
    expect(result.rows.find((r) => r.mineral === "lithium")?.unknown.map((m) => m.id)).toEqual([
      "MOFCOM-GAC 2025 No. 58",
    ]);
  });
});
