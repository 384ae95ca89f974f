import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './in-memory.js';

const committed = (name: string) => readFileSync(`schema/${name}.schema.json`, 'utf8');

describe('astreinte schema', () => {
  it('prints the committed schema it is asked for', async () => {
    const out = await run(['schema', 'requests']);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toBe(committed('requests'));
  });

  it('writes every schema into --out, in one atomic batch', async () => {
    const out = await run(['schema', '--out', 'schemas']);
    expect(out.code).toBe(0);
    expect([...out.written.keys()]).toEqual(['schemas/team.schema.json', 'schemas/requests.schema.json']);
    expect(out.written.get('schemas/team.schema.json')).toBe(committed('team'));
    const failed = await run(['schema', '--out', 'x'], {}, undefined, {
      failWrites: ['x/requests.schema.json'],
    });
    expect(failed.code).toBe(2);
    expect(failed.written.size).toBe(0);
    expect(failed.stderr).toContain(
      '--out: "x/team.schema.json, x/requests.schema.json" cannot be written (EACCES); nothing was written',
    );
  });

  it('refuses an unknown name, and asks for a name or --out', async () => {
    const unknown = await run(['schema', 'pizza']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no schema "pizza" (expected team or requests)');
    expect((await run(['schema'])).stderr).toContain('name a schema (team or requests) to print it');
  });
});
