// The front-end example (examples/web) driven in a real browser: Debian's Chromium, headless, through
// playwright-core. The page is built from the repository's source, served on 127.0.0.1, and checked against the
// library computed here in Node: the gaps it shows are computeCoverage's, the rota's shifts generateRota's.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (the example's own build script).
import { buildWebPage } from '../../examples/web/build.mjs';
import {
  buildZoneTable,
  computeCoverage,
  formatInstant,
  generateRota,
  parseTeam,
  readCallbackWindows,
} from '../../src/index.js';

/**
 * The page's bundle budget, kB gzip: the core it imports (coverage, rota, intake) plus its own code; 57.7 kB when set,
 * 64.4 kB with issue 11's chains, refill and assignment speed-ups in the rota.
 */
const WEB_BUDGET_KB = 66;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

let dir: string;
let server: Server;
let browser: Browser;
let base: string;
let sizes: { bytes: number; gzipBytes: number };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'astreinte-web-'));
  sizes = await buildWebPage(dir);
  server = createServer((request, response) => {
    const path = request.url === '/' ? '/index.html' : (request.url ?? '/');
    const type = TYPES[extname(path)];
    try {
      if (type === undefined || path.includes('..')) throw new Error('not served');
      const body = readFileSync(join(dir, path));
      response.writeHead(200, { 'Content-Type': type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the page, recording every console error, page error and request to another origin. */
async function open(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(base)) problems.push(`request elsewhere: ${request.url()}`);
  });
  await page.goto(base);
  return { page, problems };
}

const example = JSON.parse(readFileSync('examples/ca-va-patron.json', 'utf8'));

describe('examples/web in headless Chromium', () => {
  it('shows the example team\u2019s gaps exactly as computeCoverage finds them, and its week\u2019s rota', async () => {
    const { page, problems } = await open();
    await page.click('#use-example');
    await page.waitForSelector('#gaps tbody tr');
    const shown = await page.$$eval('#gaps tbody tr', (rows) =>
      rows.map((row) => [row.getAttribute('data-start'), row.getAttribute('data-end')]),
    );
    // The week picker starts on Monday 2026-12-07: four weeks from 00:00 Paris (UTC+1), i.e. 23:00Z the day before.
    const team = parseTeam(example);
    const from = Date.UTC(2026, 11, 6, 23);
    const to = from + 28 * 86_400_000;
    const zone = buildZoneTable(team.timeZone, from, to);
    const coverage = computeCoverage(team, { from, to });
    expect(shown).toEqual(
      coverage.gaps.map((gap) => [formatInstant(zone, gap.start), formatInstant(zone, gap.end)]),
    );
    expect(shown.length).toBeGreaterThan(0);

    const shifts = await page.$$eval('#rota tbody tr', (rows) =>
      rows.map((row) => `${row.getAttribute('data-layer')} ${row.getAttribute('data-coach')}`),
    );
    const rota = generateRota(team, { from, to: from + 7 * 86_400_000 });
    expect(shifts).toEqual(rota.shifts.map((shift) => `${shift.layer} ${shift.coachId}`));

    // The heatmap is there, visible, with 168 labelled cells.
    const heatmap = page.locator('#heatmap .heatmap');
    expect(await heatmap.isVisible()).toBe(true);
    expect(await page.locator('#heatmap .cell[aria-label]').count()).toBe(168);
    mkdirSync('.artifacts', { recursive: true });
    await page.screenshot({ path: '.artifacts/web-example.png', fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists every problem of a bad team file, with its path', async () => {
    const { page, problems } = await open();
    const bad = { ...example, timeZone: 'Europe/Pariss' };
    await page.setInputFiles('#team-file', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await page.waitForSelector('#errors li');
    expect(await page.textContent('#errors')).toContain('timeZone: "Europe/Pariss" is not a known time zone');
    expect(await page.locator('#gaps tbody tr').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads an SMS into callback windows as one types, exactly as readCallbackWindows does', async () => {
    const { page, problems } = await open();
    await page.click('#use-example');
    const text = 'Bonjour, rappelez-moi demain entre 12h et 14h, ou jeudi après 18h. 06 39 98 00 99';
    await page.locator('#sms').pressSequentially(text);
    await page.waitForFunction(() => document.querySelectorAll('#windows li').length === 2);
    const shown = await page.$$eval('#windows li', (items) =>
      items.map((li) => [li.getAttribute('data-start'), li.getAttribute('data-end')]),
    );
    // Received Monday 4 January 2027 09:00 in Paris (UTC+1): tomorrow 12-14, Thursday 18-22 (README's words).
    const receivedAt = Date.UTC(2027, 0, 4, 8);
    const reading = readCallbackWindows(text, { receivedAt, timeZone: 'Europe/Paris' });
    const zone = buildZoneTable('Europe/Paris', receivedAt, receivedAt + 10 * 86_400_000);
    expect(shown).toEqual(
      reading.windows.map((w) => [formatInstant(zone, w.start), formatInstant(zone, w.end)]),
    );
    expect(shown).toEqual([
      ['2027-01-05T12:00:00+01:00', '2027-01-05T14:00:00+01:00'],
      ['2027-01-07T18:00:00+01:00', '2027-01-07T22:00:00+01:00'],
    ]);
    expect(await page.textContent('#understood')).toBe(reading.understood);
    // The page never shows the number it found.
    expect(await page.textContent('body')).not.toContain('+33639980099');
    await page.screenshot({ path: '.artifacts/web-sms.png', fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the page\u2019s bundle within its gzip budget', () => {
    expect(sizes.gzipBytes / 1000).toBeLessThanOrEqual(WEB_BUDGET_KB);
  });
});
