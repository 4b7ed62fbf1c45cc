/**
 * The whole share flow in a real browser against the real local WordPress:
 * editor marks a post shareable in the sidebar → employee accepts the policy and shares to
 * LinkedIn with a tracked link → a visitor follows the link and the click is counted once.
 *
 * Runs on a throw-away copy of the local site's database (wordpress-plugin/bin/wp-env.mjs),
 * with Debian's Chromium driven by playwright-core. LinkedIn is never contacted: the route
 * `https://www.linkedin.com/**` answers with a stub page.
 *
 * Run: `node --test tests/e2e/share-flow.test.mjs` (needs `npm run build` and PHP).
 * Screenshots go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { databaseFile, ensureSite, login, repoRoot, siteDir, startServer } from '../../wordpress-plugin/bin/wp-env.mjs';
import { launchChromium } from './browser.mjs';

const PORT = Number(process.env.SHAREWORTHY_E2E_PORT ?? 8893);
const shots = join(repoRoot, 'test-results', 'screenshots');
/** A desktop Chrome: the click counter ignores headless browsers, rightly. */
const VISITOR_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const POLICY_TEXT = 'Be yourself. Never share confidential information. Always disclose that you work here with #employee.';
const LINKEDIN_MESSAGE = 'Our new plant runs on 100% renewable power. Proud of the team!';

let server;
let browser;
let dbDir;
let postId;
let postUrl;
const state = {};

const shot = (page, name, fullPage = true) => page.screenshot({ path: join(shots, `${name}.png`), fullPage });

