/**
 * Semantic checks and compilation of the team file's `sla` key into an `SlaPolicy`, each door's defaults filled in
 * (`DEFAULT_SLA_POLICY`). Reports what the shape cannot see; silent where the shape check has reported already.
 *
 * @internal
 * @module
 */

import { parseSlaDuration } from '../sla/duration.js';
import { bundledHolidayRegions, unknownHolidayRegion } from '../sla/holidays.js';
import { DEFAULT_SLA_POLICY, type DoorSla, type OpeningHours, type SlaPolicy } from '../sla/policy.js';
import { parseLocalDate, parseTimeOfDay, WEEKDAY_CODES } from '../time/local.js';
import { type Found, isRecord, own, type Path, report } from './found.js';
import { CLOSURE_PATTERN, COUNTRY_PATTERN } from './sla-schema.js';

export function compileSla(raw: unknown, found: Found[]): SlaPolicy | undefined {
  if (!isRecord(raw)) return undefined;
  const coaches = compileDoor(own(raw, 'coaches'), ['sla', 'coaches'], DEFAULT_SLA_POLICY.coaches, found);
  const cci = compileDoor(own(raw, 'cci'), ['sla', 'cci'], DEFAULT_SLA_POLICY.cci, found);
  return coaches === undefined || cci === undefined ? undefined : { coaches, cci };
}

function compileDoor(raw: unknown, at: Path, defaults: DoorSla, found: Found[]): DoorSla | undefined {
  if (raw === undefined) return defaults;
  if (!isRecord(raw)) return undefined;
  let ok = true;
  const duration = (key: string, fallback: number, positive: boolean): number => {
    const value = own(raw, key);
    if (value === undefined) return fallback;
    if (typeof value !== 'string') {
      ok = false;
      return fallback;
    }
    const parsed = parseSlaDuration(value);
    if (!parsed.ok) {
      report(found, [...at, key], value, parsed.problem, parsed.expected);
      ok = false;
      return fallback;
    }
    if (positive && parsed.ms === 0) {
      report(found, [...at, key], value, 'is zero', 'a duration above zero, such as PT24H');
      ok = false;
      return fallback;
    }
    return parsed.ms;
  };
  const firstContactWithinMs = duration('firstContactWithin', defaults.firstContactWithinMs, true);
  const atRiskMs = duration('atRisk', defaults.atRiskMs, false);
  const clock = own(raw, 'clock') ?? defaults.clock;
  const startAtFirstWindow = own(raw, 'startAtFirstWindow') ?? defaults.startAtFirstWindow;
  const hoursRaw = own(raw, 'openingHours');
  const openingHours =
    hoursRaw === undefined ? defaults.openingHours : compileHours(hoursRaw, [...at, 'openingHours'], found);
  const holidaysRaw = own(raw, 'holidays');
  const holidays =
    holidaysRaw === undefined ? defaults.holidays : compileHolidays(holidaysRaw, [...at, 'holidays'], found);
  const closuresRaw = own(raw, 'closures') ?? [];
  const closures = compileClosures(closuresRaw, [...at, 'closures'], found);
  if (clock !== 'elapsed' && clock !== 'business') return undefined;
  if (typeof startAtFirstWindow !== 'boolean' || openingHours === undefined || holidays === null)
    return undefined;
  if (clock === 'business' && openingHours.length === 0) {
    report(
      found,
      [...at, 'openingHours'],
      hoursRaw ?? [],
      'is empty on a business clock',
      'at least one span of opening hours',
    );
    return undefined;
  }
  if (!ok || closures === undefined) return undefined;
  return {
    firstContactWithinMs,
    clock,
    atRiskMs,
    startAtFirstWindow,
    openingHours,
    ...(holidays === undefined ? {} : { holidays }),
    closures,
  };
}

/** Opening hours, with spans of one weekday that overlap reported. */
function compileHours(raw: unknown, at: Path, found: Found[]): OpeningHours[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: OpeningHours[] = [];
  let ok = true;
  raw.forEach((entry: unknown, i) => {
    if (!isRecord(entry)) {
      ok = false;
      return;
    }
    const days = own(entry, 'days');
    const from = own(entry, 'from');
    const to = own(entry, 'to');
    const start = typeof from === 'string' ? parseTimeOfDay(from) : undefined;
    const end = typeof to === 'string' ? parseTimeOfDay(to) : undefined;
    if (!Array.isArray(days) || start === undefined || end === undefined) {
      ok = false;
      return;
    }
    if (end <= start) {
      report(
        found,
        [...at, i, 'to'],
        to,
        `does not end after from ${JSON.stringify(from)}`,
        'a closing time after the opening, on the same day (24:00 at most)',
      );
      ok = false;
      return;
    }
    let weekdays = 0;
    for (const code of days) {
      const d = (WEEKDAY_CODES as readonly unknown[]).indexOf(code);
      if (d < 0) {
        ok = false;
        return;
      }
      weekdays |= 1 << d;
    }
    const clash = out.findIndex(
      (o) => (o.weekdays & weekdays) !== 0 && o.startMinute < end && start < o.endMinute,
    );
    if (clash >= 0) {
      report(
        found,
        [...at, i],
        entry,
        `overlaps openingHours[${clash}] on a shared weekday`,
        'opening hours that do not overlap',
      );
      ok = false;
      return;
    }
    out.push({ weekdays, startMinute: start, endMinute: end });
  });
  return ok ? out.sort((a, b) => a.startMinute - b.startMinute) : undefined;
}

/** `undefined` for none (`null`), `null` when bad. */
function compileHolidays(raw: unknown, at: Path, found: Found[]): DoorSla['holidays'] | null {
  if (raw === null) return undefined;
  if (!isRecord(raw)) return null;
  const country = own(raw, 'country');
  const region = own(raw, 'region');
  if (typeof country !== 'string' || !COUNTRY_PATTERN.test(country)) return null;
  if (region !== undefined && typeof region !== 'string') return null;
  const where = region === undefined ? { country } : { country, region };
  const unknown = unknownHolidayRegion(where);
  const known = bundledHolidayRegions();
  if (unknown === 'country') {
    report(
      found,
      [...at, 'country'],
      country,
      'is not a country with bundled public holidays',
      `one of ${Object.keys(known).join(', ')}`,
    );
    return null;
  }
  if (unknown === 'region') {
    report(
      found,
      [...at, 'region'],
      region,
      `is not a region of ${country}`,
      `one of ${(known[country] ?? []).join(', ')}`,
    );
    return null;
  }
  return where;
}

function compileClosures(raw: unknown, at: Path, found: Found[]): DoorSla['closures'] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: { from: number; to: number }[] = [];
  let ok = true;
  raw.forEach((text: unknown, i) => {
    if (typeof text !== 'string' || !CLOSURE_PATTERN.test(text)) {
      ok = false;
      return;
    }
    const [a, b = a] = text.split('/') as [string, string?];
    const from = parseLocalDate(a);
    const to = parseLocalDate(b);
    if (from === undefined || to === undefined) {
      report(
        found,
        [...at, i],
        text,
        'is not a date (or range of dates) that exists',
        'YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD',
      );
      ok = false;
      return;
    }
    if (to < from) {
      report(
        found,
        [...at, i],
        text,
        'ends before it starts',
        'a range whose second date is on or after the first',
      );
      ok = false;
      return;
    }
    out.push({ from, to });
  });
  return ok ? out.sort((x, y) => x.from - y.from) : undefined;
}
