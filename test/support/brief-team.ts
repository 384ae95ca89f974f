import type { TeamFile } from '../../src/model/schema.js';

/** The team file given in the foundation issue, fresh on each call so tests may mutate it. */
export function briefTeam(): TeamFile {
  return {
    name: 'Ça va patron ?',
    timeZone: 'Europe/Paris',
    coverage: { minCoaches: 1 },
    coaches: [
      {
        id: 'amelie',
        name: 'Amélie',
        availability: [
          { days: ['MO', 'TU', 'WE', 'TH', 'FR'], from: '19:00', to: '23:00' },
          { days: ['SA'], from: '08:00', to: '20:00', everyWeeks: 2, startDate: '2026-12-05' },
          { rrule: 'FREQ=MONTHLY;BYDAY=1SU', from: '10:00', to: '18:00' },
          { date: '2026-12-24', from: '20:00', to: '08:00' },
        ],
        unavailable: [{ from: '2026-12-20', to: '2027-01-03' }],
        maxHoursPerWeek: 20,
      },
    ],
  };
}
