import type { BankHolidays } from './bank-holidays.js';

const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Europe/London at an instant: a case at 23:30 BST on Friday is Friday's. */
export function londonDate(instant: Date): string {
  return londonDateFormat.format(instant);
}

/** The date `days` calendar days after `date` (both YYYY-MM-DD). */
export function addCalendarDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** True for Monday to Friday that is not a bank holiday. */
export function isWorkingDay(date: string, holidays: BankHolidays): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.dates.has(date);
}

/**
 * The due date `days` working days after `startDate` (the date a case was opened, which itself does not count):
 * opened on a Friday with 2 working days, it is due on Tuesday. Weekends and bank holidays are skipped.
 */
export function addWorkingDays(startDate: string, days: number, holidays: BankHolidays): string {
  let date = startDate;
  let counted = 0;
  while (counted < days) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, holidays)) counted += 1;
  }
  return date;
}

/** True when the date lies past the years the bank-holiday list covers (due dates then skip weekends only). */
export function beyondHolidayList(date: string, holidays: BankHolidays): boolean {
  return holidays.lastYear !== null && Number(date.slice(0, 4)) > holidays.lastYear;
}
