import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { controlRowsFromRaw, rawMeasure } from "../../../../test/support/policy.ts";
import { addDays } from "./dates.ts";
import { STATUS_ORDER, statusOn } from "./status.ts";

// Rows built from the raw file by the test's own rules; every date below is read from the raw record.
const rows = controlRowsFromRaw();
const row = (id: string) => rows.find((r) => r.id === id)!;
const on = (id: string, date: string) => statusOn(row(id), date, rows);
const status = (id: string, date: string) => on(id, date)?.status;

describe("statusOn: where a measure stands on a date", () => {
  it("is unlisted before announcement, announced before effective, in force from the effective day (Ga/Ge 2023 No. 23)", () => {
    const raw = rawMeasure("MOFCOM-GAC 2023 No. 23");
    expect(raw.ended_or_suspended).toBe("");
    expect(on("MOFCOM-GAC 2023 No. 23", addDays(raw.announced!, -1))).toBeUndefined();
    expect(status("MOFCOM-GAC 2023 No. 23", raw.announced!)).toBe("announced");
    expect(status("MOFCOM-GAC 2023 No. 23", addDays(raw.effective!, -1))).toBe("announced");
    expect(status("MOFCOM-GAC 2023 No. 23", raw.effective!)).toBe("in-force");
    expect(status("MOFCOM-GAC 2023 No. 23", addDays(raw.effective!, 1))).toBe("in-force");
    expect(status("MOFCOM-GAC 2023 No. 23", "2026-12-05")).toBe("in-force");
  });

  it("goes announced → suspended → unknown for a measure suspended before it took effect (2025 No. 55)", () => {
    const id = "MOFCOM-GAC 2025 No. 55";
    const raw = rawMeasure(id);
    expect(raw.ended_or_suspended! < raw.effective!).toBe(true);
    expect(status(id, addDays(raw.ended_or_suspended!, -1))).toBe("announced");
    expect(on(id, raw.ended_or_suspended!)).toMatchObject({
      status: "suspended",
      rules: ["suspended-before-effective"],
    });
    expect(status(id, raw.effective!)).toBe("suspended");
    expect(status(id, raw.suspended_until!)).toBe("suspended");
    expect(on(id, addDays(raw.suspended_until!, 1))?.rules).toContain("suspension-lapsed-unknown");
    expect(status(id, addDays(raw.suspended_until!, 1))).toBe("unknown");
    // Today, 2026-12-05, the suspension to 2026-11-10 has passed with no later notice.
    expect(status(id, "2026-12-05")).toBe("unknown");
  });

  it("goes in force → suspended → unknown around each transition (rare-earth rules 2025 No. 61)", () => {
    const id = "MOFCOM 2025 No. 61";
    const raw = rawMeasure(id);
    expect(status(id, raw.effective!)).toBe("in-force");
    expect(status(id, addDays(raw.ended_or_suspended!, -1))).toBe("in-force");
    expect(status(id, raw.ended_or_suspended!)).toBe("suspended");
    expect(status(id, addDays(raw.ended_or_suspended!, 1))).toBe("suspended");
    expect(status(id, raw.suspended_until!)).toBe("suspended");
    expect(status(id, addDays(raw.suspended_until!, 1))).toBe("unknown");
  });

  it("keeps a partly suspended measure in force, with the suspended part's own status (2024 No. 46, section 2)", () => {
    const id = "MOFCOM 2024 No. 46";
    const raw = rawMeasure(id);
    const suspension = rawMeasure("MOFCOM 2025 No. 72");
    expect(suspension.items_as_written).toMatch(/^Suspends section 2 of MOFCOM 2024 No\. 46/);
    expect(on(id, addDays(raw.ended_or_suspended!, -1))).toEqual({ status: "in-force", rules: [], part: undefined });
    expect(on(id, raw.ended_or_suspended!)).toEqual({
      status: "in-force",
      rules: ["partial-suspension-part-status"],
      part: { part: "section 2", status: "suspended", by: "MOFCOM 2025 No. 72" },
    });
    expect(on(id, raw.suspended_until!)?.part?.status).toBe("suspended");
    expect(on(id, addDays(raw.suspended_until!, 1))).toEqual({
      status: "in-force",
      rules: ["suspension-lapsed-unknown", "partial-suspension-part-status"],
      part: { part: "section 2", status: "unknown", by: "MOFCOM 2025 No. 72" },
    });
  });

  it("shows a suspension notice as in force until its last day, then unknown (2025 No. 70)", () => {
    const id = "MOFCOM-GAC 2025 No. 70";
    const raw = rawMeasure(id);
    expect(row(id).suspends).toEqual([
      "MOFCOM-GAC 2025 No. 55",
      "MOFCOM-GAC 2025 No. 56",
      "MOFCOM-GAC 2025 No. 57",
      "MOFCOM-GAC 2025 No. 58",
      "MOFCOM 2025 No. 61",
      "MOFCOM 2025 No. 62",
    ]);
    expect(on(id, raw.effective!)).toMatchObject({ status: "in-force", rules: ["suspension-notice"] });
    expect(status(id, raw.suspended_until!)).toBe("in-force");
    expect(status(id, addDays(raw.suspended_until!, 1))).toBe("unknown");
  });

  it("never goes back: each measure's statuses over increasing dates follow announced → in-force → suspended → unknown/ended", () => {
    const day = fc.integer({ min: 0, max: 5 * 366 }).map((n) => addDays("2023-01-01", n));
    fc.assert(
      fc.property(fc.constantFrom(...rows), day, day, (measure, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = statusOn(measure, early, rows);
        const second = statusOn(measure, late, rows);
        if (first === undefined) return true;
        expect(second).toBeDefined();
        expect(STATUS_ORDER[second!.status]).toBeGreaterThanOrEqual(STATUS_ORDER[first.status]);
        // unknown and ended share a rank, but one never turns into the other
        if (first.status === "unknown" || first.status === "ended") expect(second!.status).toBe(first.status);
        return true;
      }),
      { numRuns: 2_000 },
    );
  });
});
