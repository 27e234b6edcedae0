// Runs docs code blocks against @critmin/core (as the site and the READMEs import it) and collects
// every failed `//=>` expectation and every block that throws, as "file:line: what" lines.
import * as core from "../../../packages/core/src/index.ts";
import * as schemas from "../../../packages/core/src/schema/index.ts";
import { runBlock, show, type CodeBlock } from "../../../packages/sdk-docs/scripts/lib/codeblocks.ts";

export async function runBlocks(blocks: readonly CodeBlock[]): Promise<{ failures: string[]; checks: number }> {
  const failures: string[] = [];
  let checks = 0;
  for (const block of blocks) {
    try {
      const result = await runBlock(block.code, { "@critmin/core": core, "@critmin/core/schema": schemas }, core);
      checks += result.checks.length;
      for (const c of result.checks.filter((x) => !x.ok))
        failures.push(`${block.file}:${block.line + c.line}: ${c.source} is ${show(c.actual)}, expected ${c.expected}`);
    } catch (error) {
      failures.push(`${block.file}:${block.line}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { failures, checks };
}
