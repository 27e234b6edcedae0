// functions.json, generated here from the JSDoc tags exactly as the build does, checked against
// Microsoft's documented limits for custom-function metadata; the associate entry; the committed
// list of shipped ids (ids are stored in workbooks: never removed or renamed); the ids the
// product contract promises.
import { readFileSync } from "node:fs";
import path from "node:path";
import * as core from "@critmin/core";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addinDir, entrySource, environments, generateMetadata, manifestXml } from "../scripts/build.ts";
import * as functions from "../src/functions/functions.ts";

// Function and enum ids and names: start with a letter; letters, digits, periods, underscores; 3–64 characters.
const ID = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9._]*$/);

const Parameter = z.strictObject({
  name: z.string().min(1).max(64),
  description: z.string().min(1).max(128),
  type: z.enum(["boolean", "number", "string", "any"]),
  dimensionality: z.enum(["scalar", "matrix"]).optional(),
  optional: z.boolean().optional(),
  repeating: z.boolean().optional(),
  customEnumId: z.string().optional(),
  cellValueType: z.string().optional(),
});

const CustomFunction = z.strictObject({
  id: ID,
  name: ID,
  description: z.string().min(1).max(128),
  helpUrl: z.url({ protocol: /^https$/ }),
  parameters: z.array(Parameter),
  result: z.strictObject({
    dimensionality: z.enum(["scalar", "matrix"]).optional(),
  }),
  options: z
    .strictObject({
      stream: z.boolean().optional(),
      volatile: z.boolean().optional(),
      cancelable: z.boolean().optional(),
      requiresAddress: z.boolean().optional(),
      requiresParameterAddresses: z.boolean().optional(),
      capturesCallingObject: z.boolean().optional(),
      excludeFromAutoComplete: z.boolean().optional(),
      linkedEntityLoadService: z.boolean().optional(),
    })
    .optional(),
});

const EnumValue = z.strictObject({
  name: z.string().min(1).max(64),
  stringValue: z.string().min(1).optional(),
  numberValue: z.number().optional(),
  tooltip: z.string().min(1).max(128).optional(),
});

const CustomEnum = z
  .strictObject({ id: ID, type: z.enum(["string", "number"]), values: z.array(EnumValue).min(1) })
  .refine(
    (e) =>
      e.values.every((v) =>
        e.type === "string"
          ? v.stringValue !== undefined && v.numberValue === undefined
          : v.numberValue !== undefined && v.stringValue === undefined,
      ),
    {
      message: "every value carries a value of the enum's type",
    },
  )
  .refine((e) => new Set(e.values.map((v) => v.name)).size === e.values.length, { message: "value names are unique" })
  .refine((e) => new Set(e.values.map((v) => v.stringValue ?? v.numberValue)).size === e.values.length, {
    message: "values are unique",
  });

const Metadata = z.strictObject({
  allowCustomDataForDataTypeAny: z.boolean().optional(),
  allowErrorForDataTypeAny: z.boolean().optional(),
  functions: z.array(CustomFunction).min(1),
  enums: z.array(CustomEnum).optional(),
});

type Metadata = z.infer<typeof Metadata>;

/** A1 (`CO2`, `NI1`, `LI7`, `XFD1048576`) and R1C1 (`R1C1`, `RC`, `R[-1]C2`, `R2`, `C3`) references, which Excel will not take as a function name. */
const A1 = /^[A-Z]{1,3}[0-9]+$/i;
const R1C1 = /^(R(\d+|\[-?\d+\])?C(\d+|\[-?\d+\])?|R(\d+|\[-?\d+\])?|C(\d+|\[-?\d+\])?)$/i;
const looksLikeCell = (name: string) => name.split(".").some((part) => A1.test(part) || R1C1.test(part));

// What the product contract (design/PRODUCT.md, "Functions") promises in Excel.
const CONTRACT_IDS = [
  "CHINA_SHARE",
  "SHARE",
  "PRODUCTION",
  "TOP_PRODUCERS",
  "HHI",
  "GROUP_SHARE",
  "SUPPLY_AT_RISK",
  "COVERAGE_WITHOUT",
  "DIVERSIFICATION_GAP",
  "DEMAND",
  "TECH_EXPOSURE",
  "SUPPLY_RISK",
  "ECONOMIC_IMPORTANCE",
  "IMPORT_RELIANCE",
  "SOURCE",
  "MINERALS",
  "COUNTRIES",
  "GROUPS",
  "EDITIONS",
  "DATA_VERSION",
  // issue 15: critical lists and China's export controls
  "IS_CRITICAL",
  "CRITICAL_LISTS",
  "EXPORT_CONTROLS",
  "UNDER_EXPORT_CONTROL",
  // governance (issue 15)
  "GOVERNANCE",
  "WEIGHTED_HHI",
];

