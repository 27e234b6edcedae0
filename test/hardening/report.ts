// Failure descriptions for the fuzz tests: a value shown safely, promises and NaN found in results.
/** A short, never-throwing description of a value for failure messages. */
export function show(value: unknown, depth = 0): string {
  try {
    if (typeof value === "string")
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…(${value.length} chars)` : value);
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "symbol" || typeof value === "function") return String(value);
    if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
    if (value === null || typeof value !== "object") return String(value);
    if (depth > 2) return "…";
    if (Array.isArray(value))
      return value.length > 8
        ? `[${value
            .slice(0, 8)
            .map((v) => show(v, depth + 1))
            .join(", ")}, …(${value.length})]`
        : `[${value.map((v) => show(v, depth + 1)).join(", ")}]`;
    if (value instanceof Error) return `${value.constructor.name}(${JSON.stringify(value.message)})`;
    const proto = Object.getPrototypeOf(value);
    const tag = proto === null ? "[null-proto]" : proto === Object.prototype ? "" : `${proto.constructor?.name ?? "?"}`;
    return `${tag}{${Object.keys(value)
      .slice(0, 6)
      .map((k) => `${JSON.stringify(k)}: ${show((value as Record<string, unknown>)[k], depth + 1)}`)
      .join(", ")}}`;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function isThenable(value: unknown): boolean {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/** Every NaN inside a returned value (plain objects and arrays, a few levels deep), as paths. */
export function nanPaths(value: unknown, path = "result", depth = 0, out: string[] = []): string[] {
  if (typeof value === "number" && Number.isNaN(value)) out.push(path);
  else if (value !== null && typeof value === "object" && depth < 4) {
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.slice(0, 500).map((v, i) => [`[${i}]`, v])
      : Object.entries(value).map(([k, v]) => [`.${k}`, v]);
    for (const [k, v] of entries) nanPaths(v, `${path}${k}`, depth + 1, out);
  }
  return out;
}
