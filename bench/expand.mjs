/**
 * Workloads 1 and 2: expanding a weekly availability rule into instants.
 *
 * 1. MO,WE,FR 18:00-22:00 in Europe/Paris over the year 2027 (157 windows): `expandRules` with a prebuilt zone table,
 *    against rrule (floating, then converted; and with `tzid`), a luxon day loop, and a hand-written epoch loop.
 * 2. The same rule every other week from 2027-01-04, queried for one week at its start and one week five years later.
 */
import { DateTime } from 'luxon';
import rrulePkg from 'rrule';
import { fmtRatio, fmtTime, interleave, ratio, ratioRange, table, verdict } from './harness.mjs';
import { lib } from './lib.mjs';

const { RRule } = rrulePkg;
const { buildZoneTable, expandRules, localToInstant } = lib;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = 'Europe/Paris';

// Local midnights of 2027-01-01 and 2028-01-01 in Paris (CET, +01:00 on both dates).
const YEAR_FROM = Date.UTC(2026, 11, 31, 23);
const YEAR_TO = Date.UTC(2027, 11, 31, 23);
const MO_WE_FR = 0b10101; // bit 0 = Monday
const RULE = { kind: 'weekly', weekdays: MO_WE_FR, everyWeeks: 1, startMinute: 18 * 60, endMinute: 22 * 60 };

/**
 * The limit: the least work that answers the question. Local dates as integers, weekday by modulo, the offset by a
 * cursor over the precomputed transitions (wall-clock starts, offsets), the same gap rule and clipping as the library.
 */
function limitWeekly(wallStarts, offsets, starts, firstDay, lastDay, mask, startMs, endMs, from, to) {
  const out = [];
  const last = wallStarts.length - 1;
  let i = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    if ((mask & (1 << ((day + 3) % 7))) === 0) continue;
    const ls = day * DAY + startMs;
    while (i < last && wallStarts[i + 1] <= ls) i++;
    let s = ls - offsets[i];
    if (s < starts[i]) s = starts[i];
    const le = day * DAY + endMs;
    let j = i;
    while (j < last && wallStarts[j + 1] <= le) j++;
    let e = le - offsets[j];
    if (e < starts[j]) e = starts[j];
    if (s < from) s = from;
    if (e > to) e = to;
    if (s < e) out.push(s, e);
  }
  return out;
}

/** Local date (day number) of an instant, by the table (for the limit's inputs). */
function localDay(table, t) {
  let i = table.starts.length - 1;
  while (table.starts[i] > t) i--;
  return Math.floor((t + table.offsets[i]) / DAY);
}