// A `source` argument reads supply, demand or indicator data: the Edition enum offers the editions
// that hold some. The policy editions (lists, export controls, governance) are never a source.
const data = core.bundledDataset();
const SOURCE_EDITIONS = core.EDITION_IDS.filter((id) =>
  [data.supply, data.demand, data.indicators].some((rows) => rows.some((r) => r.edition === id)),
);

// The closed lists in the core that each @customenum offers for autocomplete.
const ENUM_VALUES: Record<string, readonly string[]> = {
  Stage: core.STAGES,
  Scenario: core.SCENARIOS,
  Edition: SOURCE_EDITIONS,
  // governance (issue 15)
  Dimension: core.GOVERNANCE_MEASURES,
};

const SHIPPED_IDS_FILE = path.join(addinDir, "shipped-ids.json");

let raw: unknown;
let metadata: Metadata;
let associate: { id: string; functionName: string }[];

beforeAll(async () => {
  const generated = await generateMetadata();
  raw = JSON.parse(generated.json);
  associate = generated.associate;
  const parsed = Metadata.safeParse(raw);
  if (!parsed.success)
    throw new Error(`functions.json does not meet Microsoft's limits:\n${z.prettifyError(parsed.error)}`);
  metadata = parsed.data;
});

describe("functions.json meets the documented limits", () => {
  it("parses with the schema (ids, names, lengths, types, dimensionality)", () => {
    expect(Metadata.safeParse(raw).success).toBe(true);
  });

  it("every function has a description and a help URL for its own id", () => {
    for (const f of metadata.functions) {
      expect(f.description.trim(), f.id).not.toBe("");
      expect(new URL(f.helpUrl).pathname, f.id).toMatch(new RegExp(`/${f.id}$`));
    }
  });

  it("ids and names are unique, case-insensitively (Excel names are)", () => {
    for (const key of ["id", "name"] as const) {
      const seen = metadata.functions.map((f) => f[key].toUpperCase());
      expect(
        seen.filter((v, i) => seen.indexOf(v) !== i),
        key,
      ).toEqual([]);
    }
  });

  it("no function id or name looks like a cell reference", () => {
    // the check itself
    for (const ref of ["CO2", "NI1", "LI7", "xfd1048576", "R1C1", "RC", "R[-1]C2", "R2", "C3", "FOO.CO2"])
      expect(looksLikeCell(ref), ref).toBe(true);
    for (const ok of ["CHINA_SHARE", "HHI", "CO2_SHARE", "SHARE", "RC_TOTAL", "DATA_VERSION"])
      expect(looksLikeCell(ok), ok).toBe(false);
    const bad = metadata.functions.flatMap((f) => [f.id, f.name]).filter(looksLikeCell);
    expect(bad).toEqual([]);
  });

  it("optional parameters are trailing: none required after an optional one", () => {
    for (const f of metadata.functions) {
      const firstOptional = f.parameters.findIndex((p) => p.optional || p.repeating);
      if (firstOptional < 0) continue;
      const requiredAfter = f.parameters.slice(firstOptional).filter((p) => !p.optional && !p.repeating);
      expect(requiredAfter.map((p) => `${f.id}(${p.name})`)).toEqual([]);
    }
  });

  it("parameter names are unique within a function", () => {
    for (const f of metadata.functions) {
      const names = f.parameters.map((p) => p.name.toLowerCase());
      expect(new Set(names).size, f.id).toBe(names.length);
    }
  });

  it("every result is a matrix (every wrapper returns a 2-D array)", () => {
    for (const f of metadata.functions) expect(f.result.dimensionality, f.id).toBe("matrix");
  });

  it("the namespace in each environment's manifest is at most 32 characters of letters and digits", () => {
    for (const env of environments()) {
      const xml = manifestXml(env);
      const resid = /<Namespace resid="([^"]+)"\s*\/>/.exec(xml)?.[1];
      expect(resid, env.name).toBeDefined();
      const namespace = new RegExp(`<bt:String id="${resid!.replace(/\./g, "\\.")}" DefaultValue="([^"]*)"`).exec(
        xml,
      )?.[1];
      expect(namespace, env.name).toBe(env.namespace);
      expect(namespace!.length).toBeGreaterThan(0);
      expect(namespace!.length).toBeLessThanOrEqual(32);
      expect(namespace).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(looksLikeCell(namespace!), namespace).toBe(false);
    }
  });
});

