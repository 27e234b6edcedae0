// @critmin/core/schema — zod schemas of the rows, the editions and every options object, and the
// checks a refreshed dataset must pass. A separate entry so that importing @critmin/core does not
// load zod: most callers never validate anything themselves.
export {
  DemandRow,
  DemandTable,
  Edition,
  EditionId,
  Indicator,
  IndicatorRow,
  Kind,
  Measure,
  Scenario,
  Stage,
  Status,
  SupplyRow,
} from "./schema.ts";
export * from "./options.ts";
export * from "./refresh/index.ts";
