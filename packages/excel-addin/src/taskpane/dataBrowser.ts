// The data browser: mineral, stage, edition and year (observed or projection) → country shares and
// volumes, a chart of China's share over the edition's years and projections, and a chart of the
// top producers. Every figure comes from the CRITMIN functions (TOP_PRODUCERS, CHINA_SHARE,
// SOURCE, EXPLAIN), so the pane shows exactly what the formulas would. The choices offered are those
// with figures (dataChoices.ts), so the tab never leads to an empty table. "Insert as table" writes
// the table and its Sources sheet into the workbook (in Excel only); "Download CSV" saves the table
// as shown, anywhere.
import { textOf } from "../workbook/text.ts";
import { producersTable, type TableBlock } from "../workbook/insertTable.ts";
import { ReplaceNeeded, type OnExisting } from "../workbook/owned.ts";
import { askInline } from "./confirm.ts";
import { barChart, chartFigure, shareChart, shareLegend, type SharePoint } from "./charts.ts";
import { csvText, downloadText } from "./csv.ts";
import {
  STAGES,
  defaultEdition,
  editionsWith,
  stagesWith,
  supplyCoverage,
  yearsWith,
  type Coverage,
  type EditionRow,
  type HasTable,
} from "./dataChoices.ts";
import { seriesChart, seriesPoints } from "./seriesChart.ts";
import { controlsTimeline } from "./controlsTimeline.ts";
import { choiceOf } from "./choice.ts";
import {
  asRows,
  type Call,
  dataTable,
  disableWithReason,
  element,
  elements,
  errorText,
  formatNumber,
  isExcelError,
  make,
  single,
} from "./dom.ts";

export type { EditionRow };

export interface BrowserDeps {
  readonly call: Call;
  /** The editions of the data in use (they change with a data refresh). */
  readonly editions: () => readonly EditionRow[];
  /**
   * Resolves with a message for the status line; rejects with the reason, or with ReplaceNeeded
   * (nothing written) when the add-in's Sources sheet would be rewritten and `onExisting` is "ask".
   */
  readonly insert: (block: TableBlock, onExisting: OnExisting) => Promise<string>;
  readonly canInsert: () => boolean;
}

/** A shown table: its header and cells as the pane shows them (the CSV's content). */
interface Shown {
  readonly fileName: string;
  readonly rows: readonly (readonly string[])[];
}

export class DataBrowser {
  private readonly ui = elements("data", {
    mineral: "fluent-dropdown",
    stage: "fluent-dropdown",
    edition: "fluent-dropdown",
    editionTitle: "p",
    year: "fluent-dropdown",
    why: "p",
    show: "button",
    results: "section",
    status: "p",
    insert: "button",
    insertWhy: "p",
    csv: "button",
    confirm: "div",
  });
  private block: TableBlock | undefined;
  private shown: Shown | undefined;
  private coverage: Coverage[] = [];
  private inExcel = false;
  private readonly mineral = choiceOf(this.ui.mineral);
  private readonly stage = choiceOf(this.ui.stage);
  private readonly edition = choiceOf(this.ui.edition);
  private readonly year = choiceOf(this.ui.year);

