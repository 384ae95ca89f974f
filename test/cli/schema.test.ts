import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './in-memory.js';

const committed = (name: string) => readFileSync(`schema/${name}.schema.json`, 'utf8');

/** Every file kind astreinte reads, in the order `--out` writes their schemas. */
const NAMES = [
  'team',
  'requests',
  'rota-policy',
  'matching-policy',
  'overrides',
  'rota',
  'bookings',
  'tokens',
  'feeds-state',
];

describe('astreinte schema', () => {
  it.each(NAMES)('prints the committed schema it is asked for: %s', async (name) => {
    const out = await run(['schema', name]);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toBe(committed(name));
  });

  it('names every schema in its help', async () => {
    const help = (await run(['schema', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const name of NAMES) expect(help).toMatch(new RegExp(`[ ,(]${name}[ ,(]`));
  });

  it('writes every schema into --out, in one atomic batch', async () => {
    const out = await run(['schema', '--out', 'schemas']);
    expect(out.code).toBe(0);
    expect([...out.written.keys()]).toEqual(NAMES.map((n) => `schemas/${n}.schema.json`));
    for (const name of NAMES) expect(out.written.get(`schemas/${name}.schema.json`)).toBe(committed(name));
    const failed = await run(['schema', '--out', 'x'], {}, undefined, {
      failWrites: ['x/requests.schema.json'],
    });
    expect(failed.code).toBe(2);
    expect(failed.written.size).toBe(0);
    // The value is cut to its first 60 characters, as every value in an error is.
    expect(failed.stderr).toContain(
      '--out: "x/team.schema.json, x/requests.schema.json, x/rota-polic... cannot be written (EACCES); nothing ' +
        'was written',
    );
  });

  it('refuses an unknown name, and asks for a name or --out', async () => {
    const unknown = await run(['schema', 'pizza']);
    expect(unknown.code).toBe(2);
    const names =
      'team, requests, rota-policy, matching-policy, overrides, rota, bookings, tokens or feeds-state';
    expect(unknown.stderr).toContain(`no schema "pizza" (expected ${names})`);
    expect((await run(['schema'])).stderr).toContain(`name a schema (${names}) to print it`);
  });
});
