// The bundled dataset as an organisation would host it (JSON, as `pnpm data:publish` writes it), and
// the changes the refresh tests make to it.

export type HostedRow = Record<string, unknown> & { edition: string; mineral: string };

export interface HostedFile {
  format: string;
  version: string;
  editions: Record<string, unknown>[];
  supply: HostedRow[];
  demand: HostedRow[];
  indicators: HostedRow[];
  minerals: Record<string, unknown>[];
  countries: Record<string, unknown>[];
}

/** The edition a newer release would add, and that release's version. */
export const NEW_EDITION = "test-edition-2099";
export const NEW_VERSION = "2099-01+0123456789ab";

/** Index of the IEA 2024 cobalt refining row for China in 2023 (the doc example's row). */
export function cobaltRowIndex(file: HostedFile): number {
  return file.supply.findIndex(
    (r) =>
      r.edition === "iea-cmde-2024" &&
      r.mineral === "cobalt" &&
      r.stage === "refining" &&
      r.country === "CHN" &&
      r.year === 2023 &&
      r.measure === "production" &&
      r.kind === "observed",
  );
}

/** The file's supply rows with row `i` patched. */
export function patchedSupply(file: HostedFile, i: number, patch: Record<string, unknown>): HostedRow[] {
  return file.supply.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

/** The file plus a copy of iea-cmde-2024 as {@link NEW_EDITION}, dated 2099-01: what a newer release would add. */
export function withNewEdition(file: HostedFile): HostedFile {
  const edition = {
    ...file.editions.find((e) => e.id === "iea-cmde-2024")!,
    id: NEW_EDITION,
    date: "2099-01",
    title: "Test edition 2099",
  };
  const copy = (rows: HostedRow[]) =>
    rows.filter((r) => r.edition === "iea-cmde-2024").map((r) => ({ ...r, edition: NEW_EDITION }));
  return {
    ...file,
    version: NEW_VERSION,
    editions: [...file.editions, edition],
    supply: [...file.supply, ...copy(file.supply)],
    demand: [...file.demand, ...copy(file.demand)],
    indicators: [...file.indicators, ...copy(file.indicators)],
  };
}
