#!/usr/bin/env node
/**
 * Builds the shared vectors whose expected values are core's own answers, so the PHP
 * mirrors in wordpress-plugin are held to exactly what `@shareworthy/core` does:
 * - `tests/vectors/links-campaign-slugs.json`: `campaignSlug(name)`;
 * - `tests/vectors/curation-hashtags.json`: the `hashtags` of `validateItem` (output list, or
 *   the issues as `[path, code]`).
 * The inputs are listed here; the outputs come from core's build (`core/dist`). Core's Jest
 * tests recompute every case from core's sources, so a change to core that moves an answer
 * fails there until this script is run again and the PHP side follows.
 *
 * Run: npm run build -w core && node scripts/build-core-vectors.mjs [--check]
 * `--check` writes nothing and exits 1 when a committed file differs from core's answers.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'core', 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error(`build-core-vectors: ${dist} is missing; build core first (npm run build -w core).`);
  process.exit(1);
}
const core = await import(pathToFileURL(dist).href);

/** [campaign name, why the case is here (optional)] */
const CAMPAIGN_NAMES = [
  ['Été 2026 — Recrutement'],
  ['  Hello,   World!  '],
  ['Straße & Œuvre Æsir Łódź Ørsted'],
  ['İstanbul ﬁnale ２０２６'],
  ['Re\u200bcru\u00adte\u200dment \u202eevil', "zero-width space, soft hyphen, ZWJ and RLO are dropped, not turned into '-'"],
  ['🚀 Launch 🇫🇷 1\ufe0f\u20e3', 'emoji are separators; the keycap marks on 1 are dropped'],
  ['Ünïcödé---ñame__'],
  ['Москва 2026'],
  ['東京 キャンペーン'],
  ['हिन्दी अभियान', 'Devanagari vowel signs and virama are part of the letters: kept'],
  ['שלום עולם'],
  ['!!! ---'],
  [''],
  ['ΟΔΟΣ ΣΟΦΙΑΣ', 'a Greek sigma that ends a word is the final ς, as Greek is written'],
  ['οδοσ σοφιασ', 'a typed σ at the end of a word too (WordPress term slugs hold ΟΔΟΣ as οδοσ before PHP 8.3)'],
  ['Οδός Σοφίας 2026', 'Greek accents (tonos) are part of the letter: kept'],
  ['ΑΣ.Σ ς', "the Σ before a full stop ends a word of the slug (Unicode's Final_Sigma alone keeps σ there); a lone sigma is σ, even typed ς"],
  ['Ёлка Йошкар-Ола Україна Її', 'Cyrillic breve and diaeresis are kept (NFC recomposes them)'],
  ['Ǆemal ǅemal Ĳssel', 'Latin digraph ligatures decompose to their letters'],
  ['ﬁ ﬂ ﬀ ﬃ ﬆ', 'typographic ligatures fold to their letters'],
  ['Ⅻ ① ½ x² ℃ ™ 𝐀𝐁𝐂', 'compatibility forms fold and are lowercased after folding (℃ → °C → c); the fraction slash is a separator'],
  ['ｶﾀｶﾅ ＡＢＣ　ａｂｃ', 'half-width katakana and full-width Latin fold; the ideographic space separates'],
  ['캠페인 2026', 'Hangul syllables stay whole (NFKD splits them, NFC rejoins)'],
  ['中文 活动 漢字', 'CJK ideographs are kept'],
  ['العَرَبِيَّة حملة', 'Arabic harakat are marks on Arabic letters: kept'],
  ['مرحبا ﻻ ﷺ', 'Arabic presentation forms fold to their letters'],
  ['e\u0301te\u0301 a\u0308\u0301', 'decomposed Latin accents are stripped like precomposed ones'],
  ['\u0301\u0308start', 'marks at the start, on no letter, are dropped'],
  ['ab\u0301\u0302\u0303\u0304\u0305\u0306', 'a stack of marks on a Latin letter is stripped'],
  ['👩‍👩‍👧 family 👍🏽 ok 🏳️‍🌈', 'emoji sequences (ZWJ, skin tone, flag) are one separator each'],
  ['İSTANBUL ISPARTA ılık', 'Turkish dotted İ loses its dot (Latin accents go); dotless ı becomes i: locale-independent'],
  ['STRASSE Straße STRAẞE', 'German ß and capital ẞ both become ss'],
  ['ſtraſſe K Ω µ', 'long s, Kelvin, Ohm and micro signs fold to ordinary letters'],
  ['50%2B growth %E2%82%AC 100%', 'percent signs are text, not an encoding: no decoding'],
  ['tab\tnew\nline\u2028sep\u00a0nbsp\u3000ideo', 'every kind of space or line break is a separator'],
  ['a\u034fb c\u180ed e\ufefff', 'invisible format characters inside a word are dropped'],
  ['ไทย ภาษา', 'Thai vowel signs are marks on Thai letters: kept'],
];

