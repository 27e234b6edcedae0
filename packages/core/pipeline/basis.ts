// Rule `basis-cross-source-note`: one mineral id can name different materials in different
// sources (IEA "rare earths" are four magnet rare earths, USGS's are all of them). A supply block
// whose own label does not say so gets a short note appended to its rows' basis, so a reader
// comparing two sources sees the difference on the row itself. Evidence for each note is cited beside it
// and checked against the raw files in basis.test.ts.
//
// Applied by build.ts to released editions too: a note changes a label (basis, rules), never a
// figure, so it is recorded as a relabel of the edition (test/hardening/editions.test.ts).
import type { EditionId, Stage, SupplyRow } from "../src/schema/rows.ts";
import { SourceProblems } from "./problems.ts";

export const BASIS_RULE = "basis-cross-source-note";

/** A note for every row of one (edition, mineral, stage) block, whatever its measure. */
export interface BasisNote {
  readonly edition: EditionId;
  readonly mineral: string;
  readonly stage: Stage;
  readonly note: string;
}

export const BASIS_NOTES: readonly BasisNote[] = [
  // USGS MCS2025_World_Data.csv, COMMODITY "Rare earths", TYPE "Mine production, rare-earth-oxide
  // equivalent" (lines 885-897) against the IEA workbook's sheet "2 Total supply for key minerals",
  // blocks "Magnet rare earth elements - Mining" and "- Refining". The IEA rows' own basis already
  // says "magnet rare earths (Nd, Pr, Dy, Tb)", and src/_lib/materials.ts matches supply to demand
  // on those exact IEA labels, so they are left as they are.
  {
    edition: "usgs-mcs-2025",
    mineral: "rare-earths",
    stage: "mining",
    note: "all rare earths; IEA's rare-earths figures cover the magnet rare earths Nd, Pr, Dy, Tb only",
  },
  // EU appendix 7 "Aluminium", E: Australia, China, Guinea, Brazil, India lead, which are USGS's
  // "Mine production, bauxite" countries; Guinea has no USGS "Smelter production, aluminum" row.
  // USGS files bauxite under its own id, `bauxite`.
  { edition: "ec-crm-2023", mineral: "aluminium", stage: "mining", note: "extraction stage: bauxite" },
  // EU appendix 7 "Aluminium", P lists Iceland (1.1%), which has a USGS smelter row and no bauxite
  // or alumina row: the processing stage is the metal, as USGS `aluminium` refining is.
  { edition: "ec-crm-2023", mineral: "aluminium", stage: "refining", note: "processing stage: aluminium metal" },
  // EU appendix 7 "Titanium metal", E repeats "Titanium", E row for row (global supply shares
  // lines 133/135, 554/556, …): the extraction of titanium ores, as USGS `ilmenite` and `rutile` are.
  {
    edition: "ec-crm-2023",
    mineral: "titanium",
    stage: "mining",
    note: 'extraction stage: titanium ores, the same shares as material "Titanium", E',
  },
  // EU appendix 7 "Titanium", P (China, United States, South Africa, Canada, …) differs from
  // "Titanium metal", P (China, Japan, Russia, Kazakhstan, …): it processes the ores, not into metal.
  {
    edition: "ec-crm-2023",
    mineral: "titanium-mineral-concentrates",
    stage: "refining",
    note: 'processing stage: not titanium metal, which is material "Titanium metal"',
  },
];

const blockKey = (b: { edition: string; mineral: string; stage: string }) => `${b.edition}|${b.mineral}|${b.stage}`;

/**
 * Appends each block's note to its rows' basis, `"<basis> (<note>)"`, and adds the rule id.
 * A note whose block has no rows fails the build: the table would be stale.
 */
export function withBasisNotes(rows: readonly SupplyRow[], notes: readonly BasisNote[] = BASIS_NOTES): SupplyRow[] {
  const byBlock = new Map(notes.map((n) => [blockKey(n), n]));
  const used = new Set<string>();
  const out = rows.map((row) => {
    const note = byBlock.get(blockKey(row));
    if (!note) return row;
    used.add(blockKey(row));
    return { ...row, basis: `${row.basis} (${note.note})`, rules: [...row.rules, BASIS_RULE] };
  });
  const problems = new SourceProblems();
  for (const key of byBlock.keys()) if (!used.has(key)) problems.add(key, `${BASIS_RULE}: no supply rows`);
  problems.throwIfAny("pipeline/basis.ts");
  return out;
}
