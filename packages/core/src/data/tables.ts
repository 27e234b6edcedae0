/**
 * One accessor per table of the dataset in use: the installed dataset's table when a refresh
 * installed one, else the bundled table, decoded on first use. Each accessor references only its own
 * generated module, so a bundle keeps the text of the tables its functions read and drops the rest
 * (the whole {@link dataset} object would bring every table along).
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
import type { Dataset } from "./dataset.ts";
import { controlsText } from "./gen/controls.gen.ts";
import { demandText } from "./gen/demand.gen.ts";
import { editions } from "./gen/editions.gen.ts";
import { governanceText } from "./gen/governance.gen.ts";
import { DATASET_VERSION } from "./gen/ids.gen.ts";
import { indicatorsText } from "./gen/indicators.gen.ts";
import { listsText } from "./gen/lists.gen.ts";
import { countryEntries, mineralEntries } from "./gen/registry.gen.ts";
import { supplyChunks } from "./gen/supply.gen.ts";
import { installedDataset } from "./installed.ts";
import { decodeControls, decodeGovernance, decodeLists } from "./policyRows.ts";
import type { CountryEntry, MineralEntry } from "./registry.ts";
import { decodeDemand, decodeIndicators, decodeSupply } from "./rows.ts";

const NONE: readonly SupplyRow[] = /* @__PURE__ */ Object.freeze([]);

// The bundled tables, each decoded once, on its first read.
const supplyByMineral = /* @__PURE__ */ new Map<string, readonly SupplyRow[]>();
let supply: readonly SupplyRow[] | undefined;
let demand: readonly DemandRow[] | undefined;
let indicators: readonly IndicatorRow[] | undefined;
let lists: readonly ListItemRow[] | undefined;
let controls: readonly ExportControlRow[] | undefined;
let governance: readonly GovernanceRow[] | undefined;

/** The bundled supply rows of one mineral (empty for a mineral without any), decoded on first use. */
export function bundledSupplyOf(mineral: string): readonly SupplyRow[] {
  let rows = supplyByMineral.get(mineral);
  if (rows === undefined) {
    const text = Object.hasOwn(supplyChunks, mineral) ? supplyChunks[mineral] : undefined;
    rows = text === undefined ? NONE : decodeSupply(text);
    supplyByMineral.set(mineral, rows);
  }
  return rows;
}

export const bundledSupply = (): readonly SupplyRow[] =>
  (supply ??= Object.freeze(Object.keys(supplyChunks).flatMap((mineral) => bundledSupplyOf(mineral))));
export const bundledDemand = (): readonly DemandRow[] => (demand ??= decodeDemand(demandText));
export const bundledIndicators = (): readonly IndicatorRow[] => (indicators ??= decodeIndicators(indicatorsText));
export const bundledLists = (): readonly ListItemRow[] => (lists ??= decodeLists(listsText));
export const bundledControls = (): readonly ExportControlRow[] => (controls ??= decodeControls(controlsText));
export const bundledGovernance = (): readonly GovernanceRow[] => (governance ??= decodeGovernance(governanceText));

// An installed dataset's supply rows grouped by mineral, once per dataset.
const installedByMineral = /* @__PURE__ */ new WeakMap<Dataset, ReadonlyMap<string, readonly SupplyRow[]>>();

/** The supply rows of one mineral in the dataset in use (empty for a mineral without any). */
export function supplyRowsOf(mineral: string): readonly SupplyRow[] {
  const data = installedDataset();
  // The bundled rows are stored by mineral: only this mineral's are decoded.
  if (data === undefined) return bundledSupplyOf(mineral);
  let byMineral = installedByMineral.get(data);
  if (byMineral === undefined) {
    const grouped = new Map<string, SupplyRow[]>();
    for (const row of data.supply) {
      const list = grouped.get(row.mineral) ?? [];
      grouped.set(row.mineral, list);
      list.push(row);
    }
    installedByMineral.set(data, (byMineral = grouped));
  }
  return byMineral.get(mineral) ?? NONE;
}

/** Every supply row of the dataset in use (the bundled ones: every mineral's, decoded). */
export const supplyRows = (): readonly SupplyRow[] => installedDataset()?.supply ?? bundledSupply();
export const demandRows = (): readonly DemandRow[] => installedDataset()?.demand ?? bundledDemand();
export const indicatorRows = (): readonly IndicatorRow[] => installedDataset()?.indicators ?? bundledIndicators();
export const listRows = (): readonly ListItemRow[] => installedDataset()?.lists ?? bundledLists();
export const controlRows = (): readonly ExportControlRow[] => installedDataset()?.controls ?? bundledControls();
export const governanceRows = (): readonly GovernanceRow[] => installedDataset()?.governance ?? bundledGovernance();
export const editionList = (): readonly Edition[] => installedDataset()?.editions ?? editions;
export const mineralList = (): readonly MineralEntry[] => installedDataset()?.minerals ?? mineralEntries;
export const countryList = (): readonly CountryEntry[] => installedDataset()?.countries ?? countryEntries;
/** The version of the dataset in use, as {@link datasetVersion} returns it. */
export const versionOf = (): string => installedDataset()?.version ?? DATASET_VERSION;
