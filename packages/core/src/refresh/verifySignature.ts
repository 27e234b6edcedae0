// The signature of a hosted manifest: ECDSA P-256 with SHA-256 over the manifest file's exact bytes,
// in IEEE P1363 form (r || s, 64 bytes; what WebCrypto produces and wants, and node:crypto with
// `dsaEncoding: "ieee-p1363"`), base64 in `manifest.json.sig` beside it. The manifest names the
// dataset file's size and sha256, so the signature covers the data too. Public keys are SPKI DER in
// base64 (`openssl pkey -pubout -outform DER | base64`). WebCrypto only, so the task pane and Node
// (20+, `globalThis.crypto`) run the same check.

/** What {@link verifySignature} concluded: which of the keys signed, or why none did. */
export type VerifiedSignature =
  | { readonly ok: true; /** index of the key that verified, in the list given */ readonly key: number }
  | { readonly ok: false; readonly message: string };

const ECDSA_P256 = { name: "ECDSA", namedCurve: "P-256" } as const;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const clean = text.replace(/\s+/g, "");
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) return undefined;
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Checks `signature` (base64 of the 64-byte P1363 ECDSA P-256 signature, as `data:publish --key`
 * writes to `manifest.json.sig`) over `manifest` (the manifest file's bytes, exactly as served)
 * against each of `publicKeys` (SPKI DER, base64); several keys let a publisher rotate keys.
 *
 * @returns `{ ok: true, key }` with the index of the key that verified, or `{ ok: false, message }`:
 *   `the manifest's signature matches none of the 1 public key this build accepts: …`
 */
export async function verifySignature(
  manifest: Uint8Array<ArrayBuffer>,
  signature: string,
  publicKeys: readonly string[],
): Promise<VerifiedSignature> {
  const fail = (message: string): VerifiedSignature => ({ ok: false, message });
  if (publicKeys.length === 0)
    return fail("no public key is configured to check the manifest's signature with: data refresh is not set up");
  const subtle = globalThis.crypto?.subtle;
  if (!subtle)
    return fail("this browser cannot check a signature (no crypto.subtle: the pane must be served over https)");
  const raw = fromBase64(signature);
  if (!raw || raw.length !== 64)
    return fail(
      `the manifest's signature is not an ECDSA P-256 signature: expected 64 bytes (r || s) in base64, got ${raw ? `${raw.length} bytes` : "text that is not base64"}`,
    );
  for (const [i, text] of publicKeys.entries()) {
    const der = fromBase64(text);
    const key = der && (await subtle.importKey("spki", der, ECDSA_P256, false, ["verify"]).catch(() => undefined));
    if (!key)
      return fail(
        `public key ${i + 1} of ${publicKeys.length} is not an ECDSA P-256 public key (SPKI DER, base64): check CRITMIN_DATA_PUBLIC_KEYS`,
      );
    if (await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, raw, manifest)) return { ok: true, key: i };
  }
  const n = publicKeys.length;
  return fail(
    `the manifest's signature matches none of the ${n} public key${n === 1 ? "" : "s"} this build accepts: the manifest was changed after it was signed, or signed with another key`,
  );
}
