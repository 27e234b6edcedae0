// Calendar dates of the policy functions: `YYYY-MM-DD` text, compared as text (same width, so the
// string order is the date order).
import { describe } from "../_lib/describe.ts";
import { CritminError } from "../errors.ts";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A Date's calendar day where the caller is (local time), as `YYYY-MM-DD`. */
function localDay(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today where the caller is: a status "today" is the caller's today, not UTC's. */
export function today(): string {
  return localDay(new Date());
}

/**
 * A date argument as `YYYY-MM-DD`: a `YYYY-MM-DD` string naming a real day (2025-02-30 is not one),
 * or a valid Date (its local calendar day). Anything else is an `invalid_argument` naming `argument`.
 */
export function parseDate(fn: string, argument: string, input: unknown): string {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime()))
      throw new CritminError("invalid_argument", `${fn}: ${argument} is an invalid Date`);
    return localDay(input);
  }
  const bad = () =>
    new CritminError(
      "invalid_argument",
      `${fn}: ${argument} must be a date as YYYY-MM-DD text or a Date, got ${describe(input)}`,
    );
  if (typeof input !== "string") throw bad();
  const match = ISO.exec(input.trim());
  if (!match) throw bad();
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 2025-02-30 over to March: a day that does not round-trip does not exist.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    throw new CritminError("invalid_argument", `${fn}: ${argument} ${describe(input)} is not a day of the calendar`);
  return input.trim();
}

/** The day before or after a `YYYY-MM-DD` date (tests and the status timeline walk dates with it). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
