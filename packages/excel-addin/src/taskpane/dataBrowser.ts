// The data browser: mineral, stage, edition and year (observed or projection) → country shares and
// volumes, a chart of China's share over the edition's years and projections, and a chart of the
// top producers. Every figure comes from the CRITMIN functions (TOP_PRODUCERS, CHINA_SHARE,
// SOURCE), so the pane shows exactly what the formulas would. "Insert as table" writes the table
// and its Sources sheet into the workbook (in Excel only).
import { textOf } from "../workbook/text.ts";
import { producersTable, type TableBlock } from "../workbook/insertTable.ts";
import { ReplaceNeeded, type OnExisting } from "../workbook/owned.ts";
import { askInline } from "./confirm.ts";
import { barChart, shareChart, type SharePoint } from "./charts.ts";
import { seriesChart, seriesPoints } from "./seriesChart.ts";
import { controlsTimeline } from "./controlsTimeline.ts";
import {
  asRows,
  type Call,
  dataTable,
  element,
  elements,
  errorText,
  formatNumber,
  isExcelError,
  make,
  single,
} from "./dom.ts";

export interface EditionRow {
  readonly id: string;
  readonly title: string;
  readonly date: string;
}

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

const FIRST_YEAR = 2000;
const LAST_YEAR = 2050;

export class DataBrowser {
  private readonly ui = elements("data", {
    mineral: "select",
    stage: "select",
    edition: "select",
    year: "select",
    results: "section",
    status: "p",
    insert: "button",
    confirm: "div",
  });
  private block: TableBlock | undefined;

  constructor(private readonly deps: BrowserDeps) {
    this.fillLists();
    for (const control of [this.ui.mineral, this.ui.stage, this.ui.edition])
      control.addEventListener("change", () => this.refreshYears());
    element<HTMLFormElement>("data-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.show();
    });
    this.ui.insert.addEventListener("click", () => void this.insert());
    this.refreshYears();
  }

  /** After a data refresh: the minerals and editions of the data now in use, keeping the choices that still exist. */
  reload(): void {
    this.fillLists();
    this.refreshYears();
  }

  private fillLists(): void {
    const [mineral, edition] = [this.ui.mineral.value, this.ui.edition.value];
    const minerals = asRows(this.deps.call("MINERALS")).slice(1);
    this.ui.mineral.replaceChildren(
      ...minerals.map(([id, name]) => make("option", { value: String(id) }, String(name))),
    );
    this.ui.mineral.value = minerals.some((m) => m[0] === mineral)
      ? mineral
      : minerals.some((m) => m[0] === "cobalt")
        ? "cobalt"
        : textOf(minerals[0]?.[0]);
    const editions = this.deps.editions();
    this.ui.edition.replaceChildren(...editions.map((e) => make("option", { value: e.id }, `${e.id} — ${e.title}`)));
    const newestIea = [...editions]
      .filter((e) => e.id.startsWith("iea-cmde"))
      .sort((a, b) => b.date.localeCompare(a.date))[0];
    this.ui.edition.value = editions.some((e) => e.id === edition) ? edition : (newestIea?.id ?? editions[0]?.id ?? "");
  }

  setInsertEnabled(enabled: boolean): void {
    this.ui.insert.disabled = !enabled || this.block === undefined;
  }

  private get editionYear(): number {
    const date = this.deps.editions().find((e) => e.id === this.ui.edition.value)?.date ?? "";
    return Number(date.slice(0, 4)) || 9999;
  }

  /** China's share for each year the edition has, found by asking CHINA_SHARE year by year. */
  private series(): SharePoint[] {
    const points: SharePoint[] = [];
    const published = this.editionYear;
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      const value = single(
        this.deps.call("CHINA_SHARE", [[this.ui.mineral.value]], this.ui.stage.value, y, this.ui.edition.value),
      );
      // A year after the edition's publication can only be a projection.
      if (typeof value === "number") points.push({ year: y, share: value, projection: y > published });
    }
    return points;
  }

  private refreshYears(): void {
    const points = this.series();
    this.ui.year.replaceChildren(make("option", { value: "" }, "Latest observed year"));
    for (const p of points)
      this.ui.year.append(
        make("option", { value: String(p.year) }, p.projection ? `${p.year} (projection, base case)` : String(p.year)),
      );
    this.ui.year.disabled = points.length === 0;
  }

  show(): void {
    const mineral = this.ui.mineral.value;
    const stage = this.ui.stage.value;
    const edition = this.ui.edition.value;
    const year = this.ui.year.value === "" ? undefined : Number(this.ui.year.value);
    const points = this.series();
    const result = asRows(this.deps.call("TOP_PRODUCERS", mineral, stage, 50, year ?? null, edition));
    const mineralName = this.ui.mineral.selectedOptions[0]?.textContent ?? mineral;
    this.ui.results.replaceChildren();
    this.block = undefined;
    try {
      this.block = producersTable({ mineral, stage, ...(year === undefined ? {} : { year }), edition }, result);
    } catch (error) {
      const first = result[0]?.[0];
      const reason = isExcelError(first) ? errorText(first) : error instanceof Error ? error.message : String(error);
      this.ui.results.append(
        make(
          "p",
          { class: "error", role: "alert", id: "data-error" },
          `No table for ${mineralName} ${stage} in ${edition}: ${reason}`,
        ),
      );
      this.ui.results.append(controlsTimeline(this.deps.call, mineral, mineralName));
      this.setInsertEnabled(this.deps.canInsert());
      return;
    }
    const block = this.block;
    const shownYear = year ?? points.filter((p) => !p.projection).at(-1)?.year;
    this.ui.results.append(
      make(
        "h3",
        { id: "data-title" },
        `${mineralName}, ${stage}, ${shownYear ?? "latest"}${year !== undefined && year > this.editionYear ? " (projection)" : ""}`,
      ),
    );
    const top = block.rows.slice(0, 8);
    this.ui.results.append(
      barChart(
        "chart-top",
        `Top producers of ${mineralName} (${stage}), share of world, ${edition}`,
        top.map((r) => ({ label: String(r[2]), share: Number(r[3]), highlight: r[1] === "CHN" })),
      ),
    );
    this.ui.results.append(
      shareChart(
        "chart-china",
        `China's share of ${mineralName} ${stage} by year, ${edition} (dashed: projection)`,
        points,
      ),
    );
    const legend = make("p", { class: "hint legend" });
    legend.append(
      make("span", { class: "key observed" }),
      " observed  ",
      make("span", { class: "key projection" }),
      " projection (base case)",
    );
    this.ui.results.append(legend);
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
    this.ui.results.append(
      dataTable(
        "data-table",
        `${mineralName} producers`,
        ["#", "Country", "Share", "Tonnes"],
        block.rows.map((r) => [r[0], r[2], r[3], r[4]]),
        (v, i) => (typeof v === "number" ? formatNumber(v, i === 2) : textOf(v)),
      ),
    );
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
    this.setInsertEnabled(this.deps.canInsert());
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
      this.setInsertEnabled(this.deps.canInsert());
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
      this.setInsertEnabled(this.deps.canInsert());
    }
  }
}