async function rest(url, who, method, path, body) {
  const response = await fetch(`${url}/wp-json${path}`, {
    method,
    headers: { cookie: who.cookie, 'X-WP-Nonce': who.nonce, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json();
  return { status: response.status, data };
}

async function newContext(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(15000);
  // Nothing leaves the machine: other hosts are refused, LinkedIn's share page is a stub
  // (registered last: Playwright tries the newest route first).
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await context.route(/^https:\/\/www\.linkedin\.com\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>LinkedIn (stub)</title><h1>LinkedIn share stub</h1>' }),
  );
  return context;
}

async function logIn(context, user) {
  const page = await context.newPage();
  await page.goto(`${server.url}/wp-login.php`);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', 'password');
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
  return page;
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  ensureSite({ quiet: true });
  dbDir = mkdtempSync(join(tmpdir(), 'shareworthy-e2e-'));
  copyFileSync(databaseFile, join(dbDir, '.ht.sqlite'));
  server = await startServer({ port: PORT, env: { SHAREWORTHY_DB_DIR: `${dbDir}/` }, workers: 4 });
  browser = await launchChromium();

  // The admin writes the policy; the editor drafts an article with the share block.
  const admin = await login(server.url, 'admin');
  const settings = await rest(server.url, admin, 'POST', '/shareworthy/v1/settings', {
    policyText: POLICY_TEXT,
    policy: { requiredDisclosure: ['#employee'], blockedTerms: ['confidential'] },
  });
  assert.equal(settings.status, 200, JSON.stringify(settings.data));
  const campaign = await rest(server.url, admin, 'POST', '/wp/v2/shareworthy-campaigns', { name: 'Renewables 2026' });
  assert.equal(campaign.status, 201, JSON.stringify(campaign.data));
  state.campaign = campaign.data;
  const editor = await login(server.url, 'editor');
  const created = await rest(server.url, editor, 'POST', '/wp/v2/posts', {
    title: 'Our plant now runs on renewable power',
    status: 'publish',
    content: '<!-- wp:paragraph --><p>Since Monday, every machine in the plant runs on power from the new solar field.</p><!-- /wp:paragraph -->\n<!-- wp:shareworthy/share /-->',
  });
  assert.equal(created.status, 201, JSON.stringify(created.data));
  postId = created.data.id;
  postUrl = created.data.link;
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
});

test('an editor marks the post shareable in the sidebar and writes a LinkedIn message', async () => {
  const context = await newContext();
  const page = await logIn(context, 'editor');
  await page.goto(`${server.url}/wp-admin/post.php?post=${postId}&action=edit`);
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId());
  // The welcome guide opens on a first visit and hides the rest of the editor from the a11y tree.
  await page
    .locator('.edit-post-welcome-guide')
    .waitFor({ timeout: 5000 })
    .then(() => page.keyboard.press('Escape'))
    .catch(() => {});
  await page.evaluate(() => window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/document'));
  const panel = page.getByRole('button', { name: 'Sharing', exact: true });
  await panel.waitFor();
  if ((await panel.getAttribute('aria-expanded')) !== 'true') await panel.click();

  await page.getByLabel('Shareable', { exact: true }).check();
  const message = page.getByLabel('LinkedIn message', { exact: true });
  // A blocked term is flagged live, with the policy's sentence, before it is corrected.
  await message.fill('This is confidential');
  await page.locator('.shareworthy-message__findings .is-block').first().waitFor();
  assert.match(await page.locator('.shareworthy-message__preview mark').first().innerText(), /confidential/i);
  await shot(page, '1-editor-sidebar-finding');
  await message.fill(LINKEDIN_MESSAGE);
  // Counted is what employees start from: the message plus the disclosure the policy requires.
  const linkedin = page.locator('.shareworthy-message').filter({ has: page.getByLabel('LinkedIn message', { exact: true }) });
  assert.equal(await linkedin.locator('.shareworthy-message__count').innerText(), `${LINKEDIN_MESSAGE.length + ' #employee'.length} / 3000`);
  assert.equal(await linkedin.locator('.shareworthy-message__findings li').count(), 0);
  await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Renewables 2026' });
  await page.getByLabel('Approval', { exact: true }).selectOption('approved');
  await shot(page, '2-editor-sidebar');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForFunction(() => !window.wp.data.select('core/editor').isSavingPost() && !window.wp.data.select('core/editor').isEditedPostDirty());

  const editor = await login(server.url, 'editor');
  const saved = await rest(server.url, editor, 'GET', `/wp/v2/posts/${postId}?context=edit`);
  assert.equal(saved.data.meta.shareworthy_shareable, true);
  assert.equal(saved.data.meta.shareworthy_status, 'approved');
  assert.equal(saved.data.meta.shareworthy_messages.linkedin, LINKEDIN_MESSAGE);
  assert.deepEqual(saved.data['shareworthy-campaigns'], [state.campaign.id]);
  await context.close();
});

test('an employee accepts the policy and shares to LinkedIn with a tracked link', async () => {
  const context = await newContext();
  const page = await logIn(context, 'employee');
  await page.goto(postUrl);
  const link = page.locator('.wp-block-shareworthy-share a[data-network="linkedin"]');
  await link.waitFor();
  await shot(page, '3-employee-article');

  await link.click();
  const dialog = page.locator('dialog.shareworthy-composer');
  await dialog.getByRole('button', { name: 'I accept the policy' }).waitFor();
  assert.match(await dialog.locator('.shareworthy-composer__policy').innerText(), /Never share confidential information/);
  await shot(page, '4-policy', false);
  await dialog.getByRole('button', { name: 'I accept the policy' }).click();

  const textarea = dialog.getByLabel('Your message');
  await textarea.waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  // The disclosure the policy requires is added to the editor's suggestion.
  assert.equal(await textarea.inputValue(), `${LINKEDIN_MESSAGE} #employee`);
  await page.waitForFunction(() => /\d+ \/ 3000/.test(document.querySelector('.shareworthy-composer__count')?.textContent ?? ''));
  assert.equal(await dialog.locator('.shareworthy-composer__findings li').count(), 0);
  await shot(page, '5-composer', false);

  const [popup, response] = await Promise.all([
    context.waitForEvent('page'),
    page.waitForResponse((r) => r.url().includes('/shareworthy/v1/shares') && r.request().method() === 'POST'),
    dialog.getByRole('button', { name: 'Share', exact: true }).click(),
  ]);
  const share = await response.json();
  assert.equal(response.status(), 201);
  await popup.waitForURL(/linkedin\.com/);
  const intent = new URL(popup.url());
  const tracked = intent.searchParams.get('url');
  assert.match(tracked, new RegExp(`/go/${share.code}$`));
  assert.equal(tracked, share.trackedUrl);
  await shot(popup, '6-linkedin-stub');
  // The dialog closed, focus went back to the link, and the article shows it was shared.
  await page.locator('dialog.shareworthy-composer[open]').waitFor({ state: 'detached' }).catch(() => {});
  assert.equal(await dialog.evaluate((d) => d.open), false);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.network), 'linkedin');
  await page.locator('.shareworthy-share__shared:not([hidden])').waitFor();
  state.share = share;
  await context.close();
});

