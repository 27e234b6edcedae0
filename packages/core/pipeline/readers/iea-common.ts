// Shared by the two IEA readers (the May 2024 workbook and the May 2025 JSON): both hold the
// same blocks, so each reader only extracts located cells and this module names, checks and
// converts them.
import type { DemandRow, DemandTable, EditionId, Scenario, Stage, SupplyRow } from "../../src/schema/rows.ts";
import { countryCode } from "../countries.ts";
import { derivedLocator } from "../locators.ts";
import type { SourceProblems } from "../problems.ts";
import { toTonnes } from "../units.ts";

export const IEA_UNIT = "kt";

export interface Located {
  readonly value: number;
  readonly locator: string;
}

/** One supply block as printed: a mineral and stage, its listed countries (with "Rest of world") and its total. */
export interface IeaSupplyBlock {
  readonly label: string;
  readonly entries: readonly { readonly name: string; readonly values: ReadonlyMap<number, Located> }[];
  readonly total: ReadonlyMap<number, Located>;
}

/** One demand cell with its labels still as printed. */
export interface IeaDemandCell {
  readonly table: DemandTable;
  readonly mineralLabel: string;
  readonly useLabel: string;
  readonly variantLabel: string;
  readonly scenario: Scenario | null;
  readonly year: number;
  readonly value: number;
  readonly locator: string;
}

/**
 * Rule `iea-stage-labels`: the IEA names its stages per mineral. Lithium refining is
 * "Chemicals", graphite mining is natural graphite and graphite refining is battery grade
 * (natural and synthetic); magnet rare earths are Nd, Pr, Dy and Tb only.
 */
const SUPPLY_BLOCKS: Readonly<Record<string, { mineral: string; stage: Stage; basis: string }>> = {
  "Copper - Mining": { mineral: "copper", stage: "mining", basis: "copper, mined" },
  "Copper - Refining": { mineral: "copper", stage: "refining", basis: "copper, refined" },
  "Cobalt - Mining": { mineral: "cobalt", stage: "mining", basis: "cobalt, mined" },
  "Cobalt - Refining": { mineral: "cobalt", stage: "refining", basis: "cobalt, refined" },
  "Lithium - Mining": { mineral: "lithium", stage: "mining", basis: "lithium (Li) content, mined" },
  "Lithium - Chemicals": { mineral: "lithium", stage: "refining", basis: "lithium chemicals, Li content" },
  "Nickel - Mining": { mineral: "nickel", stage: "mining", basis: "nickel, mined" },
  "Nickel - Refining": { mineral: "nickel", stage: "refining", basis: "nickel, refined" },
  "Graphite - Mining (natural)": { mineral: "graphite", stage: "mining", basis: "natural graphite" },
  "Graphite - Battery grade": {
    mineral: "graphite",
    stage: "refining",
    basis: "battery-grade graphite (natural and synthetic)",
  },
  "Magnet rare earth elements - Mining": {
    mineral: "rare-earths",
    stage: "mining",
    basis: "magnet rare earths (Nd, Pr, Dy, Tb)",
  },
  "Magnet rare earth elements - Refining": {
    mineral: "rare-earths",
    stage: "refining",
    basis: "magnet rare earths (Nd, Pr, Dy, Tb)",
  },
};

/** The JSON edition keys blocks by mineral and `mining`/`refining`; map them onto the workbook's labels. */
export const JSON_SUPPLY_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Copper: { mining: "Copper - Mining", refining: "Copper - Refining" },
  Cobalt: { mining: "Cobalt - Mining", refining: "Cobalt - Refining" },
  Lithium: { mining: "Lithium - Mining", refining: "Lithium - Chemicals" },
  Nickel: { mining: "Nickel - Mining", refining: "Nickel - Refining" },
  Graphite: { mining: "Graphite - Mining (natural)", refining: "Graphite - Battery grade" },
  "Rare Earth Elements": {
    mining: "Magnet rare earth elements - Mining",
    refining: "Magnet rare earth elements - Refining",
  },
};

export function supplyBlockInfo(label: string): { mineral: string; stage: Stage; basis: string } | undefined {
  return SUPPLY_BLOCKS[label];
}

/** Rule `iea-cobalt-refining-total-label`: cobalt refining's total row is labelled "Total clean technologies". */
export function isSupplyTotalLabel(label: string): boolean {
  return label === "Total" || label === "Total clean technologies";
}

export const IEA_DERIVED_ROWS_RULE = "iea-derived-rows-skipped";

/**
 * Rule `iea-derived-rows-skipped`: ratios and cross-mineral sums the IEA derives from other rows.
 * A technology sheet's "Total <technology>" adds different minerals' tonnes, so it is no
 * mineral's figure; it equals the sum of the sheet's stored mineral rows (iea.test.ts checks
 * every cell), so callers sum those rows instead.
 */
export function isDerivedLabel(label: string): boolean {
  return (
    label === "Top 3 share" ||
    label.startsWith("Share of clean technologies") ||
    label === "Total" ||
    /^Total (solar PV|wind|EV|battery storage|hydrogen technologies|electricity networks)$/.test(label)
  );
}

