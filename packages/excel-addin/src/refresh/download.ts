// One GET with the limits a refresh needs: no redirect is followed to another origin (so nothing is
// ever requested from a host the person did not name), the body is counted while it streams and the
// download stops as soon as it passes the limit (a 50 MB answer is never held in memory), and the
// caller's signal (cancel, timeout) aborts it.
import { bytesText, RefreshFailure } from "./failure.ts";

export interface DownloadOptions {
  readonly fetch: typeof fetch;
  readonly signal: AbortSignal;
  /** Stop beyond this many bytes. */
  readonly limit: number;
  /** Why the limit is what it is, for the message ("the limit", "the size the manifest announces"). */
  readonly limitReason: string;
  readonly onBytes?: (received: number, total: number | undefined) => void;
  /** What the signal's abort means, read when it happens. */
  readonly aborted: () => RefreshFailure;
  /** Why the page's content security policy refuses a URL (csp.ts), asked when a fetch fails. */
  readonly refusal?: (url: URL) => string | undefined;
}

const MAX_SAME_ORIGIN_REDIRECTS = 3;

function abortFailure(error: unknown, options: DownloadOptions, url: URL): RefreshFailure {
  if (error instanceof RefreshFailure) return error;
  if (options.signal.aborted) return options.aborted();
  // The browser says only "Failed to fetch" when its content security policy blocks the request.
  const refused = options.refusal?.(url);
  if (refused) return new RefreshFailure("blocked", refused);
  const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
  return new RefreshFailure("network", `could not reach ${url.href}: ${cause}`);
}

/** Fetches `url` (following redirects only within its origin) and checks the status; returns where it ended. */
async function get(url: URL, options: DownloadOptions): Promise<{ response: Response; at: URL }> {
  let target = url;
  for (let hop = 0; ; hop++) {
    // A fetch that ignores the signal (a stand-in) must not get a request in after a cancel.
    if (options.signal.aborted) throw options.aborted();
    let response: Response;
    try {
      response = await options.fetch(target.href, {
        signal: options.signal,
        redirect: "manual",
        cache: "no-store",
        credentials: "same-origin",
      });
    } catch (error) {
      throw abortFailure(error, options, target);
    }
    // A browser hides where a manual redirect goes ("opaqueredirect"): refuse it rather than guess.
    if (response.type === "opaqueredirect")
      throw new RefreshFailure(
        "redirect",
        `${target.href} answered with a redirect, which a refresh does not follow: give the URL the files are at`,
      );
    if (response.status >= 300 && response.status < 400) {
      void response.body?.cancel().catch(() => undefined);
      const location = response.headers.get("location");
      const next = location ? new URL(location, target) : undefined;
      if (!next)
        throw new RefreshFailure(
          "redirect",
          `${target.href} answered HTTP ${response.status} without a Location: give the URL the files are at`,
        );
      if (next.origin !== url.origin)
        throw new RefreshFailure(
          "redirect",
          `${target.href} redirects to ${next.origin}, another origin: refused (nothing was requested there); give the URL the files are at`,
        );
      if (hop >= MAX_SAME_ORIGIN_REDIRECTS)
        throw new RefreshFailure("redirect", `${url.href} redirects more than ${MAX_SAME_ORIGIN_REDIRECTS} times`);
      target = next;
      continue;
    }
    // A fetch that followed a redirect on its own (a stand-in ignoring redirect: "manual") is judged by where it ended.
    if (response.redirected && response.url && new URL(response.url).origin !== url.origin) {
      void response.body?.cancel().catch(() => undefined);
      throw new RefreshFailure(
        "redirect",
        `${url.href} was redirected to ${new URL(response.url).origin}, another origin: refused`,
      );
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw new RefreshFailure(
        "http-status",
        `${target.href} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
      );
    }
    return { response, at: target };
  }
}

/** The body's bytes, never more than `options.limit`, and the URL they came from (after same-origin redirects). */
export async function download(
  url: URL,
  options: DownloadOptions,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; at: URL }> {
  const { response, at } = await get(url, options);
  const header = response.headers.get("content-length");
  const announced = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  if (announced !== undefined && announced > options.limit) {
    void response.body?.cancel().catch(() => undefined);
    throw new RefreshFailure(
      "too-large",
      `${url.href} is ${bytesText(announced)} (Content-Length), over ${options.limitReason} of ${bytesText(options.limit)}: not downloaded`,
    );
  }
  if (!response.body) return { bytes: new Uint8Array(await response.arrayBuffer()), at };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (options.signal.aborted) throw options.aborted();
      if (done) break;
      received += value.byteLength;
      if (received > options.limit) {
        void reader.cancel().catch(() => undefined);
        throw new RefreshFailure(
          "too-large",
          `${url.href} sent more than ${options.limitReason} of ${bytesText(options.limit)}: download stopped`,
        );
      }
      chunks.push(value);
      options.onBytes?.(received, announced);
    }
  } catch (error) {
    throw abortFailure(error, options, url);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, at };
}
