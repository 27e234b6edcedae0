// A stand-in for Excel's `CustomFunctions` global, for running the add-in's functions in Node:
// the docs generator computes its examples with it, and the tests use it (test/stub-runtime.ts).
// Never bundled: the task pane has its own stand-in for browsers outside Office.
// It mirrors what the real runtime (office-js dist/custom-functions-runtime.js) defines: `Error`
// extends the platform Error and carries `code` and `message`; `ErrorCode` has the same string
// values; `associate(id, fn)` registers a function (here: records the call).

import { ErrorCode } from "../src/taskpane/errorCodes.ts";

export { ErrorCode };

export type StubErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const CODES = new Set<string>(Object.values(ErrorCode));

/** `new CustomFunctions.Error(code, message)`: like the real one, an Error whose `code` defaults to #VALUE!. */
export class StubError extends Error {
  readonly code: StubErrorCode;
  constructor(code?: StubErrorCode, message?: string) {
    super(message ?? "");
    if (code !== undefined && !CODES.has(code))
      throw new TypeError(`CustomFunctions.Error: unknown error code ${String(code)}`);
    this.name = "CustomFunctions.Error";
    this.code = code ?? ErrorCode.invalidValue;
  }
}

export interface Association {
  readonly id: string;
  readonly fn: unknown;
}

export interface StubRuntime {
  readonly Error: typeof StubError;
  readonly ErrorCode: typeof ErrorCode;
  /** Every `associate` call, in order (the object form records one entry per key). */
  readonly associations: Association[];
  associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void;
}

export function createStubRuntime(): StubRuntime {
  const associations: Association[] = [];
  return {
    Error: StubError,
    ErrorCode,
    associations,
    associate(idOrMappings, fn) {
      if (typeof idOrMappings === "string") associations.push({ id: idOrMappings, fn });
      else for (const [id, f] of Object.entries(idOrMappings)) associations.push({ id, fn: f });
    },
  };
}

type Global = { CustomFunctions?: unknown };

let previous: { had: boolean; value: unknown } | undefined;

/** Puts a fresh stub on `globalThis.CustomFunctions` (remembering what was there) and returns it. */
export function installStubRuntime(): StubRuntime {
  const g = globalThis as Global;
  if (previous === undefined) previous = { had: "CustomFunctions" in g, value: g.CustomFunctions };
  const runtime = createStubRuntime();
  g.CustomFunctions = runtime;
  return runtime;
}

/** Restores whatever `globalThis.CustomFunctions` was before the first install. */
export function uninstallStubRuntime(): void {
  const g = globalThis as Global;
  if (previous === undefined) return;
  if (previous.had) g.CustomFunctions = previous.value;
  else delete g.CustomFunctions;
  previous = undefined;
}

/** True for an Excel error built by the runtime (the stub's or the real one's: same shape). */
export function isExcelError(value: unknown): value is StubError {
  return (
    value instanceof Error &&
    typeof (value as { code?: unknown }).code === "string" &&
    CODES.has((value as unknown as { code: string }).code)
  );
}
