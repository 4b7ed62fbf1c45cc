/**
 * What the browser tests share: Debian's Chromium with the flags that work here, a logged-in
 * page that cannot reach other hosts, axe-core's serious and critical violations, and a
 * throw-away site switched to another language.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

import { siteDir } from '../../wordpress-plugin/bin/wp-env.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Starts headless Chromium (CHROMIUM_PATH, else /usr/bin/chromium).
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new context (1280 × 900 unless `options` say otherwise, 15 s timeouts, other hosts than
 * 127.0.0.1 refused) and a page logged in through wp-login.php.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url site URL
 * @param {string} user user name (password `password`)
 * @param {import('playwright-core').BrowserContextOptions} [options] more context options (viewport, acceptDownloads)
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page }>}
 */
export async function logInPage(browser, url, user, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(15000);
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${url}/wp-login.php`);
  await page.fill('#user_login', user);
  await page.fill('#user_pass', 'password');
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
  return { context, page };
}

/**
 * axe-core's serious and critical violations in the admin page's content.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string[]>} `rule: selectors` per violation
 */
export async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() => window.axe.run(document.querySelector('#wpbody-content'), { resultTypes: ['violations'] }));
  return results.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * Sets the language of a throw-away site. update_option() refuses a language whose core files
 * are missing (only the plugin's fr_FR ships here), so the option is written with SQL.
 * @param {string} dbDir folder of the site's database copy (SHAREWORTHY_DB_DIR)
 * @param {string} locale e.g. `fr_FR`
 */
export function setSiteLanguage(dbDir, locale) {
  const sql = `$GLOBALS['wpdb']->replace( $GLOBALS['wpdb']->options, array( 'option_name' => 'WPLANG', 'option_value' => '${locale}', 'autoload' => 'yes' ), array( '%s', '%s', '%s' ) );`;
  execFileSync('php', ['-r', `$_SERVER['HTTP_HOST'] = '127.0.0.1'; require '${siteDir}/wp-load.php'; ${sql}`], {
    env: { ...process.env, SHAREWORTHY_DB_DIR: `${dbDir}/` },
  });
}
