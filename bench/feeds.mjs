/**
 * Workload 9: the iCal feeds (`astreinte/ical`).
 *
 * 9a. Build time: one coach's year (the busiest coach of the 1,000-coach network, 2027) and the whole network's
 *     year (1,000 coach feeds, the team feed and the gaps feed), against ical-generator alone writing the same
 *     events (same UIDs, summaries, descriptions, stamps, status, transparency and reminders, times as UTC `Date`s:
 *     what a user of ical-generator would write without our zone handling, state or UIDs), interleaved in this
 *     process. The rota and the coverage are computed once, before timing: they are other workloads.
 * 9b. Serving: the handler's requests per second for one cached feed on loopback, the server in a child process
 *     (`feeds-server.mjs`), autocannon in this one, a bounded run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import ical from 'ical-generator';
import { interleave, ratio, ratioRange, table } from './harness.mjs';
import { icalUrl, lib } from './lib.mjs';
import { HORIZONS, makeTeam } from './team-gen.mjs';

const { coachFeed, feedZone, foldLines, gapsFeed, teamFeed } = await import(icalUrl);
const { computeCoverage, generateRota, parseTeam } = lib;

/**
 * The same events through ical-generator alone: one calendar, UTC times, the fields our feed writes. With
 * `ownFolder`, the events' text is joined and folded by astreinte's `foldLines` instead of `calendar.toString()`
 * (ical-generator's folder allocates a TextEncoder per character): the part of our time that is not folding.
 */
function icalGeneratorAlone(name, events, ownFolder = false) {
  const cal = ical({ prodId: '//bench//feeds//FR', name, ttl: 3600 });
  let body = '';
  for (const e of events) {
    const event = cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: new Date(e.stamp),
      created: new Date(e.stamp),
      lastModified: new Date(e.stamp),
      start: new Date(e.start),
      end: new Date(e.end),
      summary: e.summary,
      description: e.description,
      transparency: e.transparent ? 'TRANSPARENT' : 'OPAQUE',
      status: 'CONFIRMED',
      alarms: e.alarm ? [{ type: 'display', trigger: 900, description: e.summary }] : [],
    });
    if (ownFolder) body += event.toString();
  }
  return ownFolder ? foldLines(`BEGIN:VCALENDAR\r\n${body}END:VCALENDAR\r\n`) : cal.toString();
}

/** The events of a written feed, read back with a regexp (enough for the baseline's input; not timed). */
function eventsOf(ics) {
  const text = ics.replace(/\r\n /g, '');
  return text
    .split('BEGIN:VEVENT')
    .slice(1)
    .map((block) => {
      const get = (key) => new RegExp(`\\r\\n${key}[^:]*:([^\\r]*)`).exec(`\r\n${block}`)?.[1] ?? '';
      return {
        uid: get('UID'),
        sequence: Number(get('SEQUENCE')),
        stamp: 0,
        start: 0,
        end: 0,
        summary: get('SUMMARY'),
        description: get('DESCRIPTION'),
        transparent: get('TRANSP') === 'TRANSPARENT',
        alarm: block.includes('BEGIN:VALARM'),
      };
    });
}

