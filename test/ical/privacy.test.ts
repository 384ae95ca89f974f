import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { coachFeed } from '../../src/ical/feeds.js';
import { buildAllFeeds, readFeedInputs } from '../../src/node/feed-inputs.js';

const teamText = readFileSync(new URL('../../examples/ca-va-patron.json', import.meta.url), 'utf8');
const requests = JSON.parse(
  readFileSync(new URL('../../examples/requests.json', import.meta.url), 'utf8'),
) as {
  contact?: Record<string, string>;
}[];
// Plant a marker in every contact field of every request.
const markers: string[] = [];
requests.forEach((r, i) => {
  const n = String(i).padStart(2, '0');
  r.contact = {
    name: `PLANTED-NAME-${n}`,
    phone: `+33 6 99 88 77 ${n}`,
    email: `planted-${n}@marker.invalid`,
  };
  markers.push(`PLANTED-NAME-${n}`, `99 88 77 ${n}`, `9988 77${n}`, `99887${n}`, `planted-${n}@`);
});
const files: Record<string, string> = { 'team.json': teamText, 'requests.json': JSON.stringify(requests) };
const io = { readFile: (path: string) => files[path]! };
const now = Date.UTC(2026, 11, 1, 7);

test('no planted contact marker in any byte of any default feed, nor in the published state', () => {
  const inputs = readFeedInputs({ team: 'team.json', requests: 'requests.json' }, io, now);
  expect(inputs.calls.length).toBeGreaterThan(2); // calls are there, with their request ids
  const { files: feeds, state } = buildAllFeeds(inputs, { now });
  expect(feeds.size).toBe(inputs.team.coaches.length + 2);
  const everything = [...feeds.values(), JSON.stringify(state)].join('\n');
  expect(everything).toContain('Rappel - demande R-2026-');
  for (const marker of markers) expect(everything).not.toContain(marker);
  expect(everything).not.toMatch(/PLANTED|marker\.invalid/i);
});

test('the private feed shows the contact only with includeCallerContact', () => {
  const inputs = readFeedInputs({ team: 'team.json', requests: 'requests.json' }, io, now);
  const call = inputs.calls[0]!;
  const base = { now, rota: inputs.rota, calls: inputs.calls, requests: inputs.requests };
  const plain = coachFeed(inputs.team, call.coachId, base);
  const secret = coachFeed(inputs.team, call.coachId, { ...base, includeCallerContact: true });
  expect(plain.ics).not.toMatch(/PLANTED/);
  expect(secret.ics.replace(/\r\n /g, '')).toMatch(
    /DESCRIPTION:.*Appelant : PLANTED-NAME-\d\d · \+33 6 99 88 77 \d\d · planted-\d\d@marker.invalid/,
  );
  // The state never keeps it, even for the private feed.
  expect(JSON.stringify(secret.state)).not.toMatch(/PLANTED|marker/);
});
