// Checks a hosted dataset file completely before anything may answer from it: the schema of every
// field, the file's internal consistency, the pipeline's invariants (invariants.ts), that every
// edition of the data in use is still there exactly as released, and that the version is the one
// its content gives. Only a dataset that passes is admitted to useDataset().
import { admitDataset, type Dataset } from "../data/dataset.ts";
import { describe } from "../_lib/describe.ts";
import { AGGREGATES } from "../constants.ts";
import { firstProblem } from "./checks.ts";
import { DATASET_FORMAT, datasetCheck, type DatasetFile } from "./format.ts";
import { contentVersion } from "./contentVersion.ts";
import { editionChange } from "./immutable.ts";
import { invariantViolation } from "./invariants.ts";
import { deepFreeze } from "../_lib/deepFreeze.ts";

/** What {@link parseDataset} concluded: the checked dataset and the editions it adds, or why not. */
export type ParsedDataset =
  | { readonly ok: true; readonly dataset: Dataset; readonly added: readonly string[] }
  | { readonly ok: false; readonly message: string };

export interface ParseDatasetOptions {
  /** Edition dates may not be after this day; the clock by default. */
  readonly now?: Date;
}

const fail = (message: string): ParsedDataset => ({ ok: false, message });

function firstDuplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/** The file's own consistency: every reference resolves, ids are unique, the version fits. */
function inconsistency(file: DatasetFile): string | undefined {
  const editionIds: string[] = file.editions.map((e) => e.id);
  const dupEdition = firstDuplicate(editionIds);
  if (dupEdition) return `editions: ${dupEdition} is listed twice`;
  const dupMineral = firstDuplicate(file.minerals.map((m) => m.id));
  if (dupMineral) return `minerals: ${dupMineral} is listed twice`;
  const dupCountry = firstDuplicate(file.countries.map((c) => c.code));
  if (dupCountry) return `countries: ${dupCountry} is listed twice`;

  const newest = file.editions
    .map((e) => e.date)
    .sort()
    .at(-1);
  if (newest === undefined) return "editions: the file lists no edition";
  if (!file.version.startsWith(`${newest}+`))
    return `version: expected it to start with the newest edition's date "${newest}+", got "${file.version}"`;

  const editions = new Set(editionIds);
  const minerals = new Set(file.minerals.map((m) => m.id));
  const countries = new Set<string>([...file.countries.map((c) => c.code), ...AGGREGATES]);
  const known = `(${editionIds.join(", ")})`;
  for (const table of ["supply", "demand", "indicators"] as const) {
    const rows: readonly { readonly edition: string; readonly mineral: string }[] = file[table];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (!editions.has(row.edition))
        return `${table}[${i}].edition: "${row.edition}" is not among the file's editions ${known}`;
      if (!minerals.has(row.mineral)) return `${table}[${i}].mineral: "${row.mineral}" is not in the file's minerals`;
    }
  }
  for (let i = 0; i < file.supply.length; i++) {
    const country = file.supply[i]!.country;
    if (!countries.has(country)) return `supply[${i}].country: "${country}" is not in the file's countries`;
  }
  for (let i = 0; i < file.indicators.length; i++) {
    const missing = file.indicators[i]!.sources?.find((c) => !countries.has(c));
    if (missing) return `indicators[${i}].sources: "${missing}" is not in the file's countries`;
  }
  return (
    policyInconsistency(file, editions, minerals, countries, known) ?? registryInconsistency(file, editions, known)
  );
}

/** The policy tables' references: editions, minerals and countries the file lists. */
function policyInconsistency(
  file: DatasetFile,
  editions: ReadonlySet<string>,
  minerals: ReadonlySet<string>,
  countries: ReadonlySet<string>,
  known: string,
): string | undefined {
  for (const table of ["lists", "controls", "governance"] as const) {
    const rows: readonly { readonly edition: string }[] = file[table];
    const i = rows.findIndex((r) => !editions.has(r.edition));
    if (i >= 0) return `${table}[${i}].edition: "${rows[i]!.edition}" is not among the file's editions ${known}`;
  }
  for (const table of ["lists", "controls"] as const) {
    const rows: readonly { readonly minerals: readonly string[] }[] = file[table];
    for (let i = 0; i < rows.length; i++) {
      const missing = rows[i]!.minerals.find((m) => !minerals.has(m));
      if (missing !== undefined) return `${table}[${i}].minerals: "${missing}" is not in the file's minerals`;
    }
  }
  for (let i = 0; i < file.controls.length; i++) {
    const missing = file.controls[i]!.destinations.find((c) => !countries.has(c));
    if (missing) return `controls[${i}].destinations: "${missing}" is not in the file's countries`;
  }
  const g = file.governance.findIndex((r) => !countries.has(r.country));
  if (g >= 0) return `governance[${g}].country: "${file.governance[g]!.country}" is not in the file's countries`;
  return undefined;
}

