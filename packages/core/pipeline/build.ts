// sources → readers → validated rows → the files the package ships. Pure apart from reading the
// sources: it returns file contents, and the CLI decides whether to write or compare them.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { CountryEntry, MineralEntry } from "../src/data/registry.ts";
import { GROUPS } from "../src/groups.ts";
import {
  DemandRow,
  Edition,
  ExportControlRow,
  GovernanceRow,
  IndicatorRow,
  ListItemRow,
  SupplyRow,
} from "../src/schema/rows.ts";
import { withBasisNotes } from "./basis.ts";
import { countryName, countryNames, alpha2, COUNTRY_ALIASES, USER_ALIASES } from "./countries.ts";
import { EDITION_SOURCES } from "./editions.ts";
import { mineralAliases, mineralName } from "./minerals.ts";
import { SourceError } from "./problems.ts";
import { sha256, sourceFileProblems } from "./sourceText.ts";
import { readEuIndicators, readEuSupplyShares } from "./readers/eu-crm.ts";
import { readIea2025 } from "./readers/iea-json.ts";
import { readIea2024 } from "./readers/iea-xlsx.ts";
import { readUsgsNetImportReliance } from "./readers/usgs-nir.ts";
import { readUsgsWorld } from "./readers/usgs-world.ts";
import { readCriticalLists } from "./readers/critical-lists.ts";
import { readExportControls } from "./readers/export-controls.ts";
import { bundledGovernance, readWgi } from "./readers/wgi.ts";
import { emptyOutput, type ReaderOutput } from "./types.ts";

export interface Dataset {
  readonly editions: Edition[];
  readonly supply: SupplyRow[];
  readonly demand: DemandRow[];
  readonly indicators: IndicatorRow[];
  readonly lists: ListItemRow[];
  readonly controls: ExportControlRow[];
  readonly governance: GovernanceRow[];
}

export type Progress = (message: string) => void;

/** Reads every source edition; throws a `SourceError` listing every problem found. */
export async function readSources(dataDir: string, progress: Progress = () => {}): Promise<Dataset> {
  const missing = EDITION_SOURCES.flatMap((e) => e.files).filter((f) => !existsSync(path.join(dataDir, f)));
  if (missing.length > 0)
    throw new SourceError(
      dataDir,
      missing.map((f) => `${f}: file not found`),
    );
  // Unreadable files stop here; a released file with changed bytes is still read, so an edit the
  // readers can place (row and column) is reported with the checksum line, then refused either way.
  const { unreadable, changed } = sourceFileProblems(dataDir);
  if (unreadable.length > 0) throw new SourceError(dataDir, [...unreadable, ...changed]);

  const readers: [string, () => ReaderOutput | Promise<ReaderOutput>][] = [
    ["iea-cmde-2024 (xlsx)", () => readIea2024(dataDir)],
    ["iea-cmde-2025 (json)", () => readIea2025(dataDir)],
    ["usgs-mcs-2025 world data", () => readUsgsWorld(dataDir)],
    ["usgs-mcs-2025 net import reliance", () => readUsgsNetImportReliance(dataDir)],
    ["ec-crm-2023 supply shares", () => readEuSupplyShares(dataDir)],
    ["ec-crm-2023 indicators", () => readEuIndicators(dataDir)],
    ["wb-wgi-2023", () => ({ ...emptyOutput(), governance: bundledGovernance(readWgi(dataDir)) })],
    ["us-cml-2022, us-cml-2025, eu-crma-2024", () => ({ ...emptyOutput(), lists: readCriticalLists(dataDir) })],
    ["cn-export-controls-2026-01", () => ({ ...emptyOutput(), controls: readExportControls(dataDir) })],
  ];
  const outputs: ReaderOutput[] = [];
  for (const [i, [name, read]] of readers.entries()) {
    progress(`[${i + 1}/${readers.length}] reading ${name}`);
    try {
      outputs.push(await read());
    } catch (error) {
      if (error instanceof SourceError && changed.length > 0)
        throw new SourceError(error.source, [...error.problems, ...changed]);
      throw error;
    }
  }
  if (changed.length > 0) throw new SourceError(dataDir, changed);
  const editions = EDITION_SOURCES.map((e): Edition => ({
    id: e.id,
    title: e.title,
    publisher: e.publisher,
    date: e.date,
    url: e.url,
    licence: e.licence,
    citation: e.citation,
    files: e.files.map((f) => ({ path: f, sha256: sha256(readFileSync(path.join(dataDir, f))) })),
  }));
  const dataset: Dataset = {
    editions,
    supply: sortSupply(withBasisNotes(outputs.flatMap((o) => o.supply))),
    demand: sortDemand(outputs.flatMap((o) => o.demand)),
    indicators: sortIndicators(outputs.flatMap((o) => o.indicators)),
    lists: sortBy(
      outputs.flatMap((o) => o.lists ?? []),
      (r) => [r.edition, r.list, pad(r.position)].join("|"),
    ),
    controls: sortBy(
      outputs.flatMap((o) => o.controls ?? []),
      (r) => [r.edition, r.announced, r.effective, r.id].join("|"),
    ),
    governance: sortBy(
      outputs.flatMap((o) => o.governance ?? []),
      (r) => [r.edition, r.country, r.dimension, pad(r.year)].join("|"),
    ),
  };
  validate(dataset);
  return dataset;
}