function sameIntervals(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export async function workloadExpandYear({ rounds, timeMs }) {
  const out = [];
  const paris = buildZoneTable(ZONE, YEAR_FROM, YEAR_TO);

  const ours = () => expandRules([RULE], paris, YEAR_FROM, YEAR_TO, []);
  const oursWithTable = () =>
    expandRules([RULE], buildZoneTable(ZONE, YEAR_FROM, YEAR_TO), YEAR_FROM, YEAR_TO, []);
  const tableOnly = () => buildZoneTable(ZONE, YEAR_FROM, YEAR_TO);

  // Limit: inputs precomputed as integers and typed arrays (the table is the library's, built once, not timed).
  const firstDay = localDay(paris, YEAR_FROM) - 1;
  const lastDay = localDay(paris, YEAR_TO - 1);
  const { wallStarts, offsets, starts } = paris;
  const limit = () =>
    limitWeekly(
      wallStarts,
      offsets,
      starts,
      firstDay,
      lastDay,
      MO_WE_FR,
      18 * HOUR,
      22 * HOUR,
      YEAR_FROM,
      YEAR_TO,
    );

  // rrule without tzid: floating wall-clock dates (UTC fields = Paris wall clock), each start and end then converted
  // to an instant through the same prebuilt table by binary search (`localToInstant`), the fastest correct way.
  const floatingOptions = {
    freq: RRule.WEEKLY,
    byweekday: [RRule.MO, RRule.WE, RRule.FR],
    dtstart: new Date(Date.UTC(2027, 0, 1, 18)),
    until: new Date(Date.UTC(2027, 11, 31, 23, 59)),
  };
  const rruleFloating = () => {
    const res = [];
    for (const d of new RRule(floatingOptions).all()) {
      const local = d.getTime();
      res.push(localToInstant(paris, local), localToInstant(paris, local + 4 * HOUR));
    }
    return res;
  };
  // Same, converting with luxon per occurrence instead of our table (what a user without a table would do).
  const rruleFloatingLuxon = () => {
    const res = [];
    for (const d of new RRule(floatingOptions).all()) {
      const o = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 18 };
      res.push(
        DateTime.fromObject(o, { zone: ZONE }).toMillis(),
        DateTime.fromObject({ ...o, hour: 22 }, { zone: ZONE }).toMillis(),
      );
    }
    return res;
  };
  // rrule with tzid: rrule converts each occurrence itself (via Intl, twice per date). On a UTC host its dates are the
  // real instants of 18:00 Paris; the end is start + 4 h (right for this rule, which never spans a DST change).
  const tzidOptions = { ...floatingOptions, tzid: ZONE };
  const rruleTzid = () => {
    const res = [];
    for (const d of new RRule(tzidOptions).all()) {
      const s = d.getTime();
      res.push(s, s + 4 * HOUR);
    }
    return res;
  };
  // luxon day loop: one DateTime per local day of 2027 in the zone, weekday checked, start and end built.
  const luxonLoop = () => {
    const res = [];
    for (let ordinal = 1; ordinal <= 365; ordinal++) {
      const dt = DateTime.fromObject({ year: 2027, ordinal, hour: 18 }, { zone: ZONE });
      const wd = dt.weekday;
      if (wd === 1 || wd === 3 || wd === 5) res.push(dt.toMillis(), dt.set({ hour: 22 }).toMillis());
    }
    return res;
  };

  // Correctness first: every candidate must produce the same 157 windows.
  const expected = ours();
  const checks = { limit, rruleFloating, rruleFloatingLuxon, rruleTzid, luxonLoop, oursWithTable };
  const mismatches = [];
  for (const [name, fn] of Object.entries(checks)) if (!sameIntervals(fn(), expected)) mismatches.push(name);
  out.push(
    `Checked: every candidate yields the same ${expected.length / 2} windows` +
      (mismatches.length
        ? ` EXCEPT ${mismatches.join(', ')} (host time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone})`
        : '') +
      '.',
  );

  const result = await interleave({
    rounds,
    timeMs,
    minIterations: 3,
    candidates: [
      { name: 'ours: expandRules (prebuilt table)', role: 'ours', fn: ours },
      { name: 'limit: epoch loop + transition cursor', role: 'limit', fn: limit },
      { name: 'rrule floating all() + table localToInstant', role: 'baseline', fn: rruleFloating },
      { name: 'rrule floating all() + luxon per occurrence', role: 'baseline', fn: rruleFloatingLuxon },
      { name: "rrule tzid 'Europe/Paris' all()", role: 'baseline', fn: rruleTzid },
      { name: 'luxon day loop (fromObject per day)', role: 'baseline', fn: luxonLoop },
      { name: 'buildZoneTable, one year (alone)', role: 'info', fn: tableOnly },
      { name: 'ours incl. buildZoneTable', role: 'info', fn: oursWithTable },
    ],
  });
  const O = 'ours: expandRules (prebuilt table)';
  const L = 'limit: epoch loop + transition cursor';
  const B = 'rrule floating all() + table localToInstant';
  out.push('', table(result, [L, O], ['limit', 'ours']), '');
  const vsLimit = ratio(result, O, L);
  const vsRrule = ratio(result, B, O);
  const [lo1, hi1] = ratioRange(result, O, L);
  const [lo2, hi2] = ratioRange(result, B, O);
  out.push(
    verdict(
      'ours ÷ limit',
      `${fmtRatio(vsLimit)} (rounds ${fmtRatio(lo1)}–${fmtRatio(hi1)})`,
      vsLimit <= 5,
      '≤ 5x',
    ),
    verdict(
      'rrule without tzid ÷ ours (ours is N times faster)',
      `${fmtRatio(vsRrule)} (rounds ${fmtRatio(lo2)}–${fmtRatio(hi2)})`,
      vsRrule >= 10,
      '≥ 10x',
    ),
    `- for reference: rrule floating + luxon ÷ ours = ${fmtRatio(ratio(result, 'rrule floating all() + luxon per occurrence', O))}; ` +
      `rrule tzid ÷ ours = ${fmtRatio(ratio(result, "rrule tzid 'Europe/Paris' all()", O))}; ` +
      `luxon loop ÷ ours = ${fmtRatio(ratio(result, 'luxon day loop (fromObject per day)', O))}; ` +
      `buildZoneTable (one year) = ${fmtTime(result.medians.get('buildZoneTable, one year (alone)'))}, ` +
      `${fmtRatio(ratio(result, 'buildZoneTable, one year (alone)', O))} the expansion itself.`,
  );
  return { text: out.join('\n'), result, vsLimit, vsRrule };
}

