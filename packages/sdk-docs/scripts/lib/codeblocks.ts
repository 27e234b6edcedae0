// Runs the TypeScript and JavaScript code blocks of the docs. Used by the generator (to print
// the value of every API example next to it) and by test/docs (which runs every block on the site).
//
// A block is a small program. `import … from "@critmin/core"` (or any module the caller maps)
// works; a block without imports sees every export of @critmin/core, as the TSDoc examples
// assume. A `//=> expected` comment, on its own line or at the end of one, checks the value of the
// statement just before it: an expression, or the variable a `const`/`let` declares. `expected` is
// an expression too. Numbers match within 1e-9 (relative); a decimal literal such as `0.767`
// matches any value that rounds to it, so prose can print a readable figure. Anything else must be
// deeply equal.
import { isDeepStrictEqual, inspect } from "node:util";
import ts from "typescript";

export interface CodeBlock {
  /** File the block is in (as given to `extractCodeBlocks`). */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly code: string;
}

export interface Check {
  /** 1-based line of the `//=>` comment inside the block. */
  readonly line: number;
  readonly source: string;
  readonly expected: string;
  readonly actual: unknown;
  readonly expectedValue: unknown;
  readonly ok: boolean;
}

export interface RunResult {
  readonly checks: readonly Check[];
  /** What the block printed with console.log/info/warn/error, one entry per call. */
  readonly output: readonly string[];
}

const RUNNABLE = new Set(["ts", "js", "typescript", "javascript", "mts", "mjs"]);

