import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/reporting/formats/csv.js';
import { safeCsvCell } from '../../src/reporting/formats/escape.js';

describe('CSV writer', () => {
  it('writes the same bytes as csv-stringify 6.9.0 (the maintained writer, as the oracle) on random cells', () => {
    // Without carriage returns: we also quote a lone CR (RFC 4180 says CR must be quoted), csv-stringify with
    // record_delimiter 'unix' does not; the next test pins our behaviour.
    const noCr = (s: string) => s.replace(/\r/g, '');
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }).map(noCr),
      fc.constantFrom('a,b', 'say "hi"', 'two\nlines', ' x ', ''),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const [columns, ...rest] = rows.map((r) => r.map((v) => (typeof v === 'number' ? v : String(v))));
          const ours = tableToCsv({ columns: columns!.map(String), rows: rest });
          const theirs = stringify(
            [columns!.map(String), ...rest].map((r) => r.map(safeCsvCell)),
            { record_delimiter: 'unix', eof: true },
          );
          expect(ours).toBe(theirs);
        },
      ),
      { numRuns: 500, seed: 9 },
    );
  });

  it('neutralises every cell that a spreadsheet would read as a formula', () => {
    // By hand: each dangerous first character gets an apostrophe; the quoting then applies as usual.
    expect(
      tableToCsv({
        columns: ['c'],
        rows: [['=1+1'], ['+1'], ['-1'], ['@x'], ['\tx'], ['\rx'], ['=HYPERLINK("u","x")'], [-3]],
      }),
    ).toBe('c\n\'=1+1\n\'+1\n\'-1\n\'@x\n\'\tx\n"\'\rx"\n"\'=HYPERLINK(""u"",""x"")"\n-3\n');
  });
});