describe("custom enums", () => {
  it("every customEnumId names an enum of the parameter's type", () => {
    const enums = new Map((metadata.enums ?? []).map((e) => [e.id, e]));
    for (const f of metadata.functions) {
      for (const p of f.parameters) {
        if (p.customEnumId === undefined) continue;
        const e = enums.get(p.customEnumId);
        expect(e, `${f.id}(${p.name}) uses unknown enum ${p.customEnumId}`).toBeDefined();
        expect(p.type, `${f.id}(${p.name})`).toBe(e!.type);
        expect(p.dimensionality ?? "scalar", `${f.id}(${p.name})`).toBe("scalar");
      }
    }
  });

  it("enum ids are unique and every enum is used", () => {
    const ids = (metadata.enums ?? []).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const used = new Set(metadata.functions.flatMap((f) => f.parameters.map((p) => p.customEnumId)));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  it("every enum value is one the core accepts (the enum offers exactly the core's closed list)", () => {
    for (const e of metadata.enums ?? []) {
      const accepted = ENUM_VALUES[e.id];
      expect(accepted, `enum ${e.id}: add the core list it mirrors to ENUM_VALUES`).toBeDefined();
      expect(e.values.map((v) => v.stringValue).sort()).toEqual([...accepted!].sort());
    }
  });
});

describe("associations", () => {
  const ASSOCIATE = /^CustomFunctions\.associate\("([^"]+)", functions\.([A-Za-z_$][\w$]*)\);$/;

  it("every id is associated exactly once in the entry, with a function exported by functions.ts", () => {
    const lines = entrySource(associate)
      .split("\n")
      .filter((l) => l.includes("associate("));
    const parsed = lines.map((l) => ASSOCIATE.exec(l.trim()));
    expect(parsed.filter((m) => m === null).length, "unparsed associate lines").toBe(0);
    const ids = parsed.map((m) => m![1]!);
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const f of metadata.functions) expect(counts.get(f.id) ?? 0, `associate("${f.id}")`).toBe(1);
    expect(
      ids.filter((id) => !metadata.functions.some((f) => f.id === id)),
      "associated ids missing from functions.json",
    ).toEqual([]);

    const exported = functions as unknown as Record<string, unknown>;
    for (const m of parsed) {
      const name = m![2]!;
      expect(typeof exported[name], `functions.${name} (for ${m![1]}) is not an exported function`).toBe("function");
    }
  });

  it("each associated function takes as many parameters as its metadata declares", () => {
    const exported = functions as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const { id, functionName } of associate) {
      const f = metadata.functions.find((fn) => fn.id === id)!;
      expect(exported[functionName]!.length, id).toBe(f.parameters.length);
    }
  });

  it("the identifier parameter of a broadcasting function is a matrix; table functions take a single value", () => {
    for (const f of metadata.functions) {
      const first = f.parameters[0];
      if (!first) continue;
      const broadcasts = /a range gives one result per cell/.test(first.description);
      expect(first.dimensionality ?? "scalar", `${f.id}(${first.name})`).toBe(broadcasts ? "matrix" : "scalar");
      for (const p of f.parameters.slice(1)) expect(p.dimensionality ?? "scalar", `${f.id}(${p.name})`).toBe("scalar");
    }
  });
});

describe("shipped ids (workbooks store them: never remove or rename one)", () => {
  const shipped = z.array(ID).parse(JSON.parse(readFileSync(SHIPPED_IDS_FILE, "utf8")));

  it("the committed list has no duplicates", () => {
    expect(shipped.filter((id, i) => shipped.indexOf(id) !== i)).toEqual([]);
  });

  it("every shipped id still exists", () => {
    const ids = new Set(metadata.functions.map((f) => f.id));
    const gone = shipped.filter((id) => !ids.has(id));
    expect(
      gone,
      `shipped ids removed or renamed: ${gone.join(", ")}. Restore them; an id in a workbook must keep working.`,
    ).toEqual([]);
  });

  it("every id is in the committed list", () => {
    const added = metadata.functions.map((f) => f.id).filter((id) => !shipped.includes(id));
    expect(
      added,
      `new ids: append ${JSON.stringify(added)} to packages/excel-addin/shipped-ids.json (ids are forever once released)`,
    ).toEqual([]);
  });
});

describe("the product contract", () => {
  it.each(CONTRACT_IDS)("CRITMIN.%s exists", (id) => {
    expect(metadata.functions.map((f) => f.id)).toContain(id);
  });
});
