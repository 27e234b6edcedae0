// Debian's Chromium driven by playwright-core: never a browser download, never the network.
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "playwright-core";

export const CHROMIUM = process.env.CRITMIN_CHROMIUM ?? "/usr/bin/chromium";

/** Headless, no sandbox (containers), and none of Chromium's own calls home. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

/** Fails with what to install when the browser is missing: playwright-core would not download one. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install Debian's Chromium with \`apt-get install -y chromium\` (as root; .ci/run does this in CI), or set CRITMIN_CHROMIUM. playwright-core never downloads a browser.`,
    );
}

/** Launches Chromium; each launch starts with a new, empty profile in a temporary folder removed on close. */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, timeout: 30_000 });
}

/** Refuses every request off 127.0.0.1 except the `allowed` URL, recording each refused URL in `blocked`. */
export async function loopbackOnly(context: BrowserContext, blocked: string[], allowed?: string): Promise<void> {
  await context.route(
    (url) => url.hostname !== "127.0.0.1" && url.href !== allowed,
    (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
}

/**
 * A context at 1 CSS pixel per device pixel, without service workers, that reaches only 127.0.0.1
 * (and `allowed`); refused URLs are recorded in `blocked`.
 */
export async function loopbackContext(
  browser: Browser,
  options: BrowserContextOptions,
  blocked: string[],
  allowed?: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: "block", ...options });
  await loopbackOnly(context, blocked, allowed);
  return context;
}
