// The hosted format of a data refresh: a small manifest that names one dataset file and its
// checksum, and the dataset file itself. The row checks mirror the zod schemas of schema/rows.ts
// (checks.test.ts holds them together) with one change: a hosted file may add editions the package
// does not know yet, so an edition id is any kebab-case id rather than one of the bundled ones.
import {
  CRITICAL_LISTS,
  DEMAND_TABLES,
  GOVERNANCE_DIMENSIONS,
  INDICATORS,
  KINDS,
  MEASURES,
  SCENARIOS,
  STAGES,
  STATUSES,
} from "../constants.ts";
import type { Dataset } from "../data/dataset.ts";
import { describe } from "../_lib/describe.ts";
import { boolean, listOf, nullable, number, object, oneOf, pattern, problem, text, type Check } from "./checks.ts";

export const MANIFEST_FORMAT = "critmin-dataset-manifest/1";
export const DATASET_FORMAT = "critmin-dataset/1";

/** `<newest edition date>+<12 hex digits of a content hash>`, as `datasetVersion()` returns it. */
export const DATASET_VERSION_PATTERN = /^\d{4}-\d{2}(-\d{2})?\+[0-9a-f]{12}$/;

/** `manifest.json`: what an organisation hosts at the URL the task pane is given. */
export interface DatasetManifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** The dataset's version, as `datasetVersion()` will return it. */
  readonly version: string;
  /** The dataset file, relative to the manifest's URL (same origin). */
  readonly file: string;
  /** The dataset file's size in bytes. */
  readonly bytes: number;
  /** sha256 of the dataset file's bytes, lowercase hex. */
  readonly sha256: string;
}

/** A dataset file's content (`dataset-<version>.json`), typed as the functions read it. */
export interface HostedDataset extends Dataset {
  readonly format: typeof DATASET_FORMAT;
}

const kebab = pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a kebab-case id");
const version = pattern(DATASET_VERSION_PATTERN, "<yyyy-mm>+<12 hex digits>");
const year = number({ int: true, min: 1900, max: 2100 });
const sha256 = pattern(/^[0-9a-f]{64}$/, "64 lowercase hex digits");
const locator = text(3);
const rules = listOf(kebab);
const webUrl: Check = (v, path, p) => {
  if (typeof v !== "string") return problem(p, `${path}: expected a string, got ${describe(v)}`);
  try {
    new URL(v);
  } catch {
    problem(p, `${path}: expected a URL, got ${describe(v)}`);
  }
};

export const manifestCheck: Check = object({
  format: oneOf([MANIFEST_FORMAT]),
  version,
  file: pattern(/^[A-Za-z0-9._+\-/]{1,200}$/, "a relative path such as dataset-2025-05+0123456789ab.json"),
  bytes: number({ int: true, positive: true }),
  sha256,
});

const editionCheck = object({
  id: kebab,
  title: text(),
  publisher: text(),
  date: pattern(/^\d{4}-\d{2}(-\d{2})?$/, "a date yyyy-mm or yyyy-mm-dd"),
  url: webUrl,
  licence: text(),
  citation: text(),
  files: listOf(object({ path: text(), sha256 })),
});

const supplyCheck = object({
  edition: kebab,
  mineral: kebab,
  stage: oneOf(STAGES),
  measure: oneOf(MEASURES),
  country: pattern(/^([A-Z]{3}|WORLD|ROW)$/, "ISO 3166-1 alpha-3, WORLD or ROW"),
  year,
  kind: oneOf(KINDS),
  case: nullable(kebab),
  value: nullable(number()),
  unit: text(1),
  tonnes: nullable(number({ min: 0 })),
  share: nullable(number({ min: 0, max: 1 })),
  basis: text(1),
  status: oneOf(STATUSES),
  locator,
  rules,
});

const demandCheck = object({
  edition: kebab,
  table: oneOf(DEMAND_TABLES),
  mineral: kebab,
  use: kebab,
  variant: kebab,
  scenario: nullable(oneOf(SCENARIOS)),
  year,
  kind: oneOf(KINDS),
  value: number(),
  unit: text(1),
  tonnes: number({ min: 0 }),
  basis: text(1),
  locator,
  rules,
});

