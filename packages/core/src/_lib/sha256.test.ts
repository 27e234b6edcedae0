import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "./sha256.ts";

describe("sha256", () => {
  it('sha256("abc") is the FIPS 180-4 example digest', () =>
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  it("agrees with node:crypto at every padding boundary and on UTF-8 text", () => {
    for (const text of ["", "x".repeat(55), "x".repeat(56), "x".repeat(64), "é".repeat(1000), "€".repeat(70_001)])
      expect(sha256(text)).toBe(createHash("sha256").update(text).digest("hex"));
  });
});
