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
