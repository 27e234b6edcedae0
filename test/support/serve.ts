// HTTP servers the tests start on 127.0.0.1 (the only network a test may use).
import { existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".sig": "text/plain; charset=utf-8",
};

export interface Loopback {
  readonly server: http.Server;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Drops open connections, then stops listening. */
  close(): Promise<void>;
}

/** Starts `handler` on 127.0.0.1 at a free port. */
export function listenLoopback(handler: http.RequestListener): Promise<Loopback> {
  const server = http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () =>
      resolve({
        server,
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => {
          server.closeAllConnections();
          return new Promise<void>((done) => server.close(() => done()));
        },
      }),
    );
  });
}

/** The file below `root` a URL path names, or `undefined` (outside `root`, a malformed escape, missing, a folder). */
export function fileUnder(root: string, pathname: string): string | undefined {
  let file: string;
  try {
    file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
  } catch {
    return undefined;
  }
  return file.startsWith(root + path.sep) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Serves the files below `root` that have a known content type, uncached; anything else is 404. */
export function serveStatic(root: string): Promise<Loopback> {
  return listenLoopback((req, res) => {
    const file = fileUnder(root, new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const type = file && CONTENT_TYPES[path.extname(file)];
    if (!type) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(readFileSync(file));
  });
}
