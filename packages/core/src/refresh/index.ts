// Checking a dataset file before it replaces the active dataset (the add-in's data refresh), in the
// add-in's task pane: no zod (see schema/index.ts).
export { canonical } from "./canonical.ts";
export { contentVersion } from "./contentVersion.ts";
export { SHARE_TOLERANCE } from "./invariants.ts";
export { DATASET_FORMAT, DATASET_VERSION_PATTERN, MANIFEST_FORMAT, toDatasetFile } from "./format.ts";
export type { DatasetFile, DatasetManifest, HostedDataset } from "./format.ts";
export { parseDataset } from "./parseDataset.ts";
export type { ParseDatasetOptions, ParsedDataset } from "./parseDataset.ts";
export { parseManifest } from "./parseManifest.ts";
export type { ParsedManifest } from "./parseManifest.ts";
export { verifySignature } from "./verifySignature.ts";
export type { VerifiedSignature } from "./verifySignature.ts";
