// The public keys whose signature a data refresh accepts, fixed when the add-in is built: esbuild
// replaces __CRITMIN_DATA_PUBLIC_KEYS__ with CRITMIN_DATA_PUBLIC_KEYS (comma-separated SPKI base64;
// several while keys rotate; see scripts/build.ts). Where it is not replaced (tests, unbundled
// runs) there is none, and refresh is not set up.
declare const __CRITMIN_DATA_PUBLIC_KEYS__: string | undefined;

/** `"a, b"` → `["a", "b"]`; blanks dropped. */
export function splitKeys(text: string | undefined): readonly string[] {
  return Object.freeze(
    (text ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter((k) => k !== ""),
  );
}

/** The keys this build accepts; empty when it was built without CRITMIN_DATA_PUBLIC_KEYS. */
export const DATA_PUBLIC_KEYS: readonly string[] = splitKeys(
  typeof __CRITMIN_DATA_PUBLIC_KEYS__ === "string" ? __CRITMIN_DATA_PUBLIC_KEYS__ : undefined,
);
