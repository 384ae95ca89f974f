// Writes examples/month.json and examples/sms.json: a fictional month of requests for the example team (December 2026, and the
// requests still open on Monday 4 January 2027 at 09:00, the demo's `--now`), so the demo, the monthly review and
// the SLA figures have a month to work on. Deterministic (a seeded generator): running it again gives the same
// file byte for byte. Everything is fictional: names are "Appelant fictif N", phone numbers are in the range
// 06 39 98 xx xx that ARCEP keeps for fiction, e-mail addresses are @example.fr.
//
// Run: node scripts/make-example-month.mjs
import { writeFileSync } from 'node:fs';

/** mulberry32: a small, well-known seeded generator; enough for example data. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(20261201);
const pick = (weighted) => {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted.at(-1)[0];
};
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

const COACHES = ['amelie', 'bastien', 'claire', 'damien', 'elodie', 'fabrice', 'gaelle'];
const pad = (n) => String(n).padStart(2, '0');
/** Paris is UTC+1 from November to March: local minutes since 2026-12-01 00:00 to an ISO instant with offset. */
function iso(localMinutes) {
  const d = new Date(Date.UTC(2026, 11, 1) + localMinutes * 60_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00+01:00`;
}
const local = (localMinutes) => iso(localMinutes).slice(0, 16);
const DAY = 24 * 60;
const NOW = 34 * DAY + 9 * 60; // Monday 4 January 2027, 09:00 Paris.

const requests = [];
let n = 0;
function request(received, door, open) {
  n += 1;
  const year = received < 31 * DAY ? 2026 : 2027;
  const id = `R-${year}-${String(year === 2026 ? 100 + n : n).padStart(4, '0')}`;
  const channel =
    door === 'cci'
      ? pick([
          ['email', 3],
          ['phone', 2],
          ['voicemail', 2],
        ])
      : pick([
          ['sms', 6],
          ['voicemail', 2],
          ['email', 1],
        ]);
  const topic =
    door === 'cci'
      ? pick([
          ['economic', 4],
          ['legal', 3],
          ['administrative', 3],
          ['financial', 2],
        ])
      : pick([
          ['wellbeing', 9],
          ['economic', 2],
          ['financial', 2],
          ['hr', 1],
          ['legal', 1],
          ['other', 1],
        ]);
  const r = { id, receivedAt: iso(received), door, channel, topic };
  if (door === 'coaches') {
    // Callers ask for evenings mostly, sometimes a lunch break or a morning, from the same day to three days on.
    const windows = [];
    const first =
      Math.floor(received / DAY) +
      pick([
        [0, 3],
        [1, 5],
        [2, 2],
        [3, 1],
      ]);
    for (let k = 0; k < int(1, 2); k++) {
      const day = first + k;
      const [from, to] = pick([
        [[18, 20], 4],
        [[19, 22], 3],
        [[12, 14], 2],
        [[8, 10], 1],
        [[20, 23], 2],
      ]);
      windows.push({ start: local(day * DAY + from * 60), end: local(day * DAY + to * 60) });
    }
    r.callbackWindows = windows;
  }
  if (random() < 0.25) r.caseId = `C-${String(int(1, 40)).padStart(4, '0')}`;
  if (!open) {
    // Closed: first contact by a coach (or the chamber's staff), sometimes after a no-answer, sometimes late.
    const start = door === 'coaches' ? minutesOf(r.callbackWindows[0].start) : received;
    const base = Math.max(received + 10, start);
    const late = random() < 0.12 && base < 28 * DAY;
    const attempts = [];
    let at = base + int(0, 90);
    if (random() < 0.3) {
      attempts.push({ at: iso(at), coachId: pick(COACHES.map((c) => [c, 1])), outcome: 'no-answer' });
      at += int(60, 300);
    }
    if (late) at += int(24 * 60, 40 * 60);
    const reached = random() > 0.06;
    const coachId = door === 'coaches' ? pick(COACHES.map((c) => [c, 1])) : undefined;
    if (reached) {
      attempts.push({ at: iso(at), ...(coachId ? { coachId } : {}), outcome: 'reached' });
      r.firstContactAt = iso(at);
    } else {
      attempts.push({ at: iso(at), ...(coachId ? { coachId } : {}), outcome: 'no-answer' });
    }
    if (door === 'coaches') r.attempts = attempts.filter((a) => a.coachId !== undefined);
    r.outcome = reached
      ? door === 'cci'
        ? pick([
            ['other', 2],
            ['referred-cci', 1],
          ])
        : pick([
            ['listened', 8],
            ['referred-health', 2],
            ['referred-cci', 2],
            ['paid-coaching', 1],
            ['other', 1],
          ])
      : 'not-reached';
    if (door === 'cci') {
      delete r.attempts;
    }
  }
  r.contact = {
    name: `Appelant fictif ${n}`,
    phone: `+33 6 39 98 ${pad(Math.floor(n / 100))} ${pad(n % 100)}`,
    email: `appelant${n}@example.fr`,
  };
  requests.push(r);
}
function minutesOf(localText) {
  const [date, time] = localText.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return (Date.UTC(y, m - 1, d, h, min) - Date.UTC(2026, 11, 1)) / 60_000;
}

// December: two to four requests a day, more in the evening and at night, fewer at weekends.
for (let day = 0; day < 31; day++) {
  const weekday = (day + 1) % 7; // 2026-12-01 is a Tuesday: 0 = Monday.
  const count = weekday >= 5 ? int(1, 2) : int(2, 3);
  const times = Array.from(
    { length: count },
    () =>
      pick([
        [int(7, 11), 2],
        [int(12, 17), 3],
        [int(18, 23), 5],
        [int(0, 5), 1],
      ]) *
        60 +
      int(0, 59),
  ).sort((a, b) => a - b);
  for (const minute of times) request(day * DAY + minute, random() < 0.2 ? 'cci' : 'coaches', false);
}
// Still open on the demo's morning: received by SMS from Saturday 2 January to Monday 4 January 2027, before
// 09:00. Their texts go to examples/sms.json (for the intake); their windows are what the README's intake words
// mean, worked out by hand (Paris, UTC+1).
const SMS = [
  [
    32 * DAY + 10 * 60 + 12,
    'Bonjour, je suis à bout. Rappelez-moi ce soir après 19h svp.',
    [['2027-01-02T19:00', '2027-01-02T22:00']],
  ],
  [
    32 * DAY + 21 * 60 + 40,
    'rappelez moi lundi soir ou mardi entre 12h et 14h merci',
    [
      ['2027-01-04T18:00', '2027-01-04T22:00'],
      ['2027-01-05T12:00', '2027-01-05T14:00'],
    ],
  ],
  [
    33 * DAY + 8 * 60 + 5,
    'Bonjour, dispo demain matin ou mercredi vers 13h.',
    [
      ['2027-01-04T08:00', '2027-01-04T12:00'],
      ['2027-01-06T12:30', '2027-01-06T14:30'],
    ],
  ],
  [
    33 * DAY + 19 * 60 + 30,
    "Pouvez-vous m'appeler demain de 20h à 21h30 ? Merci",
    [['2027-01-04T20:00', '2027-01-04T21:30']],
  ],
  [33 * DAY + 23 * 60 + 50, "besoin de parler, n'importe quand", [['2027-01-03T23:50', '2027-01-04T23:50']]],
  [
    34 * DAY + 7 * 60 + 15,
    'Bonjour, jeudi 14h-16h ou vendredi matin',
    [
      ['2027-01-07T14:00', '2027-01-07T16:00'],
      ['2027-01-08T08:00', '2027-01-08T12:00'],
    ],
  ],
];
const texts = [];
for (const [minute, text, windows] of SMS) {
  request(minute, 'coaches', true);
  const r = requests.at(-1);
  r.channel = 'sms';
  r.callbackWindows = windows.map(([start, end]) => ({ start, end }));
  texts.push({ id: r.id, receivedAt: r.receivedAt, text: `${text} ${r.contact.phone.replace('+33 ', '0')}` });
}
request(34 * DAY + 8 * 60 + 40, 'cci', true);
const after = (text) => text !== undefined && minutesOf(text.slice(0, 16)) > NOW;
if (
  requests.some((r) => after(r.receivedAt) || after(r.firstContactAt) || r.attempts?.some((a) => after(a.at)))
) {
  throw new Error('something happens after the demo\u2019s --now');
}

const file = {
  $schema: '../schema/requests.schema.json',
  requests,
};
writeFileSync(new URL('../examples/month.json', import.meta.url), `${JSON.stringify(file, null, 2)}\n`);
writeFileSync(new URL('../examples/sms.json', import.meta.url), `${JSON.stringify(texts, null, 2)}\n`);
console.log(`examples/month.json: ${requests.length} requests; examples/sms.json: ${texts.length} texts`);