export { sha256 };

/** Schema, uniqueness and reference checks over the whole dataset, reporting every offender at once. */
export function validate(dataset: Dataset): void {
  const problems: string[] = [];
  const check = <T>(table: string, schema: z.ZodType<T>, rows: readonly T[]) =>
    rows.forEach((row, i) => {
      const result = schema.safeParse(row);
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push(
            `${table} row ${i} (${(row as { locator?: string }).locator ?? "?"}) ${issue.path.join(".")}: ${issue.message}`,
          );
        }
      }
    });
  check("edition", Edition, dataset.editions);
  check("supply", SupplyRow, dataset.supply);
  check("demand", DemandRow, dataset.demand);
  check("indicators", IndicatorRow, dataset.indicators);
  check("lists", ListItemRow, dataset.lists);
  check("controls", ExportControlRow, dataset.controls);
  check("governance", GovernanceRow, dataset.governance);

  const duplicates = (table: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) problems.push(`${table}: duplicate row ${key}`);
      seen.add(key);
    }
  };
  duplicates("supply", dataset.supply.map(supplyKey));
  duplicates("demand", dataset.demand.map(demandKey));
  duplicates("indicators", dataset.indicators.map(indicatorKey));
  duplicates("lists", dataset.lists.map(listKey));
  duplicates(
    "lists (item)",
    dataset.lists.map((r) => [r.edition, r.list, r.item].join("|")),
  );
  duplicates("controls", dataset.controls.map(controlKey));
  duplicates("governance", dataset.governance.map(governanceKey));
  const measures = new Set(dataset.controls.map((r) => r.id));
  for (const r of dataset.controls)
    for (const id of r.suspends)
      if (!measures.has(id)) problems.push(`controls (${r.locator}): suspends ${id}, which is not a measure`);

  const unnamed = new Set(
    [
      ...dataset.supply.map((r) => r.country),
      ...dataset.governance.map((r) => r.country),
      ...dataset.controls.flatMap((r) => r.destinations),
      ...GROUPS.flatMap((g) => g.members),
    ].filter((c) => c !== "WORLD" && c !== "ROW" && !countryName(c)),
  );
  for (const code of unnamed) problems.push(`country ${code}: no name in the country library`);
  if (problems.length > 0) throw new SourceError("dataset", problems);
}

export const supplyKey = (r: SupplyRow) =>
  [r.edition, r.mineral, r.stage, r.measure, r.year, r.case ?? "", r.country].join("|");
export const demandKey = (r: DemandRow) =>
  [r.edition, r.table, r.mineral, r.use, r.variant, r.scenario ?? "", r.year].join("|");