test('the feed block lists the item for the employee, marked as already shared', async () => {
  const editor = await login(server.url, 'editor');
  const page = await rest(server.url, editor, 'POST', '/wp/v2/pages', {
    title: 'Share our news',
    status: 'publish',
    content: '<!-- wp:shareworthy/feed {"perPage":50} /-->\n<!-- wp:shareworthy/feed {"perPage":2,"title":"Two at a time"} /-->',
  });
  assert.equal(page.status, 201, JSON.stringify(page.data));
  const context = await newContext();
  const tab = await logIn(context, 'employee');
  await tab.goto(page.data.link);
  const [all, paged] = [tab.locator('.wp-block-shareworthy-feed').first(), tab.locator('.wp-block-shareworthy-feed').nth(1)];
  const item = all.locator('.shareworthy-feed__item').filter({ hasText: 'Our plant now runs on renewable power' });
  await item.waitFor();
  await item.locator('.shareworthy-share__shared:not([hidden])').waitFor();
  // The demo content has more live items than one page of two holds.
  assert.equal(await paged.locator('.shareworthy-feed__item').count(), 2);
  assert.match(await paged.locator('.shareworthy-feed__pages').innerText(), /Page 1 of \d+/);
  await shot(tab, '7-feed');
  // A share link of the feed opens that item's composer.
  await item.locator('a[data-network="linkedin"]').click();
  const message = all.locator('dialog.shareworthy-composer').getByLabel('Your message');
  await message.waitFor();
  assert.equal(await message.inputValue(), `${LINKEDIN_MESSAGE} #employee`);
  await tab.keyboard.press('Escape');
  await context.close();
});

test('a visitor following the tracked link is counted once within 30 minutes', async () => {
  assert.ok(state.share, 'needs the share of the previous test');
  const visitor = await newContext({ userAgent: VISITOR_UA });
  const page = await visitor.newPage();
  await page.goto(`${server.url}/go/${state.share.code}`);
  assert.ok(page.url().startsWith(postUrl.replace(/\/$/, '')), `landed on ${page.url()}`);
  assert.match(page.url(), /utm_source=linkedin/);
  assert.match(page.url(), /utm_campaign=renewables-2026/, 'the campaign chosen in the sidebar');
  await shot(page, '8-visitor-landing');
  await page.goto(`${server.url}/go/${state.share.code}`);

  const employee = await login(server.url, 'employee');
  const counted = await rest(server.url, employee, 'GET', `/shareworthy/v1/shares/${state.share.id}`);
  assert.equal(counted.status, 200);
  assert.equal(counted.data.clicks, 1);

  // Logged out, the share block renders nothing, unless the site shows public share buttons.
  await page.goto(postUrl);
  assert.equal(await page.locator('.wp-block-shareworthy-share').count(), 0);
  const admin = await login(server.url, 'admin');
  assert.equal((await rest(server.url, admin, 'POST', '/shareworthy/v1/settings', { publicButtons: true })).status, 200);
  const editor = await login(server.url, 'editor');
  const open = await rest(server.url, editor, 'POST', '/wp/v2/posts', {
    title: 'Open day at the plant',
    status: 'publish',
    content: '<!-- wp:shareworthy/share /-->',
    meta: { shareworthy_shareable: true, shareworthy_status: 'approved', shareworthy_messages: { linkedin: 'Come and visit' } },
  });
  assert.equal(open.status, 201, JSON.stringify(open.data));
  await page.goto(open.data.link);
  const link = page.locator('.wp-block-shareworthy-share a', { hasText: 'LinkedIn' });
  const intent = new URL(await link.getAttribute('href'));
  assert.equal(intent.host, 'www.linkedin.com');
  assert.equal(intent.searchParams.get('url'), open.data.link, 'the public link, without tracking');
  assert.equal(await page.locator('.wp-block-shareworthy-share script, dialog').count(), 0);
  await visitor.close();
});

