/**
 * -f html in a real browser: Debian's chromium (.ci/run installs it with apt) driven by playwright-core. The page
 * loads with no console error and no request, its counts equal the JSON report's of the same run, filters and
 * sorting change the visible rows, the source excerpt opens, hostile file names stay text; a report of thousands
 * of findings renders and filters in time. Screenshots are kept in test-artifacts/ (gitignored).
 *
 * Without chromium the test is skipped with the reason; with it, it runs (locally and in CI).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import html from '../../src/reporters/html.js';
import type { Finding } from '../../src/types.js';
import { runInProcess, tempProject } from '../cli/run-cli.js';
import { context, fileReport, finding } from './context.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`${CHROMIUM} is missing: the html report's browser test is skipped (.ci/run installs Debian's chromium with apt)`);

const HOSTILE = 'docs/<b>bold</b> & "quoted".md';
const FILES: Record<string, string> = {
  [HOSTILE]: '# Payments for [SERVICE_NAME]\n\n- [] first task\n- [x] done task\n\n## Empty\n\n## Notes\n\nSee [OWNER_NAME].\n',
  'docs/api.md': '# API\n\n```json\n{"a": 1,}\n```\n\n- [] another task\n',
  'docs/clean.md': '# Clean\n\nNothing to see.\n',
  'docs/rfcs/0001-thing.md': '# RFC: [TITLE]\n\n## Summary\n\nText.\n\n## Motivation\n\n## Design\n\nTBD\n',
  // A document type, so the page has completeness to show: the RFC has 3 of the template's 4 sections.
  'templates/rfc.md': '# RFC: [TITLE]\n\n## Summary\n\n[One paragraph.]\n\n## Motivation\n\n[Why.]\n\n## Design\n\n[How.]\n\n## Alternatives\n\n[What else.]\n',
  '.specrc.json': JSON.stringify({ types: { rfc: { template: 'templates/rfc.md' } }, documents: [{ files: ['docs/rfcs/**/*.md'], type: 'rfc' }] }),
};

interface Watch {
  problems: string[];
  requests: string[];
}

/** A page that records console errors, uncaught exceptions and every request other than its own document. */
async function open(browser: BrowserContext, file: string): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const watch: Watch = { problems: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (request.url() !== url) watch.requests.push(request.url());
  });
  await page.goto(url);
  await page.waitForSelector('body.ready', { timeout: 30_000 });
  return { page, watch };
}

const visibleFindings = (page: Page) => page.locator('#findings tbody tr.finding');

