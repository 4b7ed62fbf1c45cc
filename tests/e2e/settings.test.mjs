/**
 * Shareworthy → Settings in a real browser against the real local WordPress (a throw-away
 * copy of its database): the admin opens the page from the menu, adds a blocked term, saves
 * from the keyboard, reloads and finds it kept; a bad value is refused with a message under
 * its field; then an employee opens the share composer on a demo article and sees the new
 * term flagged. axe-core finds no serious or critical violation on the page.
 *
 * Run: `node --test tests/e2e/settings.test.mjs` (needs `npm run build` and PHP).
 * Screenshots go to $SHAREWORTHY_TEST_RESULTS/screenshots (default test-results/).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { databaseFile, ensureSite, login, repoRoot, startServer } from '../../wordpress-plugin/bin/wp-env.mjs';
import { axeViolations, launchChromium, logInPage, setSiteLanguage } from './browser.mjs';

const PORT = Number(process.env.SHAREWORTHY_E2E_SETTINGS_PORT ?? 8895);
const shots = join(process.env.SHAREWORTHY_TEST_RESULTS ?? join(repoRoot, 'test-results'), 'screenshots');
const TERM = 'Projet Falcon';
const DEMO_TITLE = 'Q2 results: a record quarter for the whole team';

let server;
let browser;
let dbDir;
let article;

async function rest(who, method, path, body) {
  const response = await fetch(`${server.url}/wp-json${path}`, {
    method,
    headers: { cookie: who.cookie, 'X-WP-Nonce': who.nonce, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, data: await response.json() };
}

const logIn = (user) => logInPage(browser, server.url, user);

before(async () => {
  mkdirSync(shots, { recursive: true });
  ensureSite({ quiet: true });
  dbDir = mkdtempSync(join(tmpdir(), 'shareworthy-e2e-settings-'));
  copyFileSync(databaseFile, join(dbDir, '.ht.sqlite'));
  server = await startServer({ port: PORT, env: { SHAREWORTHY_DB_DIR: `${dbDir}/` }, workers: 4 });
  browser = await launchChromium();
  // The demo articles are plain posts: put the share block on one, as an editor would.
  const admin = await login(server.url, 'admin');
  const found = await rest(admin, 'GET', `/wp/v2/posts?search=${encodeURIComponent('Q2 results')}&context=edit`);
  article = found.data.find((post) => post.title.raw === DEMO_TITLE);
  assert.ok(article, 'the demo content has the Q2 results article');
  const updated = await rest(admin, 'POST', `/wp/v2/posts/${article.id}`, { content: `${article.content.raw}\n<!-- wp:shareworthy/share /-->` });
  assert.equal(updated.status, 200, JSON.stringify(updated.data));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
});

test('the admin adds a blocked term on Shareworthy → Settings, saves from the keyboard, and finds it after a reload', async () => {
  const { context, page } = await logIn('admin');
  try {
    await page.locator('#adminmenu a', { hasText: /^Shareworthy$/ }).first().hover();
    await page.locator('#adminmenu a[href$="page=shareworthy-settings"]').click();
    await page.getByRole('heading', { name: 'Shareworthy settings' }).waitFor();
    const terms = page.getByLabel('Blocked terms');
    await terms.waitFor();
    assert.deepEqual(await axeViolations(page), []);

    const before = await terms.inputValue();
    await terms.fill(before === '' ? TERM : `${before}\n${TERM}`);
    // The preview runs core's checkPolicy on the sample, as the composer will.
    await page.getByLabel('Sample message').fill(`Bientôt : le projet-falcon ! #employee`);
    await page.locator('.shareworthy-settings__findings li[data-severity="block"]', { hasText: TERM }).waitFor();

    await page.getByRole('button', { name: 'Save settings' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.components-notice.is-success', { hasText: 'Settings saved.' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, 'admin-settings.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);

    await page.reload();
    await page.getByLabel('Blocked terms').waitFor();
    assert.ok((await page.getByLabel('Blocked terms').inputValue()).split('\n').includes(TERM), 'the term is kept');
  } finally {
    await context.close();
  }
});

test('bad values are refused with a message under each field, and nothing is saved', async () => {
  const { context, page } = await logIn('admin');
  try {
    await page.goto(`${server.url}/wp-admin/admin.php?page=shareworthy-settings`);
    const medium = page.getByLabel('utm_medium of shared links');
    const campaign = page.getByLabel('Campaign of items without one');
    const days = page.getByLabel('Keep clicks for (days)');
    await medium.waitFor();
    const kept = { medium: await medium.inputValue(), campaign: await campaign.inputValue() };
    await medium.fill('employee advocacy');
    await campaign.fill('!!! ---');
    await days.fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('.components-notice.is-error', { hasText: 'Nothing was saved' }).waitFor();
    // Each message is the field's description (aria-describedby), so it is read with the field.
    const described = (field) => field.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby')).textContent);
    assert.ok(await medium.evaluate((input) => input === document.activeElement), 'the keyboard is on the first refused field');
    assert.match(await described(medium), /utmMedium/);
    assert.match(await described(campaign), /at least one letter or digit/);
    await page.reload();
    await medium.waitFor();
    assert.equal(await medium.inputValue(), kept.medium);
    assert.equal(await campaign.inputValue(), kept.campaign);
    assert.notEqual(await days.inputValue(), '30', 'the valid field of the refused save was not saved either');
  } finally {
    await context.close();
  }
});

test('an employee sees the new blocked term flagged in the share composer of a demo article', async () => {
  const { context, page } = await logIn('employee');
  try {
    await page.goto(article.link);
    await page.locator('.wp-block-shareworthy-share a[data-network="linkedin"]').click();
    const dialog = page.locator('dialog.shareworthy-composer');
    const accept = dialog.getByRole('button', { name: 'I accept the policy' });
    if (await accept.isVisible()) await accept.click();
    const message = dialog.getByLabel('Your message');
    await message.waitFor();
    await message.fill('Our Q2 was great, and PROJET FALCON is next!');
    const flagged = dialog.locator('.shareworthy-composer__findings li.is-block', { hasText: TERM });
    await flagged.waitFor();
    assert.equal(await dialog.getByRole('button', { name: 'Share', exact: true }).isDisabled(), true);
    await page.screenshot({ path: join(shots, 'settings-term-in-composer.png') });
  } finally {
    await context.close();
  }
});

test('the page reads at 375 px without sideways scrolling and without serious axe violations', async () => {
  const { context, page } = await logIn('admin');
  try {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/wp-admin/admin.php?page=shareworthy-settings`);
    await page.getByLabel('Blocked terms').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'admin-settings-mobile.png') });
  } finally {
    await context.close();
  }
});

test('on a French site the page reads French, refusal messages included', async () => {
  // Last test: the site language stays French.
  setSiteLanguage(dbDir, 'fr_FR');
  const { context, page } = await logIn('admin');
  try {
    await page.goto(`${server.url}/wp-admin/admin.php?page=shareworthy-settings`);
    await page.getByRole('heading', { name: 'Réglages Shareworthy' }).waitFor();
    await page.getByRole('heading', { name: 'Charte réseaux sociaux' }).waitFor();
    assert.ok((await page.getByLabel('Termes interdits').inputValue()).includes(TERM));
    const campaign = page.getByLabel('Campagne des contenus qui n’en ont pas');
    await campaign.fill('***');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.locator('.components-notice.is-error', { hasText: 'Rien n’a été enregistré' }).waitFor();
    assert.match(
      await campaign.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby')).textContent),
      /au moins une lettre ou un chiffre/,
    );
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'admin-settings-fr.png') });
  } finally {
    await context.close();
  }
});
