// @critmin/core/schema — zod schemas of the rows (rows.ts), the editions and every options object
// (options.ts), and the checks a refreshed dataset must pass.
//
// Why zod lives only behind this entry (the one place this is said): importing @critmin/core must
// load no zod. Most callers never validate anything themselves, and zod's JIT compiles parsers with
// the Function constructor, which the add-in's task pane CSP forbids (test/hardening/security.test.ts).
// So the main entry and everything it imports use plain constants (constants.ts), plain types of the
// options and records (../options.ts, ../records.ts; types.test.ts holds them equal to the schemas
// here, and no type of the main entry's .d.ts may name zod: test/packaging.test.ts), plain lists of
// option names (optionKeys.test.ts holds them equal to options.ts) and hand-written row checks
// (refresh/checks.ts; checks.test.ts holds them equal to rows.ts).
export {
  CriticalListId,
  DemandRow,
  DemandTable,
  Edition,
  EditionId,
  ExportControlRow,
  GovernanceDimension,
  GovernanceRow,
  Indicator,
  IndicatorRow,
  Kind,
  ListItemRow,
  Measure,
  Scenario,
  Stage,
  Status,
  SupplyRow,
} from "./rows.ts";
export * from "./options.ts";
export * from "../refresh/index.ts";
