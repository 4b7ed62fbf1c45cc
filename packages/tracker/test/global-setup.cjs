/**
 * Builds core and the tracker once before the suites: the CLI and crash tests start the real
 * `bin/shareworthy-tracker.mjs` as a child process, which runs the compiled `dist/`.
 * tsc still emits when another package has a type error mid-work; what matters here is that
 * the JavaScript the child process loads is the working tree's.
 */
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  const root = join(__dirname, '..', '..', '..');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['core/tsconfig.json', 'packages/tracker/tsconfig.json']) {
    const run = spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) process.stderr.write(`tsc -p ${project}:\n${run.stdout}${run.stderr}\n`);
  }
  for (const file of ['core/dist/index.js', 'packages/tracker/dist/cli.js']) {
    if (!existsSync(join(root, file))) throw new Error(`build produced no ${file}`);
  }
};
