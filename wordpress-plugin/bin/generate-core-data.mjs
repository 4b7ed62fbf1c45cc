#!/usr/bin/env node
/**
 * Writes `includes/generated/core-data.php` from `@shareworthy/core`'s build, so the PHP
 * redirect classifies visits and tags URLs with the very data the TypeScript side uses:
 * bot patterns, prefetch headers, the default utm_medium, the network list and each
 * network's share-intent URL (as a template with {url}, {text} and {title} slots), and the
 * curation model (item kinds, statuses, limits, priority range, feed scoring).
 *
 * Run by the plugin's `build` script after core's build (root `npm run build` builds
 * workspaces in order: core first). The output is gitignored: it is a build product.
 * `--check` exits 1 when the file on disk differs from what core would generate.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const coreDist = join(here, '..', '..', 'core', 'dist', 'index.js');
const target = join(here, '..', 'includes', 'generated', 'core-data.php');

if (!existsSync(coreDist)) {
  console.error(`generate-core-data: ${coreDist} is missing; build core first (npm run build -w core).`);
  process.exit(1);
}
const core = await import(pathToFileURL(coreDist).href);
const corePackage = JSON.parse(readFileSync(join(here, '..', '..', 'core', 'package.json'), 'utf8'));

const need = (name) => {
  if (core[name] === undefined) {
    console.error(`generate-core-data: @shareworthy/core does not export ${name} (yet?).`);
    process.exit(1);
  }
  return core[name];
};

/**
 * A JavaScript regex source (no lookbehind, no named groups: core promises that) as the
 * body of a PCRE pattern. PCRE rejects a `-` between a class escape and another character
 * inside `[...]` (`[\w\d-.]`), which JavaScript reads as a literal hyphen: escape those.
 */
export function toPcreBody(source) {
  let out = '';
  let inClass = false;
  let previousWasClassEscape = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      out += c + next;
      i += 1;
      previousWasClassEscape = inClass && /[dDwWsS]/.test(next);
      continue;
    }
    if (inClass && c === '-' && (previousWasClassEscape || /^\\[dDwWsS]/.test(source.slice(i + 1, i + 3)))) {
      out += '\\-';
      previousWasClassEscape = false;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c === '~' ? '\\~' : c;
    previousWasClassEscape = false;
  }
  return out;
}

/** A PHP single-quoted string literal. */
const php = (value) => `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

const phpValue = (value, indent = '') => {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'string') return php(value);
  const inner = `${indent}\t`;
  const entries = Array.isArray(value)
    ? value.map((item) => `${inner}${phpValue(item, inner)},`)
    : Object.entries(value).map(([key, item]) => `${inner}${php(key)} => ${phpValue(item, inner)},`);
  return entries.length ? `array(\n${entries.join('\n')}\n${indent})` : 'array()';
};

// Share intents become templates: placeholders made of unreserved characters pass through
// core's percent-encoding untouched, and PHP substitutes the encoded values.
const slots = { url: 'SWSLOTURLSW', text: 'SWSLOTTEXTSW', title: 'SWSLOTTITLESW' };
const shareIntentUrl = need('shareIntentUrl');
const networks = {};
for (const network of need('NETWORKS')) {
  const template = shareIntentUrl(network, { url: slots.url, text: slots.text, title: slots.title });
  networks[network] = template.replace(slots.url, '{url}').replace(slots.text, '{text}').replace(slots.title, '{title}');
}

// Core keeps its prefetch-header rules private to classifyVisit, so they are mirrored here
// and checked against classifyVisit itself on every build: if core changes them, the build
// fails until this table follows.
const PREFETCH_MIRROR = {
  'sec-purpose': '^\\s*prefetch\\b',
  purpose: '^\\s*(?:prefetch|preview)\\b',
  'x-purpose': '^\\s*(?:prefetch|preview)\\b',
  'x-moz': '^\\s*prefetch\\b',
};
const classifyVisit = need('classifyVisit');
const browser = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const probeNames = [...Object.keys(PREFETCH_MIRROR), 'Sec-Purpose', 'X-Moz', 'referer', 'x-requested-with', 'prefetch', 'sec-fetch-dest', 'x-prefetch', 'sec-purpose-x'];
const probeValues = ['prefetch', 'Prefetch', ' prefetch;prerender', 'prefetch;anonymous-client-ip', 'preview', 'PREVIEW', 'prerender', 'prefetcher', 'no-prefetch', 'previews', '', 'document', 'instant'];
const mirrorSays = (name, value) => {
  const source = PREFETCH_MIRROR[name.toLowerCase()];
  return source !== undefined && new RegExp(source, 'i').test(value);
};
for (const name of probeNames) {
  for (const value of probeValues) {
    const core = classifyVisit({ method: 'GET', userAgent: browser, headers: { [name]: value } }).reason === 'prefetch';
    if (core !== mirrorSays(name, value)) {
      console.error(`generate-core-data: core's prefetch rules changed (${name}: ${JSON.stringify(value)} → core says ${core}); update PREFETCH_MIRROR.`);
      process.exit(1);
    }
  }
}

