// A mocked Excel for the workflow tests, built on office-addin-mock: ranges, settings and the
// request context are OfficeMockObjects, so reading a property that was not loaded, or was loaded
// but not synced, gives office-addin-mock's error string instead of the value (and the tests
// fail). Collections (worksheets, tables) are small hand-written stand-ins, since office-addin-mock
// has no collections. Every sync is counted and every write recorded.
import { OfficeMockObject } from "office-addin-mock";

export interface SheetData {
  /** e.g. "A1:C3" (without the sheet name). */
  readonly address: string;
  readonly formulas: unknown[][];
  readonly values: unknown[][];
  /** `range.numberFormat`; all "General" when left out. */
  readonly numberFormat?: unknown[][];
  /** `range.valuesAsJson` (ExcelApi 1.16); when left out, loading it fails as on an older host. */
  readonly valuesAsJson?: unknown[][];
  /** Spill ranges by anchor ("C3" → "C3:E9"), as `getSpillingToRangeOrNullObject` (ExcelApi 1.12) reports them. */
  readonly spills?: Record<string, string>;
}

export interface Write {
  readonly sheet: string;
  readonly address: string;
  values?: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  valuesAsJson?: unknown[][];
}

export interface MockExcel {
  readonly Excel: { run: <T>(batch: (context: unknown) => Promise<T>) => Promise<T> };
  readonly syncs: () => number;
  readonly writes: Write[];
  readonly settings: Map<string, string>;
  readonly sheetNames: () => string[];
  readonly tables: { sheet: string; address: string; name?: string }[];
  readonly calculations: string[];
  readonly activeCell: { formulas?: unknown[][] };
  readonly copies: { from: string; to: string }[];
  /** The anchors whose spill range was asked for ("Data!C3"), in order. */
  readonly spillReads: string[];
  /** Sheets whose contents were cleared, and sheets deleted, in order. */
  readonly cleared: string[];
  readonly deleted: string[];
  /** Worksheet ids ("sheet-1", …) by name, as Excel's `worksheet.id`. */
  readonly ids: Map<string, string>;
}

const nullObject = () => ({ isNullObject: true, load() {}, delete() {}, values: undefined });

