// The traits (traits.ts) of the critical-list and export-control functions (issue 15), in their own
// module so the table stays within the file-size limit and each feature's entries merge apart.
import type { FunctionTraits } from "./traits.ts";

export const POLICY_TRAITS: Readonly<Record<string, FunctionTraits>> = {
  IS_CRITICAL: {
    kind: "value",
    unit: "boolean",
    category: "risk",
    core: "isCritical",
    examples: [
      { args: ["gallium", "eu-crma-2024-strategic"], note: "Annex I of the EU Critical Raw Materials Act." },
      { args: ["copper", "us-cml-2022"], note: "Copper joined the US list in 2025, not 2022." },
      { args: ["copper", "us-cml-2025"] },
      { args: ["gallium", "eu-crma-2024-critical"], note: "A strategic material is also critical." },
      { args: ["gallium", "eu-crma-2024-strategc"], note: "A misspelt list id: #VALUE! with the nearest." },
    ],
    gallery: { mineral: "gallium", list: "eu-crma-2024-strategic" },
  },
  CRITICAL_LISTS: {
    kind: "table",
    category: "risk",
    core: "listsNaming",
    examples: [{ args: ["copper"] }, { args: ["dysprosium"], note: "Named through a group item." }],
    gallery: { mineral: "copper" },
  },
  EXPORT_CONTROLS: {
    kind: "table",
    category: "risk",
    core: "exportControls",
    examples: [
      { args: ["graphite"], note: "Every measure touching graphite, with its status today." },
      { args: ["graphite", "2025-11-08"], note: "The day after the November 2025 suspensions." },
      { args: ["gallium", "2025-01-01", "US"], note: "Measures limited to the US, and those for every destination." },
    ],
    gallery: { mineral: "graphite" },
  },
  UNDER_EXPORT_CONTROL: {
    kind: "value",
    unit: "boolean",
    category: "risk",
    core: "underExportControl",
    examples: [
      { args: ["gallium"], note: "Today." },
      { args: ["gallium", "2023-07-31"], note: "The day before the 2023 licence requirement took effect." },
      { args: ["lithium"], note: "Suspended until 2026-11-10, no later notice in the data: #N/A with the reason." },
      { args: ["copper", null, "Japan"], note: "The January 2026 ban on dual-use items to Japan's military users." },
      { args: ["gallium", "2025-02-30"], note: "Not a day of the calendar: #VALUE! naming the argument." },
    ],
    gallery: { mineral: "gallium" },
  },
};
