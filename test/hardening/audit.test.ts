// Known advisories in the dependencies, from `pnpm audit --json` (the registry's audit endpoint).
// Where the registry cannot be reached or does not answer (offline CI, a mirror without the audit
// endpoint), the test passes and logs "audit lookup failed: …": the lookup is reported, not fatal.
// Where it answers, a critical advisory against a production dependency of @critmin/core (what
// every consumer installs: zod) fails the test; every other advisory is listed in the log.
import { execFile, execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const AUDIT_TIMEOUT_MS = 60_000;

interface Advisory {
  readonly id?: number;
  readonly module_name: string;
  readonly severity: string;
  readonly title?: string;
  readonly url?: string;
  readonly findings?: readonly { readonly version?: string; readonly paths?: readonly string[] }[];
}

type AuditOutcome =
  { readonly ok: true; readonly advisories: readonly Advisory[] } | { readonly ok: false; readonly reason: string };

/** Runs `pnpm audit --json`; never rejects, never waits longer than the timeout. */
function audit(): Promise<AuditOutcome> {
  return new Promise((resolve) => {
    execFile(
      "pnpm",
      ["audit", "--json"],
      { cwd: root, timeout: AUDIT_TIMEOUT_MS, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // pnpm audit exits 1 when it finds advisories, so the exit code alone says nothing: read the JSON.
        if (error && (error as { killed?: boolean }).killed)
          return resolve({ ok: false, reason: `no answer within ${AUDIT_TIMEOUT_MS / 1000} s` });
        let parsed: unknown;
        try {
          parsed = JSON.parse(stdout);
        } catch {
          const why = (stderr || stdout || (error?.message ?? "")).trim().split("\n").slice(0, 3).join(" ");
          return resolve({ ok: false, reason: why || "no JSON output" });
        }
        resolve(readReport(parsed));
      },
    );
  });
}

/** The advisories of `pnpm audit --json` output, or why there are none to read. */
function readReport(parsed: unknown): AuditOutcome {
  const report = parsed as {
    error?: { code?: string; message?: string };
    advisories?: Record<string, Advisory>;
  } | null;
  if (report === null || typeof report !== "object") return { ok: false, reason: "unexpected output" };
  if (report.error)
    return { ok: false, reason: `${report.error.code ?? "error"}: ${report.error.message ?? ""}`.trim() };
  if (!report.advisories || typeof report.advisories !== "object")
    return { ok: false, reason: "unexpected output (no advisories field)" };
  return { ok: true, advisories: Object.values(report.advisories) };
}

/** Critical advisories against an installed version of a package in `closure` block; the rest are reported. */
function gate(
  advisories: readonly Advisory[],
  closure: ReadonlyMap<string, ReadonlySet<string>>,
): { blocking: Advisory[]; others: Advisory[] } {
  const shipped = (a: Advisory) => {
    const versions = closure.get(a.module_name);
    if (!versions) return false;
    const affected = (a.findings ?? []).map((f) => f.version).filter((v): v is string => typeof v === "string");
    return affected.length === 0 || affected.some((v) => versions.has(v));
  };
  const blocking = advisories.filter((a) => a.severity === "critical" && shipped(a));
  return { blocking, others: advisories.filter((a) => !blocking.includes(a)) };
}

/** Every package (name → versions) in the production dependency tree of a workspace package; local, no network. */
function productionClosure(pkg: string): Map<string, Set<string>> {
  const out = execFileSync("pnpm", ["--filter", pkg, "list", "--prod", "--depth", "Infinity", "--json"], {
    cwd: root,
    encoding: "utf8",
    timeout: 30_000,
  });
  const closure = new Map<string, Set<string>>();
  type Node = { version?: string; dependencies?: Record<string, Node> };
  const visit = (deps: Record<string, Node> | undefined) => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      const versions = closure.get(name) ?? new Set<string>();
      closure.set(name, versions);
      if (node.version && !versions.has(node.version)) {
        versions.add(node.version);
        visit(node.dependencies);
      }
    }
  };
  for (const project of JSON.parse(out) as Node[]) visit(project.dependencies);
  return closure;
}

const describeAdvisory = (a: Advisory) =>
  `${a.severity} ${a.module_name}${a.findings?.length ? `@${[...new Set(a.findings.map((f) => f.version))].join(",")}` : ""}: ${a.title ?? "(no title)"}${a.url ? ` ${a.url}` : ""}`;

describe("dependency advisories (pnpm audit)", () => {
  it("knows @critmin/core's production dependencies", () => {
    const closure = productionClosure("@critmin/core");
    expect([...closure.keys()]).toContain("zod");
  });

  it("reads pnpm's output and gates only critical advisories against core's installed production dependencies", () => {
    const sample = {
      advisories: {
        "1": {
          id: 1,
          module_name: "zod",
          severity: "critical",
          title: "a",
          findings: [{ version: "4.6.7", paths: ["packages__core>zod"] }],
        },
        "2": {
          id: 2,
          module_name: "zod",
          severity: "critical",
          title: "b",
          findings: [{ version: "3.0.0", paths: ["x>zod"] }],
        },
        "3": { id: 3, module_name: "zod", severity: "high", title: "c", findings: [{ version: "4.6.7", paths: [] }] },
        "4": {
          id: 4,
          module_name: "exceljs",
          severity: "critical",
          title: "d",
          findings: [{ version: "4.4.0", paths: [] }],
        },
      },
      metadata: { vulnerabilities: { critical: 3, high: 1 } },
    };
    const read = readReport(sample);
    expect(read.ok).toBe(true);
    const { blocking, others } = gate(read.ok ? read.advisories : [], new Map([["zod", new Set(["4.6.7"])]]));
    expect(blocking.map((a) => a.id)).toEqual([1]);
    expect(others.map((a) => a.id)).toEqual([2, 3, 4]);
    expect(readReport({ error: { code: "ERR_PNPM_AUDIT_BAD_RESPONSE", message: "405" } })).toEqual({
      ok: false,
      reason: "ERR_PNPM_AUDIT_BAD_RESPONSE: 405",
    });
  });

  it(
    "no critical advisory against a production dependency of @critmin/core; others reported",
    async () => {
      const outcome = await audit();
      if (!outcome.ok) {
        console.warn(`audit lookup failed: ${outcome.reason}`);
        return;
      }
      const { blocking, others } = gate(outcome.advisories, productionClosure("@critmin/core"));
      if (others.length > 0)
        console.warn(
          `audit: ${others.length} advisories outside the gate:\n  ${others.map(describeAdvisory).join("\n  ")}`,
        );
      else console.info(`audit: no advisories (${outcome.advisories.length})`);
      expect(blocking.map(describeAdvisory), "critical advisories in @critmin/core's production dependencies").toEqual(
        [],
      );
    },
    AUDIT_TIMEOUT_MS + 15_000,
  );
});