export function mockExcel(
  data: Record<string, SheetData>,
  options: { settings?: Record<string, string>; active?: { sheet: string; row: number; column: number } } = {},
): MockExcel {
  let syncs = 0;
  const pending: OfficeMockObject[] = [];
  const writes: Write[] = [];
  const settings = new Map(Object.entries(options.settings ?? {}));
  const tables: MockExcel["tables"] = [];
  const calculations: string[] = [];
  const copies: MockExcel["copies"] = [];
  const spillReads: string[] = [];
  const sheets = new Map<string, SheetData | undefined>(Object.entries(data));
  const cleared: string[] = [];
  const deleted: string[] = [];
  let made = 0;
  const ids = new Map([...sheets.keys()].map((name) => [name, `sheet-${++made}`]));
  const active = options.active ?? { sheet: [...sheets.keys()][0]!, row: 0, column: 0 };

  const track = <T extends OfficeMockObject>(mock: T): T => {
    pending.push(mock);
    return mock;
  };

  function rangeWriter(sheet: string, address: string): Write & { format: object; clear: () => void } {
    const write: Write = { sheet, address };
    writes.push(write);
    return Object.assign(write, {
      format: { autofitColumns() {}, font: {} },
      clear() {},
      // Its address must be loaded and synced like any property; a cell that spills nothing is a null object.
      getSpillingToRangeOrNullObject() {
        spillReads.push(`${sheet}!${address}`);
        const spill = sheets.get(sheet)?.spills?.[address];
        if (!spill) return nullObject();
        return track(new OfficeMockObject({ address: `${sheet}!${spill}`, isNullObject: false }));
      },
    });
  }

  function sheet(name: string): Record<string, unknown> {
    return {
      name,
      getUsedRangeOrNullObject() {
        const content = sheets.get(name);
        if (!content) return nullObject();
        return Object.assign(
          track(
            new OfficeMockObject({
              address: `${name}!${content.address}`,
              formulas: content.formulas,
              values: content.values,
              numberFormat: content.numberFormat ?? content.formulas.map((row) => row.map(() => "General")),
              ...(content.valuesAsJson ? { valuesAsJson: content.valuesAsJson } : {}),
              isNullObject: false,
            }) as never,
          ),
          { clear: () => cleared.push(name) },
        );
      },
      getRange(address: string) {
        return rangeWriter(name, address);
      },
      copy(position: string) {
        const copy = sheet(`${name} (copy)`);
        const record = { from: name, to: `${name} (copy)` };
        copies.push(record);
        Object.defineProperty(copy, "name", {
          get: () => record.to,
          set: (v: string) => {
            record.to = v;
          },
        });
        if (position !== "End") throw new Error("unexpected position");
        return copy;
      },
      tables: {
        add(address: string) {
          const table = { sheet: name, address, name: undefined as string | undefined };
          tables.push(table);
          return Object.assign(table, {
            columns: {
              getItemAt: (i: number) => ({ getDataBodyRange: () => rangeWriter(name, `${address}#column${i}`) }),
            },
          });
        },
      },
      activate() {},
      delete() {
        if (!sheets.has(name)) throw new Error(`ItemNotFound: ${name}`);
        sheets.delete(name);
        ids.delete(name);
        deleted.push(name);
      },
      get id() {
        return ids.get(name);
      },
      load() {},
      isNullObject: false,
    };
  }

  const worksheets = {
    items: [] as { name: string; id: string }[],
    load(what: string) {
      if (what !== "items/name" && what !== "items/name,items/id")
        throw new Error(`worksheets.load("${what}"): load only the names (and ids)`);
      this.items = [...sheets.keys()].map((n) =>
        what === "items/name" ? ({ name: n } as { name: string; id: string }) : { name: n, id: ids.get(n)! },
      );
    },
    getItem: (name: string) => {
      if (!sheets.has(name)) throw new Error(`ItemNotFound: ${name}`);
      return sheet(name);
    },
    getItemOrNullObject: (name: string) => (sheets.has(name) ? sheet(name) : nullObject()),
    add: (name: string) => {
      if (sheets.has(name)) throw new Error(`sheet ${name} exists`);
      sheets.set(name, undefined);
      ids.set(name, `sheet-${++made}`);
      return sheet(name);
    },
    getActiveWorksheet: (): unknown => undefined,
  };
  // The active worksheet: its name must be loaded like any property.
  worksheets.getActiveWorksheet = () => {
    const mock = track(new OfficeMockObject({ name: active.sheet }));
    const rest = sheet(active.sheet);
    delete rest.name;
    delete rest.load;
    return Object.assign(mock, rest);
  };

  const activeCell = new OfficeMockObject({
    address: `${active.sheet}!A1`,
    rowIndex: active.row,
    columnIndex: active.column,
  });

  const settingsMock = {
    getItemOrNullObject(key: string) {
      if (!settings.has(key)) return Object.assign(nullObject(), { delete() {} });
      return Object.assign(track(new OfficeMockObject({ value: settings.get(key) })), {
        delete() {
          settings.delete(key);
        },
      });
    },
    add(key: string, value: string) {
      settings.set(key, value);
    },
  };

  const context = {
    workbook: {
      worksheets,
      settings: settingsMock,
      getActiveCell: () => track(activeCell),
      application: { calculate: (type: string) => calculations.push(type) },
    },
    async sync() {
      syncs++;
      for (const mock of pending.splice(0)) await mock.sync();
      await new Promise((r) => setTimeout(r, 0));
    },
  };

  return {
    Excel: { run: (batch) => batch(context) },
    syncs: () => syncs,
    writes,
    settings,
    sheetNames: () => [...sheets.keys()],
    tables,
    calculations,
    activeCell: activeCell as unknown as { formulas?: unknown[][] },
    copies,
    spillReads,
    cleared,
    deleted,
    ids,
  };
}
