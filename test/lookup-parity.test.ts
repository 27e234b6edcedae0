// share, chinaShare and production answer on a fast path (_lib/lookup.ts's findSupplyRow: memoised
// default blocks, parsed inputs remembered), provenance on the general one (parseSupplyQuery +
// lookupRow). Both must give the same figure for every question the dataset can answer: every
// mineral × stage × country of the production rows, with no options, a stage, each year, each
// edition, and each edition's years. The expected figure is the row resolveSource's choice points
// to, read from the bundled rows directly; for a question without year and source whose block does
// not list the country, the newest listing edition's row, found here from the rows and the editions'
// dates (the `newest-listing` rule). Every mismatch is collected before asserting.
import { describe, expect, it } from "vitest";
import * as core from "../packages/core/src/index.ts";
import type { SupplyOptions } from "../packages/core/src/schema/options.ts";
import type { EditionId, SupplyRow } from "../packages/core/src/schema/rows.ts";

const { supply, editions } = core.bundledDataset();
const published = new Map(editions.map((e) => [e.id, e.date]));
const production = supply.filter((r) => r.measure === "production");

/** The production rows of one mineral and stage, by edition|year|case|country. */
function rowsOf(mineral: string, stage: SupplyRow["stage"]): Map<string, SupplyRow> {
  const rows = new Map<string, SupplyRow>();
  for (const r of production)
    if (r.mineral === mineral && r.stage === stage) rows.set([r.edition, r.year, r.case ?? "", r.country].join("|"), r);
  return rows;
}

/** The row resolveSource's choice holds for `country`, as share/production read it (no value is no figure). */
function expectedRow(
  rows: Map<string, SupplyRow>,
  mineral: string,
  country: string,
  options: Required<Pick<SupplyOptions, "stage">> & SupplyOptions,
): SupplyRow | undefined {
  const resolved = core.resolveSource({
    mineral,
    stage: options.stage,
    year: options.year ?? undefined,
    source: options.source ?? undefined,
    within: options.within ?? undefined,
  });
  if (!resolved.ok) return undefined;
  const { edition, year, case: projection } = resolved.resolution;
  const row = rows.get([edition, year, projection ?? "", country].join("|"));
  if (row !== undefined && row.value !== null) return row;
  return options.year == null && options.source == null ? newestListing(rows, country, options.within) : undefined;
}

/** `newest-listing`: single-year observed editions newest first, then period averages; each at its latest such year. */
function newestListing(
  rows: Map<string, SupplyRow>,
  country: string,
  within: readonly EditionId[] | null | undefined,
): SupplyRow | undefined {
  const latest = new Map<EditionId, { year: number; average: boolean }>();
  for (const r of rows.values()) {
    if (r.value === null || r.kind === "projection" || (within && !within.includes(r.edition))) continue;
    const average = r.kind === "period-average";
    const seen = latest.get(r.edition);
    if (!seen || (seen.average && !average) || (seen.average === average && r.year > seen.year))
      latest.set(r.edition, { year: r.year, average });
  }
  const order = [...latest].sort(
    ([a, x], [b, y]) => Number(x.average) - Number(y.average) || published.get(b)!.localeCompare(published.get(a)!),
  );
  for (const [edition, { year }] of order) {
    const row = rows.get([edition, year, "", country].join("|"));
    if (row !== undefined && row.value !== null) return row;
  }
  return undefined;
}

/** Every mineral and stage with production rows, each with its countries, editions and years. */
const blocks = [...new Set(production.map((r) => `${r.mineral}|${r.stage}`))].map((key) => {
  const [mineral, stage] = key.split("|") as [string, SupplyRow["stage"]];
  const own = production.filter((r) => r.mineral === mineral && r.stage === stage);
  const years = [...new Set(own.map((r) => r.year))].sort((a, b) => a - b);
  return {
    mineral,
    stage,
    rows: rowsOf(mineral, stage),
    countries: [...new Set(own.map((r) => r.country))],
    editions: [...new Set(own.map((r) => r.edition))].map((edition) => ({
      edition,
      years: [...new Set(own.filter((r) => r.edition === edition).map((r) => r.year))],
    })),
    // One year before any edition's first: a question with no answer on either path.
    years: [years[0]! - 1, ...years],
  };
});

