// The READMEs' ts/js examples run against @critmin/core and their `//=>` expectations hold, so the
// front pages a user reads first stay true as the code and the data change. A block importing a
// data file by its package path (`@critmin/core/data/…`) needs the packed package: test/packaging
// runs that one.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractCodeBlocks } from "../../packages/sdk-docs/scripts/lib/codeblocks.ts";
import { runBlocks } from "./lib/blocks.ts";

describe.each(["README.md", "packages/core/README.md"])("%s", (file) => {
  it("every ts/js block runs and every //=> holds", async () => {
    const blocks = extractCodeBlocks(file, readFileSync(new URL(`../../${file}`, import.meta.url), "utf8")).filter(
      (b) => !b.code.includes("@critmin/core/data/"),
    );
    expect(blocks.length).toBeGreaterThan(0);
    const { failures, checks } = await runBlocks(blocks);
    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThan(2);
  });
});
