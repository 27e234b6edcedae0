// The only place core results and errors become Excel values and Excel errors.
import { CritminError } from "@critmin/core";

export type ExcelErrorCode = "#VALUE!" | "#N/A";

/** An Excel error as the runtime builds it: `new CustomFunctions.Error(code, message)`. */
export function excelError(code: ExcelErrorCode, message: string): CustomFunctions.Error {
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  // Excel shows at most 255 characters of a message.
  const text = message.length > 255 ? `${message.slice(0, 252)}...` : message;
  if (!runtime) throw new Error(`CustomFunctions runtime not loaded (${code} ${text})`);
  const errorCode = code === "#N/A" ? runtime.ErrorCode.notAvailable : runtime.ErrorCode.invalidValue;
  return new runtime.Error(errorCode, text);
}

/** A bad question (unknown id, malformed argument) is `#VALUE!`; anything unexpected too, never a raw exception. */
export function errorFor(error: unknown): CustomFunctions.Error {
  if (error instanceof CritminError) return excelError("#VALUE!", error.message);
  if (error instanceof ArgumentError) return excelError("#VALUE!", error.message);
  let why: string;
  try {
    why = error instanceof Error ? String(error.message) : String(error);
  } catch {
    why = Object.prototype.toString.call(error);
  }
  return excelError("#VALUE!", `internal error: ${why}`);
}

/** An argument Excel passed that no core function would accept as given (a boolean for a mineral, an error value). */
export class ArgumentError extends Error {}
