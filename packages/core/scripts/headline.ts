// pnpm start — what the bundled dataset covers, and China's share of mining and refining for every
// mineral with a production figure, at the latest observed year of the edition the default resolution
// for a country picks (newest-listing: the newest edition that lists China).
import { explain } from "../src/answer/explain.ts";
import type { Answer } from "../src/answer/answer.ts";
import { chinaShare } from "../src/exposure/chinaShare.ts";
import { exportControls } from "../src/policy/controls.ts";
import { criticalLists } from "../src/policy/lists.ts";
import { DATASET_VERSION, editions, mineralEntries } from "../src/data/index.ts";
import { bundledDataset } from "../src/data/dataset.ts";
import { coverageSummary } from "../pipeline/emit.ts";

const { controls, demand, governance, indicators, lists, supply } = bundledDataset();

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The year or period the answer is for: a period average never shows as a bare year. */
function when(a: Answer<unknown>): string {
  if (a.period) return `${a.period.from}–${String(a.period.to).slice(-2)} avg`;
  if (a.kind === "period-average") return "multi-year avg, years not stated";
  return a.year === undefined ? "" : String(a.year);
}

function cell(mineral: string, stage: "mining" | "refining"): string {
  const a = explain(chinaShare, mineral, { stage });
  const edition = a.edition ?? "";
  if (typeof a.value === "number") {
    const sign = a.bound === "lower" ? "≥" : a.bound === "upper" ? "≤" : "";
    return `${`${sign}${percent(a.value)}`.padStart(7)} ${when(a)} ${edition}`;
  }
  if (a.edition === undefined) return "      — no data";
  return `      — ${when(a)} ${edition} (${a.notListed.includes("CHN") ? "China not listed" : "no share"})`;
}

console.log(`critmin dataset ${DATASET_VERSION}\n`);
console.log(
  coverageSummary({
    editions: [...editions],
    supply: [...supply],
    demand: [...demand],
    indicators: [...indicators],
    lists: [...lists],
    controls: [...controls],
    governance: [...governance],
  }),
);
console.log(
  "\nChina's share of world production, default edition for a country: the newest that lists China, at its latest observed year\n(single-year figures first; (avg) marks an EU CRM period average, labelled with the assessment year)\n",
);
const withProduction = mineralEntries.filter((m) => m.coverage.some((c) => c.measure === "production"));
const width = Math.max(...withProduction.map((m) => m.name.length));
console.log(`${"mineral".padEnd(width)}  ${"mining".padEnd(54)}  refining`);
for (const m of withProduction) {
  console.log(`${m.name.padEnd(width)}  ${cell(m.id, "mining").padEnd(54)}  ${cell(m.id, "refining")}`);
}
console.log(
  "\nShares are of the source's own world total; ≥ marks a lower bound; EU CRM figures are multi-year averages (years not stated in the source files). Sources: pnpm data:build prints the editions; explain() gives each figure's locator.",
);

// The policy layer: which official lists exist, and where China's export controls stand today.
console.log("\nOfficial critical-mineral lists (isCritical, listsNaming):");
for (const l of criticalLists()) console.log(`  ${l.id.padEnd(24)} ${l.published}  ${l.items} items  ${l.instrument}`);

const today = exportControls();
console.log(
  `\nChina's export controls on ${today.asOf} (today; edition cn-export-controls-2026-01, a transcription of the notices),` +
    "\nby status; a suspension whose end date has passed with no later notice in the data is unknown, never assumed:",
);
for (const m of today.measures) {
  const touches = m.everyItem ? "every dual-use item" : m.minerals.join(", ") || m.mineralsAsWritten;
  const part = m.part ? ` (${m.part.part}: ${m.part.status})` : "";
  console.log(`  ${`${m.status}${part}`.padEnd(30)} ${m.id}\n  ${"".padEnd(30)} to ${m.destination}: ${touches}`);
}
