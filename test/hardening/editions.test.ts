// Edition immutability: a released edition's figures never change. edition-fingerprints.json holds,
// per edition, the row count and two sha256 of each table (supply, demand, indicators) — `values`
// over every field but the labels, `sha256` over every field — and one of the source files'
// checksums; this test recomputes them from the bundled dataset and fails on any difference. New
// data (a corrected figure, another year, another locator) means a new edition id.
//
// Labels (`kind`, `basis`, `rules`: how a figure reads, not what it is) may be corrected under the
// same id — an EU multi-year average once labelled "observed", a basis that did not say which
// material it is — but only as a recorded relabel, which refuses when any figure changed:
//   CRITMIN_RELABEL_EDITION=<edition-id> CRITMIN_RELABEL_REASON="<why>" npx vitest run test/hardening/editions.test.ts
// updates the label hashes and appends the reason and date to the edition's `relabels`.
//
// An entry recorded before value hashes existed gets them with CRITMIN_ADD_VALUE_FINGERPRINTS=1,
// which writes them only where the edition's full hash still matches (its data as released).
//
// Adding a NEW edition's fingerprint (never an existing one's):
//   CRITMIN_ADD_EDITION_FINGERPRINT=<edition-id> npx vitest run test/hardening/editions.test.ts
// writes the missing entry into edition-fingerprints.json; review and commit it. The variable only
// adds editions that have no entry: it never overwrites one, so it cannot "fix" a changed edition.
//
// Fingerprint: each row as canonical JSON (keys sorted at every level, JSON.stringify numbers),
// the lines sorted, joined with "\n", hashed with sha256; per table, and over the whole edition.
// Row order, key order and the generated modules' layout do not matter; any value, key or row does.
// `minerals` holds a short hash per mineral, so a failure names what changed.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { editions } from "../../packages/core/src/data/index.ts";
import { bundledDataset } from "../../packages/core/src/data/dataset.ts";

const { controls, demand, governance, indicators, lists, supply } = bundledDataset();

const FILE = fileURLToPath(new URL("./edition-fingerprints.json", import.meta.url));
const TABLES = { supply, demand, indicators, lists, controls, governance } as const;
type TableName = keyof typeof TABLES;
/** What `minerals` is keyed by: a row's mineral, or for the policy tables its list, measure or country. */
const groupOf = (row: object): string => {
  const r = row as { mineral?: string; list?: string; id?: string; country?: string };
  return r.mineral ?? r.list ?? r.id ?? r.country ?? "";
};
/** A table an entry recorded before it existed held no rows of the edition. */
const NO_LINES = createHash("sha256").update("").digest("hex");
const EMPTY_TABLE: TablePrint = { rows: 0, sha256: NO_LINES, values: NO_LINES };
const tableOf = (print: EditionPrint, table: TableName): TablePrint | undefined =>
  print.tables[table] ?? (["lists", "controls", "governance"].includes(table) ? EMPTY_TABLE : undefined);

interface TablePrint {
  readonly rows: number;
  /** Every field of every row. */
  readonly sha256: string;
  /** Every field but {@link LABELS}: the figures, their keys and where they were read. */
  readonly values?: string;
}
interface EditionPrint {
  readonly sha256: string;
  readonly files: string;
  readonly tables: Record<TableName, TablePrint>;
  readonly minerals: Record<string, string>;
  /** Label corrections recorded under this id, oldest first. */
  readonly relabels?: readonly { readonly date: string; readonly reason: string }[];
}

/** Fields that say how a figure reads rather than what it is: correctable by a recorded relabel. */
const LABELS = ["kind", "basis", "rules"] as const;
const withoutLabels = (row: object) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !(LABELS as readonly string[]).includes(k)));
interface Prints {
  readonly about: string;
  readonly editions: Record<string, EditionPrint>;
}