describe.skipIf(!hasChromium)('html report in a real browser (chromium)', () => {
  let browser: BrowserContext;
  let userDataDir: string;
  const started = Date.now();

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    userDataDir = mkdtempSync(join(tmpdir(), 'speclint-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    console.log(`html browser test: ${((Date.now() - started) / 1000).toFixed(1)} s wall time; screenshots in ${ARTIFACTS}`);
  });

  it('loads with no console error and no request; counts equal the JSON report of the same run; filters, sorts, shows source', async () => {
    const dir = tempProject(FILES);
    const run = await runInProcess(['-f', 'html', '-o', 'report.html', '-f', 'json', '-o', 'report.json', 'docs'], { cwd: dir });
    expect(run.stderr).toBe('');
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { results: Array<{ filePath: string; documentType: string | null; messages: Array<{ ruleId: string; severity: string; line: number }> }>; errorCount: number; warningCount: number };
    const all = json.results.flatMap((r) => r.messages.map((m) => ({ ...m, filePath: r.filePath })));
    expect(all.length).toBeGreaterThan(5);
    expect(json.warningCount).toBeGreaterThan(0);

    const { page, watch } = await open(browser, join(dir, 'report.html'));
    expect(await page.locator('#count-errors').textContent()).toBe(String(json.errorCount));
    expect(await page.locator('#count-warnings').textContent()).toBe(String(json.warningCount));
    expect(await page.locator('#count-documents').textContent()).toBe(String(json.results.length));
    expect(await page.locator('#count-with-findings').textContent()).toBe(String(json.results.filter((r) => r.messages.length > 0).length));
    expect(await visibleFindings(page).count()).toBe(all.length);
    expect(await page.locator('#findings-shown').textContent()).toBe(`Showing ${all.length} of ${all.length} findings`);
    expect(await page.locator('#documents tbody tr').count()).toBe(json.results.length);
    // Every error and warning row of the page, as (severity, rule) pairs, is the JSON report's.
    const pairs = await visibleFindings(page).evaluateAll((rows) => rows.map((row) => `${(row as HTMLElement).dataset.severity}/${(row as HTMLElement).dataset.rule}`).sort());
    expect(pairs).toEqual(all.map((m) => `${m.severity === 'error' ? 'error' : 'warning'}/${m.ruleId}`).sort());

    // Completeness of the typed document: its type, and required sections present of required, as JSON says.
    const rfc = page.locator('#documents tbody tr', { hasText: 'docs/rfcs/0001-thing.md' });
    expect(await rfc.locator('td').nth(1).textContent()).toBe('rfc');
    expect(await rfc.locator('td').nth(3).textContent()).toBe(' 3/4');
    expect(await page.locator('#count-sections').textContent()).toBe('3/4');
    expect(json.results.find((r) => r.filePath === 'docs/rfcs/0001-thing.md')).toMatchObject({ documentType: 'rfc' });
    await page.selectOption('#filter-type', 'rfc');
    const rfcFindings = all.filter((m) => m.filePath === 'docs/rfcs/0001-thing.md');
    await expect.poll(() => visibleFindings(page).count()).toBe(rfcFindings.length);
    expect(await page.locator('#documents tbody tr').count()).toBe(1);
    await page.click('#filter-clear');

    // The hostile file name is text, not markup.
    expect(await page.locator('#documents tbody b, #findings tbody b').count()).toBe(0);
    await expect.poll(() => page.locator('#documents tbody button.path').allTextContents()).toContain(HOSTILE);
    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });

    // Filter by rule: only that rule's rows, as many as the JSON report has.
    await page.selectOption('#filter-rule', 'checkboxes');
    const checkboxes = all.filter((m) => m.ruleId === 'checkboxes');
    expect(checkboxes.length).toBeGreaterThan(0);
    await expect.poll(() => visibleFindings(page).count()).toBe(checkboxes.length);
    expect(await visibleFindings(page).evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.rule))).toEqual(checkboxes.map(() => 'checkboxes'));
    expect(await page.locator('#documents tbody tr').count()).toBe(new Set(checkboxes.map((m) => m.filePath)).size);

    // Type into the search box: the hostile file's findings only (with the rule filter cleared).
    await page.click('#filter-clear');
    await page.fill('#filter-text', '<b>bold</b>');
    const hostile = all.filter((m) => m.filePath === HOSTILE);
    await expect.poll(() => visibleFindings(page).count()).toBe(hostile.length);
    expect(await page.locator('#findings tbody tr.group .path').allTextContents()).toEqual([HOSTILE]);
    expect(await page.locator('#documents tbody tr').count()).toBe(1);

    // Severity filter: warnings only.
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-severity', 'warning');
    await expect.poll(() => visibleFindings(page).count()).toBe(json.warningCount);

    // Group by rule and sort by message: group headings are the rules, in order.
    await page.click('#filter-clear');
    await page.selectOption('#group-by', 'rule');
    const rules = [...new Set(all.map((m) => m.ruleId))].sort();
    expect(await page.locator('#findings tbody tr.group .rule').allTextContents()).toEqual(rules);
    await page.click('#findings thead button[data-sort="severity"]');
    expect(await page.locator('#findings thead th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');

    // Sort the documents by errors, most first (two clicks: ascending, then descending).
    await page.click('#documents thead button[data-sort="errors"]');
    await page.click('#documents thead button[data-sort="errors"]');
    const errorsColumn = await page.locator('#documents tbody tr td:nth-child(7)').allTextContents();
    expect(errorsColumn.map(Number)).toEqual([...errorsColumn.map(Number)].sort((a, b) => b - a));

    // The source excerpt of the first finding of the hostile file: its lines, the finding's line marked.
    await page.selectOption('#group-by', 'file');
    await page.fill('#filter-text', '<b>bold</b>');
    await expect.poll(() => visibleFindings(page).count()).toBe(hostile.length);
    await visibleFindings(page).first().locator('button.toggle').click();
    const excerpt = page.locator('#findings tr.excerpt-row pre');
    expect(await excerpt.locator('.hit .src').first().textContent()).toBe('# Payments for [SERVICE_NAME]');
    expect(await excerpt.locator('.ln').allTextContents()).toEqual(['1', '2', '3']);
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-filtered.png'), fullPage: true });

    expect(watch.problems).toEqual([]);
    expect(watch.requests).toEqual([]);
  });

  it('a report of 6,000 findings in 4,000 documents shows its first 500 rows, more on request, and filters in a few seconds', async () => {
    const reports = Array.from({ length: 4000 }, (_, d) => {
      const messages: Finding[] = d % 2 === 0 ? [] : [0, 1, 2].map((i) => finding({ line: i * 10 + 1, ruleId: i === 2 ? 'empty-section' : 'no-placeholders', severity: i === 2 ? 'warn' : 'error', message: `Finding ${i} of document ${d}` }));
      return fileReport(`docs/area-${d % 40}/spec-${d}.md`, messages, { documentType: d % 3 === 0 ? 'feature-spec' : undefined });
    });
    const dir = mkdtempSync(join(tmpdir(), 'speclint-html-large-'));
    try {
      const file = join(dir, 'large.html');
      writeFileSync(file, html.format(reports, context()));
      const start = Date.now();
      const { page, watch } = await open(browser, file);
      const loaded = Date.now() - start;
      // The first 500 rows of each table, the rest a click away; the counts are all of them.
      expect(await visibleFindings(page).count()).toBe(500);
      expect(await page.locator('#findings-shown').textContent()).toBe('Showing 500 of 6000 findings');
      expect(await page.locator('#count-errors').textContent()).toBe('4000');
      expect(await page.locator('#documents tbody tr:not(.more)').count()).toBe(500);
      await page.locator('#findings tr.more button', { hasText: 'Show 500 more' }).click();
      await expect.poll(() => visibleFindings(page).count()).toBe(1000);
      expect(await page.locator('#findings tr.more').textContent()).toBe('5000 more not shown Show 500 more Show all 6000');
      const filterStart = Date.now();
      await page.fill('#filter-text', 'spec-1001.md');
      await expect.poll(() => visibleFindings(page).count()).toBe(3);
      expect(await page.locator('#findings-shown').textContent()).toBe('Showing 3 of 3 findings that match the filters (6000 in all)');
      const filtered = Date.now() - filterStart;
      console.log(`html report of 6,000 findings: ready in ${loaded} ms, filtered in ${filtered} ms`);
      expect(loaded).toBeLessThan(15_000);
      expect(filtered).toBeLessThan(5_000);
      expect(watch.problems).toEqual([]);
      expect(watch.requests).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'html-report-large.png') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