/** The runnable blocks of a markdown file (```ts, ```js, … ; a `no-run` flag in the info string skips one). */
export function extractCodeBlocks(file: string, markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang = "", info = ""] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = lines[j]!.trim();
      if (close.startsWith(fence![0]!.repeat(fence!.length)) && close.replace(/[`~]/g, "") === "") break;
      body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!);
    }
    if (RUNNABLE.has(lang.toLowerCase()) && !/\bno-run\b/.test(info))
      blocks.push({ file, line: i + 1, lang: lang.toLowerCase(), code: body.join("\n") });
    i = j;
  }
  return blocks;
}

/** Numbers within 1e-9 relative; a decimal literal to its own precision; anything else deeply equal. */
export function matches(actual: unknown, expected: unknown, expectedSource: string): boolean {
  if (typeof actual === "number" && typeof expected === "number") {
    const literal = /^-?\d+\.(\d+)$/.exec(expectedSource.trim());
    if (literal) return Math.abs(actual - expected) <= 0.5 * 10 ** -literal[1]!.length + 1e-12;
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return isDeepStrictEqual(actual, expected);
}

/** A value as the docs print it: numbers in full, otherwise JSON where it can be, else Node's inspect. */
export function show(value: unknown): string {
  if (
    typeof value === "number" ||
    value === undefined ||
    typeof value === "bigint" ||
    typeof value === "function" ||
    typeof value === "symbol"
  )
    return String(value);
  let out: string | undefined;
  try {
    out = JSON.stringify(value);
  } catch {
    out = undefined;
  }
  out ??= inspect(value, { depth: 4, breakLength: Infinity, compact: true });
  return out.length > 400 ? `${out.slice(0, 399)}…` : out;
}

interface Rewrite {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The program with imports turned into lookups and each `//=>` turned into a recorded check. */
export function instrument(code: string): {
  program: string;
  checks: { line: number; source: string; expected: string }[];
} {
  const file = ts.createSourceFile("block.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const rewrites: Rewrite[] = [];
  const checks: { line: number; source: string; expected: string }[] = [];

  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const spec = (statement.moduleSpecifier as ts.StringLiteral).text;
    const clause = statement.importClause;
    const load = `(await __import(${JSON.stringify(spec)}))`;
    const parts: string[] = [];
    if (clause && !clause.isTypeOnly) {
      if (clause.name) parts.push(`const ${clause.name.text} = ${load}.default;`);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) parts.push(`const ${bindings.name.text} = ${load};`);
      if (bindings && ts.isNamedImports(bindings)) {
        const names = bindings.elements
          .filter((e) => !e.isTypeOnly)
          .map((e) => (e.propertyName ? `${e.propertyName.text}: ${e.name.text}` : e.name.text));
        if (names.length > 0) parts.push(`const { ${names.join(", ")} } = ${load};`);
      }
    }
    if (!clause) parts.push(`${load};`);
    rewrites.push({ start: statement.getStart(), end: statement.getEnd(), text: parts.join(" ") });
  }

  const marker = /\/\/=>[ \t]?(.*)$/gm;
  let lastChecked = -1;
  for (const m of code.matchAll(marker)) {
    const at = m.index;
    const expected = m[1]!.trim();
    const line = code.slice(0, at).split("\n").length;
    if (expected === "") throw new Error(`line ${line}: "//=>" with nothing after it`);
    const before = file.statements.filter((s) => s.getEnd() <= at && s.getStart() > lastChecked);
    const statement = before.at(-1);
    if (!statement) throw new Error(`line ${line}: "//=> ${expected}" follows no statement`);
    lastChecked = statement.getEnd() - 1;
    const index = checks.length;
    const thunk = `() => (${expected})`;
    if (ts.isExpressionStatement(statement)) {
      const expr = statement.expression.getText(file);
      checks.push({ line, source: expr, expected });
      rewrites.push({
        start: statement.getStart(),
        end: statement.getEnd(),
        text: `__check(${index}, (${expr}), ${thunk});`,
      });
    } else if (
      ts.isVariableStatement(statement) &&
      statement.declarationList.declarations.length === 1 &&
      ts.isIdentifier(statement.declarationList.declarations[0]!.name)
    ) {
      const name = statement.declarationList.declarations[0]!.name.text;
      checks.push({ line, source: name, expected });
      rewrites.push({
        start: statement.getEnd(),
        end: statement.getEnd(),
        text: `\n__check(${index}, ${name}, ${thunk});`,
      });
    } else {
      throw new Error(`line ${line}: "//=> ${expected}" must follow an expression or a single const/let declaration`);
    }
  }

  let program = code;
  for (const r of [...rewrites].sort((a, b) => b.start - a.start))
    program = program.slice(0, r.start) + r.text + program.slice(r.end);
  return { program, checks };
}

/**
 * Runs one block. `modules` maps import specifiers to module objects; `scope` holds the names a
 * block without imports may use (the exports of @critmin/core).
 */
export async function runBlock(
  code: string,
  modules: Readonly<Record<string, unknown>>,
  scope: Readonly<Record<string, unknown>> = {},
): Promise<RunResult> {
  const { program, checks: planned } = instrument(code);
  const js = ts
    .transpileModule(`export async function __main() {\n${program}\n}`, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
      reportDiagnostics: false,
    })
    .outputText.replace(/^export /m, "");
  const output: string[] = [];
  const record = (...args: unknown[]) =>
    void output.push(args.map((a) => (typeof a === "string" ? a : show(a))).join(" "));
  const fakeConsole = { log: record, info: record, warn: record, error: record, table: record };
  const checks: Check[] = [];
  const __check = (index: number, actual: unknown, expected: () => unknown) => {
    const plan = planned[index]!;
    const expectedValue = expected();
    checks.push({ ...plan, actual, expectedValue, ok: matches(actual, expectedValue, plan.expected) });
  };
  // Stands in for import(): a promise, rejected as import() would be for a module not mapped.
  const __import = (spec: string) =>
    spec in modules
      ? Promise.resolve(modules[spec])
      : Promise.reject(new Error(`the docs' code blocks may import ${Object.keys(modules).join(", ")}; not ${spec}`));
  // CommonJS examples: require() of a mapped module.
  const require = (spec: string) => {
    if (!(spec in modules))
      throw new Error(`the docs' code blocks may require ${Object.keys(modules).join(", ")}; not ${spec}`);
    return modules[spec];
  };
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !["require", "console"].includes(n));
  // Running the docs' own code blocks is the point here: the text comes from this repository.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const main = new Function("__check", "__import", "console", "require", ...names, `${js}\nreturn __main();`) as (
    ...args: unknown[]
  ) => Promise<void>;
  await main(__check, __import, fakeConsole, require, ...names.map((n) => scope[n]));
  if (checks.length !== planned.length)
    throw new Error(`${planned.length - checks.length} of ${planned.length} checks did not run`);
  return { checks, output };
}
