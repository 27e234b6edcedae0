// A private copy of the add-in's build, for tests that read it while other test files rebuild dist/.
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { addinDir, buildAddin, environments, type Environment } from "../scripts/build.ts";

/**
 * Builds the environments into dist/, as `pnpm --filter @critmin/excel-addin build` does, and copies
 * each dist/<env> to `dest`/<env>. buildAddin() stages bundles in the shared dist/.bundles, so a
 * build running at the same time in another test file can pull files from under this one: retry
 * (three attempts), then fail with the last error.
 */
export async function buildAddinSnapshot(dest: string, envs: Environment[] = environments()): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await buildAddin(envs);
      for (const env of envs)
        cpSync(path.join(addinDir, "dist", env.name), path.join(dest, env.name), { recursive: true });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      rmSync(dest, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
