#!/usr/bin/env node
/**
 * Regenerates `core/src/text/x-data.ts` from the installed dev dependency `twitter-text@3.1.0`
 * (Apache-2.0) and its dependency `twemoji-parser@11.0.2` (MIT).
 *
 * Why generate instead of hand-copying: twitter-text's URL regex is compiled with the `i` flag,
 * so every character class in it also matches the case variants V8 folds into it (U+1C80..U+1C88
 * fold into Cyrillic, U+0260 into Latin Extended-B, `ϵ` into the Greek TLD `ελ`, ...). Testing
 * every BMP code unit against the very regex sources captures those folds exactly.
 *
 * Run: `node scripts/generate-x-text-data.mjs`; the output is committed as is. The NFC table
 * comes from this Node's Unicode data (see below), so regenerate after a Node upgrade.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const src = (name) => require(`twitter-text/dist/regexp/${name}`).source;
const twitterVersion = require('twitter-text/package.json').version;
const twemojiVersion = require('twemoji-parser/package.json').version;

const cyrillic = src('cyrillicLettersAndMarks');
const latin = src('latinAccentChars');
const invalidGroup = src('invalidCharsGroup');
const directional = src('directionalMarkersGroup');

/** Bit per character class, in the order `x-urls.ts` declares them. */
const classes = [
  ['DOMAIN', src('validDomainChars')],
  ['PATH', src('validGeneralUrlPathChars')],
  ['PATH_END', `[\\+\\-a-z${cyrillic}0-9=_#\\/${latin}]`],
  ['QUERY', src('validUrlQueryChars')],
  ['QUERY_END', src('validUrlQueryEndingChars')],
  ['ASCII_LABEL', `[\\-a-z0-9${latin}]`],
  ['PRECEDING', `(?:[^A-Za-z0-9@＠$#＃${invalidGroup}]|[${directional}])`],
  ['TLD_FOLLOWER_BAD', '[0-9a-zA-Z@+-]'],
];
const testers = classes.map(([, source]) => new RegExp(`^${source}$`, 'i'));

// Run-length encode the per-code-unit bit mask: "start:mask" pairs in hex, one per change.
const runs = [];
let previous = -1;
for (let unit = 0; unit < 0x10000; unit += 1) {
  const ch = String.fromCharCode(unit);
  let mask = 0;
  testers.forEach((re, bit) => {
    if (re.test(ch)) mask |= 1 << bit;
  });
  if (mask !== previous) runs.push(`${unit.toString(16)}:${mask.toString(16)}`);
  previous = mask;
}

