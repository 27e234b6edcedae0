// The manifest a refresh reads first: which dataset file to fetch, how big it is and its checksum.
import { describe } from "../_lib/describe.ts";
import { firstProblem } from "./checks.ts";
import { MANIFEST_FORMAT, manifestCheck, type DatasetManifest } from "./format.ts";

export type ParsedManifest =
  { readonly ok: true; readonly manifest: DatasetManifest } | { readonly ok: false; readonly message: string };

/**
 * Checks a parsed `manifest.json` (`critmin-dataset-manifest/1`).
 *
 * @returns `{ ok: true, manifest }`, or `{ ok: false, message }` naming the first bad field
 *   (e.g. `bytes: expected a number > 0, got -1`; see parseManifest.test.ts)
 */
export function parseManifest(json: unknown): ParsedManifest {
  if (json === null || typeof json !== "object" || Array.isArray(json))
    return { ok: false, message: `the manifest: expected a JSON object, got ${describe(json)}` };
  const format = (json as { format?: unknown }).format;
  if (format !== MANIFEST_FORMAT)
    return {
      ok: false,
      message: `format: expected "${MANIFEST_FORMAT}", got ${describe(format)}: not a critmin manifest, or a newer format than this version reads`,
    };
  const bad = firstProblem(manifestCheck, json);
  return bad ? { ok: false, message: bad } : { ok: true, manifest: { ...(json as DatasetManifest) } };
}
