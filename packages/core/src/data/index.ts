// The bundled dataset's ids and registries, with their types. Rows are read through dataset.ts.
import type { COUNTRIES, MINERALS, USES, VARIANTS } from "./gen/ids.gen.ts";

export { COUNTRIES, DATASET_VERSION, MINERALS, USES, VARIANTS } from "./gen/ids.gen.ts";
export { editions } from "./gen/editions.gen.ts";
export { countryEntries, mineralEntries } from "./gen/registry.gen.ts";
export { bundledDataset, dataset, useDataset, type Dataset } from "./dataset.ts";
export type { CountryEntry, MineralEntry } from "./registry.ts";

/** A mineral id in the dataset (`"cobalt"`, `"rare-earths"`, …). */
export type MineralId = (typeof MINERALS)[number];
/** An ISO 3166-1 alpha-3 code that appears in the dataset or in a group. */
export type CountryCode = (typeof COUNTRIES)[number];
/** A sector or technology in the IEA demand tables. */
export type Use = (typeof USES)[number];
export type Variant = (typeof VARIANTS)[number];
