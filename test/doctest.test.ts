// Executes every `@example` in packages/core/src: the expression before `//=>` must equal the one
// after it (numbers within 1e-9 relative, everything else deeply equal).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import * as core from "../packages/core/src/index.ts";

const srcDir = fileURLToPath(new URL("../packages/core/src", import.meta.url));

interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly expected: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "gen" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** `@example` blocks of TSDoc comments: code lines, then `//=> expected`. */
export function extractExamples(file: string, text: string): Example[] {
  const examples: Example[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue;
    const code: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!.replace(/^\s*\*\s?/, "");
      if (/^\s*\*\//.test(lines[j]!) || line.startsWith("@")) break;
      const result = /^\/\/=>\s*(.*)$/.exec(line.trim());
      if (result) {
        examples.push({ file: path.relative(srcDir, file), line: i + 1, code: code.join("\n"), expected: result[1]! });
        code.length = 0;
      } else if (line.trim() !== "") {
        code.push(line);
      }
    }
  }
  return examples;
}

function evaluate(expression: string): unknown {
  const js = transformSync(`(${expression})`, { loader: "ts" }).code.trim().replace(/;$/, "");
  const names = Object.keys(core);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the doc's own example code is this test's purpose
  return new Function(...names, `return ${js};`)(...names.map((n) => (core as Record<string, unknown>)[n]));
}

const examples = sourceFiles(srcDir).flatMap((file) => extractExamples(file, readFileSync(file, "utf8")));

describe("TSDoc examples", () => {
  it("finds the examples (every exported function has at least one)", () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}  ${e.code.split("\n")[0]}`, e] as const))("%s", (_, example) => {
    const actual = evaluate(example.code);
    const expected = evaluate(example.expected);
    if (typeof expected === "number" && typeof actual === "number") {
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    } else {
      expect(actual).toEqual(expected);
    }
  });
});

describe("extractExamples", () => {
  it("reads code and the expected value of each //=> line", () => {
    const text = ["/**", " * Sum.", " * @example", " * add(1, 2)", " * //=> 3", " */"].join("\n");
    expect(extractExamples(path.join(srcDir, "x.ts"), text)).toEqual([
      { file: "x.ts", line: 3, code: "add(1, 2)", expected: "3" },
    ]);
  });
});
