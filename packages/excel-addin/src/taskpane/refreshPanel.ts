// The Data tab's "Data refresh" card: fetch newer dataset files the organisation hosts, check them
// completely, switch over; or go back to the bundled data. Works in Excel (then the workbook is
// recalculated) and outside it. The checks and the switch are in ../refresh; this is the page.
import { bundledDataset, dataset, type Edition } from "@critmin/core";
import { runRefresh, useBundled, type ActionOutcome } from "../refresh/applyRefresh.ts";
import { DATA_PUBLIC_KEYS } from "../refresh/publicKeys.ts";
import { NOT_SET_UP, type RefreshProgress } from "../refresh/refreshDataset.ts";
import type { DatasetStore, Restored } from "../refresh/store.ts";
import { describeField, disableWithReason, element, elements, make, markInvalid, valueOf } from "./dom.ts";
import { Progress, say } from "./progress.ts";

export interface RefreshPanelDeps {
  readonly inExcel: () => boolean;
  readonly store?: DatasetStore;
  /** What happened to the kept dataset at start. */
  readonly restored: Restored;
  /** Called after the data in use changed (a refresh installed, or back to the bundled data). */
  readonly onChange?: () => void;
  /** The keys a dataset must be signed with: the build's (CRITMIN_DATA_PUBLIC_KEYS) by default. */
  readonly publicKeys?: readonly string[];
}

const URL_KEY = "critmin.refreshUrl";
const mb = (n: number) => (n / 1_000_000).toFixed(1);

const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** The data in words, from its editions: "4 editions, newest IEA May 2025". */
export function describeEditions(editions: readonly Pick<Edition, "id" | "date">[]): string {
  const newest = [...editions].sort((a, b) => b.date.localeCompare(a.date))[0];
  const count = `${editions.length} ${editions.length === 1 ? "edition" : "editions"}`;
  if (!newest) return count;
  // The id's first part names the publisher as people say it (iea, usgs, ec); the date may lack a day.
  const when = month.format(new Date(`${newest.date.slice(0, 7)}-01T00:00:00Z`));
  return `${count}, newest ${newest.id.split("-")[0]!.toUpperCase()} ${when}`;
}

/** Whether the text is a whole address (scheme and host), not a word a relative URL would swallow. */
const isAbsoluteUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\/[^/\s]/i.test(text);

/** The last URL a refresh succeeded from, if the browser lets the pane remember it. */
function rememberedUrl(): string | undefined {
  try {
    return localStorage.getItem(URL_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function remember(url: string): void {
  try {
    localStorage.setItem(URL_KEY, url);
  } catch {
    // Storage blocked (private mode, policy): the default URL is shown next time.
  }
}

export class RefreshPanel {
  private readonly ui = elements("refresh", {
    url: "input",
    run: "button",
    revert: "button",
    current: "p",
    message: "p",
  });
  private readonly progress = new Progress("refresh", "Reading the manifest…", () => this.busy?.abort());
  private busy: AbortController | undefined;
  /** Without keys nothing could be checked, so nothing is fetched. */
  private readonly setUp: boolean;

  constructor(private readonly deps: RefreshPanelDeps) {
    this.setUp = (deps.publicKeys ?? DATA_PUBLIC_KEYS).length > 0;
    // Empty unless a refresh succeeded before: a guessed address would only answer 404.
    this.ui.url.value = rememberedUrl() ?? "";
    describeField(this.ui.url, element("refresh-hint").textContent?.trim().replace(/\s+/g, " ") ?? "");
    element<HTMLFormElement>("refresh-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.refresh();
    });
    this.ui.revert.addEventListener("click", () => void this.useBundled());
    this.showCurrent();
    if (!this.setUp) {
      this.lockForm();
      this.say(`${NOT_SET_UP[0]!.toUpperCase()}${NOT_SET_UP.slice(1)}. The bundled data is used.`);
    }
    if (deps.restored.status === "restored")
      this.say(`Using the dataset kept from the last refresh (${deps.restored.version}), checked again at start.`);
    if (deps.restored.status === "rejected")
      this.say(
        `The dataset kept from the last refresh was not used: ${deps.restored.message}. Using the bundled data.`,
        true,
      );
  }

  private showCurrent(): void {
    const data = dataset();
    const bundled = data === bundledDataset();
    this.ui.current.replaceChildren(
      make("strong", {}, bundled ? "Bundled data: " : "Refreshed data: "),
      `${describeEditions(data.editions)} (dataset ${data.version})`,
    );
    disableWithReason(
      this.ui.revert,
      this.busy !== undefined
        ? "Wait: a refresh is running."
        : bundled
          ? "The bundled data is already in use."
          : undefined,
    );
  }

  private say(text: string, error = false): void {
    say(this.ui.message, text, error);
  }

  /** The form is off while a refresh runs, and in a build that cannot check a dataset's signature. */
  private lockForm(): void {
    const why = !this.setUp
      ? `${NOT_SET_UP[0]!.toUpperCase()}${NOT_SET_UP.slice(1)}.`
      : this.busy !== undefined
        ? "Wait: a refresh is running."
        : undefined;
    disableWithReason(this.ui.run, why);
    disableWithReason(this.ui.url, why);
  }

  private setBusy(controller: AbortController | undefined): void {
    this.busy = controller;
    this.lockForm();
    if (controller) this.progress.show();
    else this.progress.stop();
    this.showCurrent();
  }

  private onProgress(p: RefreshProgress): void {
    const total = p.total ?? 0;
    this.progress.update(
      p.received,
      total,
      p.stage === "manifest"
        ? "Reading the manifest…"
        : p.stage === "download"
          ? `Downloading: ${mb(p.received)} of ${mb(total)} MB`
          : "Checking every row and edition…",
    );
  }

  private async refresh(): Promise<void> {
    if (!this.setUp) return;
    const url = valueOf(this.ui.url).trim();
    if (url === "") {
      markInvalid(this.ui.url, true);
      this.say("Enter the URL of the manifest.json your organisation hosts.", true);
      this.ui.url.focus();
      return;
    }
    if (!isAbsoluteUrl(url)) {
      markInvalid(this.ui.url, true);
      this.say(
        `"${url}" is not a URL: give the whole address of the manifest, like https://data.example.org/critmin/manifest.json.`,
        true,
      );
      this.ui.url.focus();
      return;
    }
    markInvalid(this.ui.url, false);
    const controller = new AbortController();
    this.setBusy(controller);
    this.say("");
    this.progress.start();
    let outcome: ActionOutcome;
    try {
      outcome = await runRefresh(url, {
        signal: controller.signal,
        store: this.deps.store,
        inExcel: this.deps.inExcel(),
        onProgress: (p) => this.onProgress(p),
        publicKeys: this.deps.publicKeys,
      });
    } finally {
      this.setBusy(undefined);
    }
    if (outcome.ok) remember(url);
    if (outcome.result?.ok && outcome.result.status === "installed") this.deps.onChange?.();
    this.say(outcome.text, !outcome.ok);
  }

  private async useBundled(): Promise<void> {
    this.setBusy(new AbortController());
    try {
      const before = dataset();
      const outcome = await useBundled({ store: this.deps.store, inExcel: this.deps.inExcel() });
      if (dataset() !== before) this.deps.onChange?.();
      this.say(outcome.text, !outcome.ok);
    } finally {
      this.setBusy(undefined);
    }
  }
}
