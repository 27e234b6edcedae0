import { describe, expect, it } from "vitest";
import { thrown } from "../../../../test/support/thrown.ts";
import { reserves } from "../exposure/reserves.ts";
import { parseCountry } from "./ids.ts";

const variants = (name: string) => [name, name.toLowerCase(), name.toUpperCase(), ` ${name} `];

describe("parseCountry: names as users write them", () => {
  it.each([
    // ISO 3166: "Congo" is the Republic of the Congo.
    ["Congo", "COG"],
    ["Republic of the Congo", "COG"],
    ["Congo (Brazzaville)", "COG"],
    ["DRC", "COD"],
    ["DR Congo", "COD"],
    ["Congo, Dem. Rep.", "COD"],
    ["Democratic Republic of the Congo", "COD"],
    ["Democratic Republic of Congo", "COD"],
    ["Congo (Kinshasa)", "COD"],
    ["Congo, D.R.", "COD"],
    ["Congo-Kinshasa", "COD"],
    ["PRC", "CHN"],
    ["People's Republic of China", "CHN"],
    ["Chinese Taipei", "TWN"],
    ["Viet Nam", "VNM"],
    ["Vietnam", "VNM"],
  ])("%s → %s, in any case", (name, code) => {
    for (const input of variants(name)) expect(parseCountry("f", input), input).toBe(code);
  });

  it("keeps ROW for the rest of the world", () => {
    expect(parseCountry("f", "rest of world")).toBe("ROW");
    expect(parseCountry("f", "ROW")).toBe("ROW");
  });

  it.each(["Other countries", "Other Countries", "other countries (rounded)", "OTHERS"])(
    "rejects the remainder label %s as not a country, pointing at ROW",
    (label) => {
      const error = thrown(() => parseCountry("f", label));
      expect(error.code).toBe("invalid_argument");
      expect(error.message).toBe(
        `f: country "${label}" is not a country but a table's remainder; name a country, or use "ROW" for the rest of the world`,
      );
      expect(error.message).not.toMatch(/did you mean/);
    },
  );

  it("says so through a public function too", () => {
    expect(thrown(() => reserves("lithium", "Other Countries")).message).toMatch(
      /^reserves: country "Other Countries" is not a country/,
    );
  });
});