const PIN: EditionId[] = ["ec-crm-2023", "iea-cmde-2024", "usgs-mcs-2025"];

/** The option objects asked of one mineral and stage (`undefined` is the no-options fast path). */
function optionSets(block: (typeof blocks)[number]): (SupplyOptions | undefined)[] {
  const { stage } = block;
  return [
    ...(stage === "refining" ? [undefined] : []),
    { stage },
    ...block.years.map((year) => ({ stage, year })),
    ...block.editions.flatMap(({ edition, years }) => [
      { stage, source: edition },
      ...years.map((year) => ({ stage, source: edition, year })),
      { stage, within: [edition] },
      ...years.map((year) => ({ stage, within: [edition], year })),
    ]),
    // A workbook's pin: one edition of each series, some without this mineral.
    { stage, within: PIN },
    ...block.years.map((year) => ({ stage, within: PIN, year })),
  ];
}

describe("fast lookup path and provenance agree", () => {
  it("covers every mineral and stage with production rows", () => {
    expect(blocks.length).toBeGreaterThan(40);
    expect(blocks.reduce((n, b) => n + b.countries.length, 0)).toBeGreaterThan(500);
  });

  it("share, chinaShare and production equal provenance's figure and the row resolveSource picks, for every id", () => {
    const mismatches: string[] = [];
    let asked = 0;
    for (const block of blocks) {
      for (const options of optionSets(block)) {
        const stage = options?.stage ?? "refining";
        for (const country of block.countries) {
          asked++;
          const label = `${block.mineral} ${country} ${JSON.stringify(options ?? "no options")}`;
          const row = expectedRow(block.rows, block.mineral, country, { ...options, stage });
          const traced = core.provenance({ mineral: block.mineral, country, ...options });
          const expected = {
            share: row?.share ?? undefined,
            production: row?.tonnes ?? undefined,
          };
          const fast = {
            share: core.share(block.mineral, country, options),
            production: core.production(block.mineral, country, options),
          };
          const slow = {
            share: traced.found ? (traced.share ?? undefined) : undefined,
            production: traced.found ? (traced.tonnes ?? undefined) : undefined,
          };
          if (fast.share !== expected.share || fast.production !== expected.production)
            mismatches.push(`fast ${label}: ${JSON.stringify(fast)}, expected ${JSON.stringify(expected)}`);
          if (slow.share !== expected.share || slow.production !== expected.production)
            mismatches.push(`provenance ${label}: ${JSON.stringify(slow)}, expected ${JSON.stringify(expected)}`);
          if (country === "CHN" && core.chinaShare(block.mineral, options) !== expected.share)
            mismatches.push(
              `chinaShare ${label}: ${core.chinaShare(block.mineral, options)}, expected ${expected.share}`,
            );
        }
      }
    }
    expect(asked).toBeGreaterThan(5_000);
    expect(mismatches.slice(0, 50), `${mismatches.length} mismatches`).toEqual([]);
  });

  it("gives the same answer for names and aliases as for ids, the second time as the first (the remembered inputs)", () => {
    const mismatches: string[] = [];
    for (const entry of core.mineralEntries) {
      for (const name of [entry.id, entry.name, entry.name.toUpperCase(), ...entry.aliases]) {
        for (let pass = 0; pass < 2; pass++) {
          const expected = core.provenance({ mineral: entry.id, country: "CHN" });
          const slow = expected.found ? (expected.share ?? undefined) : undefined;
          let fast: number | undefined | string;
          try {
            fast = core.chinaShare(name);
          } catch (error) {
            fast = `throws ${(error as Error).message}`;
          }
          if (fast !== slow)
            mismatches.push(`chinaShare(${JSON.stringify(name)}) pass ${pass}: ${fast}, provenance ${slow}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