  constructor(private readonly deps: BrowserDeps) {
    this.fillLists();
    this.mineral.onChange(() => this.refreshStages());
    this.stage.onChange(() => this.refreshEditions());
    this.edition.onChange(() => {
      this.ui.editionTitle.textContent = this.edition.selected?.title ?? "";
      this.refreshYears();
    });
    element<HTMLFormElement>("data-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.show();
    });
    this.ui.insert.addEventListener("click", () => void this.insert());
    this.ui.csv.addEventListener("click", () => this.download());
    this.setInsertEnabled(this.deps.canInsert());
  }

  /** After a data refresh: the minerals and editions of the data now in use, keeping the choices that still exist. */
  reload(): void {
    this.fillLists();
  }

  /** Minerals with supply figures first; the others apart, still choosable for their export controls. */
  private fillLists(): void {
    const mineral = this.mineral.value;
    const minerals = asRows(this.deps.call("MINERALS")).slice(1);
    const editions = this.deps.editions();
    const withSupply = (id: unknown) => supplyCoverage(textOf(id), editions, this.hasTable).length > 0;
    // The group says "no supply figures" (a suffix on the option would be cut at 350 px), and so
    // does the note under the form once such a mineral is chosen.
    const item = (group: string) => (m: readonly unknown[]) => ({ value: textOf(m[0]), label: textOf(m[1]), group });
    this.mineral.setItems(
      [
        ...minerals.filter((m) => withSupply(m[0])).map(item("With supply figures")),
        ...minerals.filter((m) => !withSupply(m[0])).map(item("No supply figures (export controls only)")),
      ],
      minerals.some((m) => m[0] === mineral) ? mineral : "cobalt",
    );
    this.refreshStages();
  }

  /** Asked of TOP_PRODUCERS itself, so a choice is offered exactly when the table it shows has a row. */
  private readonly hasTable: HasTable = (mineral, stage, edition, year) =>
    asRows(this.deps.call("TOP_PRODUCERS", mineral, stage, 1, year, edition))
      .slice(1)
      .some((r) => typeof r[1] === "string" && r[1] !== "ROW");

  private get mineralName(): string {
    return this.mineral.selected?.label ?? this.mineral.value;
  }

  /** A stage without figures for the mineral stays listed but off, saying so; the chosen stage moves to one with figures. */
  private refreshStages(): void {
    this.coverage = supplyCoverage(this.mineral.value, this.deps.editions(), this.hasTable);
    const stages = stagesWith(this.coverage);
    this.stage.setItems(
      STAGES.map((stage) => {
        const off = !stages.has(stage);
        return {
          value: stage,
          label: `${stage[0]!.toUpperCase()}${stage.slice(1)}${off ? " (no figures)" : ""}`,
          disabled: off,
        };
      }),
    );
    this.refreshEditions();
  }

  private refreshEditions(): void {
    const edition = this.edition.value;
    const offered = editionsWith(this.coverage, this.stage.value, this.deps.editions());
    // The id and date fit at 350 px; the title, which would be cut there, is shown in full below.
    this.edition.setItems(
      offered.map((e) => ({ value: e.id, label: `${e.id} (${e.date})`, title: e.title })),
      offered.some((e) => e.id === edition) ? edition : defaultEdition(offered),
    );
    this.ui.editionTitle.textContent = this.edition.selected?.title ?? "";
    this.refreshYears();
  }

  private refreshYears(): void {
    const published = this.editionYear;
    const years = yearsWith(this.coverage, this.stage.value, this.edition.value);
    this.year.setItems(
      [
        { value: "", label: "Latest observed year" },
        ...years.map((year) => ({
          value: String(year),
          label: year > published ? `${year} (projection, base case)` : String(year),
        })),
      ],
      "",
    );
    const none =
      this.coverage.length === 0
        ? `No edition has supply figures for ${this.mineralName}: Show lists its export controls only.`
        : undefined;
    disableWithReason(this.ui.stage, none);
    disableWithReason(this.ui.edition, none);
    disableWithReason(this.ui.year, none, this.ui.why);
  }

  /** Insert needs Excel and a table; the button says which is missing. */
  setInsertEnabled(inExcel: boolean): void {
    this.inExcel = inExcel;
    disableWithReason(
      this.ui.insert,
      !inExcel
        ? "Insert as table needs Excel: open the add-in in Excel. Download CSV works here."
        : this.block === undefined
          ? "Show a table first."
          : undefined,
      this.ui.insertWhy,
    );
    disableWithReason(this.ui.csv, this.shown === undefined ? "Show a table first." : undefined);
  }

  private get editionYear(): number {
    const date = this.deps.editions().find((e) => e.id === this.edition.value)?.date ?? "";
    return Number(date.slice(0, 4)) || 9999;
  }

  /** China's share in each year the edition has figures for; a year without China's figure is left out, never 0. */
  private series(): SharePoint[] {
    const points: SharePoint[] = [];
    const published = this.editionYear;
    const { mineral, stage, edition } = this.choice;
    for (const y of yearsWith(this.coverage, stage, edition)) {
      const value = single(this.deps.call("CHINA_SHARE", [[mineral]], stage, y, edition));
      // A year after the edition's publication can only be a projection.
      if (typeof value === "number") points.push({ year: y, share: value, projection: y > published });
    }
    return points;
  }

  /** The locator of a producer's figure, as EXPLAIN gives it for SHARE with the same arguments. */
  private rowSource(country: unknown, year: number | undefined): string {
    const { mineral, stage, edition } = this.choice;
    const rows = asRows(this.deps.call("EXPLAIN", "SHARE", mineral, country, stage, year ?? null, edition));
    const first = rows.find((r) => r[0] === "source 1")?.[1];
    if (typeof first !== "string") return "";
    // sourceText ends "… at <locator>"; the figure itself is in the row's other cells.
    return first.slice(first.lastIndexOf(" at ") + 4);
  }

  private get choice(): { mineral: string; stage: string; edition: string } {
    return { mineral: this.mineral.value, stage: this.stage.value, edition: this.edition.value };
  }

  private fail(text: string): void {
    const { mineral } = this.choice;
    this.ui.results.append(make("p", { class: "error", role: "alert", id: "data-error" }, text));
    this.ui.results.append(controlsTimeline(this.deps.call, mineral, this.mineralName));
    this.setInsertEnabled(this.inExcel);
  }

  show(): void {
    const { mineral, stage, edition } = this.choice;
    const mineralName = this.mineralName;
    const year = this.year.value === "" ? undefined : Number(this.year.value);
    this.ui.results.replaceChildren();
    this.block = undefined;
    this.shown = undefined;
    if (this.coverage.length === 0)
      return this.fail(`No edition has supply figures for ${mineralName} (a list or control names it only).`);
    const points = this.series();
    const result = asRows(this.deps.call("TOP_PRODUCERS", mineral, stage, 50, year ?? null, edition));
    try {
      this.block = producersTable({ mineral, stage, ...(year === undefined ? {} : { year }), edition }, result);
    } catch (error) {
      const first = result[0]?.[0];
      const reason = isExcelError(first) ? errorText(first) : error instanceof Error ? error.message : String(error);
      return this.fail(`No table for ${mineralName} ${stage} in ${edition}: ${reason}`);
    }
    const block = this.block;
    const observed = yearsWith(this.coverage, stage, edition).filter((y) => y <= this.editionYear);
    const shownYear = year ?? observed.at(-1);
    const projection = year !== undefined && year > this.editionYear;
    this.ui.results.append(
      make(
        "h3",
        { id: "data-title" },
        `${mineralName}, ${stage}, ${shownYear ?? "latest"}${projection ? " (projection)" : ""}`,
      ),
    );
    const top = block.rows.slice(0, 8);
    const unit = "Share of world output (%)";
    const topTitle = `Top producers of ${mineralName} (${stage}), ${shownYear ?? "latest"}, ${edition}`;
    this.ui.results.append(
      chartFigure(
        barChart(
          "chart-top",
          topTitle,
          top.map((r) => ({ label: String(r[2]), share: Number(r[3]), highlight: r[1] === "CHN" })),
        ),
        topTitle,
        `${unit}; China highlighted`,
      ),
    );
    const chinaTitle = `China's share of ${mineralName} ${stage} by year, ${edition}`;
    this.ui.results.append(
      points.length === 0
        ? make("p", { class: "hint", id: "chart-china-empty" }, `${chinaTitle}: ${edition} lists no figure for China.`)
        : chartFigure(shareChart("chart-china", chinaTitle, points), chinaTitle, unit, shareLegend(points)),
    );
    // Issue 16: the same share in every edition, so editions compare without switching the Edition list.
    const series = asRows(this.deps.call("SERIES", mineral, "China", stage));
    const none = series[0]?.[0];
    this.ui.results.append(
      seriesChart(
        "chart-series",
        `China's share of ${mineralName} ${stage} in every edition (SERIES)`,
        seriesPoints(series),
        isExcelError(none) ? errorText(none) : undefined,
      ),
    );
    const header = ["#", "Country", "Share", "Tonnes", "Source"];
    const rows = block.rows.map((r) => [r[0], r[2], r[3], r[4], this.rowSource(r[1], shownYear)]);
    const format = (v: unknown, column: number) => (typeof v === "number" ? formatNumber(v, column === 2) : textOf(v));
    this.ui.results.append(dataTable("data-table", `${mineralName} producers`, header, rows, format));
    const cells = rows.map((r) => r.map(format));
    this.shown = {
      fileName: `critmin-${mineral}-${stage}-${shownYear ?? "latest"}-${edition}.csv`,
      rows: [header, ...cells],
    };
    const citation = single(this.deps.call("SOURCE", [[mineral]], stage, year ?? null, edition));
    this.ui.results.append(
      make(
        "p",
        { class: "source", id: "data-source" },
        isExcelError(citation) ? `No citation: ${errorText(citation)}` : `Source: ${String(citation)}`,
      ),
    );
    this.ui.results.append(controlsTimeline(this.deps.call, mineral, mineralName));
    this.ui.status.textContent = "";
    this.setInsertEnabled(this.inExcel);
  }

  private download(): void {
    if (!this.shown) return;
    downloadText(this.shown.fileName, csvText(this.shown.rows));
    this.ui.status.textContent = `Downloaded ${this.shown.fileName} (${this.shown.rows.length - 1} rows, as shown).`;
  }

  /** The add-in's own Sources sheet is there: adding this table's editions rewrites it, so ask. */
  private async askReplace(block: TableBlock, sheet: string): Promise<void> {
    this.ui.status.textContent = "";
    const choice = await askInline(
      this.ui.confirm,
      `The sheet "${sheet}" was written by CRITMIN earlier. Adding this table's editions rewrites it: changes you made there are lost, and Excel cannot undo it.`,
      [
        { value: "replace", label: "Update it", primary: true },
        { value: "new", label: "Use a new sheet" },
        { value: "cancel", label: "Cancel" },
      ] as const,
    );
    if (choice === "cancel") {
      this.ui.status.textContent = "Not inserted: nothing was changed.";
      return;
    }
    this.ui.insert.disabled = true;
    this.ui.status.textContent = "Inserting…";
    try {
      this.ui.status.textContent = await this.deps.insert(block, choice);
    } catch (error) {
      this.ui.status.textContent = `Not inserted: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.setInsertEnabled(this.inExcel);
    }
  }

  private async insert(): Promise<void> {
    if (!this.block) return;
    this.ui.insert.disabled = true;
    this.ui.status.textContent = "Inserting…";
    try {
      this.ui.status.textContent = await this.deps.insert(this.block, "ask");
    } catch (error) {
      if (error instanceof ReplaceNeeded) return void (await this.askReplace(this.block, error.sheet));
      this.ui.status.textContent = `Not inserted: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.setInsertEnabled(this.inExcel);
    }
  }
}