/** JSON with object keys sorted at every level: the same row always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`a non-finite number in a row: ${value}`);
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const hashLines = (lines: string[]) => sha256(lines.sort().join("\n"));

function fingerprint(edition: string): EditionPrint {
  const tables = {} as Record<TableName, TablePrint>;
  const byMineral = new Map<string, string[]>();
  const all: string[] = [];
  for (const [name, rows] of Object.entries(TABLES) as [TableName, readonly { edition: string }[]][]) {
    const own = rows.filter((r) => r.edition === edition);
    // A table with no rows of the edition is left out, so entries recorded before it existed still match.
    if (own.length === 0 && ["lists", "controls", "governance"].includes(name)) continue;
    const lines = own.map((r) => {
      const line = `${name}\t${canonical(r)}`;
      byMineral.set(groupOf(r), [...(byMineral.get(groupOf(r)) ?? []), line]);
      all.push(line);
      return line;
    });
    const values = hashLines(own.map((r) => `${name}\t${canonical(withoutLabels(r))}`));
    tables[name] = { rows: lines.length, sha256: hashLines(lines), values };
  }
  const record = editions.find((e) => e.id === edition);
  const files = sha256(canonical(record?.files ?? []));
  return {
    sha256: sha256(`${hashLines(all)}\n${files}`),
    files,
    tables,
    minerals: Object.fromEntries(
      [...byMineral].sort(([a], [b]) => (a < b ? -1 : 1)).map(([m, lines]) => [m, hashLines(lines).slice(0, 16)]),
    ),
  };
}

/** What figures differ between a recorded fingerprint and the data, in words (labels aside). */
function figureDifferences(recorded: EditionPrint, now: EditionPrint): string[] {
  const out: string[] = [];
  for (const table of Object.keys(TABLES) as TableName[]) {
    const a = tableOf(recorded, table);
    const b = tableOf(now, table);
    if (!a || !b || a.rows !== b.rows || a.values === undefined || a.values !== b.values) {
      const delta = (b?.rows ?? 0) - (a?.rows ?? 0);
      const why =
        a?.values === undefined ? " (no value hash recorded)" : delta === 0 ? " (values or fields changed)" : "";
      out.push(`${table}: ${a?.rows ?? 0} → ${b?.rows ?? 0} rows${why}`);
    }
  }
  if (recorded.files !== now.files) out.push("source files: the recorded checksums changed");
  return out;
}

/** What differs between a recorded fingerprint and the data, labels included, in words. */
function differences(recorded: EditionPrint, now: EditionPrint): string[] {
  const out: string[] = [];
  for (const table of Object.keys(TABLES) as TableName[]) {
    const a = tableOf(recorded, table);
    const b = tableOf(now, table);
    if (!a || !b || a.sha256 !== b.sha256) {
      const delta = (b?.rows ?? 0) - (a?.rows ?? 0);
      out.push(`${table}: ${a?.rows ?? 0} → ${b?.rows ?? 0} rows${delta === 0 ? " (values or fields changed)" : ""}`);
    }
  }
  const minerals = [...new Set([...Object.keys(recorded.minerals), ...Object.keys(now.minerals)])]
    .filter((m) => recorded.minerals[m] !== now.minerals[m])
    .sort();
  if (minerals.length > 0)
    out.push(`minerals: ${minerals.slice(0, 12).join(", ")}${minerals.length > 12 ? `, … (${minerals.length})` : ""}`);
  if (recorded.files !== now.files) out.push("source files: the recorded checksums changed");
  if (out.length === 0 && recorded.sha256 !== now.sha256) out.push("edition hash differs");
  return out;
}

function readPrints(): Prints {
  return JSON.parse(readFileSync(FILE, "utf8")) as Prints;
}

