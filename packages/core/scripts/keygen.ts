// Makes a key pair for signing hosted datasets (data:publish --key):
//   pnpm --filter @critmin/core data:keygen --out <dir>
// writes <dir>/private.pem (PKCS#8, readable by its owner only: keep it off the web server and out
// of git) and <dir>/public.txt, the public key as SPKI DER in base64: the value for
// CRITMIN_DATA_PUBLIC_KEYS when building the add-in. Same as
//   openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out private.pem
//   openssl pkey -in private.pem -pubout -outform DER | base64 -w0
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A new ECDSA P-256 key pair: the private key as PEM, the public key as SPKI DER in base64. */
export function generateSigningKey(): { privatePem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf("--out");
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--out="))?.slice("--out=".length);
  if (!value) {
    console.error("usage: pnpm data:keygen --out <dir>");
    process.exit(1);
  }
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
  const privatePath = path.join(dir, "private.pem");
  if (existsSync(privatePath)) {
    console.error(`data:keygen: ${privatePath} exists; not overwritten (a lost key cannot be recovered)`);
    process.exit(1);
  }
  const { privatePem, publicKey } = generateSigningKey();
  mkdirSync(dir, { recursive: true });
  writeFileSync(privatePath, privatePem, { mode: 0o600 });
  writeFileSync(path.join(dir, "public.txt"), `${publicKey}\n`);
  console.log(`wrote ${privatePath} (keep it secret) and ${path.join(dir, "public.txt")}`);
  console.log(`build the add-in with CRITMIN_DATA_PUBLIC_KEYS=${publicKey}`);
}
