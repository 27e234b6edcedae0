// The Workbook tab: the edition pin, the upgrade report and freeze for sharing. Each action that
// changes the workbook is a separate button the person presses after seeing what it will do; the
// scan behind the report only reads. Long operations show progress and can be cancelled.
import { evaluatorFor, type FunctionLookup } from "../workbook/evaluate.ts";
import * as excel from "../workbook/excel.ts";
import {
  currentPin,
  editionSeries,
  makePin,
  newestPin,
  pinLabel,
  samePin,
  setCurrentPin,
  type Pin,
} from "../workbook/pin.ts";
import type { EditionInfo } from "../workbook/sourcesSheet.ts";
import { Cancelled, displayValue, reportSheetValues, type UpgradeReport } from "../workbook/upgradeReport.ts";
import { textOf } from "../workbook/text.ts";
import { ReplaceNeeded, type OnExisting } from "../workbook/owned.ts";
import { Choice, choiceOf } from "./choice.ts";
import { askInline } from "./confirm.ts";
import { dataTable, disableWithReason, element, formatNumber, make } from "./dom.ts";
import { Progress, say } from "./progress.ts";

export interface WorkbookDeps {
  readonly lookup: FunctionLookup;
  /** The editions and version of the data in use (they change with a data refresh). */
  readonly editions: () => readonly EditionInfo[];
  /** The editions a pin may hold (those a `source` reads); all of `editions` when not given. */
  readonly pinnable?: () => readonly EditionInfo[];
  readonly datasetVersion: () => string;
  readonly namespaces: readonly string[];
}

type Busy = { controller: AbortController };

export class WorkbookPanel {
  private readonly status = element<HTMLElement>("pin-status");
  private readonly choices = element<HTMLElement>("pin-choices");
  private readonly message = element<HTMLElement>("wb-message");
  private readonly progress = new Progress("wb", "Working…", () => this.busy?.controller.abort());
  private readonly reportBox = element<HTMLElement>("report");
  private readonly confirmBox = element<HTMLElement>("wb-confirm");
  private readonly actions: HTMLButtonElement[];
  private report: { data: UpgradeReport; to: Pin } | undefined;
  private busy: Busy | undefined;
  private enabled = false;
  private known: string[] = [];

  constructor(private readonly deps: WorkbookDeps) {
    this.fillChoices();
    this.actions = ["pin-apply", "pin-clear", "report-scan", "freeze"].map((id) => element<HTMLButtonElement>(id));
    element("pin-apply").addEventListener("click", () => void this.applyPin(this.chosen()));
    element("pin-clear").addEventListener("click", () => void this.applyPin(null));
    element("report-scan").addEventListener("click", () => void this.scan());
    element("report-write").addEventListener("click", () => void this.writeReport());
    element("report-apply").addEventListener("click", () => void (this.report && this.applyPin(this.report.to)));
    element("freeze").addEventListener("click", () => void this.freeze());
    this.showPin();
    this.setEnabled(false);
  }

  /** After a data refresh: the pin choices list the editions of the data now in use. */
  reload(): void {
    this.fillChoices();
    this.setEnabled(this.enabled);
    this.showPin();
    if (this.enabled) void this.loadPin().catch(() => undefined);
  }

  private fillChoices(): void {
    const editions = (this.deps.pinnable ?? this.deps.editions)();
    this.known = editions.map((e) => e.id);
    this.choices.replaceChildren();
    const bySeries = new Map<string, EditionInfo[]>();
    for (const e of editions) bySeries.set(editionSeries(e.id), [...(bySeries.get(editionSeries(e.id)) ?? []), e]);
    const newest = newestPin(editions);
    for (const [series, list] of bySeries) {
      const id = `pin-${series}`;
      const field = make("div", { class: "field" });
      field.append(make("label", { id: `${id}-label`, for: id }, list[0]!.publisher));
      const choice = Choice.create({ id, name: series, labelledBy: `${id}-label` });
      choice.host.classList.add("pin-select");
      choice.setItems(
        [
          { value: "", label: "(not pinned: newest with data)" },
          ...[...list]
            .sort((a, b) => b.date.localeCompare(a.date))
            .map((e) => ({ value: e.id, label: `${e.id} (${e.date})`, title: e.title })),
        ],
        newest.editions.find((x) => editionSeries(x) === series) ?? "",
      );
      field.append(choice.host);
      this.choices.append(field);
    }
  }