/** Rule `iea-note-rows-in-country-list`: the JSON edition keeps the sheet's footnotes as if they were countries. */
export function isNoteLabel(label: string): boolean {
  return label.startsWith("Notes:") || label.startsWith("“Base case”") || label.startsWith('"Base case"');
}

const TOLERANCE_KT = 1e-6;

/**
 * Rule `iea-rest-of-world-double-count`: in some blocks one listed country is also counted inside
 * "Rest of world", so the rows sum to more than the total. When the excess equals one listed
 * country's value, rest of world is recomputed as total minus the listed countries; any other
 * mismatch fails the build.
 */
export function restOfWorld(
  listed: readonly { name: string; value: number }[],
  printedRow: number,
  total: number,
): { value: number; doubleCounted?: string } | { problem: string } {
  const listedSum = listed.reduce((sum, c) => sum + c.value, 0);
  const excess = listedSum + printedRow - total;
  if (Math.abs(excess) <= TOLERANCE_KT * Math.max(1, total)) return { value: printedRow };
  const doubled = listed.find((c) => Math.abs(c.value - excess) <= TOLERANCE_KT * Math.max(1, total));
  if (!doubled) {
    return {
      problem: `rows sum to ${listedSum + printedRow} kt but the total is ${total} kt, and no listed country explains the ${excess} kt difference`,
    };
  }
  return { value: total - listedSum, doubleCounted: doubled.name };
}

/** An IEA edition: its id and the base year, the one year of observed figures (later years are projections). */
export interface IeaEdition {
  readonly id: EditionId;
  readonly baseYear: number;
}

export function supplyRows(
  edition: IeaEdition,
  blocks: readonly IeaSupplyBlock[],
  problems: SourceProblems,
): SupplyRow[] {
  const rows: SupplyRow[] = [];
  for (const block of blocks) {
    const info = supplyBlockInfo(block.label);
    if (!info) {
      problems.add(block.label, "unknown supply block label");
      continue;
    }
    for (const [year, total] of block.total) {
      rows.push(...blockYearRows(edition, block, info, year, total, problems));
    }
  }
  return rows;
}

function blockYearRows(
  edition: IeaEdition,
  block: IeaSupplyBlock,
  info: { mineral: string; stage: Stage; basis: string },
  year: number,
  total: Located,
  problems: SourceProblems,
): SupplyRow[] {
  const observed = year === edition.baseYear;
  const base = {
    edition: edition.id,
    mineral: info.mineral,
    stage: info.stage,
    measure: "production",
    year,
    kind: observed ? "observed" : "projection",
    case: observed ? null : "base-case",
    unit: IEA_UNIT,
    basis: info.basis,
    status: "reported",
  } as const;
  const stageRules = block.label.endsWith("Mining") || block.label.endsWith("Refining") ? [] : ["iea-stage-labels"];
  const totalRules = block.label === "Cobalt - Refining" ? ["iea-cobalt-refining-total-label"] : [];
  const row = (country: string, value: number, locator: string, rules: string[]): SupplyRow => {
    const tonnes = toTonnes(value, IEA_UNIT);
    return {
      ...base,
      country,
      value,
      tonnes,
      share: total.value > 0 ? value / total.value : null,
      locator,
      rules: [...stageRules, ...rules],
    };
  };

  const listed: { name: string; code: string; value: number; locator: string }[] = [];
  let printedRow: Located | undefined;
  for (const entry of block.entries) {
    const cell = entry.values.get(year);
    if (entry.name === "Rest of world") {
      printedRow = cell;
      continue;
    }
    if (!cell) continue;
    const code = countryCode(entry.name);
    if (!code || code === "WORLD" || code === "ROW") {
      problems.add(cell.locator, `unmapped country name "${entry.name}"`);
      continue;
    }
    listed.push({ name: entry.name, code, value: cell.value, locator: cell.locator });
  }
  if (!printedRow) {
    problems.add(total.locator, `${block.label} ${year}: no "Rest of world" row`);
    return [];
  }
  const rows = listed.map((c) => row(c.code, c.value, c.locator, []));
  const row0 = restOfWorld(listed, printedRow.value, total.value);
  if ("problem" in row0) {
    problems.add(total.locator, `${block.label} ${year}: ${row0.problem}`);
    return [];
  }
  if (row0.value < 0) problems.add(printedRow.locator, `${block.label} ${year}: rest of world would be negative`);
  const rowLocator = row0.doubleCounted
    ? derivedLocator("iea-rest-of-world-double-count", [total.locator, ...listed.map((c) => c.locator)])
    : printedRow.locator;
  rows.push(row("ROW", row0.value, rowLocator, row0.doubleCounted ? ["iea-rest-of-world-double-count"] : []));
  rows.push({ ...row("WORLD", total.value, total.locator, totalRules), share: total.value > 0 ? 1 : null });
  return rows;
}

