// The task pane's data refresh: fetch, check, switch; keep the accepted file for the next start.
export { runRefresh, useBundled, type ActionOutcome, type RefreshActionOptions } from "./applyRefresh.ts";
export { RefreshFailure, type RefreshFailureCode } from "./failure.ts";
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  NOT_SET_UP,
  refreshDataset,
  type RefreshOptions,
  type RefreshProgress,
  type RefreshResult,
} from "./refreshDataset.ts";
export { indexedDbStore, memoryStore, restoreDataset, type DatasetStore, type Restored } from "./store.ts";
export { DATA_PUBLIC_KEYS, splitKeys } from "./publicKeys.ts";