  /** In Excel the actions work; outside they are disabled with a note. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    const why = !enabled
      ? "This needs Excel: open the add-in in Excel, where there is a workbook."
      : this.busy !== undefined
        ? "Wait: another workbook action is running."
        : undefined;
    for (const b of this.actions) disableWithReason(b, why);
    for (const id of ["report-write", "report-apply"])
      disableWithReason(
        element<HTMLButtonElement>(id),
        why ?? (this.report === undefined ? "Scan the workbook first." : undefined),
      );
    // The pin is stored in a workbook: outside Excel there is none to pin.
    for (const list of this.pinLists()) disableWithReason(list.host, enabled ? undefined : why);
    element("wb-outside").hidden = enabled;
  }

  /** Reads the pin stored in the workbook and makes the functions follow it. */
  async loadPin(): Promise<void> {
    const read = await excel.readPin(this.known);
    if (!read.ok) {
      this.say(
        `The workbook's pin cannot be used: ${read.reason}. Functions use the newest editions until it is pinned again.`,
        true,
      );
      return;
    }
    const changed = !samePin(read.pin, currentPin());
    setCurrentPin(read.pin);
    this.showPin();
    // Formulas computed before the pin was read used no pin: recalculate once.
    if (changed && read.pin) await excel.recalculate();
  }

  private chosen(): Pin {
    const ids = this.pinLists()
      .map((list) => list.value)
      .filter((v) => v !== "");
    return makePin(ids, this.known, { pinnedAt: new Date().toISOString(), datasetVersion: this.deps.datasetVersion() });
  }

  private pinLists(): Choice[] {
    return Array.from(this.choices.querySelectorAll<HTMLElement>("fluent-dropdown"), choiceOf);
  }

  private showPin(): void {
    const pin = currentPin();
    this.status.replaceChildren(
      make("strong", {}, pin ? "Pinned: " : "Not pinned. "),
      pin ? pin.editions.join(", ") : "Functions without an explicit source use the newest edition with data.",
    );
    if (pin?.pinnedAt)
      this.status.append(
        make(
          "span",
          { class: "hint block" },
          `since ${pin.pinnedAt.slice(0, 10)}${pin.datasetVersion ? `, dataset ${pin.datasetVersion}` : ""}`,
        ),
      );
  }

  private say(text: string, error = false): void {
    say(this.message, text, error);
  }

  private async task<T>(label: string, work: (options: excel.StepOptions) => Promise<T>): Promise<T | undefined> {
    const controller = new AbortController();
    this.busy = { controller };
    this.setEnabled(this.enabled);
    this.progress.start(`${label}…`);
    try {
      return await work({
        signal: controller.signal,
        onProgress: (p) => this.progress.update(p.done, p.total, `${p.stage}: ${p.done} of ${p.total}`),
      });
    } catch (error) {
      if (error instanceof Cancelled) this.say(`${label}: cancelled. Nothing was changed.`);
      else this.say(`${label} failed: ${error instanceof Error ? error.message : String(error)}`, true);
      return undefined;
    } finally {
      this.busy = undefined;
      this.progress.stop();
      this.setEnabled(this.enabled);
    }
  }

  private async applyPin(pin: Pin | null): Promise<void> {
    const previous = currentPin();
    await this.task(pin ? "Pinning" : "Removing the pin", async () => {
      // The functions read the pin during the recalculation writePin asks for: set it first, and
      // put the old one back if the workbook could not be changed.
      setCurrentPin(pin);
      try {
        await excel.writePin(pin);
      } catch (error) {
        setCurrentPin(previous);
        throw error;
      }
    });
    this.showPin();
    if (!this.message.classList.contains("error"))
      this.say(
        pin
          ? `Pinned to ${pinLabel(pin)}; the workbook was recalculated.`
          : "Pin removed; the workbook was recalculated.",
      );
  }