export const indicatorKey = (r: IndicatorRow) =>
  [r.edition, r.indicator, r.economy, r.mineral, r.stage ?? "", r.year].join("|");
export const listKey = (r: ListItemRow) => [r.edition, r.list, r.position].join("|");
export const controlKey = (r: ExportControlRow) => [r.edition, r.id].join("|");
export const governanceKey = (r: GovernanceRow) => [r.edition, r.country, r.dimension, r.year].join("|");

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function sortBy<T>(rows: T[], key: (row: T) => string): T[] {
  return rows
    .map((row) => ({ row, k: key(row) }))
    .sort((a, b) => compare(a.k, b.k))
    .map((x) => x.row);
}
const pad = (n: number) => String(n).padStart(4, "0");
const sortSupply = (rows: SupplyRow[]) =>
  sortBy(rows, (r) =>
    [r.edition, r.mineral, r.stage, r.measure, pad(r.year), r.case ?? "", r.country === "WORLD" ? "~" : r.country].join(
      "|",
    ),
  );
const sortDemand = (rows: DemandRow[]) =>
  sortBy(rows, (r) => [r.edition, r.table, r.mineral, r.use, r.variant, r.scenario ?? "", pad(r.year)].join("|"));
const sortIndicators = (rows: IndicatorRow[]) =>
  sortBy(rows, (r) => [r.edition, r.indicator, r.economy, r.mineral, r.stage ?? "", pad(r.year)].join("|"));

export function mineralRegistry(dataset: Dataset): MineralEntry[] {
  const ids = new Set<string>([
    ...dataset.supply.map((r) => r.mineral),
    ...dataset.demand.map((r) => r.mineral),
    ...dataset.indicators.map((r) => r.mineral),
    // Minerals a list or a measure names, with or without figures (coverage empty): so that
    // "is uranium critical?" finds the id.
    ...dataset.lists.flatMap((r) => r.minerals),
    ...dataset.controls.flatMap((r) => r.minerals),
  ]);
  const coverage = new Map<string, Map<string, Set<number>>>();
  for (const r of dataset.supply) {
    if (r.value === null) continue;
    const byBlock = coverage.get(r.mineral) ?? new Map<string, Set<number>>();
    const key = [r.edition, r.stage, r.measure].join("|");
    byBlock.set(key, (byBlock.get(key) ?? new Set()).add(r.year));
    coverage.set(r.mineral, byBlock);
  }
  return [...ids].sort().map((id) => ({
    id,
    name: mineralName(id),
    aliases: mineralAliases(id),
    coverage: [...(coverage.get(id) ?? new Map<string, Set<number>>()).entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([key, years]) => {
        const [edition, stage, measure] = key.split("|") as [string, string, string];
        return { edition, stage, measure, years: [...years].sort((a, b) => a - b) };
      }),
  }));
}

export function countryRegistry(dataset: Dataset): CountryEntry[] {
  const codes = new Set<string>([
    ...dataset.supply.map((r) => r.country),
    ...dataset.indicators.flatMap((r) => r.sources ?? []),
    ...dataset.governance.map((r) => r.country),
    ...dataset.controls.flatMap((r) => r.destinations),
    ...GROUPS.flatMap((g) => g.members),
  ]);
  codes.delete("WORLD");
  codes.delete("ROW");
  const sourceSpellings = new Map<string, string[]>();
  for (const [spelling, code] of Object.entries(COUNTRY_ALIASES)) {
    if (spelling.includes("\uFFFD")) continue;
    sourceSpellings.set(code, [...(sourceSpellings.get(code) ?? []), spelling]);
  }
  return [...codes].sort().map((code) => {
    const name = countryName(code) ?? code;
    const aliases = new Set([
      ...countryNames(code),
      ...(sourceSpellings.get(code) ?? []),
      ...(USER_ALIASES[code] ?? []),
    ]);
    aliases.delete(name);
    return { code, alpha2: alpha2(code) ?? "", name, aliases: [...aliases].sort() };
  });
}
