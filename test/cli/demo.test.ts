import { describe, expect, it } from 'vitest';
import { EXAMPLE_REQUESTS, EXAMPLE_SMS } from '../../src/cli/demo/example.js';
import { run } from './in-memory.js';

/** Every contact detail and SMS text of the example: none may reach the demo's output or files. */
function personalData(): string[] {
  const { requests } = EXAMPLE_REQUESTS as { requests: { contact?: Record<string, string> }[] };
  const contacts = requests.flatMap((r) => Object.values(r.contact ?? {}));
  const digits = contacts.filter((c) => c.startsWith('+33')).map((c) => c.replaceAll(' ', '').slice(3));
  return [
    ...contacts,
    ...digits,
    ...EXAMPLE_SMS.map((s) => s.text.slice(0, 30)),
    'Appelant fictif',
    '@example.fr',
  ];
}

describe('astreinte demo', () => {
  it('tells the same story whatever the clock says, and writes its files into the folder it names', async () => {
    const a = await run(['demo'], {}, Date.UTC(2026, 0, 1));
    const b = await run(['demo'], {}, Date.UTC(2031, 6, 14, 3, 7));
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(b.stdout).toBe(a.stdout);
    expect([...a.written.keys()]).toEqual([
      'astreinte-demo/coverage.json',
      'astreinte-demo/rota.json',
      'astreinte-demo/plan.json',
      'astreinte-demo/sla.json',
      'astreinte-demo/coverage-report.html',
      'astreinte-demo/monthly-review-2026-12.html',
      ...['amelie', 'bastien', 'claire', 'damien', 'elodie', 'fabrice', 'gaelle', 'team', 'gaps'].map(
        (feed) => `astreinte-demo/feeds/${feed}.ics`,
      ),
    ]);
    expect(a.stdout).toMatch(/Wrote 15 files to astreinte-demo:\n {2}astreinte-demo\/coverage\.json\n/);
    // Claire's feed holds her call with R-2027-0072 on Monday 4 January at 19:30, by its id only.
    const claire = String(a.written.get('astreinte-demo/feeds/claire.ics'));
    expect(claire).toContain('DTSTART;TZID=Europe/Paris:20270104T193000');
    expect(claire).toContain('R-2027-0072');
    const chapters = [
      'The team',
      'Coverage of 24/7',
      'The rota of the week',
      'The callback plan',
      'The 24-hour promise',
    ];
    for (const chapter of chapters) {
      expect(a.stdout).toContain(`\n${chapter}`);
    }
    // The plan's story at Monday 4 January 2027 09:00: R-2027-0073's only free slot is after its deadline.
    expect(a.stdout).toContain(
      '2027-01-06 12:30  gaelle   R-2027-0073  late: the deadline was 2027-01-05 08:00',
    );
  });

  it('never shows a caller\u2019s contact or words, in any output or file', async () => {
    for (const lang of ['en', 'fr']) {
      const out = await run(['demo', '--lang', lang]);
      const everything = [out.stdout, out.stderr, ...[...out.written.values()].map(String)].join('\n');
      for (const marker of personalData()) expect(everything).not.toContain(marker);
    }
  });

  it('picks a fresh folder when the default is taken, and tells in French with --lang fr', async () => {
    const out = await run(['demo', '--lang', 'fr'], { 'astreinte-demo/old.txt': 'x' });
    expect([...out.written.keys()][0]).toBe('astreinte-demo-2/coverage.json');
    expect(out.stdout).toContain('15 fichiers écrits dans astreinte-demo-2');
    expect(out.stdout).toContain('\nLe plan de rappels\n');
    // Numbers with the French decimal mark (the English story says 36.6 % and 0.78).
    expect(out.stdout).toContain('\n36,6 % du temps avec un coach libre');
    expect(out.stdout).toContain('\nÉquilibre 0,78 (1 = parfait)');
  });

  it('shows progress on a terminal only, and leaves no file when writing fails', async () => {
    const tty = await run(['demo'], {}, undefined, { isTTY: true });
    expect(tty.stderr).toContain('[1/7] coverage');
    expect(tty.stderr).toContain('[7/7] feeds');
    const failed = await run(['demo', '--out', 'o'], {}, undefined, { failWrites: ['o/rota.json'] });
    expect(failed.code).toBe(2);
    expect(failed.written.size).toBe(0);
    expect(failed.stdout).toBe('');
  });
});
