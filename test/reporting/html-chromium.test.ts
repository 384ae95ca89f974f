/**
 * Renders the HTML reports in Debian's headless Chromium (driven by playwright-core): the heatmap is visible, the
 * page makes no request but its own file and logs no error; a screenshot is kept in `.artifacts/reports/` (git
 * ignored) for a person to look at. Skipped only when `/usr/bin/chromium` is absent (`.ci/run` installs it).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseRequests, parseTeam } from '../../src/index.js';
import {
  buildCoverageGapReport,
  buildMonthlyReview,
  coverageGapReportToHtml,
  monthlyReviewToHtml,
} from '../../src/reporting/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = resolve('.artifacts/reports');

async function render(html: string, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.html`);
  writeFileSync(file, html);
  const userDataDir = mkdtempSync(join(tmpdir(), 'astreinte-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1100, height: 900 },
  });
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    await page.pdf?.({ path: join(ARTIFACTS, `${name}.pdf`), format: 'A4' }).catch(() => undefined);
    const close = async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    };
    return { page, problems, requests, close };
  } catch (e) {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
}

describe('HTML reports in headless Chromium (Debian chromium: .ci/run installs it)', () => {
  const team = parseTeam(JSON.parse(readFileSync('examples/ca-va-patron.json', 'utf8')));

  it('the coverage report shows its heatmap, requests nothing and logs no error', {
    timeout: 60_000,
  }, async () => {
    const report = buildCoverageGapReport(team, {
      from: Date.UTC(2026, 10, 30, 23),
      to: Date.UTC(2026, 11, 28, 23),
    });
    const r = await render(coverageGapReportToHtml(report), 'coverage');
    try {
      const heatmap = r.page.locator('svg.heatmap');
      expect(await heatmap.isVisible()).toBe(true);
      await r.page.locator('#heatmap').screenshot({ path: join(ARTIFACTS, 'coverage-heatmap.png') });
      await r.page.locator('#timeline figure').screenshot({ path: join(ARTIFACTS, 'coverage-timeline.png') });
      const box = await heatmap.boundingBox();
      expect(box!.width).toBeGreaterThan(400);
      expect(box!.height).toBeGreaterThan(150);
      expect(await r.page.locator('svg.heatmap rect[data-hour]').count()).toBe(168);
      expect(await r.page.locator('svg.timeline').isVisible()).toBe(true);
      expect(await r.page.title()).toContain('Rapport de couverture');
      expect(r.problems).toEqual([]);
      expect(r.requests.every((u) => u.startsWith('file://'))).toBe(true);
      expect(r.requests.length).toBe(1);
    } finally {
      await r.close();
    }
  });

  it('the monthly review renders with no error and no request', { timeout: 60_000 }, async () => {
    const requests = parseRequests(JSON.parse(readFileSync('examples/requests.json', 'utf8')), team);
    const review = buildMonthlyReview(team, requests, { month: '2026-12' });
    const r = await render(monthlyReviewToHtml(review, { lang: 'en' }), 'monthly');
    try {
      expect(await r.page.locator('#door-channel table').isVisible()).toBe(true);
      expect(r.problems).toEqual([]);
      expect(r.requests.length).toBe(1);
    } finally {
      await r.close();
    }
  });
});
