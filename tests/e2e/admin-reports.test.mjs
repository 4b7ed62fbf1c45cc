/**
 * Shareworthy → Reports in a real browser against the real local WordPress, on a throw-away
 * copy of its database seeded with shares and clicks over 120 days
 * (tests/bench/wp-reports-seed.php): the page shows what GET /shareworthy/v1/reports
 * answers, a shorter period shows other numbers, a table downloads as CSV, and axe-core
 * finds no serious or critical accessibility violation at 1280 px and 375 px.
 *
 * Run: `node --test tests/e2e/admin-reports.test.mjs` (needs `npm run build` and PHP).
 * Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { databaseFile, ensureSite, login, repoRoot, siteDir, startServer } from '../../wordpress-plugin/bin/wp-env.mjs';
import { axeViolations, launchChromium, logInPage, setSiteLanguage } from './browser.mjs';

const PORT = Number(process.env.SHAREWORTHY_E2E_REPORTS_PORT ?? 8894);
const shots = join(repoRoot, 'test-results', 'screenshots');

let server;
let browser;
let dbDir;
let admin;

async function report(query) {
  const response = await fetch(`${server.url}/wp-json/shareworthy/v1/reports?${new URLSearchParams(query)}`, {
    headers: { cookie: admin.cookie, 'X-WP-Nonce': admin.nonce },
  });
  assert.equal(response.status, 200);
  return response.json();
}

const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (days) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
const count = (value) => new Intl.NumberFormat('en-US').format(value);

async function openReports(viewport) {
  const { context, page } = await logInPage(browser, server.url, 'admin', { viewport, acceptDownloads: true });
  await page.goto(`${server.url}/wp-admin/admin.php?page=shareworthy-reports`);
  await page.locator('.shareworthy-reports__card').first().waitFor();
  await page.locator('.shareworthy-reports__status .components-spinner').waitFor({ state: 'detached' });
  return { context, page };
}

const cardValue = (page, metric) => page.locator(`[data-metric="${metric}"] .shareworthy-reports__card-value`).textContent();

before(async () => {
  mkdirSync(shots, { recursive: true });
  ensureSite({ quiet: true });
  dbDir = mkdtempSync(join(tmpdir(), 'shareworthy-e2e-reports-'));
  copyFileSync(databaseFile, join(dbDir, '.ht.sqlite'));
  execFileSync('php', [join(repoRoot, 'tests', 'bench', 'wp-reports-seed.php'), siteDir, '3000', '120'], {
    env: { ...process.env, SHAREWORTHY_DB_DIR: `${dbDir}/` },
  });
  server = await startServer({ port: PORT, env: { SHAREWORTHY_DB_DIR: `${dbDir}/` }, workers: 4 });
  admin = await login(server.url, 'admin');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
});

test('the reports page shows the seeded figures, and a shorter period shows its own', async () => {
  const { context, page } = await openReports({ width: 1280, height: 900 });
  try {
    const month = await report({ from: daysBefore(29), to: today(), groupBy: 'item' });
    assert.ok(month.totals.clicks > 100, 'the seed put clicks in the last 30 days');
    assert.equal(await cardValue(page, 'shares'), count(month.totals.shares));
    assert.equal(await cardValue(page, 'clicks'), count(month.totals.clicks));
    assert.equal(await page.locator('#shareworthy-items tbody tr').count(), month.rows.length);
    assert.equal(await page.locator('#shareworthy-days tbody tr').count(), 30);
    await page.screenshot({ path: join(shots, 'admin-reports-desktop.png'), fullPage: true });

    const week = await report({ from: daysBefore(6), to: today(), groupBy: 'item' });
    assert.notEqual(week.totals.clicks, month.totals.clicks);
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await page.waitForFunction(
      (expected) => document.querySelector('[data-metric="clicks"] .shareworthy-reports__card-value')?.textContent === expected,
      count(week.totals.clicks),
    );
    assert.equal(await cardValue(page, 'shares'), count(week.totals.shares));
    assert.equal(await page.locator('#shareworthy-days tbody tr').count(), 7);
    assert.equal(await page.getByRole('button', { name: 'Last 7 days' }).getAttribute('aria-pressed'), 'true');

    // Sorting the top items by shares from the keyboard, then the CSV of exactly those rows.
    await page.locator('#shareworthy-items thead button', { hasText: 'Shares' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#shareworthy-items thead th').nth(1).getAttribute('aria-sort'), 'descending');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV (Top items)' }).click()]);
    assert.match(download.suggestedFilename(), /^shareworthy-items-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    assert.equal(lines[0], '\ufeffItem,Shares,Clicks,Unique clicks,Clicks per share');
    assert.equal(lines.length, week.rows.length + 2); // header, rows, and the empty string after the last CRLF
    const shares = lines.slice(1, -1).map((line) => Number(line.split(',').at(-4)));
    assert.deepEqual(shares, [...shares].sort((a, b) => b - a));

    // A campaign-less network filter narrows the figures to that network.
    const x = await report({ from: daysBefore(6), to: today(), groupBy: 'item', network: 'x' });
    await page.getByLabel('Network', { exact: true }).selectOption('x');
    await page.waitForFunction(
      (expected) => document.querySelector('[data-metric="shares"] .shareworthy-reports__card-value')?.textContent === expected,
      count(x.totals.shares),
    );
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

test('the reports page reads at 375 px without horizontal page scroll and without serious axe violations', async () => {
  const { context, page } = await openReports({ width: 375, height: 800 });
  try {
    await page.screenshot({ path: join(shots, 'admin-reports-mobile.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

test('the settings page previews the policy on a sample message and saves the value of a click the reports use', async () => {
  const { context, page } = await logInPage(browser, server.url, 'admin');
  try {
    await page.goto(`${server.url}/wp-admin/admin.php?page=shareworthy-settings`);
    await page.getByLabel('Blocked terms').fill('Projet Éclair');
    await page.getByLabel('Sample message').fill('Le projet éclair arrive bientôt !');
    await page.locator('.shareworthy-settings__findings li').first().waitFor();
    assert.match(await page.locator('.shareworthy-settings__findings').textContent(), /clair/i);
    await page.getByLabel('Blocked terms').fill('Projet Éclair\n***');
    await page.locator('.components-notice', { hasText: 'cannot be checked' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save settings' }).isDisabled(), true);
    await page.getByLabel('Blocked terms').fill('Projet Éclair');
    await page.getByLabel('Value of one click (earned media value)').fill('0.5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.components-notice', { hasText: 'Settings saved.' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, 'admin-settings-desktop.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    const month = await report({ from: daysBefore(29), to: today(), groupBy: 'network' });
    assert.equal(month.totals.emv, Math.round(month.totals.clicks * 0.5 * 100) / 100);
  } finally {
    await context.close();
  }
});

test('the approval queue and the reported concerns read without serious axe violations, and an item is approved from the queue', async () => {
  const { context, page } = await logInPage(browser, server.url, 'editor');
  try {
    await page.goto(`${server.url}/wp-admin/admin.php?page=shareworthy-concerns`);
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(`${server.url}/wp-admin/admin.php?page=shareworthy-approvals`);
    assert.deepEqual(await axeViolations(page), []);
    const rows = page.locator('.wrap tbody tr');
    const before = await rows.count();
    assert.ok(before > 0, 'the demo content has an item waiting for approval');
    await rows.first().getByRole('button', { name: 'Send back' }).click();
    await page.locator('.notice-error', { hasText: 'Say what to change' }).waitFor();
    await rows.first().getByRole('textbox').fill('Please remove the internal figures.');
    await rows.first().getByRole('button', { name: 'Approve' }).click();
    await page.locator('.notice-success', { hasText: 'Item approved' }).waitFor();
    assert.equal(await page.locator('.wrap tbody tr').count(), before - 1);
    await page.screenshot({ path: join(shots, 'admin-approvals-desktop.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('on a French site the reports page is in French, numbers included', async () => {
  // Last test: the site language stays French.
  setSiteLanguage(dbDir, 'fr_FR');
  const { context, page } = await openReports({ width: 1280, height: 900 });
  try {
    assert.equal(await page.locator('.wrap h1').textContent(), 'Rapports Shareworthy');
    assert.equal(await page.locator('[data-metric="uniqueClicks"] .shareworthy-reports__card-label').textContent(), 'Clics uniques');
    assert.equal(await page.getByRole('button', { name: 'Exporter en CSV (Contenus les plus cliqués)' }).count(), 1);
    const month = await report({ from: daysBefore(29), to: today(), groupBy: 'item' });
    assert.equal(await cardValue(page, 'clicks'), new Intl.NumberFormat('fr-FR').format(month.totals.clicks));
    await page.screenshot({ path: join(shots, 'admin-reports-fr.png') });
  } finally {
    await context.close();
  }
});
