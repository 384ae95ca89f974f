// The example's SMS texts (examples/sms.json) read into exactly the callback windows its request file holds for
// those requests (examples/month.json), which were worked out by hand from the README's intake words: the demo's
// story and the intake agree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRequests, parseTeam, readCallbackWindows } from '../../src/index.js';

const read = (file: string) => JSON.parse(readFileSync(`examples/${file}`, 'utf8'));
const team = parseTeam(read('ca-va-patron.json'));
const requests = parseRequests(read('month.json'), team);
const sms: { id: string; receivedAt: string; text: string }[] = read('sms.json');

describe('the example SMS texts', () => {
  it.each(sms)('$id reads into its request\u2019s windows, and its phone number', (message) => {
    const request = requests.find((r) => r.id === message.id)!;
    const reading = readCallbackWindows(message.text, {
      receivedAt: Date.parse(message.receivedAt),
      timeZone: team.timeZone,
    });
    expect(reading.windows.map((w) => [w.start, w.end])).toEqual(
      request.callbackWindows.map((w) => [w.start, w.end]),
    );
    expect(reading.contact.phone).toBe(`+33${message.text.slice(-14).replaceAll(' ', '').slice(1)}`);
    expect(reading.ambiguities).toEqual([]);
  });
});
