/**
 * Shareworthy → Settings, click tracker section, in a real browser against the real local
 * WordPress (a throw-away copy of its database) and a REAL click tracker (packages/tracker's
 * command line on a temporary SQLite file): the admin enters the tracker's URL and a key with
 * the scopes issue and report, saves, and the page checks the connection by itself: reachable,
 * issue and report yes, erase missing with what that stops; "Test connection" from the keyboard
 * answers the same; a wrong key is refused with the tracker's own message. Screen readers hear
 * each result (wp.a11y's live regions). axe-core finds no serious or critical violation.
 *
 * Run: `node --test tests/e2e/settings-tracker.test.mjs` (needs `npm run build` of the plugin
 * and of packages/tracker, and PHP).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { databaseFile, ensureSite, repoRoot, startServer } from '../../wordpress-plugin/bin/wp-env.mjs';
import { axeViolations, launchChromium, logInPage, setSiteLanguage } from './browser.mjs';

const PORT = Number(process.env.SHAREWORTHY_E2E_SETTINGS_TRACKER_PORT ?? 8897);
const shots = join(process.env.SHAREWORTHY_TEST_RESULTS ?? join(repoRoot, 'test-results'), 'screenshots');
const KEY = 'shareworthy-e2e-issue-report';
const SETTINGS = '/wp-admin/admin.php?page=shareworthy-settings';

let server;
let browser;
let dbDir;
let tracker;

/** A loopback port nothing listens on (one the system just gave out and took back). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the tracker on a free port; resolves once /healthz answers. */
async function startTracker(dir) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(repoRoot, 'packages/tracker/bin/shareworthy-tracker.mjs')], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH,
      TRACKER_PORT: String(port),
      TRACKER_SQLITE_PATH: join(dir, 'tracker.sqlite'),
      TRACKER_SQLITE_SYNCHRONOUS: 'NORMAL',
      TRACKER_API_KEYS: `${KEY}:issue+report`,
      TRACKER_ALLOWED_TARGET_HOSTS: 'www.example.com,127.0.0.1',
      TRACKER_LOG_LEVEL: 'warn',
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const deadline = Date.now() + 20000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the tracker exited: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the tracker did not answer within 20 s: ${stderr}`);
    }
    const health = await fetch(`${url}/healthz`).catch(() => null);
    if (health?.status === 200) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The result notice of the tracker check, once it shows. */
async function checkResult(page) {
  const result = page.locator('.shareworthy-tracker-status .components-notice');
  await result.waitFor();
  return result;
}

/** Saves the settings with the given tracker URL and key, and waits for the saved notice. */
async function saveTracker(page, url, key) {
  await page.getByLabel('Click tracker URL').fill(url);
  await page.getByLabel('Click tracker API key').fill(key);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.locator('.components-notice.is-success', { hasText: 'Settings saved.' }).waitFor();
}

/** What wp.a11y's live regions said last. */
const spoken = (page) => page.evaluate(() => ['polite', 'assertive'].map((kind) => document.getElementById(`a11y-speak-${kind}`)?.textContent ?? '').join(' '));

before(async () => {
  mkdirSync(shots, { recursive: true });
  ensureSite({ quiet: true });
  dbDir = mkdtempSync(join(tmpdir(), 'shareworthy-e2e-settings-tracker-'));
  copyFileSync(databaseFile, join(dbDir, '.ht.sqlite'));
  tracker = await startTracker(dbDir);
  server = await startServer({ port: PORT, env: { SHAREWORTHY_DB_DIR: `${dbDir}/` }, workers: 4 });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tracker && tracker.child.exitCode === null) {
    const exited = new Promise((resolve) => tracker.child.once('exit', resolve));
    tracker.child.kill('SIGTERM');
    await exited;
  }
  if (dbDir) rmSync(dbDir, { recursive: true, force: true });
});

test('after saving a tracker URL and key, the page says the tracker answers, issue and report yes, erase missing and what that stops', async () => {
  const { context, page } = await logInPage(browser, server.url, 'admin');
  try {
    await page.goto(`${server.url}${SETTINGS}`);
    await page.getByLabel('Click tracker URL').waitFor();
    await saveTracker(page, tracker.url, KEY);

    // The save changed the URL and key: the check runs without a click.
    const result = await checkResult(page);
    assert.match(await result.textContent(), /The click tracker answers with this URL and key\./);
    const scope = (name) => result.locator(`li[data-scope="${name}"]`);
    assert.equal(await scope('issue').getAttribute('data-granted'), 'true');
    assert.equal(await scope('report').getAttribute('data-granted'), 'true');
    assert.equal(await scope('erase').getAttribute('data-granted'), 'false');
    assert.match(await scope('erase').textContent(), /missing\. Without it, erasure requests .* cannot reach the tracker/);
    assert.match(await result.textContent(), /No clicks have been imported from the click tracker yet\./);
    assert.equal(await result.evaluate((notice) => notice.classList.contains('is-warning')), true);
    await page.waitForFunction(() => /erasure requests/.test(document.getElementById('a11y-speak-polite')?.textContent ?? ''));
    assert.deepEqual(await axeViolations(page), []);
    await result.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'admin-settings-tracker.png') });

    // The key is answered masked, and the mask sent back kept it: the check still passes.
    assert.match(await page.getByLabel('Click tracker API key').inputValue(), /^•+port$/);

    // "Test connection" from the keyboard: busy, then the same answer again, spoken again.
    await page.evaluate(() => {
      document.getElementById('a11y-speak-polite').textContent = '';
    });
    await page.getByRole('button', { name: 'Test connection' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Issue short links: yes/.test(document.getElementById('a11y-speak-polite')?.textContent ?? ''));
    assert.equal(await (await checkResult(page)).locator('li[data-granted="false"]').count(), 1);
  } finally {
    await context.close();
  }
});

test('a wrong key is refused with the tracker\'s own message', async () => {
  const { context, page } = await logInPage(browser, server.url, 'admin');
  try {
    await page.goto(`${server.url}${SETTINGS}`);
    await page.getByLabel('Click tracker API key').waitFor();
    await saveTracker(page, tracker.url, 'not-a-key-the-tracker-knows');
    const result = await checkResult(page);
    assert.equal(await result.evaluate((notice) => notice.classList.contains('is-error')), true);
    assert.match(await result.textContent(), /The click tracker cannot be used with this URL and key\..*This API key is not known\./s);
    assert.equal(await result.locator('li[data-scope]').count(), 0);
    await page.waitForFunction(() => /This API key is not known/.test(document.getElementById('a11y-speak-assertive')?.textContent ?? ''));
    assert.match(await spoken(page), /cannot be used/);
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

test('on a French site the check reads French', async () => {
  // Last test: the site language stays French.
  setSiteLanguage(dbDir, 'fr_FR');
  const { context, page } = await logInPage(browser, server.url, 'admin');
  try {
    await page.goto(`${server.url}${SETTINGS}`);
    const key = page.getByLabel('Clé d’API du traceur de clics');
    await key.waitFor();
    await key.fill(KEY);
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.locator('.components-notice.is-success', { hasText: 'Réglages enregistrés.' }).waitFor();
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    const result = await checkResult(page);
    assert.match(await result.textContent(), /Le traceur de clics répond avec cette URL et cette clé\./);
    assert.match(await result.locator('li[data-scope="erase"]').textContent(), /manquante/);
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});
