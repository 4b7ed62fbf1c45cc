/**
 * The harness page in headless Chromium: the Share, Feed and Report web parts' root components
 * over fake services (harness.tsx), at 1280 px and 375 px. Checks what they render and do,
 * runs axe-core (no serious or critical violation), and saves screenshots as test artifacts in
 * $SHAREWORTHY_TEST_RESULTS/screenshots/.
 *
 * Run: `npm test -w spfx-webpart` (or `node --test spfx-webpart/harness/harness.test.mjs`);
 * needs `npm run build -w spfx-webpart` first (compiled SCSS in lib/) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildHarnessPage } from './page.mjs';

const workspace = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = process.env.SHAREWORTHY_TEST_RESULTS ?? join(workspace, '..', 'test-results');
const shots = join(results, 'screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const ITEM_TITLES = ['We are hiring 40 engineers in Lyon', 'Our new sustainability report', 'Meet us at VivaTech'];

let browser;
let url;

before(async () => {
  mkdirSync(shots, { recursive: true });
  url = pathToFileURL(await buildHarnessPage(join(workspace, 'temp', 'harness'))).href;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
});

/**
 * Opens the harness at a width once every web part has loaded its fake data, runs `check`,
 * then requires that the page logged no error and made no network request.
 * @param {number} width viewport width in CSS pixels
 * @param {(page: import('playwright-core').Page) => Promise<void>} check the test's steps
 */
async function withHarness(width, check) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  context.setDefaultTimeout(10000);
  // Everything is in the page: a request to the network would be a regression (and would hang offline).
  await context.route(/^https?:/, (route) => route.abort());
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(url);
    await page.locator('#report tbody tr').first().waitFor();
    await page.locator('#feed li').first().waitFor();
    await page.locator('#share textarea').first().waitFor();
    await page.locator('#editor button').first().waitFor();
    await check(page);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return found.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The three web parts show their content: composer, ranked feed, report figures and table. */
async function assertContent(page) {
  const share = page.locator('#share');
  const composer = share.getByRole('group', { name: `Share “${ITEM_TITLES[0]}”` });
  await composer.waitFor();
  assert.equal(await composer.getByRole('heading', { level: 3 }).textContent(), ITEM_TITLES[0]);
  assert.equal(await composer.getByLabel('Your message').inputValue(), 'We are hiring in Lyon! #employee');
  assert.equal(await composer.getByRole('radio', { name: 'LinkedIn' }).getAttribute('aria-checked'), 'true');
  assert.equal(await composer.getByText('characters on LinkedIn').textContent(), '32 / 3000 characters on LinkedIn');
  assert.equal(await composer.getByRole('button', { name: 'Share on LinkedIn' }).isEnabled(), true);

  const feed = page.locator('#feed');
  assert.equal(await feed.getByRole('heading', { level: 2 }).textContent(), 'Share our news');
  // Ranked for an employee who favours "jobs" and already shared item 8: the job first, item 8 last.
  assert.deepEqual(await feed.getByRole('listitem').getByRole('heading', { level: 3 }).allTextContents(), [ITEM_TITLES[0], ITEM_TITLES[2], ITEM_TITLES[1]]);
  assert.match(await feed.getByRole('listitem').last().textContent(), /You shared this/u);

  const report = page.locator('#report');
  assert.equal(await report.getByRole('heading', { level: 2 }).textContent(), 'Shareworthy report');
  const figures = Object.fromEntries(
    await report.locator('dl > div').evaluateAll((cells) => cells.map((cell) => [cell.querySelector('dt').textContent, cell.querySelector('dd').textContent])),
  );
  // harness.tsx: 128 shares, i % 9 clicks on share i (505 in all), 40 of 120 employees, 1.5 per click.
  assert.equal(figures.Shares, '128');
  assert.equal(figures.Clicks, '505');
  assert.equal(figures.Participation, '33.3%');
  assert.equal(figures['Earned media value'], '757.50');
  await report.getByRole('img', { name: /Bar chart/u }).waitFor();
  const rows = await tableRows(page);
  assert.deepEqual(rows.map((row) => row[0]).sort(), [...ITEM_TITLES].sort());
  assert.equal(rows.reduce((sum, row) => sum + Number(row[1]), 0), 128);
}

