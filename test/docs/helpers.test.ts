// Unit tests of the docs' helpers: the code-block runner (which executes every example on the
// site), the link checker and the markdown escaping. Fast; the site itself is built in site.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as core from "../../packages/core/src/index.ts";
import { extractCodeBlocks, instrument, matches, runBlock } from "../../packages/sdk-docs/scripts/lib/codeblocks.ts";
import { parseChangeset } from "../../packages/sdk-docs/scripts/lib/changelog.ts";
import { code, table, text } from "../../packages/sdk-docs/scripts/lib/markdown.ts";
import { checkLinks, extractUrls, resolveSitePath } from "./lib/links.ts";

const modules = { "@critmin/core": core };

describe("extractCodeBlocks", () => {
  it("finds ts and js blocks with their line, and skips other languages and no-run blocks", () => {
    const md = [
      "# T",
      "```ts",
      "a()",
      "```",
      "",
      "```sh",
      "npm i x",
      "```",
      "~~~js",
      "b()",
      "~~~",
      "```ts no-run",
      "c()",
      "```",
      "  ```typescript",
      "  d()",
      "  ```",
    ].join("\n");
    expect(extractCodeBlocks("x.md", md)).toEqual([
      { file: "x.md", line: 2, lang: "ts", code: "a()" },
      { file: "x.md", line: 9, lang: "js", code: "b()" },
      { file: "x.md", line: 15, lang: "typescript", code: "d()" },
    ]);
  });

  it("does not end a block at a shorter fence inside it", () => {
    const md = ["````ts", "const s = '```';", "````"].join("\n");
    expect(extractCodeBlocks("x.md", md).map((b) => b.code)).toEqual(["const s = '```';"]);
  });
});

describe("runBlock", () => {
  it("maps imports of @critmin/core to the source and checks //=> on their own line and at the end of one", async () => {
    const code = [
      'import { chinaShare, herfindahl as h } from "@critmin/core";',
      "h([0.5, 0.5]); //=> 5000",
      'const s = chinaShare("cobalt", { year: 2023, source: "iea-cmde-2024" });',
      "//=> 171.7 / 223.8",
      "console.log(s);",
    ].join("\n");
    const result = await runBlock(code, modules);
    expect(result.checks.map((c) => [c.source, c.ok])).toEqual([
      ["h([0.5, 0.5])", true],
      ["s", true],
    ]);
    expect(result.output).toEqual([String(171.7 / 223.8)]);
  });

  it("reports a wrong expectation instead of passing it", async () => {
    const { checks } = await runBlock('herfindahl([1]) //=> 9999\n"a" //=> "b"', modules, core);
    expect(checks.map((c) => c.ok)).toEqual([false, false]);
    expect(checks[0]!.actual).toBe(10000);
  });

  it("lets a block without imports use every export of @critmin/core, and require() in CommonJS examples", async () => {
    expect((await runBlock("effectiveNumber(2500) //=> 4", modules, core)).checks[0]!.ok).toBe(true);
    expect(
      (await runBlock('const { herfindahl } = require("@critmin/core");\nherfindahl([1]) //=> 10000', modules))
        .checks[0]!.ok,
    ).toBe(true);
  });

  it("throws when a block fails, imports an unknown module, or puts //=> after something that has no value", async () => {
    await expect(runBlock('chinaShare("cobolt")', modules, core)).rejects.toThrow(/did you mean "cobalt"/);
    await expect(runBlock('import x from "left-pad";', modules)).rejects.toThrow(/not left-pad/);
    expect(() => instrument("if (true) {}\n//=> 1")).toThrow(/must follow an expression/);
    expect(() => instrument("//=> 1")).toThrow(/follows no statement/);
  });
});

describe("matches", () => {
  it("reads a decimal literal to its own precision, other numbers to 1e-9, and the rest deeply", () => {
    expect(matches(0.7672, 0.767, "0.767")).toBe(true);
    expect(matches(0.7676, 0.767, "0.767")).toBe(false);
    expect(matches(4092.30869, 4092.3, "4092.3")).toBe(true);
    expect(matches(171.7 / 223.8, 171.7 / 223.8, "171.7 / 223.8")).toBe(true);
    expect(matches(5000.0001, 5000, "5000")).toBe(false);
    expect(matches({ a: [1] }, { a: [1] }, "{ a: [1] }")).toBe(true);
    expect(matches(undefined, null, "null")).toBe(false);
  });
});

describe("markdown escaping", () => {
  it("keeps data text from opening tags, interpolations, tables or emphasis", () => {
    expect(text("<0.1% {{ x }} | a_b *c*")).toBe("&lt;0.1% &#123;&#123; x &#125;&#125; \\| a\\_b \\*c\\*");
    expect(text("see https://example.org/a_b/c_d.html, then")).toBe("see https://example.org/a_b/c_d.html, then");
    expect(code("a|b")).toBe("`a\\|b`");
    expect(table(["a", "b"], [["1", "2"]], ["l", "r"])).toBe("| a | b |\n| --- | --: |\n| 1 | 2 |");
  });

  it("reads a changeset", () => {
    expect(parseChangeset("x", '---\n"@critmin/core": minor\n---\n\nAdded `hhi`.\n')).toEqual({
      id: "x",
      releases: [{ name: "@critmin/core", type: "minor" }],
      summary: "Added `hhi`.",
    });
  });
});

describe("link checker", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "critmin-links-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("resolves files, folders and extensionless URLs under the base only", () => {
    mkdirSync(path.join(root, "excel"), { recursive: true });
    writeFileSync(
      path.join(root, "index.html"),
      '<a href="/docs/excel/A.html#x">a</a><a href="excel/A">b</a><img src="/docs/missing.svg"><a href="https://example.org">e</a><a href="/other/">o</a><a href="#top">t</a><h1 id="top">T</h1>',
    );
    writeFileSync(path.join(root, "excel/A.html"), '<h2 id="y">Y</h2><script>var s = "<a href=\'/nope\'>";</script>');
    expect(resolveSitePath(root, "/docs/", "/docs/excel/A")).toBe(path.join(root, "excel/A.html"));
    expect(resolveSitePath(root, "/docs/", "/docs/")).toBe(path.join(root, "index.html"));
    expect(resolveSitePath(root, "/docs/", "/docs/../etc/passwd")).toBeUndefined();
    const report = checkLinks(root);
    expect(report.pages).toBe(2);
    expect(report.external).toEqual(["https://example.org"]);
    expect(report.broken.map((b) => `${b.page} ${b.url} ${b.reason}`)).toEqual([
      'index.html /docs/excel/A.html#x no element with id "x" in excel/A.html',
      "index.html /docs/missing.svg no such file",
      "index.html /other/ outside /docs/",
    ]);
  });

  it("reads href, src and srcset, decoding entities", () => {
    expect(extractUrls('<img srcset="a.png 1x, b.png 2x" src="c&amp;d.png"><link href=\'e.css\'>')).toEqual([
      "a.png",
      "b.png",
      "c&d.png",
      "e.css",
    ]);
  });
});
