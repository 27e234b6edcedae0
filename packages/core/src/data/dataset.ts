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
import { demandText } from "./gen/demand.gen.ts";
import { editions } from "./gen/editions.gen.ts";
import { DATASET_VERSION } from "./gen/ids.gen.ts";
import { indicatorsText } from "./gen/indicators.gen.ts";
import { controlsText } from "./gen/controls.gen.ts";
import { governanceText } from "./gen/governance.gen.ts";
import { listsText } from "./gen/lists.gen.ts";
import { countryEntries, mineralEntries } from "./gen/registry.gen.ts";
import { supplyChunks } from "./gen/supply.gen.ts";
import { describe } from "../_lib/describe.ts";
import { CritminError } from "../errors.ts";
import type { CountryEntry, MineralEntry } from "./registry.ts";
import { decodeControls, decodeGovernance, decodeLists } from "./policyRows.ts";
import { decodeDemand, decodeIndicators, decodeSupply } from "./rows.ts";

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
const supplyByMineral = /* @__PURE__ */ new Map<string, readonly SupplyRow[]>();

/** The bundled supply rows of one mineral (empty for a mineral without any), decoded on first use. */
export function bundledSupplyOf(mineral: string): readonly SupplyRow[] {
  let rows = supplyByMineral.get(mineral);
  if (rows === undefined) {
    const text = Object.hasOwn(supplyChunks, mineral) ? supplyChunks[mineral] : undefined;
    rows = text === undefined ? Object.freeze([]) : decodeSupply(text);
    supplyByMineral.set(mineral, rows);
  }
  return rows;
}

/** The dataset shipped in this package; its rows are decoded on first read. */
export function bundledDataset(): Dataset {
  if (bundled) return bundled;
  let supply: readonly SupplyRow[] | undefined;
  let demand: readonly DemandRow[] | undefined;
  let indicators: readonly IndicatorRow[] | undefined;
  let lists: readonly ListItemRow[] | undefined;
  let controls: readonly ExportControlRow[] | undefined;
  let governance: readonly GovernanceRow[] | undefined;
  bundled = Object.freeze({
    version: DATASET_VERSION,
    editions,
    get supply() {
      return (supply ??= Object.freeze(Object.keys(supplyChunks).flatMap((mineral) => bundledSupplyOf(mineral))));
    },
    get demand() {
      return (demand ??= decodeDemand(demandText));
    },
    get indicators() {
      return (indicators ??= decodeIndicators(indicatorsText));
    },
    get lists() {
      return (lists ??= decodeLists(listsText));
    },
    get controls() {
      return (controls ??= decodeControls(controlsText));
    },
    get governance() {
      return (governance ??= decodeGovernance(governanceText));
    },
    minerals: mineralEntries,
    countries: countryEntries,
  });
  return bundled;
}

// The installed dataset, and the datasets parseDataset admitted, live on a global under a registered
// symbol, not in module variables: several copies of this package can share one page or process —
// the add-in's function bundle and its task pane (a shared runtime), or the published entries
// `@critmin/core` and `@critmin/core/schema`, each built with its own copy — and a dataset checked by
// one copy must be the one every copy answers from.
const SLOT = /* @__PURE__ */ Symbol.for("@critmin/core/active-dataset@1");
type Slot = { dataset: Dataset | undefined; readonly admitted: WeakSet<Dataset> };
// Made on first use rather than at import: loading the module writes nothing, so bundlers may drop it.
let shared: Slot | undefined;
const slot = (): Slot =>
  (shared ??= (globalThis as { [SLOT]?: Slot })[SLOT] ??= { dataset: undefined, admitted: new WeakSet() });

/**
 * The dataset functions answer from now: the one installed by {@link useDataset}, else the bundled
 * one. Its rows are the raw observations, each with its edition and locator.
 *
 * @example
 * dataset().supply.find((r) => r.edition === "iea-cmde-2024" && r.mineral === "cobalt" && r.stage === "refining" && r.country === "CHN" && r.year === 2023)?.locator
 * //=> "IEA_CM_Data_Explorer_2024-05.xlsx!'2 Total supply for key minerals'!H18"
 */
export function dataset(): Dataset {
  return slot().dataset ?? bundledDataset();
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