test('without JavaScript the share link records the share and redirects to LinkedIn', async () => {
  const context = await newContext({ javaScriptEnabled: false });
  const page = await logIn(context, 'employee');
  await page.goto(postUrl);
  const [request] = await Promise.all([
    page.waitForRequest(/linkedin\.com/),
    page.locator('.wp-block-shareworthy-share a[data-network="linkedin"]').click(),
  ]);
  const tracked = new URL(request.url()).searchParams.get('url');
  assert.match(tracked, /\/go\/[A-Za-z0-9_-]{4,32}$/);
  assert.notEqual(tracked, state.share?.trackedUrl, 'a new share, a new code');
  await context.close();
});

test('an employee reports a concern about the article', async () => {
  const context = await newContext();
  const page = await logIn(context, 'employee');
  await page.goto(postUrl);
  await page.getByText('Report a concern').click();
  await page.getByLabel('What is wrong with this article?').fill('The figure of 100% is not confirmed yet.');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/shareworthy/v1/concerns')),
    page.getByRole('button', { name: 'Send to the editors' }).click(),
  ]);
  assert.equal(response.status(), 201);
  await page.getByText('Thank you, the editors will look into it.').waitFor();
  await shot(page, '9-concern');
  await context.close();
});

test('changing the policy text on Shareworthy → Settings asks employees to accept it again', async () => {
  const context = await newContext();
  const page = await logIn(context, 'admin');
  await page.goto(`${server.url}/wp-admin/admin.php?page=shareworthy-settings`);
  const text = page.getByLabel('Policy text employees accept');
  await text.waitFor();
  assert.equal(await text.inputValue(), POLICY_TEXT);
  assert.equal(await page.getByLabel('Required disclosure tags').inputValue(), '#employee');
  await text.fill(`${POLICY_TEXT}\nNew: no photos of the plant floor.`);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('.components-notice.is-success', { hasText: 'Settings saved. The policy is now version 2' }).waitFor();
  await page.getByText(/^Version 2\./).waitFor();
  // The checks were kept.
  assert.equal(await page.getByLabel('Required disclosure tags').inputValue(), '#employee');
  await shot(page, '10-policy-settings');
  await context.close();

  // Without JavaScript, the share link first shows the policy, then goes on to the network.
  const nojs = await newContext({ javaScriptEnabled: false });
  const tab = await logIn(nojs, 'editor');
  await tab.goto(postUrl);
  await tab.locator('.wp-block-shareworthy-share a[data-network="linkedin"]').click();
  await tab.getByText('New: no photos of the plant floor.').waitFor();
  const [intent] = await Promise.all([tab.waitForRequest(/linkedin\.com/), tab.getByRole('button', { name: 'I accept the policy' }).click()]);
  assert.match(new URL(intent.url()).searchParams.get('url'), /\/go\/[A-Za-z0-9_-]{4,32}$/);
  await nojs.close();

  const employee = await login(server.url, 'employee');
  const policy = await rest(server.url, employee, 'GET', '/shareworthy/v1/policy');
  assert.equal(policy.data.version, 2);
  assert.equal(policy.data.accepted, false);
  const refused = await rest(server.url, employee, 'POST', '/shareworthy/v1/shares', { itemId: postId, network: 'linkedin' });
  assert.equal(refused.status, 403);
  assert.equal(refused.data.code, 'shareworthy_policy_not_accepted');
  const stale = await rest(server.url, employee, 'POST', '/shareworthy/v1/policy/acceptance', { version: 1 });
  assert.equal(stale.status, 409);
  const accepted = await rest(server.url, employee, 'POST', '/shareworthy/v1/policy/acceptance', { version: 2 });
  assert.equal(accepted.status, 200);
  assert.equal((await rest(server.url, employee, 'POST', '/shareworthy/v1/shares', { itemId: postId, network: 'linkedin' })).status, 201);
});

