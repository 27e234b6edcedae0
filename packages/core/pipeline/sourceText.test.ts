// Source files re-saved by an editor or a spreadsheet (CRLF, a BOM, UTF-16), emptied, or with one
// byte changed: each gives one message naming the file, never a parser stack trace, ~50 "series not
// found" lines, or a dataset whose recorded checksum silently differs from the released edition's.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { editions } from "../src/data/index.ts";
import { readSources } from "./build.ts";
import { EDITION_SOURCES } from "./editions.ts";
import { SourceError } from "./problems.ts";
import { readEuIndicators } from "./readers/eu-indicators.ts";
import { readEuSupplyShares } from "./readers/eu-shares.ts";
import { readUsgsNetImportReliance } from "./readers/usgs-nir.ts";
import { readUsgsWorld } from "./readers/usgs-world.ts";
import { SOURCE_DIR } from "./sourceDir.ts";
import { sha256 } from "./sourceText.ts";

const WORLD = "usgs/MCS2025_World_Data.csv";
const NIR = "usgs/MCS2025_Fig2_Net_Import_Reliance.csv";
const EU_GLOBAL = "eu/ec-crm-2023-appendix7-global-supply-shares.csv";
const EU_ANNEX4 = "eu/ec-crm-annex4-sr-ei-2011-2023.csv";
const EU_RESULTS = "eu/ec-crm-2023-results.transcribed.csv";
const IEA_JSON = "iea/IEA_CM_Data_Explorer_2025-05.parsed.json";

type Variant = (bytes: Buffer) => Buffer;
const latin1 =
  (f: (text: string) => string): Variant =>
  (b) =>
    Buffer.from(f(b.toString("latin1")), "latin1");
const toCrlf = latin1((t) => t.replace(/\r?\n/g, "\r\n"));
const toLf = latin1((t) => t.replace(/\r\n/g, "\n"));
const withBom: Variant = (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]);
const utf16le: Variant = (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString("utf8"), "utf16le")]);
const utf16be: Variant = (b) => {
  const le = Buffer.from(b.toString("utf8"), "utf16le");
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
};
const empty: Variant = () => Buffer.alloc(0);

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temporary copy of the sources with `file` rewritten by `variant`. */
function sourcesWith(file: string, variant: Variant): string {
  const dir = mkdtempSync(path.join(tmpdir(), "critmin-sourcetext-"));
  dirs.push(dir);
  cpSync(SOURCE_DIR, dir, { recursive: true });
  const target = path.join(dir, file);
  writeFileSync(target, variant(readFileSync(target)));
  return dir;
}

