// Canonical JSON: the same value always gives the same text, whatever the key order. Two rows are
// the same row exactly when their canonical texts are equal (the rule of
// test/hardening/editions.test.ts, which fingerprints the released editions the same way).

/** JSON with object keys sorted at every level and `undefined` members left out. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