function writePrints(next: Prints): void {
  const tmp = `${FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(tmp, FILE);
}

/** Records a label correction of `id`: refused when any figure, row or source file differs from the release. */
function relabel(id: string, reason: string | undefined): void {
  const prints = readPrints();
  const recorded = prints.editions[id];
  if (!recorded) throw new Error(`CRITMIN_RELABEL_EDITION=${id}: ${id} has no fingerprint to relabel`);
  if (!reason) throw new Error(`CRITMIN_RELABEL_EDITION=${id}: say why in CRITMIN_RELABEL_REASON`);
  const now = fingerprint(id);
  const figures = figureDifferences(recorded, now);
  if (figures.length > 0)
    throw new Error(
      `CRITMIN_RELABEL_EDITION=${id}: figures changed, not only labels (new data means a new edition id)\n  ${figures.join("\n  ")}`,
    );
  if (recorded.sha256 === now.sha256) {
    console.warn(`CRITMIN_RELABEL_EDITION=${id}: no label changed; nothing recorded`);
    return;
  }
  const relabels = [...(recorded.relabels ?? []), { date: new Date().toISOString().slice(0, 10), reason }];
  writePrints({ ...prints, editions: { ...prints.editions, [id]: { ...now, relabels } } });
  console.info(`recorded a relabel of ${id} in ${FILE}: review and commit it`);
}

/** Adds value hashes to entries recorded without them, where the edition's data is still exactly as released. */
function addValueHashes(): void {
  const prints = readPrints();
  const editionsNext = { ...prints.editions };
  for (const [id, recorded] of Object.entries(prints.editions)) {
    const now = fingerprint(id);
    if (Object.values(recorded.tables).every((t) => t.values !== undefined)) continue;
    if (recorded.sha256 !== now.sha256)
      throw new Error(`CRITMIN_ADD_VALUE_FINGERPRINTS: ${id} differs from its release`);
    editionsNext[id] = { ...recorded, tables: now.tables };
  }
  writePrints({ ...prints, editions: editionsNext });
}

/** Adds the named edition's fingerprint when it has none; never replaces an existing one. */
function addMissing(id: string): void {
  const prints = readPrints();
  if (prints.editions[id]) {
    console.warn(
      `CRITMIN_ADD_EDITION_FINGERPRINT=${id}: ${id} already has a fingerprint; it is never overwritten (new data means a new edition id)`,
    );
    return;
  }
  if (!editions.some((e) => e.id === id))
    throw new Error(
      `CRITMIN_ADD_EDITION_FINGERPRINT=${id}: no edition ${id} in the dataset (${editions.map((e) => e.id).join(", ")})`,
    );
  const next: Prints = {
    ...prints,
    editions: Object.fromEntries(
      Object.entries({ ...prints.editions, [id]: fingerprint(id) }).sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  };
  writePrints(next);
  console.info(`added the fingerprint of ${id} to ${FILE}: review and commit it`);
}

const adding = process.env.CRITMIN_ADD_EDITION_FINGERPRINT?.trim();
if (adding) addMissing(adding);
if (process.env.CRITMIN_ADD_VALUE_FINGERPRINTS === "1") addValueHashes();
const relabelling = process.env.CRITMIN_RELABEL_EDITION?.trim();
if (relabelling) relabel(relabelling, process.env.CRITMIN_RELABEL_REASON?.trim());

describe("released editions are immutable", () => {
  const prints = readPrints();
  const ids = editions.map((e) => e.id);

  it("every edition in the dataset has a fingerprint", () => {
    const missing = ids.filter((id) => !prints.editions[id]);
    expect(
      missing,
      missing
        .map(
          (id) =>
            `edition ${id} has no fingerprint: CRITMIN_ADD_EDITION_FINGERPRINT=${id} npx vitest run test/hardening/editions.test.ts, then commit`,
        )
        .join("\n"),
    ).toEqual([]);
  });

  it("no fingerprinted edition has left the dataset", () => {
    const gone = Object.keys(prints.editions).filter((id) => !ids.includes(id as (typeof ids)[number]));
    expect(
      gone,
      gone.map((id) => `edition ${id} was released and is gone from the dataset: released editions stay`).join("\n"),
    ).toEqual([]);
  });

  it.each(Object.keys(prints.editions))("%s: figures, rows and source files are exactly as released", (id) => {
    const recorded = prints.editions[id]!;
    if (!ids.includes(id as (typeof ids)[number])) return; // reported above
    const changes = figureDifferences(recorded, fingerprint(id));
    expect(changes, `edition ${id} changed: new data means a new edition id\n  ${changes.join("\n  ")}`).toEqual([]);
  });

  it.each(Object.keys(prints.editions))("%s: labels are as last recorded", (id) => {
    const recorded = prints.editions[id]!;
    if (!ids.includes(id as (typeof ids)[number])) return; // reported above
    const now = fingerprint(id);
    const changes = differences(recorded, now);
    expect(
      changes.length === 0 && recorded.sha256 === now.sha256,
      `edition ${id}'s labels (${LABELS.join(", ")}) changed: record the correction with ` +
        `CRITMIN_RELABEL_EDITION=${id} CRITMIN_RELABEL_REASON="<why>" npx vitest run test/hardening/editions.test.ts\n  ${changes.join("\n  ")}`,
    ).toBe(true);
  });

  it("a relabel is recorded with its reason and date", () => {
    for (const [id, print] of Object.entries(prints.editions))
      for (const r of print.relabels ?? []) {
        expect(r.reason.length, `${id} relabel of ${r.date}`).toBeGreaterThan(20);
        expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
  });

  it("the fingerprint notices a changed value, an extra row and a reordering (only the first two)", () => {
    const id = ids[0]!;
    const base = fingerprint(id);
    const rows = supply.filter((r) => r.edition === id);
    const row = rows.find((r) => r.value !== null)!;
    const table = (list: readonly unknown[]) => hashLines(list.map((r) => `supply\t${canonical(r)}`));
    expect(table([...rows].reverse())).toBe(base.tables.supply.sha256);
    expect(table(rows.map((r) => (r === row ? { ...r, value: r.value! + 1e-9 } : r)))).not.toBe(
      base.tables.supply.sha256,
    );
    expect(table([...rows, { ...row, year: row.year + 1 }])).not.toBe(base.tables.supply.sha256);
    expect(table(rows.map((r) => (r === row ? Object.fromEntries(Object.entries(r).reverse()) : r)))).toBe(
      base.tables.supply.sha256,
    );
    // A label change moves the full hash but not the value hash; a value change moves both.
    const values = (list: readonly object[]) => hashLines(list.map((r) => `supply\t${canonical(withoutLabels(r))}`));
    const relabelled = rows.map((r) => (r === row ? { ...r, basis: `${r.basis} (note)` } : r));
    expect(table(relabelled)).not.toBe(base.tables.supply.sha256);
    expect(values(relabelled)).toBe(base.tables.supply.values);
    expect(values(rows.map((r) => (r === row ? { ...r, value: r.value! + 1e-9 } : r)))).not.toBe(
      base.tables.supply.values,
    );
    const changed = {
      ...base,
      tables: { ...base.tables, supply: { rows: base.tables.supply.rows + 1, sha256: "0".repeat(64) } },
    };
    expect(differences(changed, base)[0]).toMatch(/^supply: \d+ → \d+ rows$/);
  });
});
