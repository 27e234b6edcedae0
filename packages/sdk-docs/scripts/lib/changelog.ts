// Changelog page: the released entries (packages/*/CHANGELOG.md, written by `changeset version`)
// and the changes not released yet (the pending changesets in .changeset/).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { code, generatedHeader, prose, table, text } from "./markdown.ts";

export interface Changeset {
  readonly id: string;
  readonly releases: readonly { readonly name: string; readonly type: string }[];
  readonly summary: string;
}

/** A changeset file: YAML-ish frontmatter of `"package": bump` lines, then the summary. */
export function parseChangeset(id: string, source: string): Changeset {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) throw new Error(`.changeset/${id}.md: no frontmatter`);
  const releases = m[1]!
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => {
      const r = /^["']?([^"':]+)["']?\s*:\s*(major|minor|patch|none)\s*$/.exec(l);
      if (!r) throw new Error(`.changeset/${id}.md: cannot read "${l}"`);
      return { name: r[1]!, type: r[2]! };
    });
  return { id, releases, summary: m[2]!.trim() };
}

export function changelogPage(repoRoot: string): string {
  const dir = path.join(repoRoot, ".changeset");
  const changesets = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".md") && f !== "README.md")
        .sort()
        .map((f) => parseChangeset(f.slice(0, -3), readFileSync(path.join(dir, f), "utf8")))
    : [];
  const packagesDir = path.join(repoRoot, "packages");
  const packages = readdirSync(packagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(packagesDir, d.name, "package.json")))
    .map((d) => {
      const pkg = JSON.parse(readFileSync(path.join(packagesDir, d.name, "package.json"), "utf8")) as {
        name: string;
        version: string;
        private?: boolean;
      };
      const changelog = path.join(packagesDir, d.name, "CHANGELOG.md");
      return {
        dir: d.name,
        name: pkg.name,
        version: pkg.version,
        private: pkg.private === true,
        changelog: existsSync(changelog) ? readFileSync(changelog, "utf8") : undefined,
      };
    });

  const parts = [
    generatedHeader(
      ".changeset/*.md and packages/*/package.json (and packages/*/CHANGELOG.md once releases are versioned)",
      { title: "Changelog" },
    ),
    "# Changelog",
    "",
    `Every user-visible change to a published package comes with a changeset (${code("pnpm changeset")}). This page lists the changes not released yet, then each package's released history.`,
    "",
    "## Packages",
    "",
    table(
      ["Package", "Version", "Published"],
      packages.map((p) => [code(p.name), code(p.version), p.private ? "no (private)" : "npm"]),
    ),
    "",
    "## Unreleased",
    "",
  ];
  if (changesets.length === 0) parts.push("Nothing pending.", "");
  for (const c of changesets) {
    parts.push(
      `- ${c.releases.map((r) => `${code(r.name)} ${r.type}`).join(", ")}: ${prose(c.summary)} <small>(${code(`.changeset/${c.id}.md`)})</small>`,
    );
  }
  parts.push("");
  for (const p of packages.filter((x) => x.changelog)) {
    // Released history as changesets wrote it; its own title is replaced by ours, headings shifted down.
    const body = p.changelog!.replace(/^# .*\n/, "").replace(/^(#{1,4}) /gm, "#$1 ");
    parts.push(`## ${text(p.name)} releases`, "", body.trim(), "");
  }
  return parts.join("\n");
}
