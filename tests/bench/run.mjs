#!/usr/bin/env node
/**
 * `npm run bench`: runs each `tests/bench/*.bench.mjs` in its own Node process (so one
 * benchmark's heap and JIT state cannot colour the next) and exits non-zero if any crashed.
 * Goals that are missed are printed as MISSED but do not fail the run: benchmarks report.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let crashed = 0;
for (const file of files) {
  console.log(`\n# ${file}`);
  const run = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) crashed += 1;
}
process.exit(crashed ? 1 : 0);
