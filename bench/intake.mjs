/**
 * Workload 10: intake, messages read per second over the hand-written corpus (`test/intake/corpus.ts`, transpiled
 * here by esbuild), two ways: with a zone table the caller built once (a form re-parsing on every keystroke) and
 * with the table each call builds for itself (one message at a time). The limit is the least any reader of the
 * text must do: fold case and accents and scan the words once with a regular expression. There is no baseline to
 * run here: no general date parser reads these words (chrono-node's French parser, measured for the issue, splits
 * "demain entre 12h et 14h" into unrelated instants), and none is a dependency. Growth: the same messages twice as
 * long (each said twice, joined by "ou").
 */
import { buildSync } from 'esbuild';
import { fmtRatio, fmtTime, interleave, ratio, table, verdict } from './harness.mjs';
import { lib } from './lib.mjs';

const { readCallbackWindows, buildZoneTable } = lib;
const ZONE = 'Europe/Paris';

async function loadCorpus() {
  const out = buildSync({
    entryPoints: [new URL('../test/intake/corpus.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    write: false,
    platform: 'neutral',
    logLevel: 'error',
  });
  const code = out.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.CORPUS;
}

/** Receipt instants from the corpus's local times, without the library (fixed Paris offsets by date). */
function receiptOf(local) {
  // Corpus receipts are in winter (+01:00) or summer time (+02:00); the DST nights' receipts are the day before.
  const summer =
    local >= '2027-03-28' && local < '2027-10-31' ? true : local >= '2026-03-29' && local < '2026-10-25';
  return Date.parse(`${local}:00${summer ? '+02:00' : '+01:00'}`);
}

function foldAndScan(text) {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  let n = 0;
  for (const _ of folded.matchAll(/[a-z]+|\d+|[^\sa-z\d]/g)) n++;
  return n;
}

export async function workloadIntake({ rounds, timeMs }) {
  const corpus = await loadCorpus();
  const messages = corpus.map((c) => ({ text: c.text, receivedAt: receiptOf(c.at) }));
  const doubled = messages.map((m) => ({ ...m, text: `${m.text} ou ${m.text}` }));
  const first = Math.min(...messages.map((m) => m.receivedAt));
  const last = Math.max(...messages.map((m) => m.receivedAt));
  const zoneTable = buildZoneTable(ZONE, first - 5 * 86_400_000, last + 30 * 86_400_000);
  const pass = (list, withTable) => () => {
    let n = 0;
    for (const m of list) {
      const r = readCallbackWindows(m.text, {
        receivedAt: m.receivedAt,
        timeZone: ZONE,
        ...(withTable ? { zoneTable } : {}),
      });
      n += r.windows.length;
    }
    return n;
  };
  const candidates = [
    {
      name: 'limit: fold + one regex scan',
      role: 'limit',
      fn: () => messages.reduce((n, m) => n + foldAndScan(m.text), 0),
    },
    { name: 'ours, zone table built once', role: 'ours', fn: pass(messages, true) },
    { name: 'ours, table built per message', role: 'ours', fn: pass(messages, false) },
    { name: 'ours, table once, messages x2 long', role: 'info', fn: pass(doubled, true) },
  ];
  const result = await interleave({ candidates, rounds, timeMs, minIterations: 3 });
  const perMessage = (name) => result.medians.get(name) / messages.length;
  const rate = (name) => 1e9 / perMessage(name);
  const fast = rate('ours, zone table built once');
  const cold = rate('ours, table built per message');
  const growth = ratio(result, 'ours, table once, messages x2 long', 'ours, zone table built once');
  const lines = [
    `${messages.length} messages (the corpus), Europe/Paris; one call = the whole corpus. Median message ${Math.round(median(messages.map((m) => m.text.length)))} characters.`,
    '',
    table(result, ['limit: fold + one regex scan', 'ours, zone table built once']),
    '',
    `- per message: ${fmtTime(perMessage('ours, zone table built once'))} with the caller's table (**${Math.round(fast).toLocaleString('en-US')} messages/s**), ${fmtTime(perMessage('ours, table built per message'))} building its own (${Math.round(cold).toLocaleString('en-US')} messages/s)`,
    `- growth: messages twice as long take ${fmtRatio(growth)} the time`,
  ];
  return {
    text: lines.join('\n'),
    verdicts: [
      verdict(
        '10. intake, messages per second (caller\u2019s zone table)',
        Math.round(fast).toLocaleString('en-US'),
        fast > 10_000,
        '> 10,000/s',
      ),
      verdict(
        '10. intake, messages per second (table per message)',
        Math.round(cold).toLocaleString('en-US'),
        cold > 10_000,
        '> 10,000/s',
      ),
    ],
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
