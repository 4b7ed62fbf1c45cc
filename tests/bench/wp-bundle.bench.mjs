#!/usr/bin/env node
/**
 * Front-end JavaScript of the WordPress share block, gzipped (what a reader downloads):
 * - the initial view module, loaded on every page with the block: goal ≤ 10 KB;
 * - the composer chunk (core's policy check, X/Bluesky counting, share intents), imported
 *   on the first click only, reported separately;
 * - the no-JS links: plain `<a href>` to admin-post.php, 0 B of JavaScript needed (the
 *   browser test follows one with JavaScript turned off).
 * Reads wordpress-plugin/build (run `npm run build` first). Ratio = bytes / 10 KB.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { report } from './harness.mjs';

const build = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'wordpress-plugin', 'build');
const view = join(build, 'blocks', 'share', 'view.js');
if (!existsSync(view)) {
  console.log('wp-bundle: skipped, wordpress-plugin/build is missing (run npm run build)');
  process.exit(0);
}
const GOAL = 10 * 1024;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

const initial = gz(view);
// The lazy chunks are the module's dynamic imports, relative to the module's own URL.
const chunks = [...readFileSync(view, 'utf8').matchAll(/import\("([^"?]+)(?:\?[^"]*)?"\)/g)].map((m) => join(dirname(view), m[1]));
const lazy = chunks.reduce((sum, file) => sum + gz(file), 0);

report('wp-bundle: share block initial view module, gzipped vs 10 KB', initial / GOAL, {
  goal: 1,
  lowerIsBetter: true,
  detail: `${kb(initial)} (${readFileSync(view).length} B raw)`,
});
console.log(`wp-bundle: composer chunk loaded on first open, gzipped: ${kb(lazy)} (${chunks.length} chunk${chunks.length === 1 ? '' : 's'})`);
console.log('wp-bundle: no-JS share links: 0 B of JavaScript (plain links to admin-post.php, which records the share and redirects)');
