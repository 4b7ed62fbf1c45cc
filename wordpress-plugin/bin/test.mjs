#!/usr/bin/env node
/**
 * `npm test` in wordpress-plugin/: PHPUnit on the real local WordPress.
 *
 * 1. ensureSite(): the .wp/site install with the plugin active (built once, then reused).
 * 2. A php -S server on a throw-away copy of the database, for the tests that go over real
 *    HTTP (SHAREWORTHY_HTTP_URL, SHAREWORTHY_HTTP_DB tell them where).
 * 3. PHPUnit (Debian's phpunit 9.6) with --log-junit into $SHAREWORTHY_TEST_RESULTS.
 * 4. The same suite again on MariaDB, into wordpress-plugin-php-mariadb.xml, when MariaDB
 *    and PHP's mysqli are installed (skipped with a note otherwise; SHAREWORTHY_TEST_MARIADB=0
 *    turns it off, =1 makes a missing MariaDB an error).
 * Extra arguments go to PHPUnit (e.g. `npm test -- --filter RedirectTest`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPhp, databaseFile, ensureSite, pluginDir, repoRoot, startServer } from './wp-env.mjs';
import { prepareMariadb } from './mariadb.mjs';

const php = checkPhp();
if (!php.ok) {
  console.error(php.message);
  process.exit(1);
}
if (spawnSync('phpunit', ['--version']).error) {
  console.error('PHPUnit is missing. Install it with:\n  sudo apt-get install -y phpunit');
  process.exit(1);
}
ensureSite({ quiet: true });

const results = process.env.SHAREWORTHY_TEST_RESULTS ?? join(repoRoot, 'test-results');
mkdirSync(results, { recursive: true });
const phpunitArgs = (report) => ['-c', join(pluginDir, 'tests', 'php', 'phpunit.xml'), '--log-junit', join(results, report), ...process.argv.slice(2)];

async function runSuite(report, env) {
  const serverDb = mkdtempSync(join(tmpdir(), 'shareworthy-http-'));
  let server;
  try {
    if (env.SHAREWORTHY_DB !== 'mariadb') copyFileSync(databaseFile, join(serverDb, '.ht.sqlite'));
    const port = Number(process.env.SHAREWORTHY_TEST_PORT ?? 8899);
    server = await startServer({ port, env: { ...env, SHAREWORTHY_DB_DIR: `${serverDb}/` }, workers: 2 });
    const run = spawnSync('phpunit', phpunitArgs(report), {
      stdio: 'inherit',
      env: { ...process.env, ...env, SHAREWORTHY_HTTP_URL: server.url, SHAREWORTHY_HTTP_DB: join(serverDb, '.ht.sqlite') },
    });
    return run.status ?? 1;
  } finally {
    await server?.stop();
    rmSync(serverDb, { recursive: true, force: true });
  }
}

let status = await runSuite('wordpress-plugin-php.xml', {});
if (process.env.SHAREWORTHY_TEST_MARIADB !== '0') {
  const maria = prepareMariadb();
  if (maria.ok) {
    console.log('\nSame suite on MariaDB:');
    status = (await runSuite('wordpress-plugin-php-mariadb.xml', maria.env)) || status;
  } else {
    console.log(`MariaDB suite skipped: ${maria.message}`);
    if (process.env.SHAREWORTHY_TEST_MARIADB === '1') status = 1;
  }
}
process.exit(status);
