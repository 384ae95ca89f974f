/**
 * The callback plan as JSON: the `astreinte match --format json` contract. Every request of the input appears
 * exactly once, in `placed` or in `notPlaced`, named by its `id`. No caller's contact detail appears, unless the
 * caller of the API passes the requests as `includeContactDetailsFrom` (the command only under `match --include-contact`).
 *
 * @module
 */

import {
  type CallbackPlan,
  type CoachCallLoad,
  type NotPlacedReason,
  type PlanFigures,
  planSpan,
} from '../matching/plan.js';
import type { CallbackRequest, Contact } from '../model/request.js';
import type { Team } from '../model/team.js';
import { formatInstant } from '../time/format.js';
import { buildZoneTable } from '../time/zone.js';

/** One placed call in JSON: instants as ISO 8601 with the team zone's offset. */
export interface PlacedCallJson {
  /** The request's id. */
  readonly id: string;
  /** Id of the coach who calls. */
  readonly coachId: string;
  /** Start of the call, ISO 8601 with the team zone's offset, e.g. `2026-12-02T12:00:00+01:00`. */
  readonly start: string;
  /** End of the call (exclusive), ISO 8601 with offset. */
  readonly end: string;
  /** When the promise runs out, ISO 8601 with offset (see `callbackDeadline`). */
  readonly deadline: string;
  /** `true` when the call starts strictly before `deadline`. */
  readonly beforeDeadline: boolean;
  /** Which try this is: 1 for the first call, 2 and more after `no-answer` attempts. */
  readonly attempt: number;
  /** Present (true) when the call was already booked and is kept as it was. */
  readonly booked?: true;
  /** The request's topic (e.g. `wellbeing`), when the file gives one; not personal data. */
  readonly topic?: string;
  /** Only with `includeContactDetailsFrom`. Personal data. */
  readonly contact?: Contact;
}

/** One request not placed in JSON. */
export interface NotPlacedJson {
  /** The request's id. */
  readonly id: string;
  /** Why it is not placed, as a stable code. */
  readonly reason: NotPlacedReason;
  /** The reason in one plain sentence per language (no detail of the request). */
  readonly sentence: {
    /** In French. */
    readonly fr: string;
    /** In English. */
    readonly en: string;
  };
  /** When the promise runs out, ISO 8601 with offset; absent when the request is not open (see `NotPlaced`). */
  readonly deadline?: string;
}

/** The JSON document of a plan: a product contract. */
export interface PlanJson {
  /** The team's name. */
  readonly team: string;
  /** The team's IANA zone, whose offsets every instant of the document carries. */
  readonly timeZone: string;
  /** The instant the plan was made for, ISO 8601 with offset. */
  readonly now: string;
  /** Sorted by start, then coach id. */
  readonly placed: readonly PlacedCallJson[];
  /** In the order of the request file. */
  readonly notPlaced: readonly NotPlacedJson[];
  /** Every coach of the team, in team order, with their calls and minutes (as in `CallbackPlan.load`). */
  readonly load: readonly CoachCallLoad[];
  /** The plan's figures, as in `CallbackPlan.figures` (counts and minutes, no instants). */
  readonly figures: PlanFigures;
}

/** Options of {@link planToJson}. */
export interface PlanJsonOptions {
  /**
   * The requests whose `contact` to copy into their placed calls, for a private call sheet given to the coach who
   * calls. Personal data: leave it out everywhere else. @defaultValue none (no contact detail in the output)
   */
  readonly includeContactDetailsFrom?: readonly CallbackRequest[];
}

/**
 * The plan as the JSON document of `astreinte match --format json`.
 *
 * @example
 * ```ts
 * const json = planToJson(plan, team);
 * json.placed[0]; // { id: 'R-2026-0042', coachId: 'amelie', start: '2026-12-02T12:00:00+01:00', ... }
 * ```
 */
export function planToJson(plan: CallbackPlan, team: Team, options: PlanJsonOptions = {}): PlanJson {
  const { first, last } = planSpan(plan);
  const table = buildZoneTable(team.timeZone, first, last + 1);
  const iso = (t: number) => formatInstant(table, t);
  const contacts = new Map(
    (options.includeContactDetailsFrom ?? []).flatMap((r) =>
      r.contact === undefined ? [] : [[r.id, r.contact] as const],
    ),
  );
  return {
    team: team.name,
    timeZone: team.timeZone,
    now: iso(plan.now),
    placed: plan.placed.map((p) => {
      const contact = contacts.get(p.requestId);
      return {
        id: p.requestId,
        coachId: p.coachId,
        start: iso(p.start),
        end: iso(p.end),
        deadline: iso(p.deadline),
        beforeDeadline: p.beforeDeadline,
        attempt: p.attempt,
        ...(p.booked ? { booked: true as const } : {}),
        ...(p.topic === undefined ? {} : { topic: p.topic }),
        ...(contact === undefined ? {} : { contact }),
      };
    }),
    notPlaced: plan.notPlaced.map((n) => ({
      id: n.requestId,
      reason: n.reason,
      sentence: n.sentence,
      ...(n.deadline === undefined ? {} : { deadline: iso(n.deadline) }),
    })),
    load: plan.load,
    figures: plan.figures,
  };
}
