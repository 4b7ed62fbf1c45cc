#!/usr/bin/env node
/**
 * `npm test`: runs every workspace's `test` script, then sums the JUnit XML reports they
 * wrote into `test-results/` and prints one closing line `N passed, N failed[, N skipped]`.
 *
 * Why JUnit: Jest (jest-junit), PHPUnit (--log-junit) and our browser tests all speak it,
 * so one parser totals suites written in different languages.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const only = process.argv.slice(2);
const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
const dirs = workspaces.flatMap((pattern) =>
  pattern.endsWith('/*')
    ? safeList(join(root, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`)
    : [pattern],
);

let crashed = 0;
for (const dir of dirs) {
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  } catch {
    continue;
  }
  if (!pkg.scripts?.test || (only.length && !only.includes(dir) && !only.includes(pkg.name))) continue;
  console.log(`\n=== ${pkg.name} (${dir}) ===`);
  const run = spawnSync('npm', ['run', 'test', '--silent'], {
    cwd: join(root, dir),
    stdio: 'inherit',
    env: { ...process.env, SHAREWORTHY_TEST_RESULTS: resultsDir },
  });
  // A runner that dies before writing its report must still fail the run.
  if (run.status !== 0 && !hasReport(pkg.name)) crashed += 1;
  if (run.status !== 0) console.log(`${pkg.name}: test script exited with ${run.status}`);
}

const totals = { passed: 0, failed: crashed, skipped: 0 };
for (const file of safeList(resultsDir).filter((f) => f.endsWith('.xml'))) {
  const xml = readFileSync(join(resultsDir, file), 'utf8');
  for (const [, body] of xml.matchAll(/<testcase\b[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    if (body && /<(failure|error)\b/.test(body)) totals.failed += 1;
    else if (body && /<skipped\b/.test(body)) totals.skipped += 1;
    else totals.passed += 1;
  }
}
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);

function safeList(dir) {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function hasReport(name) {
  const base = name.replace(/^@[^/]+\//, '');
  return safeList(resultsDir).some((f) => f.startsWith(base));
}