const botPatterns = need('BOT_PATTERNS');
const compileAlternation = need('compileAlternation');
// Case-insensitive like core's RegExp(…, 'i'); byte mode (no /u) so that \w, \d, \s and
// \b stay ASCII as in a JavaScript RegExp without the u flag; D so that `$` means the end
// of the string only, as in JavaScript.
const pcre = (source) => `~${toPcreBody(source)}~iD`;
const data = {
  generatedFrom: `@shareworthy/core ${corePackage.version}`,
  botPattern: pcre(need('BOT_PATTERN')),
  botKinds: Object.fromEntries(need('BOT_PATTERN_GROUPS').map(({ kind, patterns }) => [kind, pcre(compileAlternation(patterns))])),
  prefetchHeaders: Object.fromEntries(Object.entries(PREFETCH_MIRROR).map(([name, source]) => [name, pcre(source)])),
  utmMedium: need('DEFAULT_UTM_MEDIUM'),
  dedupeWindowMs: need('DEDUPE_WINDOW_MS'),
  networks,
  networkNames: { ...need('NETWORK_NAMES') },
  reachPerShare: { ...need('DEFAULT_REACH_PER_SHARE') },
  // Curation: the item model the meta schema and the feed ranking follow.
  itemKinds: [...need('ITEM_KINDS')],
  itemStatuses: [...need('ITEM_STATUSES')],
  itemLimits: { ...need('ITEM_LIMITS') },
  priority: { ...need('PRIORITY') },
  feedScoring: { ...need('FEED_SCORING') },
  // Answers of core's visitorKey/normalizeIp, for the PHP tests to compare with (not used at run time).
  visitorKeyVectors: await Promise.all(
    [
      ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', '203.0.113.77', 'Mozilla/5.0 (X11; Linux x86_64)', '2026-03-01'],
      ['00', '2001:DB8:0:0:0:0:0:1', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 [LinkedInApp]', '2026-12-31'],
      ['salt', '::ffff:192.0.2.1', 'Été 👩🏽‍💻 مرحبا', '2026-06-15'],
      ['salt', '[fe80::1%eth0]', '', '2026-06-15'],
    ].map(async ([salt, ip, userAgent, day]) => ({ salt, ip, userAgent, day, key: await need('visitorKey')({ ip, userAgent, day }, salt) })),
  ),
  normalizeIpVectors: Object.fromEntries(
    ['2001:DB8:0:0:0:0:0:1', '::ffff:192.0.2.1', '::ffff:c000:201', '[fe80::1%eth0]', ' 192.0.2.1 ', 'unknown', '2001:db8:0:1:0:0:0:1', '1.2.3', '::', '::1'].map((ip) => [ip, need('normalizeIp')(ip)]),
  ),
};

const output = `<?php
/**
 * GENERATED by wordpress-plugin/bin/generate-core-data.mjs from ${data.generatedFrom}.
 * Do not edit: change core and run \`npm run build\`.
 *
 * @package Shareworthy
 */

defined( 'ABSPATH' ) || exit;

return ${phpValue(data)};
`;

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== output) {
    console.error('generate-core-data: includes/generated/core-data.php is out of date; run npm run build.');
    process.exit(1);
  }
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, output);
  console.log(`generate-core-data: wrote includes/generated/core-data.php (${botPatterns.length} bot patterns, ${Object.keys(networks).length} networks)`);
}
