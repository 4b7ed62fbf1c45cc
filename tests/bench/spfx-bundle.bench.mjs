#!/usr/bin/env node
/**
 * Production bundles of the SharePoint web parts, gzipped (what a reader's browser
 * downloads on top of what SharePoint already serves: React, ReactDOM and the SPFx runtime
 * are externals and not in these files). Each bundle includes what it imports of
 * `@shareworthy/core`, PnPjs and Fluent UI. Goal for Share: ≤ 60 KB.
 * Reads spfx-webpart/release/assets (run `npm run build` first). Ratio = bytes / 60 KB.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { report } from './harness.mjs';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'spfx-webpart', 'release', 'assets');
if (!existsSync(assets)) {
  console.log('spfx-bundle: skipped, spfx-webpart/release/assets is missing (run npm run build)');
  process.exit(0);
}
const GOAL = 60 * 1024;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const files = readdirSync(assets);
for (const part of ['share', 'feed', 'report']) {
  const file = files.find((name) => name.startsWith(`${part}-web-part_`) && name.endsWith('.js'));
  if (file === undefined) {
    console.log(`spfx-bundle: ${part} bundle missing`);
    continue;
  }
  const raw = readFileSync(join(assets, file));
  const gz = gzipSync(raw, { level: 9 }).length;
  if (part === 'share') report('spfx-bundle: Share web part, gzipped vs 60 KB', gz / GOAL, { goal: 1, lowerIsBetter: true, detail: `${kb(gz)} (${kb(raw.length)} minified)` });
  else console.log(`spfx-bundle: ${part} web part, gzipped: ${kb(gz)} (${kb(raw.length)} minified)`);
}
