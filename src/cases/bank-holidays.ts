import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ProtocolBotError } from '../errors.js';
import { readJsonSetting } from '../read-json-setting.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/**
 * A bank-holiday file: either a plain list of dates, or the shipped shape with titles and the years it covers.
 * Councils update the shipped file (or point BANK_HOLIDAYS_FILE at their own) when new years are announced.
 */
export const bankHolidayFileSchema = z.union([
  z.array(isoDate),
  z.object({
    /** `england-and-wales`. */
    division: z.string().optional(),
    /** First and last calendar year the list is complete for. */
    firstYear: z.number().int().optional(),
    lastYear: z.number().int().optional(),
    holidays: z.array(z.object({ date: isoDate, title: z.string().optional() })),
  }),
]);

/** The bank holidays due dates skip, and the years the list is known to be complete for. */
export interface BankHolidays {
  dates: ReadonlySet<string>;
  /** Last calendar year covered; a due date past it is computed with weekends only. */
  lastYear: number | null;
}

const shippedFileName = 'bank-holidays-england-and-wales.json';

/**
 * Where the shipped England and Wales list lives: beside this module when run from `src/` (tests), and under
 * `src/cases/` of the package when run from `dist/src/cases/` (the Dockerfile copies it there).
 */
export function shippedBankHolidaysFile(): string {
  const candidates = [
    new URL(`./${shippedFileName}`, import.meta.url),
    new URL(`../../../src/cases/${shippedFileName}`, import.meta.url),
  ].map((url) => fileURLToPath(url));
  return candidates.find((file) => existsSync(file)) ?? (candidates[1] as string);
}

/** Reads and validates a bank-holiday file (default: the shipped England and Wales list, 2024–2028). */
export function loadBankHolidays(file: string = shippedBankHolidaysFile()): BankHolidays {
  const raw = readJsonSetting('BANK_HOLIDAYS_FILE', file);
  const parsed = bankHolidayFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new ProtocolBotError(
      'config_invalid',
      `BANK_HOLIDAYS_FILE: ${file} is invalid: ${problems.join('; ')}`,
    );
  }
  const dates = Array.isArray(parsed.data)
    ? parsed.data
    : parsed.data.holidays.map((holiday) => holiday.date);
  const years = dates.map((date) => Number(date.slice(0, 4)));
  const declaredLast = Array.isArray(parsed.data) ? undefined : parsed.data.lastYear;
  return {
    dates: new Set(dates),
    lastYear: declaredLast ?? (years.length > 0 ? Math.max(...years) : null),
  };
}