const indicatorCheck = object(
  {
    edition: kebab,
    indicator: oneOf(INDICATORS),
    mineral: kebab,
    economy: oneOf(["EU", "USA"]),
    stage: nullable(oneOf(STAGES)),
    year,
    value: nullable(number()),
    unit: oneOf(["index", "fraction"]),
    status: oneOf(STATUSES),
    locator,
    sources: listOf(pattern(/^[A-Z]{3}$/, "ISO 3166-1 alpha-3")),
    rules,
  },
  ["sources"],
);

const day = pattern(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");
const alpha3 = pattern(/^[A-Z]{3}$/, "ISO 3166-1 alpha-3");

const listCheck = object({
  edition: kebab,
  list: oneOf(CRITICAL_LISTS),
  position: number({ int: true, min: 1 }),
  item: text(1),
  language: pattern(/^[a-z]{2}$/, "an ISO 639-1 language code"),
  itemEn: nullable(text(1)),
  qualifier: nullable(text(1)),
  minerals: listOf(kebab),
  published: day,
  instrument: text(1),
  reference: text(1),
  url: webUrl,
  locator,
  rules,
});

const controlCheck = object({
  edition: kebab,
  id: text(1),
  issuer: text(1),
  announced: day,
  effective: day,
  endedOrSuspended: nullable(day),
  suspendedUntil: nullable(day),
  type: text(1),
  destination: text(1),
  destinations: listOf(alpha3),
  items: text(1),
  mineralsAsWritten: text(1),
  minerals: listOf(kebab),
  everyItem: boolean,
  suspends: listOf(text(1)),
  suspendsPart: nullable(text(1)),
  hsCodes: nullable(text(1)),
  sources: listOf(webUrl, 1),
  note: text(),
  locator,
  rules,
});

const governanceCheck = object({
  edition: kebab,
  country: pattern(/^[A-Z]{3}$/, "a three-letter country code"),
  dimension: oneOf(GOVERNANCE_DIMENSIONS),
  year,
  estimate: nullable(number()),
  standardError: nullable(number({ min: 0 })),
  locator,
  errorLocator: locator,
  rules,
});

const mineralCheck = object({
  id: kebab,
  name: text(1),
  aliases: listOf(text(1)),
  coverage: listOf(object({ edition: kebab, stage: text(1), measure: text(1), years: listOf(year) })),
});

const countryCheck = object({
  code: pattern(/^[A-Z]{3}$/, "ISO 3166-1 alpha-3"),
  // Empty where ISO assigns none (Kosovo, XKX).
  alpha2: pattern(/^([A-Z]{2})?$/, "ISO 3166-1 alpha-2 or nothing"),
  name: text(1),
  aliases: listOf(text(1)),
});

/** The row checks, one per table (exported for checks.test.ts). */
export const rowChecks = {
  supply: supplyCheck,
  demand: demandCheck,
  indicators: indicatorCheck,
  lists: listCheck,
  controls: controlCheck,
  governance: governanceCheck,
  editions: editionCheck,
} as const;

export const datasetCheck: Check = object({
  format: oneOf([DATASET_FORMAT]),
  version,
  editions: listOf(editionCheck),
  supply: listOf(supplyCheck),
  demand: listOf(demandCheck),
  indicators: listOf(indicatorCheck),
  lists: listOf(listCheck),
  controls: listOf(controlCheck),
  governance: listOf(governanceCheck),
  minerals: listOf(mineralCheck),
  countries: listOf(countryCheck),
});

/** What a file that passed {@link datasetCheck} holds. */
export interface DatasetFile extends Dataset {
  readonly format: typeof DATASET_FORMAT;
}

/** A dataset as the hosted file holds it (what `pnpm data:publish` writes, and what a store keeps). */
export function toDatasetFile(data: Dataset): HostedDataset {
  return {
    format: DATASET_FORMAT,
    version: data.version,
    editions: data.editions,
    supply: data.supply,
    demand: data.demand,
    indicators: data.indicators,
    lists: data.lists,
    controls: data.controls,
    governance: data.governance,
    minerals: data.minerals,
    countries: data.countries,
  };
}