/** Sectors and technologies, as the IEA labels them, to `use` ids. */
const USES: Readonly<Record<string, string>> = {
  "Solar PV": "solar-pv",
  Wind: "wind",
  "Other low emissions power generation": "other-low-emissions-power",
  "Low emissions power generation": "low-emissions-power",
  "Electric vehicles": "electric-vehicles",
  EV: "electric-vehicles",
  "Grid battery storage": "grid-battery-storage",
  "Battery storage": "grid-battery-storage",
  "Electricity networks": "electricity-networks",
  "Hydrogen technologies": "hydrogen",
  Hydrogen: "hydrogen",
  "Total clean technologies": "total-clean",
  "Other uses": "other-uses",
  "Total demand": "total",
};

export function useId(label: string): string | undefined {
  if (USES[label]) return USES[label];
  // Sheet 3.1 closes each mineral with "Total <mineral>", its clean-technology total.
  if (/^Total /.test(label)) return "total-clean";
  return undefined;
}

/** Demand minerals, as labelled, to mineral ids and the basis the label states. */
const DEMAND_MINERALS: Readonly<Record<string, { mineral: string; basis: string }>> = {
  Copper: { mineral: "copper", basis: "copper" },
  Cobalt: { mineral: "cobalt", basis: "cobalt" },
  Lithium: { mineral: "lithium", basis: "lithium (Li) content, not carbonate equivalent" },
  Nickel: { mineral: "nickel", basis: "nickel" },
  "Magnet rare earth elements": { mineral: "rare-earths", basis: "magnet rare earths (Nd, Pr, Dy, Tb)" },
  "Rare Earth Elements": { mineral: "rare-earths", basis: "magnet rare earths (Nd, Pr, Dy, Tb)" },
  "Graphite (all grades: natural and synthetic)": {
    mineral: "graphite",
    basis: "graphite, all grades (natural and synthetic)",
  },
  Graphite: { mineral: "graphite", basis: "graphite, all grades (natural and synthetic)" },
  "Battery-grade graphite": { mineral: "graphite", basis: "battery-grade graphite" },
  "Total rare earth elements": { mineral: "rare-earths", basis: "rare earth elements, total" },
  "Total REE": { mineral: "rare-earths", basis: "rare earth elements, total" },
  PGMs: { mineral: "pgms", basis: "platinum-group metals other than iridium" },
  "PGMs (other than iridum)": { mineral: "pgms", basis: "platinum-group metals other than iridium" },
};

const SIMPLE_DEMAND_MINERALS = [
  "Arsenic",
  "Boron",
  "Cadmium",
  "Chromium",
  "Dysprosium",
  "Gallium",
  "Germanium",
  "Hafnium",
  "Indium",
  "Iridium",
  "Lanthanum",
  "Lead",
  "Magnesium",
  "Manganese",
  "Molybdenum",
  "Neodymium",
  "Niobium",
  "Praseodymium",
  "Selenium",
  "Silicon",
  "Silver",
  "Tantalum",
  "Tellurium",
  "Terbium",
  "Tin",
  "Titanium",
  "Tungsten",
  "Vanadium",
  "Yttrium",
  "Zinc",
  "Zirconium",
];

export function demandMineral(label: string): { mineral: string; basis: string } | undefined {
  const trimmed = label.trim();
  if (DEMAND_MINERALS[trimmed]) return DEMAND_MINERALS[trimmed];
  if (SIMPLE_DEMAND_MINERALS.includes(trimmed)) return { mineral: trimmed.toLowerCase(), basis: trimmed.toLowerCase() };
  return undefined;
}

/** Technology-sheet sensitivity cases ("Wider adoption of perovskite solar cells") to ids. */
export function variantId(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export const SCENARIO_LABELS: Readonly<Record<string, Scenario>> = {
  "Stated Policies scenario": "STEPS",
  "Announced Pledges scenario": "APS",
  "Net Zero Emissions by 2050 scenario": "NZE",
};

export function demandRows(
  edition: IeaEdition,
  cells: readonly IeaDemandCell[],
  problems: SourceProblems,
): DemandRow[] {
  return cells.flatMap((cell): DemandRow[] => {
    const mineral = demandMineral(cell.mineralLabel);
    const use = useId(cell.useLabel);
    if (!mineral) problems.add(cell.locator, `unknown mineral label "${cell.mineralLabel}"`);
    if (!use) problems.add(cell.locator, `unknown sector or technology label "${cell.useLabel}"`);
    if (!mineral || !use) return [];
    const variant = variantId(cell.variantLabel);
    const observed = cell.year === edition.baseYear && cell.scenario === null && variant === "base-case";
    if (cell.value < 0) problems.add(cell.locator, `negative demand ${cell.value}`);
    return [
      {
        edition: edition.id,
        table: cell.table,
        mineral: mineral.mineral,
        use,
        variant,
        scenario: cell.scenario,
        year: cell.year,
        kind: observed ? "observed" : "projection",
        value: cell.value,
        unit: IEA_UNIT,
        tonnes: toTonnes(cell.value, IEA_UNIT),
        basis: mineral.basis,
        locator: cell.locator,
        rules: [],
      },
    ];
  });
}
