import path from "node:path";
import { fileURLToPath } from "node:url";

/** The raw source files vendored in the repository, one folder per publisher (see sources/README.md). */
export const VENDORED_SOURCE_DIR = fileURLToPath(new URL("../sources", import.meta.url));

/** Where the pipeline and the raw-file tests read the sources: `$CRITMIN_DATA` when set, else the vendored copies. */
export const SOURCE_DIR = path.resolve(process.env.CRITMIN_DATA || VENDORED_SOURCE_DIR);