test('on a French site, an author gets the sidebar, the share block and the composer in French', async () => {
  // WordPress has no fr_FR core files here; the plugin's own catalogue (.mo for PHP, Jed JSON
  // for the scripts) must be enough. update_option() refuses a language that is not installed,
  // so the site language is written straight to the throw-away database (last test: it stays).
  const sql = `$GLOBALS['wpdb']->replace( $GLOBALS['wpdb']->options, array( 'option_name' => 'WPLANG', 'option_value' => 'fr_FR', 'autoload' => 'yes' ), array( '%s', '%s', '%s' ) );`;
  execFileSync('php', ['-r', `$_SERVER['HTTP_HOST'] = '127.0.0.1'; require '${siteDir}/wp-load.php'; ${sql}`], {
    env: { ...process.env, SHAREWORTHY_DB_DIR: `${dbDir}/` },
  });
  const context = await newContext();
  const page = await logIn(context, 'author');
  await page.goto(`${server.url}/wp-admin/post-new.php`);
  await page
    .locator('.edit-post-welcome-guide')
    .waitFor({ timeout: 5000 })
    .then(() => page.keyboard.press('Escape'))
    .catch(() => {});
  const panel = page.getByRole('button', { name: 'Partage', exact: true });
  await panel.waitFor();
  if ((await panel.getAttribute('aria-expanded')) !== 'true') await panel.click();
  await page.getByLabel('Partageable', { exact: true }).check();
  await page.getByLabel('Message LinkedIn', { exact: true }).fill('Bonjour');
  const preview = page.locator('.shareworthy-message__preview').first();
  assert.match(await preview.innerText(), /^Les collaborateurs partent de : Bonjour #employee$/);
  // Authors cannot approve: they submit for approval.
  await page.getByRole('button', { name: 'Soumettre à validation' }).waitFor();
  await shot(page, '11-sidebar-fr', false);
  await page.close({ runBeforeUnload: false }); // the new post is left unsaved

  const front = await context.newPage();
  await front.goto(postUrl);
  await front.getByText('Partager cet article').waitFor();
  await front.locator('.wp-block-shareworthy-share a[data-network="linkedin"]').click();
  const dialog = front.locator('dialog.shareworthy-composer');
  await dialog.getByRole('button', { name: 'J’accepte la charte' }).click();
  await dialog.getByLabel('Votre message').waitFor();
  await front.waitForFunction(() => /\d+ \/ 3000/.test(document.querySelector('.shareworthy-composer__count')?.textContent ?? ''));
  await dialog.getByLabel('Votre message').fill('Un projet confidential');
  await dialog.locator('.shareworthy-composer__findings li.is-block').first().waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Partager', exact: true }).isDisabled(), true);
  await shot(front, '12-composer-fr', false);
  await front.keyboard.press('Escape');
  assert.equal(await dialog.evaluate((d) => d.open), false);
  // Keyboard only: Enter on the focused link opens the composer again, Escape gives focus back.
  assert.equal(await front.evaluate(() => document.activeElement?.dataset.network), 'linkedin');
  await front.keyboard.press('Enter');
  await front.waitForFunction(() => document.querySelector('dialog.shareworthy-composer')?.open && document.activeElement?.tagName === 'TEXTAREA');
  await front.keyboard.press('Escape');
  assert.equal(await front.evaluate(() => document.activeElement?.dataset.network), 'linkedin');
  await context.close();
});
