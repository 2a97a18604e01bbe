import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './helpers/build-cli.js';
import { labelflow, tempProject } from './helpers/run-cli.js';
import { scriptedInboxRun } from './helpers/scripted-run.js';

// The report is opened in Debian's Chromium (installed by .ci/run) through playwright-core. In CI a missing
// browser is a failure, not a skip: .ci/run sets LABELFLOW_REQUIRE_BROWSER=1.
const CHROMIUM = process.env['LABELFLOW_CHROMIUM'] ?? '/usr/bin/chromium';
const REQUIRED = process.env['LABELFLOW_REQUIRE_BROWSER'] === '1' || ['1', 'true'].includes(process.env['CI'] ?? '');
const AVAILABLE = existsSync(CHROMIUM);
// Without the background-networking flags Chromium tries to reach Google's hosts at every start.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser | undefined;
let report = '';

beforeAll(async () => {
  await buildCli();
  const cwd = tempProject();
  await scriptedInboxRun(cwd);
  const run = labelflow(cwd, 'audit', 'report', '--html', 'report.html', '--title', 'Inbox run');
  if (run.code !== 0) throw new Error(`audit report failed: ${run.stderr}`);
  report = join(cwd, 'report.html');
  if (AVAILABLE) browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

// Each test starts the binary several times: generous timeouts for a loaded 2-core CI machine.
describe('labelflow audit report --html', { timeout: 60_000 }, () => {
  it('should find Chromium to open the report in', () => {
    if (!AVAILABLE && !REQUIRED) console.warn(`skipping the browser checks: no Chromium at ${CHROMIUM} (set LABELFLOW_REQUIRE_BROWSER=1 to make this fail)`);
    expect(AVAILABLE || !REQUIRED, `no Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does)`).toBe(true);
  });

  it.skipIf(!AVAILABLE && !REQUIRED)('should render the provenance graph offline, with the denial visible and red', async () => {
    if (browser === undefined) throw new Error(`no Chromium at ${CHROMIUM}`);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);

    expect(await page.title()).toBe('Inbox run');
    const graph = page.locator('svg.provenance');
    await expect.poll(async () => (await graph.boundingBox())?.width ?? 0).toBeGreaterThan(300);
    expect(await page.locator('svg.provenance g.node').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('svg.provenance path.edge').count()).toBeGreaterThanOrEqual(4);

    const denied = page.locator('g.node.decision.denied');
    expect(await denied.count()).toBe(1);
    expect(await denied.isVisible()).toBe(true);
    expect(await denied.getAttribute('data-tool-call-id')).toBe('call_2');
    expect(await denied.locator('text.heading').textContent()).toBe('DENIED · send_email');
    // Runs in the page; the workspace's TypeScript has no DOM types, hence the cast.
    const stroke = await denied.locator('rect').evaluate((rect) => (globalThis as unknown as { getComputedStyle(node: unknown): { stroke: string } }).getComputedStyle(rect).stroke);
    expect(stroke).toBe('rgb(198, 40, 40)');
    const box = await denied.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);

    const row = page.locator('table.decisions tr.denied');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td.decision').textContent()).toBe('DENIED');
    expect(await page.locator('.summary').textContent()).toContain('1 denied');

    // Self-contained: the page itself is the only thing loaded.
    expect(requests).toEqual([pathToFileURL(report).href]);
    const screenshot = join(mkdtempSync(join(tmpdir(), 'labelflow-report-')), 'report.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(readFileSync(screenshot).length).toBeGreaterThan(10_000);
    await page.close();
  }, 60_000);
});
