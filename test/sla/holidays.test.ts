// The bundled holiday data is date-holidays' public holidays, exactly, for every region and year it covers; and the
// generated module is up to date with the installed library.
import { spawnSync } from 'node:child_process';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { bundledHolidayRegions, bundledHolidays, formatLocalDate, HOLIDAY_YEARS } from '../../src/index.js';

describe('bundled public holidays', () => {
  it('equal date-holidays\u2019 public ones, for FR and each region, every year', () => {
    for (const [country, regions] of Object.entries(bundledHolidayRegions())) {
      for (const region of [undefined, ...regions]) {
        const ours = bundledHolidays(region === undefined ? { country } : { country, region });
        const theirs = region === undefined ? new Holidays(country) : new Holidays(country, region);
        for (let y = HOLIDAY_YEARS.first; y <= HOLIDAY_YEARS.last; y += 7) {
          const expected = theirs
            .getHolidays(y)
            .filter((h) => h.type === 'public')
            .map((h) => h.date.slice(0, 10));
          expect(ours(y).map(formatLocalDate)).toStrictEqual([...new Set(expected)].sort());
        }
      }
    }
  });

  it('Moselle adds Good Friday and 26 December; Côte-d\u2019Or has the national list', () => {
    const fr = bundledHolidays({ country: 'FR' })(2027).map(formatLocalDate);
    const fr57 = bundledHolidays({ country: 'FR', region: '57' })(2027).map(formatLocalDate);
    expect(fr57.filter((d) => !fr.includes(d))).toStrictEqual(['2027-03-26', '2027-12-26']);
    expect(fr).toContain('2027-03-29'); // Easter Monday
    expect(fr).toContain('2027-11-11'); // Armistice
    expect(fr).not.toContain('2027-05-30'); // Mothers' Day is an observance
  });

  it('the committed module is what the script generates', () => {
    const check = spawnSync(process.execPath, ['scripts/holidays-data.mjs', '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
