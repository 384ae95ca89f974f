/**
 * The demo's embedded example: the fictional team, its month of requests and the open requests' SMS texts (all in
 * `examples/`, bundled into the command so `astreinte demo` works from any folder), and the fixed instant the story
 * is told at, so its output is the same on every machine.
 *
 * @module
 */

import team from '../../../examples/ca-va-patron.json' with { type: 'json' };
import month from '../../../examples/month.json' with { type: 'json' };
import sms from '../../../examples/sms.json' with { type: 'json' };

/** The example team file (`examples/ca-va-patron.json`), as parsed JSON. */
export const EXAMPLE_TEAM: unknown = team;

/** The example month of requests (`examples/month.json`), as parsed JSON. */
export const EXAMPLE_REQUESTS: unknown = month;

/** The open requests' SMS texts (`examples/sms.json`): fictional personal data, read by the intake. */
export const EXAMPLE_SMS: readonly {
  readonly id: string;
  readonly receivedAt: string;
  readonly text: string;
}[] = sms;

/** The story's "now": Monday 4 January 2027, 09:00 in Paris (UTC+1), written with its offset. */
export const DEMO_NOW = '2027-01-04T09:00:00+01:00';

/** The first local date of the story's horizon (the week of `DEMO_NOW`), and the month it reviews. */
export const DEMO_FROM = '2027-01-04';
export const DEMO_MONTH = '2026-12';
