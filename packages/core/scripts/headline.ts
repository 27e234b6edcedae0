// pnpm start — what the bundled dataset covers, and China's share of mining and refining for every
// mineral with a production figure, at the latest observed year of the edition the default resolution
// for a country picks (newest-listing: the newest edition that lists China).
import { lookupSupply } from "../src/_lib/lookup.ts";
import { DATASET_VERSION, editions, mineralEntries } from "../src/data/index.ts";
import { bundledDataset } from "../src/data/dataset.ts";
import { coverageSummary } from "../pipeline/emit.ts";

const { demand, indicators, supply } = bundledDataset();

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function cell(mineral: string, stage: "mining" | "refining"): string {
  const found = lookupSupply("headline", mineral, "CHN", { stage }, { stage });
  if (found.row && found.row.share !== null)
    return `${percent(found.row.share).padStart(6)} ${found.resolution.year} ${found.resolution.edition}${found.row.kind === "period-average" ? " (avg)" : ""}`;
  if (found.row) return `     — ${found.resolution.year} ${found.resolution.edition} (no world total to share of)`;
  if (found.resolution) return `     — ${found.resolution.year} ${found.resolution.edition} (China not listed)`;
  return "     — no data";
}

console.log(`critmin dataset ${DATASET_VERSION}\n`);
console.log(
  coverageSummary({ editions: [...editions], supply: [...supply], demand: [...demand], indicators: [...indicators] }),
);
console.log(
  "\nChina's share of world production, default edition for a country: the newest that lists China, at its latest observed year\n(single-year figures first; (avg) marks an EU CRM period average, labelled with the assessment year)\n",
);
const withProduction = mineralEntries.filter((m) => m.coverage.some((c) => c.measure === "production"));
const width = Math.max(...withProduction.map((m) => m.name.length));
console.log(`${"mineral".padEnd(width)}  ${"mining".padEnd(34)}  refining`);
for (const m of withProduction) {
  console.log(`${m.name.padEnd(width)}  ${cell(m.id, "mining").padEnd(34)}  ${cell(m.id, "refining")}`);
}
console.log(
  "\nShares are of the source's own world total; EU CRM figures are multi-year averages (period years not stated in the source files). Sources: pnpm data:build prints the editions; every row carries its locator.",
);
