// Why a fetch the browser refused was refused: a page's content security policy (the task pane's
// connect-src, taskpane.html) makes fetch fail with a bare "Failed to fetch", exactly like a host
// that cannot be reached. Checked after a failure only, so a policy this cannot read never blocks
// a fetch; it only picks the message.

/** The sources fetch may connect to under `policy`: connect-src, else default-src; undefined when neither limits it. */
export function connectSources(policy: string): string[] | undefined {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives.get("connect-src") ?? directives.get("default-src");
}

const HOST_SOURCE = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[^/:*]+)(?::(\d+|\*))?(?:\/.*)?$/i;

function defaultPort(protocol: string): string {
  return protocol === "https:" ? "443" : protocol === "http:" ? "80" : "";
}

/** Whether one CSP source expression allows connecting to `url` from a page at `page`. */
function allows(source: string, url: URL, page: URL): boolean {
  const s = source.toLowerCase();
  if (s === "'none'") return false;
  if (s === "'self'") return url.origin === page.origin;
  if (s === "*") return url.protocol === "http:" || url.protocol === "https:";
  if (/^[a-z][a-z0-9+.-]*:$/.test(s)) return url.protocol === s || (s === "http:" && url.protocol === "https:");
  const match = HOST_SOURCE.exec(s);
  if (!match) return false;
  const [, scheme, host, port] = match;
  if (scheme && `${scheme}:` !== url.protocol && !(scheme === "http" && url.protocol === "https:")) return false;
  if (!scheme && url.protocol !== page.protocol && !(page.protocol === "http:" && url.protocol === "https:"))
    return false;
  const hostname = url.hostname.toLowerCase();
  if (host!.startsWith("*.") ? !hostname.endsWith(host!.slice(1)) : hostname !== host) return false;
  const urlPort = url.port || defaultPort(url.protocol);
  return port === "*" || (port ?? defaultPort(scheme ? `${scheme}:` : url.protocol)) === urlPort;
}

/**
 * Why `policy` (on a page at `page`) refuses a fetch of `url`, for a person to act on; undefined
 * when it allows it (the failure was something else) or sets no connect rule.
 */
export function connectRefusal(url: URL, policy: string, page: URL): string | undefined {
  const sources = connectSources(policy);
  if (!sources || sources.some((source) => allows(source, url, page))) return undefined;
  const which = policy.toLowerCase().includes("connect-src") ? "connect-src" : "default-src";
  return (
    `the task pane's content security policy refused to connect to ${url.origin} (${which} ${sources.join(" ") || "(empty)"}), so nothing was requested: ` +
    `host the files on the add-in's own origin (${page.origin}), or build the add-in with CRITMIN_DATA_ORIGIN=${url.origin} to allow it`
  );
}

/** The policy of the page this runs in (taskpane.html's meta tag), if any. */
export function pagePolicy(): { readonly policy: string; readonly page: URL } | undefined {
  const doc = (globalThis as { document?: Document }).document;
  const meta = doc?.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy" i]');
  if (!doc || !meta?.content) return undefined;
  return { policy: meta.content, page: new URL(doc.baseURI) };
}