  private async scan(): Promise<void> {
    let to: Pin;
    try {
      to = this.chosen();
    } catch (error) {
      this.say(error instanceof Error ? error.message : String(error), true);
      return;
    }
    const from = currentPin();
    this.say("");
    const data = await this.task("Scanning the workbook", (options) =>
      excel.prepareUpgradeReport(
        {
          before: evaluatorFor(from, this.deps.lookup, this.deps.namespaces),
          after: evaluatorFor(to, this.deps.lookup, this.deps.namespaces),
        },
        { ...options, namespaces: this.deps.namespaces },
      ),
    );
    if (!data) return;
    this.report = { data, to };
    this.renderReport(from, to, data);
    this.setEnabled(this.enabled);
  }

  private renderReport(from: Pin | null, to: Pin, data: UpgradeReport): void {
    const cell = (v: unknown, i: number) =>
      typeof v === "number" ? (i === 4 ? (v >= 0 ? "+" : "") : "") + formatNumber(v, false) : textOf(v);
    this.reportBox.replaceChildren(
      make(
        "p",
        { id: "report-summary", role: "status" },
        `${data.total} CRITMIN formula${data.total === 1 ? "" : "s"}: ${data.changed.length} would change, ${data.unchanged} unchanged, ${data.notEvaluated.length} not evaluated.`,
      ),
      make("p", { class: "hint" }, `From ${pinLabel(from)} to ${pinLabel(to)}. Nothing has been changed.`),
    );
    if (data.changed.length > 0) {
      this.reportBox.append(
        dataTable(
          "report-table",
          "Cells whose value would change",
          ["Cell", "Old", "New", "Diff."],
          data.changed.map((r) => [`${r.sheet}!${r.address}`, displayValue(r.old), displayValue(r.new), r.difference]),
          (v, i) => cell(v, i === 3 ? 4 : i),
        ),
      );
    }
    if (data.notEvaluated.length > 0) {
      const list = make("ul", { class: "hint", id: "report-not-evaluated" });
      for (const n of data.notEvaluated)
        list.append(make("li", {}, `${n.sheet}!${n.address}: not evaluated (${n.reason})`));
      this.reportBox.append(make("p", { class: "hint" }, "Not evaluated outside Excel (check these by hand):"), list);
    }
    this.reportBox.hidden = false;
  }

  private async writeReport(): Promise<void> {
    if (!this.report) return;
    const { data, to } = this.report;
    const values = reportSheetValues(data, {
      from: pinLabel(currentPin()),
      to: pinLabel(to),
      when: new Date().toISOString(),
    });
    const write = (onExisting: OnExisting) =>
      this.task("Writing the report sheet", async () => {
        try {
          return { name: await excel.writeReportSheet(values, { onExisting }) };
        } catch (error) {
          if (error instanceof ReplaceNeeded) return { replaces: error.sheet };
          throw error;
        }
      });
    let done = await write("ask");
    if (done && "replaces" in done) {
      this.say("");
      const choice = await askInline(
        this.confirmBox,
        `The sheet "${done.replaces}" was written by CRITMIN earlier. Replace it? Excel cannot undo this.`,
        [
          { value: "replace", label: "Replace it", primary: true },
          { value: "new", label: "Write a new sheet" },
          { value: "cancel", label: "Cancel" },
        ] as const,
      );
      if (choice === "cancel") return this.say("Nothing was written.");
      done = await write(choice);
    }
    if (done && "name" in done) this.say(`Wrote the sheet "${done.name}". The pin is unchanged until you switch.`);
  }

  private async freeze(): Promise<void> {
    this.say("");
    const result = await this.task("Freezing for sharing", (options) =>
      excel.freezeForSharing(
        currentPin(),
        this.deps.editions(),
        { datasetVersion: this.deps.datasetVersion(), when: new Date().toISOString() },
        { ...options, namespaces: this.deps.namespaces },
      ),
    );
    if (!result) return;
    const frozen = result.sheets.reduce((n, s) => n + s.frozen, 0);
    this.say(
      `Added ${result.sheets.length} frozen sheet${result.sheets.length === 1 ? "" : "s"} (${frozen} CRITMIN formula${frozen === 1 ? "" : "s"} replaced by values) and "${result.sources}" citing ${result.editions.join(", ")}. Move them to a new workbook to share: select the "Frozen – " tabs, right-click, Move or Copy, (new book).`,
    );
  }
}
