// A link checker for the built docs, with no network: every internal href and src of every
// built HTML page must resolve to a built file, and every #fragment to an id on the target page.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface BrokenLink {
  readonly page: string;
  readonly url: string;
  readonly reason: string;
}

export interface LinkReport {
  readonly pages: number;
  /** Internal links checked (external ones are counted apart and not fetched). */
  readonly internal: number;
  readonly external: readonly string[];
  readonly broken: readonly BrokenLink[];
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(full) : e.name.endsWith(".html") ? [full] : [];
  });
}

/** href/src/srcset values of a page, entities decoded. */
export function extractUrls(html: string): string[] {
  const urls: string[] = [];
  // Inline scripts and styles may hold strings that look like attributes: skip their bodies.
  const markup = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, (m) => m.replace(/>[\s\S]*<\/script>$/i, "></script>"))
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, "");
  for (const m of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const a of m[0].matchAll(/\s(href|src|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const value = decodeEntities(a[2] ?? a[3] ?? "");
      if (a[1] === "srcset")
        urls.push(
          ...value
            .split(",")
            .map((s) => s.trim().split(/\s+/)[0]!)
            .filter(Boolean),
        );
      else urls.push(value);
    }
  }
  return urls;
}

/** Decodes the character references VitePress writes (numeric, &quot; &#39; &lt; &gt; &amp;). */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** ids (and legacy `name`s) a page defines, for #fragment checks. */
export function ids(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.add(decodeEntities(m[1] ?? m[2] ?? ""));
  return out;
}

/**
 * The built file a site path resolves to, as a static host serving `root` at `base` would:
 * the file itself, `index.html` for a folder, or `<path>.html` for an extensionless URL.
 */
export function resolveSitePath(root: string, base: string, pathname: string): string | undefined {
  if (!pathname.startsWith(base) && `${pathname}/` !== base) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const file = path.resolve(root, rel);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  if (existsSync(path.join(file, "index.html"))) return path.join(file, "index.html");
  if (!rel.endsWith("/") && existsSync(`${file}.html`)) return `${file}.html`;
  return undefined;
}

export function checkLinks(root: string, base = "/docs/"): LinkReport {
  const pages = htmlFiles(root);
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let s = idCache.get(file);
    if (!s) idCache.set(file, (s = ids(readFileSync(file, "utf8"))));
    return s;
  };
  const broken: BrokenLink[] = [];
  const external = new Set<string>();
  let internal = 0;
  for (const page of pages) {
    const rel = path.relative(root, page).split(path.sep).join("/");
    const pageUrl = new URL(`${base}${rel}`, "http://site.invalid");
    for (const raw of extractUrls(readFileSync(page, "utf8"))) {
      if (raw === "" || /^(mailto|tel|data|javascript|blob):/i.test(raw)) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith("//")) {
        external.add(raw);
        continue;
      }
      internal++;
      const url = new URL(raw, pageUrl);
      const target = url.pathname === pageUrl.pathname ? page : resolveSitePath(root, base, url.pathname);
      if (!target) {
        broken.push({
          page: rel,
          url: raw,
          reason: url.pathname.startsWith(base) ? "no such file" : `outside ${base}`,
        });
        continue;
      }
      const fragment = url.hash.slice(1);
      if (fragment && target.endsWith(".html")) {
        let id: string;
        try {
          id = decodeURIComponent(fragment);
        } catch {
          id = fragment;
        }
        if (!idsOf(target).has(id))
          broken.push({ page: rel, url: raw, reason: `no element with id "${id}" in ${path.relative(root, target)}` });
      }
    }
  }
  return { pages: pages.length, internal, external: [...external].sort(), broken };
}