/** [behaviour, hashtags as sent] */
const HASHTAG_LISTS = [
  ['plain tags keep their case', ['Hiring', 'RSE', 'emploi']],
  ['one leading # or fullwidth ＃ is removed', ['#emploi', '＃日本', '##double']],
  ['surrounding spaces, tabs and no-break spaces are trimmed', ['  tag  ', '\ttab\n', '\u00a0nbsp\u3000', ' # spaced']],
  ['duplicates ignoring case keep the first spelling', ['Emploi', 'emploi', '#EMPLOI', 'Straße', 'STRASSE']],
  ['Greek tags ignore case with final sigma', ['ΟΔΟΣ', 'οδος', 'Σοφία']],
  ['letters of every script, digits and underscores', ['ingénierie', '日本', 'Москва', 'العربية', 'हिन्दी', 'ไทย', '한국어', 'été_2026']],
  ['combining marks stay (decomposed accents, Devanagari signs)', ['e\u0301te\u0301', 'कि']],
  ['ZWNJ is kept for Persian and Indic words', ['می\u200cخواهم']],
  ['blank and invisible-only entries are dropped', ['', '   ', '#', '\u200b', '\ufeff', '#\u200b']],
  ['a zero-width space, joiner or bidi mark inside is refused', ['a\u200bb', 'a\u200db', 'a\u200eb', '\u202eevil']],
  ['spaces and punctuation inside are refused', ['two words', 'c++', 'semi;colon', 'dash-ed', 'dot.ted', "l'été"]],
  ['emoji are refused', ['🚀', 'launch🚀', '1\ufe0f\u20e3']],
  ['digits only are refused, digits with letters pass', ['2026', '٢٠٢٦', '2026a', '_2026']],
  ['a second # is refused', ['#a#b', '##']],
  ['100 UTF-16 units pass, 101 are too long', ['a'.repeat(100), 'b'.repeat(101)]],
  ['astral letters count two units each', ['𝐀'.repeat(50), '𝐁'.repeat(51)]],
  ['every bad entry is reported, in order, and good ones still count', ['ok', 'bad one', 'x'.repeat(200), '123']],
  ['non-string entries are refused', ['ok', 42, null, ['nested'], { tag: 'x' }, true]],
  ['a string instead of a list is refused', '#emploi'],
  // Not { 0: 'emploi' }: PHP decodes that JSON object to the same array as a list.
  ['an object instead of a list is refused', { first: 'emploi' }],
  ['null is an empty list', null],
  ['a blank string is an empty list', '  \u200b '],
  ['an empty list', []],
];

/** A valid item: only the hashtags vary, so every issue is a hashtag's. */
const ITEM = {
  id: '42',
  publicUrl: 'https://example.com/news/hiring',
  title: 'We are hiring',
  kind: 'job',
  createdAt: '2026-03-01T09:00:00+01:00',
};

const documents = {
  'links-campaign-slugs.json': {
    description:
      "campaignSlug(name) -> utm_campaign slug (core/src/links/tracking.ts), generated from core's build by scripts/build-core-vectors.mjs (do not edit by hand). NFKD compatibility folding, then Unicode default lowercase (locale-independent); marks stripped from Latin letters only; ß→ss æ→ae œ→oe ø→o ł→l đ/ð→d þ→th ı→i; marks on no letter dropped; invisible format characters (Cf) dropped; other runs of non-letters/digits → one '-'; no '-' at the ends; Greek sigma ending a word after a letter → ς, elsewhere σ; no percent-decoding. No lone surrogates here (PHP's json_decode rejects them). Shareworthy, GPL-2.0-or-later.",
    cases: CAMPAIGN_NAMES.map(([name, note]) => ({ name, slug: core.campaignSlug(name), ...(note === undefined ? {} : { note }) })),
  },
  'curation-hashtags.json': {
    description:
      "The hashtags of validateItem({ ...valid item, hashtags: input }) (core/src/curation/validate.ts), generated from core's build by scripts/build-core-vectors.mjs (do not edit by hand): the normalised list (`output`) or every issue as [path joined with '.', code] (`issues`). Rule: trim (JavaScript white space), one leading # or ＃ removed, invisible-only entries dropped, at most ITEM_LIMITS.hashtag UTF-16 units, HASHTAG_PATTERN /^[\\p{L}\\p{M}\\p{N}_\\u200c]+$/u, not digits only, duplicates ignoring case (toLowerCase) dropped. Shareworthy, GPL-2.0-or-later.",
    cases: HASHTAG_LISTS.map(([behaviour, input]) => {
      const result = core.validateItem({ ...ITEM, hashtags: input });
      return result.success
        ? { behaviour, input, output: result.output.hashtags }
        : { behaviour, input, issues: result.issues.map((issue) => [issue.path.join('.'), issue.code]) };
    }),
  },
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, document] of Object.entries(documents)) {
  const path = join(root, 'tests', 'vectors', file);
  const text = `${JSON.stringify(document, null, 1)}\n`;
  if (!check) {
    writeFileSync(path, text);
    console.log(`${file}: ${document.cases.length} cases`);
  } else if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
    console.error(`${file} differs from core's answers: run node scripts/build-core-vectors.mjs`);
    stale += 1;
  }
}
process.exit(stale ? 1 : 0);
