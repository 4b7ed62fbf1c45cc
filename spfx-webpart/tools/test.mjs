#!/usr/bin/env node
/**
 * `npm test` in spfx-webpart/: every suite, each writing JUnit into $SHAREWORTHY_TEST_RESULTS
 * (the root `npm test` sums them), one after the other so that a failing suite does not hide
 * the others:
 *
 * 1. TypeScript over the sources, the tests and the harness (a type error stops here);
 * 2. Jest: services over the fake transport, components in jsdom, the .sppkg (spfx.xml);
 * 3. the harness page in headless Chromium, axe-core and screenshots (spfx-harness.xml).
 *
 * Suites 2 (.sppkg) and 3 (compiled SCSS) need `npm run build` first, as `.ci/run` does.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspace = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = process.env.SHAREWORTHY_TEST_RESULTS ?? join(workspace, 'test-results');
mkdirSync(results, { recursive: true });
const env = { ...process.env, SHAREWORTHY_TEST_RESULTS: results };
const bin = (pkg, path) => join(dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`)), path);

const run = (name, args) => {
  console.log(`\n--- spfx-webpart: ${name} ---`);
  const { status, signal } = spawnSync(process.execPath, args, { cwd: workspace, stdio: 'inherit', env });
  if (status !== 0) console.log(`spfx-webpart: ${name} exited with ${status ?? signal}`);
  return status === 0;
};

if (!run('TypeScript', [bin('typescript', 'bin/tsc'), '-p', 'test/tsconfig.json'])) process.exit(1);
const passed = [
  run('Jest', [bin('jest', 'bin/jest.js'), '-c', 'jest.config.cjs', '--ci']),
  run('browser', [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=junit',
    `--test-reporter-destination=${join(results, 'spfx-harness.xml')}`,
    join('harness', 'harness.test.mjs'),
  ]),
];
process.exit(passed.every(Boolean) ? 0 : 1);
