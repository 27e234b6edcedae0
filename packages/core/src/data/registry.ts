/** A mineral id with how people name it and which editions cover it. */
export interface MineralEntry {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Which edition covers which stage and measure with observed or projected values, and for which years. */
  readonly coverage: readonly {
    readonly edition: string;
    readonly stage: string;
    readonly measure: string;
    readonly years: readonly number[];
  }[];
}

/** A country (ISO 3166-1) with the names sources and people use for it. */
export interface CountryEntry {
  readonly code: string;
  readonly alpha2: string;
  readonly name: string;
  readonly aliases: readonly string[];
}
