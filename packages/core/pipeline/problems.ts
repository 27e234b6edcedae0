import type { z } from "zod";

/**
 * Collects every problem a reader finds, so one failed build lists them all
 * (`MCS2025_World_Data.csv:row 41 PROD_2023: expected a number, got "x"`).
 */
export class SourceProblems {
  readonly messages: string[] = [];

  add(where: string, problem: string): void {
    this.messages.push(`${where}: ${problem}`);
  }

  throwIfAny(what: string): void {
    if (this.messages.length > 0) throw new SourceError(what, this.messages);
  }
}

export class SourceError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
    this.name = "SourceError";
  }
}

/** `row` when `schema` accepts it; else records why at `where` and returns `undefined`. */
export function validRow<T>(schema: z.ZodType<T>, row: T, where: string, problems: SourceProblems): T | undefined {
  const result = schema.safeParse(row);
  if (result.success) return row;
  problems.add(where, `invalid row: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return undefined;
}
