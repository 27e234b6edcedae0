// The bytes of a source file before any reader parses them: one clear message per file for an
// empty file, a UTF-16 file, or (in a released edition) bytes that are no longer the released ones.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { EDITION_SOURCES } from "./editions.ts";
import { SourceError } from "./problems.ts";

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Text files the pipeline decodes; the xlsx is a zip and only its checksum is checked. */
const isText = (file: string) => /\.(csv|json)$/i.test(file);

/** Why a file cannot be read as text at all (empty, UTF-16), or `undefined`. */
export function unreadable(bytes: Uint8Array, text = true): string | undefined {
  if (bytes.length === 0) return "empty file";
  if (!text) return undefined;
  if (startsWith(bytes, [0xff, 0xfe])) return "UTF-16 (BOM FF FE) — save as UTF-8";
  if (startsWith(bytes, [0xfe, 0xff])) return "UTF-16 (BOM FE FF) — save as UTF-8";
  // UTF-16 without a BOM still puts a NUL beside every ASCII character; UTF-8 text never holds one.
  if (bytes.subarray(0, 4096).includes(0)) return "NUL bytes, probably UTF-16 without a BOM — save as UTF-8";
  return undefined;
}

/**
 * What a re-save changed, in words, when undoing it gives back the released bytes: an added BOM,
 * or line endings converted either way (some released files are CRLF, some LF).
 */
function conversion(bytes: Buffer, recorded: string): { what: string; original: string } | undefined {
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const latin1 = body.toString("latin1");
  const undo: [string, string, string][] = [
    ["CRLF line endings", "the LF file", latin1.replace(/\r\n/g, "\n")],
    ["LF line endings", "the CRLF file", latin1.replace(/\r?\n/g, "\r\n")],
    ["", "", latin1],
  ];
  for (const [endings, original, text] of undo) {
    if (endings ? text === latin1 : !bom) continue;
    if (sha256(Buffer.from(text, "latin1")) !== recorded) continue;
    const what = [bom ? "a UTF-8 BOM (EF BB BF)" : "", endings].filter(Boolean).join(" and ");
    return { what, original: [bom ? "the file without a BOM" : "", original].filter(Boolean).join(", ") };
  }
  if (bom) return { what: "a UTF-8 BOM (EF BB BF)", original: "the file without it" };
  return undefined;
}

export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Byte-level problems of the source files, one line per file. */
export interface SourceFileProblems {
  /** Empty or UTF-16 files: no reader can make sense of them. */
  readonly unreadable: string[];
  /**
   * Readable files of a released edition whose sha256 is not the recorded one: building from them
   * would publish a dataset whose edition checksum differs, which every installed pane rejects.
   */
  readonly changed: string[];
}

export function sourceFileProblems(dataDir: string): SourceFileProblems {
  const unreadableFiles: string[] = [];
  const changed: string[] = [];
  for (const edition of EDITION_SOURCES) {
    for (const file of edition.files) {
      const name = path.basename(file);
      const bytes = readFileSync(path.join(dataDir, file));
      const recorded = edition.released?.[file];
      const actual = recorded === undefined ? undefined : sha256(bytes);
      const checksums = `(sha256 recorded ${recorded}, actual ${actual})`;
      const bad = unreadable(bytes, isText(file));
      if (bad) {
        unreadableFiles.push(`${name}: ${bad}${recorded && actual !== recorded ? ` ${checksums}` : ""}`);
      } else if (recorded && actual !== recorded) {
        const converted = isText(file) ? conversion(bytes, recorded) : undefined;
        changed.push(
          converted
            ? `${name}: ${converted.what}, but the released checksum of ${edition.id} is of ${converted.original} — restore the file from git ${checksums}`
            : `${name}: not the file released as ${edition.id} — restore the file from git, or publish the new data under a new edition id ${checksums}`,
        );
      }
    }
  }
  return { unreadable: unreadableFiles, changed };
}

/**
 * A source file as text for a reader: refuses empty and UTF-16 files with one message naming the
 * file, drops a UTF-8 BOM and turns CRLF into LF (a released file with either is refused earlier,
 * by {@link sourceFileProblems}; an unreleased one is read as its publisher meant it).
 * `fatal`: malformed UTF-8 throws instead of decoding to replacement characters.
 */
export function readSourceText(file: string, fatal: boolean): string {
  const name = path.basename(file);
  const bytes = readFileSync(file);
  const bad = unreadable(bytes);
  if (bad) throw new SourceError(name, [`${name}: ${bad}`]);
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal, ignoreBOM: true }).decode(body);
  } catch {
    throw new SourceError(name, [`${name}: not valid UTF-8 — save as UTF-8`]);
  }
  return text.replace(/\r\n/g, "\n");
}
