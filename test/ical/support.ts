import ICAL from 'ical.js';
import { parseTeam } from '../../src/model/parse.js';
import type { Team } from '../../src/model/team.js';

/** One VEVENT as ical.js reads it, instants in UTC epoch ms. */
export interface ParsedEvent {
  readonly uid: string;
  readonly start: number;
  readonly end: number;
  readonly summary: string;
  readonly description: string | null;
  readonly sequence: number;
  readonly status: string;
  readonly transp: string;
  readonly alarms: number;
  readonly startTzid: string | null;
}

/**
 * Parses a feed with ical.js (a real, independent parser). Every VTIMEZONE of the feed is registered first, so
 * `TZID` times are converted by the feed's own VTIMEZONE, exactly as a calendar client does.
 */
export function parseFeed(ics: string): {
  readonly calendar: ICAL.Component;
  readonly events: ParsedEvent[];
} {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const vtz of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const events = calendar.getAllSubcomponents('vevent').map((v): ParsedEvent => {
    const dtstart = v.getFirstProperty('dtstart')!;
    const start = (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime();
    const end = (v.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().getTime();
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      start,
      end,
      summary: String(v.getFirstPropertyValue('summary')),
      description: (v.getFirstPropertyValue('description') as string | null) ?? null,
      sequence: Number(v.getFirstPropertyValue('sequence')),
      status: String(v.getFirstPropertyValue('status')),
      transp: String(v.getFirstPropertyValue('transp')),
      alarms: v.getAllSubcomponents('valarm').length,
      startTzid: (dtstart.getParameter('tzid') as string | undefined) ?? null,
    };
  });
  return { calendar, events };
}

/** Unfolded content lines of a feed. */
export function unfoldedLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

/** A two-coach Paris team that covers evenings and both DST nights of 2026 (29 March, 25 October). */
export function dstTeam(): Team {
  return parseTeam({
    name: 'Nuits, tests; et \\ barres',
    timeZone: 'Europe/Paris',
    coaches: [
      {
        id: 'a',
        name: 'Amélie, la "première"',
        availability: [{ days: ['SA', 'SU'], from: '00:00', to: '24:00' }],
      },
      {
        id: 'b',
        name: 'Bastien 😀',
        availability: [{ days: ['SA', 'SU', 'MO'], from: '18:00', to: '06:00' }],
      },
    ],
  });
}