async function buildError(dir: string): Promise<SourceError> {
  try {
    await readSources(dir);
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
  throw new Error("the build succeeded");
}

function readerError(read: () => unknown): SourceError {
  try {
    read();
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw new Error(`not a SourceError: ${String(e)}`);
  }
  throw new Error("the reader succeeded");
}

const recorded = (file: string) => EDITION_SOURCES.find((e) => e.files.includes(file))?.released?.[file] ?? "";

describe("the build refuses source bytes it cannot read, one message per file", () => {
  const cases: [string, Variant, string][] = [
    [WORLD, utf16le, "MCS2025_World_Data.csv: UTF-16 (BOM FF FE) — save as UTF-8"],
    [WORLD, utf16be, "MCS2025_World_Data.csv: UTF-16 (BOM FE FF) — save as UTF-8"],
    [WORLD, empty, "MCS2025_World_Data.csv: empty file"],
    [NIR, utf16le, "MCS2025_Fig2_Net_Import_Reliance.csv: UTF-16 (BOM FF FE) — save as UTF-8"],
    [NIR, empty, "MCS2025_Fig2_Net_Import_Reliance.csv: empty file"],
    [EU_GLOBAL, utf16le, "ec-crm-2023-appendix7-global-supply-shares.csv: UTF-16 (BOM FF FE) — save as UTF-8"],
    [EU_ANNEX4, empty, "ec-crm-annex4-sr-ei-2011-2023.csv: empty file"],
    [IEA_JSON, utf16le, "IEA_CM_Data_Explorer_2025-05.parsed.json: UTF-16 (BOM FF FE) — save as UTF-8"],
  ];
  it.each(cases)("%s, %#", async (file, variant, message) => {
    const error = await buildError(sourcesWith(file, variant));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(message);
  });
});

describe("a released file re-saved with other line endings or a BOM is refused, not rebuilt with a new checksum", () => {
  const cases: [string, Variant, string][] = [
    [
      WORLD,
      toCrlf,
      "MCS2025_World_Data.csv: CRLF line endings, but the released checksum of usgs-mcs-2025 is of the LF file — restore the file from git",
    ],
    [
      WORLD,
      withBom,
      "MCS2025_World_Data.csv: a UTF-8 BOM (EF BB BF), but the released checksum of usgs-mcs-2025 is of the file without a BOM — restore the file from git",
    ],
    [
      NIR,
      toLf,
      "MCS2025_Fig2_Net_Import_Reliance.csv: LF line endings, but the released checksum of usgs-mcs-2025 is of the CRLF file",
    ],
    [
      EU_RESULTS,
      toCrlf,
      "ec-crm-2023-results.transcribed.csv: CRLF line endings, but the released checksum of ec-crm-2023",
    ],
    [EU_GLOBAL, (b) => withBom(toLf(b)), "a UTF-8 BOM (EF BB BF) and LF line endings, but the released checksum"],
  ];
  it.each(cases)("%s, %#", async (file, variant, message) => {
    const dir = sourcesWith(file, variant);
    const error = await buildError(dir);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(message);
    const actual = sha256(readFileSync(path.join(dir, file)));
    expect(error.problems[0]).toContain(`sha256 recorded ${recorded(file)}, actual ${actual}`);
  });
});

describe("a changed byte in a released file fails the build naming the file and both checksums", () => {
  const edition = (file: string) => EDITION_SOURCES.find((e) => e.files.includes(file))?.id;
  const refusal = (file: string, actual: string) =>
    `${path.basename(file)}: not the file released as ${edition(file)} — restore the file from git, or publish the new data under a new edition id (sha256 recorded ${recorded(file)}, actual ${actual})`;

  it.each([
    // A figure edited in place: every reader is content, only the checksum says it is not the release.
    [
      WORLD,
      latin1((t) =>
        t.replace(
          'Australia,"Mine production, cobalt content, estimated",metric tons,5220',
          'Australia,"Mine production, cobalt content, estimated",metric tons,5221',
        ),
      ),
    ],
    [EU_RESULTS, latin1((t) => t.replace("Aluminium,1.2,5.8", "Aluminium,1.3,5.8"))],
  ])("%s: a figure edited in place is the one problem", async (file, variant) => {
    const dir = sourcesWith(file, variant);
    const actual = sha256(readFileSync(path.join(dir, file)));
    expect(actual).not.toBe(recorded(file));
    expect((await buildError(dir)).problems).toEqual([refusal(file, actual)]);
  });

  it.each([WORLD, EU_ANNEX4, "iea/IEA_CM_Data_Explorer_2024-05.xlsx"])(
    "%s: a flipped byte mid-file is refused with the checksums, beside anything a reader says",
    async (file) => {
      const dir = sourcesWith(file, (b) => {
        const copy = Buffer.from(b);
        const at = Math.floor(copy.length / 2);
        copy[at] = (copy[at] ?? 0) ^ 0x01;
        return copy;
      });
      const actual = sha256(readFileSync(path.join(dir, file)));
      expect((await buildError(dir)).problems).toContain(refusal(file, actual));
    },
  );

  it("every released checksum is the one the bundled dataset records", () => {
    const bundled = editions.flatMap((e) => e.files.map((f) => `${e.id} ${f.path} ${f.sha256}`));
    const released = EDITION_SOURCES.flatMap((e) => e.files.map((f) => `${e.id} ${f} ${e.released?.[f]}`));
    expect(released).toEqual(bundled);
  });

  it("every released checksum is the vendored file's", () => {
    for (const edition of EDITION_SOURCES)
      for (const file of edition.files)
        expect(`${file} ${sha256(readFileSync(path.join(SOURCE_DIR, file)))}`).toBe(
          `${file} ${edition.released?.[file]}`,
        );
  });
});

describe("the readers on their own: one message naming the file, or the same rows from a re-saved file", () => {
  it.each([
    [WORLD, utf16le, readUsgsWorld, "MCS2025_World_Data.csv: UTF-16 (BOM FF FE) — save as UTF-8"],
    [WORLD, empty, readUsgsWorld, "MCS2025_World_Data.csv: empty file"],
    [NIR, empty, readUsgsNetImportReliance, "MCS2025_Fig2_Net_Import_Reliance.csv: empty file"],
    [EU_GLOBAL, utf16le, readEuSupplyShares, "ec-crm-2023-appendix7-global-supply-shares.csv: UTF-16"],
    [EU_ANNEX4, utf16le, readEuIndicators, "ec-crm-annex4-sr-ei-2011-2023.csv: UTF-16"],
    [EU_RESULTS, empty, readEuIndicators, "ec-crm-2023-results.transcribed.csv: empty file"],
  ] as const)("%s, %#", (file, variant, read, message) => {
    const error = readerError(() => read(sourcesWith(file, variant)));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(message);
  });

  it("names a file whose header is wrong, once", () => {
    const error = readerError(() =>
      readUsgsWorld(
        sourcesWith(
          WORLD,
          latin1((t) => `x${t}`),
        ),
      ),
    );
    expect(error.problems).toEqual([expect.stringMatching(/^MCS2025_World_Data\.csv:row 1: expected columns SOURCE,/)]);
  });

  it.each([
    [WORLD, toCrlf, readUsgsWorld],
    [WORLD, withBom, readUsgsWorld],
    [NIR, toLf, readUsgsNetImportReliance],
    [NIR, withBom, readUsgsNetImportReliance],
    [EU_GLOBAL, toLf, readEuSupplyShares],
    [EU_GLOBAL, withBom, readEuSupplyShares],
    [EU_ANNEX4, toLf, readEuIndicators],
    [EU_RESULTS, (b: Buffer) => withBom(toCrlf(b)), readEuIndicators],
  ] as const)("normalises %s (%#) for a reader: the same rows and locators", (file, variant, read) => {
    expect(read(sourcesWith(file, variant))).toEqual(read(SOURCE_DIR));
  });
});