// TLDs: twitter-text lists them longest-first where one is a prefix of another (嘉里大酒店|嘉里,
// भारतम्|भारत), and no other pair can both match at one place, so "longest match" is its order.
const list = (name) => src(name).replace(/^\(\?:\(\?:/, '').replace(/\)\(\?=.*$/, '').split('|');
const tlds = [...list('validGTLD'), ...list('validCCTLD')];
if (new Set(tlds).size !== tlds.length) throw new Error('duplicate TLD');

// Case folds into the non-ASCII letters of TLDs, as V8 applies them under the `i` flag.
const tldChars = [...new Set(tlds.join('').split('').filter((c) => c.charCodeAt(0) > 0x7f))];
const folds = [];
for (let unit = 0x80; unit < 0x10000; unit += 1) {
  const ch = String.fromCharCode(unit);
  const targets = tldChars.filter((t) => t !== ch && new RegExp(t.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'), 'i').test(ch));
  if (targets.length > 1) throw new Error(`ambiguous fold for U+${unit.toString(16)}`);
  if (targets.length === 1 && !tldChars.includes(ch)) folds.push(ch + targets[0]);
}
// ASCII letters fold only among themselves under V8's non-unicode `i` (checked, not assumed).
for (let unit = 0x80; unit < 0x10000; unit += 1) {
  if (/[a-z]/i.test(String.fromCharCode(unit))) throw new Error(`non-ASCII fold into ASCII: U+${unit.toString(16)}`);
}

const emoji = require('twemoji-parser/dist/lib/regex').default;
if (emoji.flags !== 'g') throw new Error(`unexpected twemoji flags ${emoji.flags}`);

// Code units an emoji match can start with: every BMP alternative of the pattern matches its
// first unit alone or followed by one of these continuations, and astral ones start with a
// high surrogate followed by a low one. Keycap bases (#, *, 0-9) need U+FE0F or U+20E3 next.
const sticky = new RegExp(emoji.source, 'y');
const startsAt = (s) => {
  sticky.lastIndex = 0;
  return sticky.test(s);
};
const tails = ['', '\ufe0f', '\u20e3', '\ufe0f\u20e3', '\u200d\u2640\ufe0f', '\ufe0f\u200d\u2640\ufe0f', '\ud83c\udffb', '\ud83c\udffb\u200d\u2640\ufe0f'];
const emojiStarts = [];
for (let unit = 0; unit < 0x10000; unit += 1) {
  const ch = String.fromCharCode(unit);
  const isHigh = unit >= 0xd800 && unit <= 0xdbff;
  let starts = false;
  if (isHigh) {
    for (let low = 0xdc00; low <= 0xdfff && !starts; low += 1) starts = startsAt(ch + String.fromCharCode(low));
  } else if (unit < 0xdc00 || unit > 0xdfff) {
    starts = tails.some((tail) => startsAt(ch + tail));
  }
  if (starts) emojiStarts.push(ch);
}
const keycapBases = '#*0123456789';
for (const base of keycapBases) if (!emojiStarts.includes(base) || startsAt(base)) throw new Error(`keycap base ${base}`);

// Code units that can never take part in an NFC change: NFC leaves the character alone, its
// combining class is 0 (tested through canonical reordering around marks of class 1 and 230)
// and it is not the second half of any canonical composition (a superset: everything after the
// first code point of any canonical decomposition). A text made only of these is already NFC
// (UAX #15 quick check: all NFC_QC=Yes, no non-zero combining class), so normalize() can be
// skipped. Unassigned code points are not inert: a later Unicode version may make them
// combining marks, and the engine running the count may know that version. A high surrogate
// counts when every code point it starts does, except that in U+1F000–U+1FBFF (emoji and
// symbols, where Unicode only adds symbols) unassigned ones are allowed, so emoji posts skip
// normalize(). Low surrogates follow their high surrogate, and lone surrogates are left alone.
const seconds = new Set();
for (let cp = 0; cp <= 0x10ffff; cp += 1) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const ch = String.fromCodePoint(cp);
  const decomposed = ch.normalize('NFD');
  if (decomposed !== ch) for (const tail of [...decomposed].slice(1)) seconds.add(tail.codePointAt(0));
}
const classZero = (ch) => ('a\u0301' + ch).normalize('NFD') === `a\u0301${ch}` && `a${ch}\u0334`.normalize('NFD') === `a${ch}\u0334`;
const inertCodePoint = (cp, allowUnassigned = false) => {
  const ch = String.fromCodePoint(cp);
  if (/\p{Cn}/u.test(ch)) return allowUnassigned;
  if (ch.normalize('NFC') !== ch || seconds.has(cp)) return false;
  // A composed character's class is that of its decomposition's first (starter) code point.
  return classZero(String.fromCodePoint(ch.normalize('NFD').codePointAt(0)));
};
const inertUnits = [];
for (let unit = 0x300; unit < 0x10000; unit += 1) {
  if (unit >= 0xd800 && unit <= 0xdbff) {
    let all = true;
    const symbols = unit >= 0xd83c && unit <= 0xd83e;
    for (let low = 0xdc00; low <= 0xdfff && all; low += 1) all = inertCodePoint(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000, symbols);
    if (all) inertUnits.push(unit);
  } else if (unit >= 0xdc00 && unit <= 0xdfff) {
    inertUnits.push(unit);
  } else if (inertCodePoint(unit)) {
    inertUnits.push(unit);
  }
}
for (const lone of ['\ud83c', '\udc00', 'a\ud83cb', 'e\ud83c\u0301', '\udc00\u0301']) {
  if (lone.normalize('NFC') !== lone) throw new Error('normalize() changed a lone surrogate');
}
const inertRanges = [];
for (const unit of inertUnits) {
  const last = inertRanges[inertRanges.length - 1];
  if (last && last[1] === unit - 1) last[1] = unit;
  else inertRanges.push([unit, unit]);
}

const escapeNonAscii = (s) => s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const out = `/**
 * Data derived from X's own counting libraries; generated by \`scripts/generate-x-text-data.mjs\`,
 * do not edit by hand.
 *
 * - TLD list and character classes: twitter/twitter-text (npm \`twitter-text@${twitterVersion}\`,
 *   \`dist/regexp/*.js\`), Copyright 2011 Twitter, Inc., Apache License 2.0.
 * - Emoji pattern: twitter/twemoji-parser (npm \`twemoji-parser@${twemojiVersion}\`, \`dist/lib/regex.js\`),
 *   Copyright 2018 Twitter, Inc., MIT License.
 * @packageDocumentation
 */

/**
 * Character-class bit masks of every UTF-16 code unit, run-length encoded as \`start:mask\` (hex)
 * pairs, as twitter-text's case-insensitive URL regex sees them. Bits, lowest first:
 * ${classes.map(([name], bit) => `${name}=${1 << bit}`).join(', ')}.
 */
export const X_CHAR_CLASS_RUNS = '${runs.join(',')}';

/** Every TLD twitter-text recognises (generic, then country codes), lowercase, \`|\`-separated. */
export const X_TLDS = '${escapeNonAscii(tlds.join('|'))}';

/** Pairs "code unit, TLD letter it matches case-insensitively" beyond ASCII, concatenated. */
export const X_TLD_FOLDS = '${escapeNonAscii(folds.join(''))}';

/**
 * The code units twemoji's pattern can start a match with (found by trying every unit with the
 * pattern's possible continuations). The keycap bases \`#*0-9\` among them need U+FE0F or U+20E3 next.
 */
export const TWEMOJI_STARTS = '${escapeNonAscii(emojiStarts.join(''))}';

/**
 * Code units from U+0300 up that NFC never changes nor lets change a neighbour (units below
 * U+0300 all qualify), as hex \`start-end\` ranges: a text made only of these needs no normalize().
 * Derived from this engine's \`String.prototype.normalize\` (Unicode data), not from twitter-text.
 */
export const NFC_INERT_RANGES = '${inertRanges.map(([a, b]) => `${a.toString(16)}-${b.toString(16)}`).join(',')}';

/** twemoji-parser's emoji pattern, sticky so a scanner can try it at one position. */
export const TWEMOJI_PATTERN = /${emoji.source}/y;
`;
const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'core', 'src', 'text', 'x-data.ts');
writeFileSync(target, out);
console.log(`wrote ${target}: ${runs.length} class runs, ${tlds.length} TLDs, ${folds.length} folds, ${emojiStarts.length} emoji starts, ${inertRanges.length} NFC-inert ranges`);
