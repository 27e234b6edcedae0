// The float32 column (src/data/columns.ts): figures a source printed as float32 to 15 significant
// digits come back as the very doubles the printed text parses to; anything else is stored as is.
import { describe, expect, it } from "vitest";
import { readColumns, viaFloat32 } from "../src/data/columns.ts";
import { encodeColumns } from "./columns.ts";

const roundTrip = (values: readonly (number | null)[]) =>
  readColumns(
    encodeColumns(
      values.map((v) => ({ v })),
      { columns: ["v"], float32: ["v"] },
      () => ({}),
    ),
  ).get("v");

describe("float32 columns", () => {
  it("give back printed float32 figures, nulls and any other double exactly", () => {
    // WGI cells (printed float32) and figures that are no float32 (0.1, 1e-300, a 17-digit double).
    const values = [-1.29170477390289, 0.933572053909302, null, 2, 0, 0.1, 1e-300, 0.30000000000000004, 2.5];
    const back = roundTrip(values);
    expect(back).toHaveLength(values.length);
    back.forEach((v, i) => expect(Object.is(v, values[i]), `${values[i]} → ${String(v)}`).toBe(true));
  });

  it("store as float32 what reads back, and the rest as overrides", () => {
    expect(viaFloat32(-1.29170477390289)).toBe(-1.29170477390289);
    expect(viaFloat32(null)).toBeNull();
    expect(viaFloat32(0.30000000000000004)).not.toBe(0.30000000000000004);
    const text = encodeColumns(
      [{ v: 0.933572053909302 }, { v: 0.30000000000000004 }],
      { columns: ["v"], float32: ["v"] },
      () => ({}),
    );
    expect(JSON.parse(text).columns.v).toEqual(["f", expect.any(String), [1, 0.30000000000000004]]);
  });
});