export async function workloadFeeds({ rounds, quick }) {
  const lines = [];
  const out = (s = '') => lines.push(s);
  const team = parseTeam(makeTeam(1000));
  const { from, to } = HORIZONS.year;
  const now = from;
  const rota = generateRota(team, { from, to });
  const coverage = computeCoverage(team, { from, to });
  const counts = new Map();
  for (const s of rota.shifts) counts.set(s.coachId, (counts.get(s.coachId) ?? 0) + 1);
  const busiest = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const opts = { now, from, to };
  const oneCoach = () => coachFeed(team, busiest, { ...opts, rota }).ics;
  // As buildAllFeeds (astreinte/node) does: one zone table and VTIMEZONE for all the network's feeds.
  const network = () => {
    const sharedZone = feedZone(team.timeZone, from - 86_400_000, to + 86_400_000);
    const opts = { now, from, to, sharedZone };
    let bytes = 0;
    for (const c of team.coaches) bytes += coachFeed(team, c.id, { ...opts, rota }).ics.length;
    bytes += teamFeed(team, { ...opts, rota }).ics.length;
    return bytes + gapsFeed(team, { ...opts, coverage }).ics.length;
  };
  // The baseline's inputs: the same events with their instants, prepared before timing.
  const withTimes = (ics, spans) =>
    eventsOf(ics).map((e, i) => ({ ...e, stamp: now, start: spans[i].start, end: spans[i].end }));
  const mine = rota.shifts.filter((s) => s.coachId === busiest);
  const oneEvents = withTimes(oneCoach(), mine);
  const perCoach = team.coaches.map((c) =>
    withTimes(
      coachFeed(team, c.id, { ...opts, rota }).ics,
      rota.shifts.filter((s) => s.coachId === c.id),
    ),
  );
  const teamEvents = withTimes(
    teamFeed(team, { ...opts, rota }).ics,
    [...rota.shifts].sort((a, b) => a.start - b.start),
  );
  const gapEvents = withTimes(gapsFeed(team, { ...opts, coverage }).ics, coverage.gaps);
  const baseOne = () => icalGeneratorAlone('x', oneEvents);
  const foldOne = () => icalGeneratorAlone('x', oneEvents, true);
  const baseNetwork = () => {
    let bytes = 0;
    for (const events of perCoach) bytes += icalGeneratorAlone('x', events).length;
    return bytes + icalGeneratorAlone('t', teamEvents).length + icalGeneratorAlone('g', gapEvents).length;
  };
  const foldNetwork = () => {
    let bytes = 0;
    for (const events of perCoach) bytes += icalGeneratorAlone('x', events, true).length;
    return (
      bytes +
      icalGeneratorAlone('t', teamEvents, true).length +
      icalGeneratorAlone('g', gapEvents, true).length
    );
  };
  const nEvents = perCoach.reduce((n, e) => n + e.length, 0) + teamEvents.length + gapEvents.length;

  const one = await interleave({
    candidates: [
      { name: 'coachFeed, busiest coach, year', role: 'ours', fn: oneCoach },
      { name: 'ical-generator alone, same events', role: 'baseline', fn: baseOne },
      { name: 'ical-generator events, our folder', role: 'info', fn: foldOne },
    ],
    rounds,
    timeMs: quick ? 100 : 400,
  });
  const net = await interleave({
    candidates: [
      { name: 'every feed of the network, year', role: 'ours', fn: network },
      { name: 'ical-generator alone, same events', role: 'baseline', fn: baseNetwork },
      { name: 'ical-generator events, our folder', role: 'info', fn: foldNetwork },
    ],
    rounds: quick ? 2 : Math.min(rounds, 5),
    timeMs: 1,
    minIterations: 1,
    warmMs: 0,
    warmMin: 1,
    rewarmMs: 0,
  });
  out(
    `### 9a. Building feeds: the synthetic network of workload 4 (1,000 coaches), year 2027, Europe/Paris; rota (${rota.shifts.length.toLocaleString('en-US')} shifts) and coverage (${coverage.gaps.length} gaps) computed before timing`,
  );
  out();
  out(`One coach (\`${busiest}\`, ${mine.length} shifts):`);
  out();
  out(
    table(
      one,
      ['ical-generator alone, same events', 'ical-generator events, our folder'],
      ['ical-generator', 'same, our folder'],
    ),
  );
  out();
  out(
    `The network: ${team.coaches.length.toLocaleString('en-US')} coach feeds + team + gaps, ${nEvents.toLocaleString('en-US')} events:`,
  );
  out();
  out(
    table(
      net,
      ['ical-generator alone, same events', 'ical-generator events, our folder'],
      ['ical-generator', 'same, our folder'],
    ),
  );
  out();
  const r1 = ratio(one, 'coachFeed, busiest coach, year', 'ical-generator alone, same events');
  const r2 = ratio(net, 'every feed of the network, year', 'ical-generator alone, same events');
  const [lo2, hi2] = ratioRange(net, 'every feed of the network, year', 'ical-generator alone, same events');
  const f1 = ratio(one, 'coachFeed, busiest coach, year', 'ical-generator events, our folder');
  const f2 = ratio(net, 'every feed of the network, year', 'ical-generator events, our folder');

  // 9b: the server in a child process, autocannon here.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'astreinte-bench-feeds-'));
  const file = path.join(dir, 'feed.ics');
  writeFileSync(file, oneCoach());
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./feeds-server.mjs', import.meta.url)), file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    },
  );
  const info = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve(JSON.parse(buf.split('\n')[0]));
    });
    child.on('error', reject);
  });
  const duration = quick ? 3 : 10;
  const runLoad = (headers) =>
    autocannon({ url: info.url, connections: 10, pipelining: 1, duration, headers });
  const full = await runLoad({});
  const etag = (await fetch(info.url)).headers.get('etag');
  const notModified = await runLoad({ 'if-none-match': etag });
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  out(
    `### 9b. Serving one cached feed (${(info.bytes / 1000).toFixed(1)} kB, the busiest coach's year): handler + node adapter in a child process, autocannon (10 connections, ${duration} s) from this one, loopback, ${cpu}`,
  );
  out();
  out('| request | requests/s (mean) | latency p50 | latency p99 | non-2xx/3xx | errors |');
  out('|---|---:|---:|---:|---:|---:|');
  for (const [label, r] of [
    ['GET, 200 (whole feed)', full],
    ['GET with If-None-Match, 304', notModified],
  ]) {
    out(
      `| ${label} | ${Math.round(r.requests.average).toLocaleString('en-US')} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.non2xx - (label.includes('304') ? (r['3xx'] ?? 0) : 0)} | ${r.errors} |`,
    );
  }
  out();
  out(
    `autocannon counts a 304 as non-2xx; the 304 row subtracts them. Both processes share this machine's ${os.cpus().length} cores, so the load generator takes CPU from the server.`,
  );
  return {
    text: lines.join('\n'),
    ratioOne: r1,
    ratioNetwork: r2,
    foldOne: f1,
    foldNetwork: f2,
    rangeNetwork: [lo2, hi2],
    networkNs: net.medians.get('every feed of the network, year'),
    rps: full.requests.average,
    rps304: notModified.requests.average,
  };
}
