// The replication's committed outputs (scripts/replicate-eu-sr.ts): the JSON of every row and the
// table in the governance docs page, rendered from replicateEuSupplyRisk() alone.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { replicateEuSupplyRisk, replicateOverall, type OverallRow, type ReplicationRow } from "./euSupplyRisk.ts";

export const JSON_FILE = new URL("../replicate-eu-sr.json", import.meta.url);
export const DOCS_FILE = new URL("../../../sdk-docs/docs/governance.md", import.meta.url);
const START = "<!-- eu-sr-replication:start (written by packages/core/scripts/replicate-eu-sr.ts) -->";
const END = "<!-- eu-sr-replication:end -->";

const fixed = (x: number | undefined, digits = 2) => (x === undefined ? "—" : x.toFixed(digits));
const percent = (x: number | undefined) => (x === undefined ? "—" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`);

/** The variant whose SR comes closest to the published one, for rows outside 10%. */
function closest(row: ReplicationRow): string {
  const best = Object.entries(row.variants)
    .filter((e): e is [string, number] => e[1] !== undefined)
    .sort((a, b) => Math.abs(a[1] - row.published) - Math.abs(b[1] - row.published))[0];
  return best ? `closest variant: ${best[0]} (${best[1].toFixed(2)})` : "";
}

export function summary(rows: readonly ReplicationRow[]) {
  const computed = rows.filter((r) => r.deviation !== undefined);
  const within = (limit: number) => computed.filter((r) => Math.abs(r.deviation!) <= limit).length;
  return { stages: rows.length, computed: computed.length, within5: within(0.05), within10: within(0.1) };
}

/** Per variant (without t; each WGI year): how many reproduce within 5% and 10%. */
export function variantSummary(
  rows: readonly ReplicationRow[],
): { variant: string; within5: number; within10: number }[] {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.variants)))];
  return names.map((variant) => {
    const off = rows.flatMap((r) => {
      const v = r.variants[variant];
      return v === undefined ? [] : [Math.abs((v - r.published) / r.published)];
    });
    return { variant, within5: off.filter((d) => d <= 0.05).length, within10: off.filter((d) => d <= 0.1).length };
  });
}

/** Rows whose recomputed SR, rounded to the published decimals, is the published figure. */
function samePrinted(row: ReplicationRow): boolean {
  if (row.recomputed === undefined) return false;
  const decimals = String(row.published).split(".")[1]?.length ?? 0;
  return Number(row.recomputed.toFixed(decimals)) === row.published;
}

/** The overall scores: how many reproduce, and how often the bottleneck stage is the study's. */
export function overallSummary(overall: readonly OverallRow[]) {
  const computed = overall.filter((r) => r.deviation !== undefined);
  const within = (limit: number) => computed.filter((r) => Math.abs(r.deviation!) <= limit).length;
  return {
    materials: overall.length,
    computed: computed.length,
    within5: within(0.05),
    within10: within(0.1),
    sameStage: computed.filter((r) => r.sameStage).length,
  };
}

export function table(rows: readonly ReplicationRow[], overall: readonly OverallRow[]): string {
  const s = summary(rows);
  const o = overallSummary(overall);
  // prettier-ignore keeps the table as written, so the committed page stays what the script gives.
  const lines = [
    START,
    "<!-- prettier-ignore-start -->",
    "",
    `Of **${s.stages}** material stages with a published 2023 supply risk, the dataset holds every input for **${s.computed}**. ` +
      `The formula reproduces **${s.within5}** of them within 5% and **${s.within10}** within 10% ` +
      `(with t, WGI mean of the six of the newest bundled year). Measured by \`packages/core/scripts/replicate-eu-sr.ts\`; every row, with its inputs and variants, is in \`packages/core/scripts/replicate-eu-sr.json\`.`,
    "",
    `${rows.filter(samePrinted).length} recomputed values round to the published figure at its printed precision.`,
    "",
    `**Overall scores.** The study takes a material's supply risk at its bottleneck stage, the one with the higher score. ` +
      `Of **${o.materials}** materials with a published overall 2023 score, **${o.computed}** have every assessed stage recomputed; ` +
      `the higher recomputed stage is the study's stage for **${o.sameStage}** of them, and the overall score reproduces within 5% for **${o.within5}** and within 10% for **${o.within10}**.`,
    "",
    "| variant | within 5% | within 10% |",
    "|---|---:|---:|",
    ...variantSummary(rows).map((v) => `| ${v.variant} | ${v.within5} | ${v.within10} |`),
    "",
    "| material | stage | basis | published SR | recomputed | deviation | note |",
    "|---|---|---|---:|---:|---:|---|",
    ...rows.map((r) => {
      const note =
        r.reason ??
        (r.deviation !== undefined && Math.abs(r.deviation) > 0.1
          ? closest(r)
          : r.usedStage
            ? "the study's stage"
            : "");
      return `| ${r.material} | ${r.stage} | ${r.basis} | ${r.published} | ${fixed(r.recomputed)} | ${percent(r.deviation)} | ${note} |`;
    }),
    "",
    "<!-- prettier-ignore-end -->",
    END,
  ];
  return lines.join("\n");
}

/** The two files as the data gives them now. */
export function replicationFiles(): { file: URL; content: string }[] {
  const rows = replicateEuSupplyRisk();
  const overall = replicateOverall(rows);
  const docs = readFileSync(fileURLToPath(DOCS_FILE), "utf8");
  const from = docs.indexOf(START);
  const to = docs.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${fileURLToPath(DOCS_FILE)} lacks the replication markers`);
  return [
    {
      file: JSON_FILE,
      content: `${JSON.stringify({ summary: summary(rows), overallSummary: overallSummary(overall), rows, overall }, null, 2)}\n`,
    },
    { file: DOCS_FILE, content: docs.slice(0, from) + table(rows, overall) + docs.slice(to + END.length) },
  ];
}