/** The report table's body, one array of cell texts per row. */
async function tableRows(page) {
  return page.locator('#report tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
}

test('mounts the Share, Feed and Report web parts with their content at 1280 px, without serious axe violations', () =>
  withHarness(1280, async (page) => {
    await assertContent(page);
    await page.screenshot({ path: join(shots, 'spfx-harness-desktop.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
  }));

test('reads at 375 px: the same content, no sideways scroll, no serious axe violations', () =>
  withHarness(375, async (page) => {
    await assertContent(page);
    await page.screenshot({ path: join(shots, 'spfx-harness-mobile.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axeViolations(page), []);
  }));

test('the composer follows the network, blocks a confidential term, and shares once the policy is accepted', () =>
  withHarness(1280, async (page) => {
    const composer = page.locator('#share').getByRole('group', { name: `Share “${ITEM_TITLES[0]}”` });
    const message = composer.getByLabel('Your message');
    await composer.getByRole('radio', { name: 'X', exact: true }).click();
    assert.equal(await message.inputValue(), 'Lyon, we are hiring 40 engineers 🚀 #employee');
    await composer.getByText('characters on X').waitFor();

    await message.fill('Big news: the rachat is signed #employee');
    assert.match(await composer.locator('[id$="-findings"]').textContent(), /« rachat »/u);
    assert.equal(await message.getAttribute('aria-invalid'), 'true');
    assert.equal(await composer.getByRole('button', { name: 'Share on X' }).isDisabled(), true);

    await message.fill('Lyon, we are hiring! #employee');
    await composer.getByRole('button', { name: 'Share on X' }).click();
    const policy = composer.getByRole('region', { name: 'Social media policy' });
    assert.equal(await policy.getByRole('button', { name: 'Accept and share' }).isDisabled(), true);
    await policy.getByRole('checkbox').check();
    await policy.getByRole('button', { name: 'Accept and share' }).click();
    await composer.getByRole('status').filter({ hasText: 'The share page opened in a new window.' }).waitFor();

    const log = await page.evaluate(() => window.harness);
    assert.deepEqual(log.accepted, ['1']);
    assert.deepEqual(log.recorded, [{ shareId: 'h4rn3ss', itemId: '7', network: 'x', trackedUrl: 'https://go.example.com/h4rn3ss' }]);
    assert.equal(log.opened.length, 1);
    const intent = new URL(log.opened[0]);
    assert.equal(`${intent.origin}${intent.pathname}`, 'https://x.com/intent/tweet');
    assert.equal(intent.searchParams.get('url'), 'https://go.example.com/h4rn3ss');
    assert.match(intent.searchParams.get('text') ?? '', /^Lyon, we are hiring!/u);
    assert.equal(await composer.getByRole('link', { name: 'Open X', exact: true }).getAttribute('href'), log.opened[0]);
  }));

test('the feed filters by topic; the report regroups by network and exports the same rows as CSV', () =>
  withHarness(1280, async (page) => {
    const feed = page.locator('#feed');
    await feed.getByRole('combobox', { name: 'Topic' }).click();
    await page.getByRole('option', { name: 'csr' }).click();
    assert.deepEqual(await feed.getByRole('listitem').getByRole('heading', { level: 3 }).allTextContents(), [ITEM_TITLES[1]]);

    const report = page.locator('#report');
    await report.getByRole('combobox', { name: 'Group by' }).click();
    await page.getByRole('option', { name: 'Network' }).click();
    await report.getByRole('columnheader', { name: 'Network' }).waitFor();
    const rows = await tableRows(page);
    // i % 4 over 128 shares: LinkedIn twice per cycle, X and Bluesky once.
    assert.deepEqual(Object.fromEntries(rows.map((row) => [row[0], Number(row[1])])), { LinkedIn: 64, X: 32, Bluesky: 32 });

    await report.getByRole('button', { name: 'Export CSV' }).click();
    const [download] = await page.evaluate(() => window.harness.downloads);
    assert.equal(download.fileName, 'shareworthy-network-2026-11-01-2026-11-30.csv');
    const lines = download.csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'key,label,shares,clicks,uniqueClicks,ctr');
    assert.deepEqual(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(',')).sort(), ['bluesky,Bluesky,32', 'linkedin,LinkedIn,64', 'x,X,32']);
  }));

test('an editor makes a page without an item shareable: the form is prefilled from the page, checked, and creates a pending item', () =>
  withHarness(375, async (page) => {
    const editor = page.locator('#editor');
    await editor.getByRole('button', { name: 'Make this page shareable' }).click();
    const form = editor.getByRole('form', { name: 'Make this page shareable' });
    await form.waitFor();
    assert.equal(await form.getByLabel('Title').inputValue(), 'Meet our robotics team at VivaTech 2027');
    assert.equal(await form.getByLabel('Summary').inputValue(), 'Booth C-42, 17–20 June, Paris. Live demos every hour.');
    assert.equal(await form.getByLabel('Public URL (the address employees share)').inputValue(), 'https://contoso.sharepoint.com/sites/news/SitePages/VivaTech-2027.aspx');
    assert.match(await form.textContent(), /pending until an approver/u);

    // The intranet address is not public: the editor gives the public one, then a message for X.
    await form.getByLabel('Public URL (the address employees share)').fill('not a url');
    await form.getByLabel('Suggested message for').selectOption('x');
    await form.getByLabel('Your message').fill('See our robots at #VivaTech, booth C-42 🤖');
    assert.equal(await form.getByText('characters on X').textContent(), '42 / 280 characters on X');
    await form.getByRole('button', { name: 'Create the item' }).click();
    assert.match(await form.getByRole('alert').textContent(), /Public URL \(the address employees share\): /u);

    await form.getByLabel('Public URL (the address employees share)').fill('https://example.com/vivatech');
    await form.getByLabel('Hashtags (separated by commas or spaces)').fill('VivaTech robotics');
    await form.getByLabel('Expiry date').fill('2027-06-21');
    await page.screenshot({ path: join(shots, 'spfx-harness-editor-mobile.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axeViolations(page), []);

    await form.getByRole('button', { name: 'Create the item' }).click();
    await editor.getByRole('status').filter({ hasText: 'Item 12 was created and waits for approval' }).waitFor();
    const [created] = await page.evaluate(() => window.harness.created);
    assert.deepEqual(
      { publicUrl: created.publicUrl, intranetUrl: created.intranetUrl, messages: created.messages, hashtags: created.hashtags, expiresAt: created.expiresAt, status: created.status },
      {
        publicUrl: 'https://example.com/vivatech', intranetUrl: 'https://contoso.sharepoint.com/sites/news/SitePages/VivaTech-2027.aspx',
        messages: { default: 'Meet our robotics team at VivaTech 2027', x: 'See our robots at #VivaTech, booth C-42 🤖' },
        hashtags: ['VivaTech', 'robotics'], expiresAt: '2027-06-21T00:00:00.000Z', status: 'pending',
      },
    );
  }));