export async function workloadWeekQuery({ rounds, timeMs }) {
  const out = [];
  const startDate = Date.UTC(2027, 0, 4) / DAY; // Monday 2027-01-04
  const rule = { ...RULE, everyWeeks: 2, startDate };
  // One table spanning both queries, so both look up the same table.
  const paris = buildZoneTable(ZONE, Date.UTC(2026, 11, 1), Date.UTC(2032, 1, 1));
  // Monday-to-Monday local weeks. 2032-01-12 is 262 weeks (even) after 2027-01-04: an "on" week, same 3 windows.
  const weekA = [Date.UTC(2027, 0, 3, 23), Date.UTC(2027, 0, 10, 23)];
  const weekB = [Date.UTC(2032, 0, 11, 23), Date.UTC(2032, 0, 18, 23)];
  const qa = () => expandRules([rule], paris, weekA[0], weekA[1], []);
  const qb = () => expandRules([rule], paris, weekB[0], weekB[1], []);
  const a = qa();
  const b = qb();
  const shiftOk =
    a.length === 6 &&
    b.length === 6 &&
    a.every((x, i) => new Date(x).getUTCHours() === new Date(b[i]).getUTCHours());
  out.push(
    `Checked: both weeks yield ${a.length / 2} and ${b.length / 2} windows ` +
      `(${new Date(a[0]).toISOString()} …, ${new Date(b[0]).toISOString()} …)${shiftOk ? '' : ' — UNEXPECTED'}.`,
  );
  // The same days written as an RRULE rule (kind 'rrule', listed by rrule in floating time from its startDate).
  const rruleRule = {
    kind: 'rrule',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR',
    startDate,
    startMinute: 18 * 60,
    endMinute: 22 * 60,
  };
  const ra = () => expandRules([rruleRule], paris, weekA[0], weekA[1], []);
  const rb = () => expandRules([rruleRule], paris, weekB[0], weekB[1], []);
  if (!sameIntervals(ra(), a) || !sameIntervals(rb(), b))
    out.push("RRULE variant: windows DIFFER from the weekly rule's.");
  const A = 'ours: weekly rule, week of 2027-01-04 (rule start)';
  const B = 'ours: weekly rule, week of 2032-01-12 (5 years on)';
  const RA = 'same days as an RRULE rule, week of 2027-01-04';
  const RB = 'same days as an RRULE rule, week of 2032-01-12';
  const result = await interleave({
    rounds,
    timeMs,
    backend: 'mitata',
    candidates: [
      { name: A, role: 'ours', fn: qa },
      { name: B, role: 'ours', fn: qb },
      { name: RA, role: 'info', fn: ra },
      { name: RB, role: 'info', fn: rb },
    ],
  });
  out.push('', table(result, [A], ['weekly rule, week at start']), '');
  const r = ratio(result, B, A);
  const [lo, hi] = ratioRange(result, B, A);
  const rr = ratio(result, RB, RA);
  const [rlo, rhi] = ratioRange(result, RB, RA);
  out.push(
    verdict(
      'weekly rule: week 5 years on ÷ week at start',
      `${fmtRatio(r)} (rounds ${fmtRatio(lo)}–${fmtRatio(hi)})`,
      r <= 1.5,
      '≤ 1.5x',
    ),
    '- info (no target set): the same rule written as an RRULE with startDate: week 5 years on ÷ week at start = ' +
      `${fmtRatio(rr)} (rounds ${fmtRatio(rlo)}–${fmtRatio(rhi)}); ` +
      `RRULE week at start ÷ weekly week at start = ${fmtRatio(ratio(result, RA, A))}.`,
  );
  return { text: out.join('\n'), result, ratio: r, rruleRatio: rr };
}
