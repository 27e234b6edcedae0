export type CritminErrorCode = "unknown_id" | "invalid_argument";

/**
 * The one error critmin throws: a question it cannot answer as asked (an unknown id, an invalid
 * option). A figure the data does not have is not an error; functions return `undefined` for it.
 */
export class CritminError extends Error {
  constructor(
    readonly code: CritminErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CritminError";
  }
}
