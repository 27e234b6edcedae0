import { describe, expect, it } from "vitest";
import { parseManifest } from "./parseManifest.ts";

const good = {
  format: "critmin-dataset-manifest/1",
  version: "2025-05+c0c3e86856b4",
  file: "dataset-2025-05+c0c3e86856b4.json",
  bytes: 5_000_000,
  sha256: "ab".repeat(32),
};

describe("parseManifest", () => {
  it("accepts a manifest as data:publish writes it", () => {
    expect(parseManifest(good)).toEqual({ ok: true, manifest: good });
  });

  it("names a negative size", () => {
    expect(parseManifest({ ...good, bytes: -1 })).toEqual({
      ok: false,
      message: "bytes: expected a number > 0, got -1",
    });
  });

  it("names a checksum that is not hex", () => {
    expect(parseManifest({ ...good, sha256: "xyz" })).toEqual({
      ok: false,
      message: 'sha256: expected 64 lowercase hex digits, got "xyz"',
    });
  });

  it("refuses an absolute file URL: the file must sit beside the manifest", () => {
    const result = parseManifest({ ...good, file: "https://elsewhere.example/data.json" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^file: expected a relative path/);
  });

  it("names another format", () => {
    expect(parseManifest({ ...good, format: "something" })).toEqual({
      ok: false,
      message:
        'format: expected "critmin-dataset-manifest/1", got "something": not a critmin manifest, or a newer format than this version reads',
    });
  });

  it("names an unknown field", () => {
    expect(parseManifest({ ...good, url: "x" })).toEqual({ ok: false, message: 'the file: unknown field "url"' });
  });
});
