// The refresh's hand-written row checks (no zod, for the add-in) must accept and reject exactly what
// the zod row schemas of ../schema/rows.ts do, edition ids aside (a hosted file may add editions). Every
// field of sample rows of each table is set to a range of good and bad values and both verdicts
// compared; a new field or rule in schema/rows.ts that the checks lack fails here.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bundledDataset } from "../data/dataset.ts";
import {
  DemandRow,
  Edition,
  ExportControlRow,
  GovernanceRow,
  IndicatorRow,
  ListItemRow,
  SupplyRow,
} from "../schema/rows.ts";
import { firstProblem } from "./checks.ts";
import { rowChecks } from "./format.ts";

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const schemas = {
  supply: SupplyRow.extend({ edition: kebab }),
  demand: DemandRow.extend({ edition: kebab }),
  indicators: IndicatorRow.extend({ edition: kebab }),
  lists: ListItemRow.extend({ edition: kebab }),
  controls: ExportControlRow.extend({ edition: kebab }),
  governance: GovernanceRow.extend({ edition: kebab }),
  editions: Edition.extend({ id: kebab }),
} as const;

const VALUES: unknown[] = [
  undefined,
  null,
  "",
  "x",
  "ab",
  "abc",
  "Bad Id",
  "cobalt",
  "CHN",
  "WORLD",
  "chn",
  "smelting",
  "refining",
  "observed",
  "STEPS",
  "EU",
  "index",
  "reported",
  "base-case",
  "2024-05",
  "2024-05-01",
  "2024",
  "https://www.iea.org/x",
  "not a url",
  "a".repeat(64),
  "0".repeat(64),
  -1,
  0,
  0.5,
  1,
  1.5,
  1899,
  1900,
  2023,
  2023.5,
  2100,
  2101,
  1e9,
  true,
  false,
  "2024-05-03",
  "2025-1-3",
  "de",
  "DEU",
  "us-cml-2025",
  "eu-crma-2024-strategic",
  "political-stability",
  -2.5,
  ["https://www.iea.org/x"],
  ["JPN"],
  [],
  ["cobalt"],
  ["Bad Rule"],
  ["CHN", "COD"],
  ["chn"],
  {},
  [{ path: "a", sha256: "0".repeat(64) }],
  [{ path: "a" }],
];

const data = bundledDataset();
const samples = {
  supply: [
    data.supply[0]!,
    data.supply.find((r) => r.kind === "projection")!,
    data.supply.find((r) => r.value === null)!,
  ],
  demand: [data.demand[0]!, data.demand.find((r) => r.scenario !== null)!],
  indicators: [
    data.indicators[0]!,
    data.indicators.find((r) => r.sources !== undefined)!,
    data.indicators.find((r) => r.stage !== null)!,
  ],
  lists: [data.lists[0]!, data.lists.find((r) => r.qualifier !== null)!, data.lists.find((r) => r.itemEn === null)!],
  controls: [
    data.controls[0]!,
    data.controls.find((r) => r.suspendsPart !== null)!,
    data.controls.find((r) => r.everyItem)!,
  ],
  governance: [data.governance[0]!, data.governance.find((r) => r.estimate === null)!],
  editions: [...data.editions],
};

describe("the refresh's row checks agree with the zod row schemas", () => {
  it.each(Object.keys(samples) as (keyof typeof samples)[])("%s: every field set to each test value", (table) => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const row of samples[table]) {
      const fields = [...Object.keys(schemas[table].shape), "extra"];
      for (const field of fields) {
        for (const value of VALUES) {
          const mutated: Record<string, unknown> = { ...row };
          if (value === undefined) delete mutated[field];
          else mutated[field] = value;
          const zodSays = schemas[table].safeParse(mutated).success;
          const checkSays = firstProblem(rowChecks[table], mutated, "row") === undefined;
          compared++;
          if (zodSays !== checkSays)
            disagreements.push(
              `${field} = ${JSON.stringify(value)}: zod ${zodSays ? "accepts" : "rejects"}, the check ${checkSays ? "accepts" : "rejects"}`,
            );
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(disagreements).toEqual([]);
  });

  it("every bundled row passes the checks", () => {
    const failures = (
      ["supply", "demand", "indicators", "lists", "controls", "governance", "editions"] as const
    ).flatMap((t) =>
      (data[t] as readonly unknown[])
        .map((row, i) => firstProblem(rowChecks[t], row, `${t}[${i}]`))
        .filter((m) => m !== undefined),
    );
    expect(failures).toEqual([]);
  });
});
