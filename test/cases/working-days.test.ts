import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBankHolidays } from '../../src/cases/bank-holidays.js';
import { addWorkingDays, beyondHolidayList, isWorkingDay, londonDate } from '../../src/cases/working-days.js';

const holidays = loadBankHolidays();

describe('londonDate', () => {
  it('uses the Europe/London calendar date, not UTC', () => {
    // 23:30 BST on Friday 2 October 2026 is 22:30 UTC: still Friday in London.
    expect(londonDate(new Date('2026-10-02T22:30:00Z'))).toBe('2026-10-02');
    // 00:30 BST on Saturday 3 October is 23:30 UTC on Friday: already Saturday in London.
    expect(londonDate(new Date('2026-10-02T23:30:00Z'))).toBe('2026-10-03');
    // In winter (GMT) London and UTC agree.
    expect(londonDate(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-27');
  });

  it('crosses the clock changes correctly', () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026.
    expect(londonDate(new Date('2026-03-28T23:59:00Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });
});

describe('the shipped England and Wales list', () => {
  it('covers 2024 to 2028 with eight holidays a year', () => {
    expect(holidays.lastYear).toBe(2028);
    for (const year of [2024, 2025, 2026, 2027, 2028]) {
      expect([...holidays.dates].filter((date) => date.startsWith(`${year}-`))).toHaveLength(8);
    }
  });

  it('lists only weekdays (substitute days replace weekend holidays)', () => {
    for (const date of holidays.dates) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect(weekday, date).not.toBe(0);
      expect(weekday, date).not.toBe(6);
    }
    expect(holidays.dates.has('2026-12-28')).toBe(true); // Boxing Day 2026 is a Saturday
    expect(holidays.dates.has('2027-12-27')).toBe(true); // Christmas 2027 is a Saturday
    expect(holidays.dates.has('2028-01-03')).toBe(true); // New Year's Day 2028 is a Saturday
  });
});

describe('addWorkingDays', () => {
  it('counts from the day after creation: Monday + 2 is Wednesday', () => {
    expect(addWorkingDays('2026-11-23', 2, holidays)).toBe('2026-11-25');
  });

  it('a case opened on a Friday (evening or not) with two working days is due on Tuesday', () => {
    const friday = londonDate(new Date('2026-11-27T19:45:00Z'));
    expect(friday).toBe('2026-11-27');
    expect(addWorkingDays(friday, 2, holidays)).toBe('2026-12-01');
  });

  it('a case opened at the weekend counts from Monday', () => {
    expect(addWorkingDays('2026-11-28', 2, holidays)).toBe('2026-12-01');
    expect(addWorkingDays('2026-11-29', 1, holidays)).toBe('2026-11-30');
  });

  it('skips Christmas Day, Boxing Day and the substitute day in 2026', () => {
    // Thu 24 Dec 2026 → Fri 25 (Christmas), Sat, Sun, Mon 28 (Boxing Day substitute) → Tue 29, Wed 30.
    expect(addWorkingDays('2026-12-24', 1, holidays)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-24', 2, holidays)).toBe('2026-12-30');
    // Wed 30 Dec → Thu 31, (Fri 1 Jan 2027 New Year's Day) → Mon 4 Jan.
    expect(addWorkingDays('2026-12-30', 2, holidays)).toBe('2027-01-04');
  });

  it('skips both substitute days of Christmas 2027 and New Year 2028', () => {
    // Fri 24 Dec 2027 → Sat, Sun, Mon 27 and Tue 28 substitutes → Wed 29, Thu 30.
    expect(addWorkingDays('2027-12-24', 2, holidays)).toBe('2027-12-30');
    // Fri 31 Dec 2027 → Mon 3 Jan 2028 substitute → Tue 4, Wed 5.
    expect(addWorkingDays('2027-12-31', 2, holidays)).toBe('2028-01-05');
  });

  it('skips Easter: Thursday before Good Friday 2026 with two days is due on Wednesday', () => {
    expect(addWorkingDays('2026-04-02', 2, holidays)).toBe('2026-04-08');
  });

  it('skips the late May and August bank holidays', () => {
    expect(addWorkingDays('2026-05-22', 1, holidays)).toBe('2026-05-26');
    expect(addWorkingDays('2026-08-28', 1, holidays)).toBe('2026-09-01');
  });

  it('handles longer standards across month and year ends', () => {
    expect(addWorkingDays('2026-11-23', 10, holidays)).toBe('2026-12-07');
    // Tue 22, Wed 23, Thu 24, (Fri 25, Mon 28 holidays) Tue 29, Wed 30.
    expect(addWorkingDays('2026-12-21', 5, holidays)).toBe('2026-12-30');
  });

  it('with zero days returns the creation date', () => {
    expect(addWorkingDays('2026-11-23', 0, holidays)).toBe('2026-11-23');
  });
});

describe('isWorkingDay and beyondHolidayList', () => {
  it('knows weekends and holidays', () => {
    expect(isWorkingDay('2026-11-23', holidays)).toBe(true);
    expect(isWorkingDay('2026-11-28', holidays)).toBe(false);
    expect(isWorkingDay('2026-12-25', holidays)).toBe(false);
  });

  it('flags dates after the last listed year', () => {
    expect(beyondHolidayList('2028-12-29', holidays)).toBe(false);
    expect(beyondHolidayList('2029-01-02', holidays)).toBe(true);
  });
});

describe('BANK_HOLIDAYS_FILE', () => {
  it('accepts a council’s own list of dates (an extra closure day is skipped)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'protocol-bot-holidays-'));
    try {
      const file = join(dir, 'holidays.json');
      writeFileSync(file, JSON.stringify(['2026-11-24']));
      const own = loadBankHolidays(file);
      expect(addWorkingDays('2026-11-23', 2, own)).toBe('2026-11-26');
      expect(own.lastYear).toBe(2026);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a malformed file with config_invalid naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'protocol-bot-holidays-'));
    try {
      const file = join(dir, 'holidays.json');
      writeFileSync(file, JSON.stringify(['25/12/2026']));
      expect(() => loadBankHolidays(file)).toThrow(/YYYY-MM-DD/);
      writeFileSync(file, '{not json');
      expect(() => loadBankHolidays(file)).toThrowError(expect.objectContaining({ code: 'config_invalid' }));
      expect(() => loadBankHolidays(join(dir, 'missing.json'))).toThrow(/BANK_HOLIDAYS_FILE/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
