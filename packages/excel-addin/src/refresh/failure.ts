// Why a refresh stopped: a code for programs and tests, a message for people. Every failure leaves
// the dataset in use as it was.

export type RefreshFailureCode =
  | "invalid-url"
  | "insecure-url"
  | "network"
  | "blocked"
  | "http-status"
  | "redirect"
  | "timeout"
  | "cancelled"
  | "too-large"
  | "size-mismatch"
  | "not-set-up"
  | "unsigned"
  | "signature"
  | "invalid-manifest"
  | "checksum"
  | "invalid-json"
  | "invalid-dataset"
  | "changed-meanwhile"
  | "unsupported";

/** Thrown inside the refresh and turned into a result at its edge; never escapes refreshDataset. */
export class RefreshFailure extends Error {
  constructor(
    readonly code: RefreshFailureCode,
    message: string,
  ) {
    super(message);
    this.name = "RefreshFailure";
  }
}

const grouped = new Intl.NumberFormat("en-US");

/** 52428800 → "52,428,800 bytes (50 MiB)". */
export function bytesText(n: number): string {
  const mib = n / 1024 / 1024;
  return `${grouped.format(n)} bytes${mib >= 1 ? ` (${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB)` : ""}`;
}
