/**
 * The dataset every function answers from: the one bundled with the package, or one that a refresh
 * installed with {@link useDataset}.
 *
 * The bundled rows stay as text in the generated modules until something reads them, so importing
 * the package costs no parsing; a query decodes the rows it needs once: the supply rows of its
 * mineral, or the demand, indicator, list, export-control or governance table.
 */
import type {
  DemandRow,
  Edition,
  ExportControlRow,
  GovernanceRow,
  IndicatorRow,
  ListItemRow,
  SupplyRow,
} from "../records.ts";
import { editions } from "./gen/editions.gen.ts";
import { DATASET_VERSION } from "./gen/ids.gen.ts";
import { countryEntries, mineralEntries } from "./gen/registry.gen.ts";
import { describe } from "../_lib/describe.ts";
import { CritminError } from "../errors.ts";
import { installedDataset, slot } from "./installed.ts";
import type { CountryEntry, MineralEntry } from "./registry.ts";
import {
  bundledControls,
  bundledDemand,
  bundledGovernance,
  bundledIndicators,
  bundledLists,
  bundledSupply,
} from "./tables.ts";

/** Everything the functions read: editions, observations and the id registries. Rows are frozen. */
export interface Dataset {
  /** `<newest edition month>+<content hash>`, as {@link datasetVersion} returns it. */
  readonly version: string;
  readonly editions: readonly Edition[];
  readonly supply: readonly SupplyRow[];
  readonly demand: readonly DemandRow[];
  readonly indicators: readonly IndicatorRow[];
  /** Items of the official critical-mineral lists. */
  readonly lists: readonly ListItemRow[];
  /** China's export-control measures. */
  readonly controls: readonly ExportControlRow[];
  /** Worldwide Governance Indicators estimates (the years the package bundles). */
  readonly governance: readonly GovernanceRow[];
  readonly minerals: readonly MineralEntry[];
  readonly countries: readonly CountryEntry[];
}

let bundled: Dataset | undefined;

/**
 * The dataset shipped in this package; its rows are decoded on first read. Its tables are the ones
 * the per-table accessors of tables.ts read, decoded once for both.
 */
export function bundledDataset(): Dataset {
  return (bundled ??= Object.freeze({
    version: DATASET_VERSION,
    editions,
    get supply() {
      return bundledSupply();
    },
    get demand() {
      return bundledDemand();
    },
    get indicators() {
      return bundledIndicators();
    },
    get lists() {
      return bundledLists();
    },
    get controls() {
      return bundledControls();
    },
    get governance() {
      return bundledGovernance();
    },
    minerals: mineralEntries,
    countries: countryEntries,
  }));
}

/**
 * The dataset functions answer from now: the one installed by {@link useDataset}, else the bundled
 * one. Its rows are the raw observations, each with its edition and locator.
 *
 * The package's own functions read the tables they need through tables.ts instead, so that a bundle
 * keeps only those tables' text.
 *
 * @example
 * dataset().supply.find((r) => r.edition === "iea-cmde-2024" && r.mineral === "cobalt" && r.stage === "refining" && r.country === "CHN" && r.year === 2023)?.locator
 * //=> "IEA_CM_Data_Explorer_2024-05.xlsx!'2 Total supply for key minerals'!H18"
 */
export function dataset(): Dataset {
  return installedDataset() ?? bundledDataset();
}

/**
 * Records that `checked` passed every check of a refresh (schema, checksums, edition immutability).
 * For parseDataset only: anything else goes through it.
 * @internal
 */
export function admitDataset<T extends Dataset>(checked: T): T {
  slot().admitted.add(checked);
  return checked;
}

/**
 * Makes every function answer from `next` (a dataset returned by `parseDataset` from
 * `@critmin/core/schema`), or from the bundled dataset again when called without one.
 *
 * The switch is one assignment: a query sees either the old dataset or the new one, never a mix.
 * Indexes over the old dataset are dropped on the next query.
 *
 * @throws {@link CritminError} `invalid_argument` for anything parseDataset did not return
 *
 * @example
 * (useDataset(), dataset() === bundledDataset())
 * //=> true
 */
export function useDataset(next?: Dataset): void {
  if (next !== undefined && next !== bundled && !slot().admitted.has(next)) {
    throw new CritminError(
      "invalid_argument",
      `useDataset: pass a dataset returned by parseDataset (from @critmin/core/schema), which checks it first, or nothing for the bundled data; got ${describe(next)}`,
    );
  }
  slot().dataset = next === bundled ? undefined : next;
}