function registryInconsistency(file: DatasetFile, editions: ReadonlySet<string>, known: string): string | undefined {
  for (let i = 0; i < file.minerals.length; i++) {
    const missing = file.minerals[i]!.coverage.find((c) => !editions.has(c.edition));
    if (missing)
      return `minerals[${i}].coverage: edition "${missing.edition}" is not among the file's editions ${known}`;
  }
  return undefined;
}

/** Ids callers may already use (in code or in workbook formulas) must keep working. */
function removedIds(current: Dataset, file: DatasetFile): string | undefined {
  const minerals = new Set(file.minerals.map((m) => m.id));
  const gone = current.minerals.filter((m) => !minerals.has(m.id)).map((m) => m.id);
  if (gone.length > 0)
    return `minerals: ${gone.slice(0, 5).join(", ")}${gone.length > 5 ? ", …" : ""} missing: ids in use are never removed`;
  const countries = new Set(file.countries.map((c) => c.code));
  const goneCountries = current.countries.filter((c) => !countries.has(c.code)).map((c) => c.code);
  if (goneCountries.length > 0)
    return `countries: ${goneCountries.slice(0, 5).join(", ")}${goneCountries.length > 5 ? ", …" : ""} missing: codes in use are never removed`;
  return undefined;
}

/**
 * Checks a parsed dataset file (`critmin-dataset/1`, as `pnpm data:publish` writes it) against the
 * schema and against the dataset in use, and returns it frozen and ready for `useDataset`.
 *
 * Nothing is installed here: pass the result's `dataset` to `useDataset` to switch to it.
 *
 * @param json the file's parsed JSON
 * @param current the dataset whose editions must come back unchanged: usually `dataset()`, the one in
 *   use. Required rather than defaulted, so that this entry does not pull the bundled rows into a
 *   bundle that only checks files.
 * @param options `now`: the date edition dates may not be after (default: the clock)
 * @returns `{ ok: true, dataset, added }` with the ids of the editions it adds, or `{ ok: false, message }`
 *   naming the first problem, e.g. `supply[123].share: expected a number ≤ 1, got 1.5`
 *
 * (No `@example`: test/doctest.test.ts runs examples against the main entry, not this one.
 * parseDataset.test.ts shows each outcome.)
 */
export function parseDataset(json: unknown, current: Dataset, options: ParseDatasetOptions = {}): ParsedDataset {
  if (json === null || typeof json !== "object" || Array.isArray(json))
    return fail(`the file: expected a critmin dataset (a JSON object), got ${describe(json)}`);
  const format = (json as { format?: unknown }).format;
  if (format !== DATASET_FORMAT)
    return fail(
      `format: expected "${DATASET_FORMAT}", got ${describe(format)}: not a critmin dataset file, or a newer format than this version reads`,
    );
  const bad = firstProblem(datasetCheck, json);
  if (bad) return fail(bad);
  // A copy: the caller's objects are not frozen, and nothing they hold on to can change the rows later.
  const file = structuredClone(json) as DatasetFile;
  const problem =
    inconsistency(file) ?? removedIds(current, file) ?? invariantViolation(file, current, options.now ?? new Date());
  if (problem) return fail(problem);

  const next: Dataset = deepFreeze({
    version: file.version,
    // New editions have ids the bundled EditionId type does not list; the functions treat ids as data.
    editions: file.editions,
    supply: file.supply,
    demand: file.demand,
    indicators: file.indicators,
    lists: file.lists,
    controls: file.controls,
    governance: file.governance,
    minerals: file.minerals,
    countries: file.countries,
  });
  const changed = editionChange(current, next);
  if (changed) return fail(changed);
  // Last, as it hashes everything: the same content never travels under two versions.
  const derived = contentVersion(next);
  if (next.version !== derived)
    return fail(
      `version: the file says "${next.version}", its content is version "${derived}": a version is derived from the content (data:publish writes it), so the same data never has two versions`,
    );
  const before = new Set<string>(current.editions.map((e) => e.id));
  const added = next.editions.map((e) => e.id as string).filter((id) => !before.has(id));
  if (next.version === current.version && added.length > 0)
    return fail(
      `version: "${next.version}" is the version in use, yet the file adds ${added.join(", ")}: changed data needs a new version`,
    );
  return { ok: true, dataset: admitDataset(next), added };
}
